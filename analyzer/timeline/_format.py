"""Numbers, dates and tone names as a Finnish or English reader writes them."""

from __future__ import annotations

import math

import pandas as pd

from analyzer.errors import AnalyzerError

__all__ = [
    "LANGS",
    "MIN_N",
    "check_lang",
    "fmt_ci",
    "fmt_num",
    "fmt_p",
    "fmt_pct",
    "fmt_pp",
    "fmt_when",
    "tone_name",
]

#: languages of the report, the headline and the figures
LANGS = ("fi", "en")

#: the smallest segment (comments) whose shares, changes, time series and word
#: changes are read as more than a hint; smaller ones are flagged or left out
MIN_N = 30

_NAMES = {
    "fi": {
        "criticism": "kritiikki",
        "understanding": "ymmärrys",
        "neutral": "neutraali",
        "before": "ennen",
    },
    "en": {
        "criticism": "criticism",
        "understanding": "understanding",
        "neutral": "neutral",
        "before": "before",
    },
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def check_lang(lang: str) -> str:
    """``lang`` if it is a known language, else a one-line :class:`AnalyzerError`."""
    if lang not in LANGS:
        raise AnalyzerError(f"unknown language {lang!r}: use fi or en")
    return lang


def _missing(x: float | None) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def tone_name(name: str, lang: str = "fi") -> str:
    """Display name of a tone or of the segment before the first event (others unchanged).

    Examples
    --------
    >>> tone_name("understanding"), tone_name("before", "en"), tone_name("sarkasmi")
    ('ymmärrys', 'before', 'sarkasmi')
    """
    return _NAMES[check_lang(lang)].get(name, name)


def fmt_num(x: float | None, lang: str = "fi", digits: int = 1, sign: bool = False) -> str:
    """A number with the language's decimal mark (``12,5`` in Finnish); ``–`` if missing.

    Examples
    --------
    >>> fmt_num(12.345), fmt_num(-3.0, "en", sign=True), fmt_num(None)
    ('12,3', '-3.0', '–')
    """
    if _missing(x):
        return "–"
    text = f"{x:+.{digits}f}" if sign else f"{x:.{digits}f}"
    return text.replace(".", ",") if check_lang(lang) == "fi" else text


def fmt_pct(x: float | None, lang: str = "fi", digits: int = 1) -> str:
    """A share as a percentage: ``12,5 %`` (fi), ``12.5 %`` (en).

    Examples
    --------
    >>> fmt_pct(0.125), fmt_pct(0.125, "en"), fmt_pct(None)
    ('12,5 %', '12.5 %', '–')
    """
    return "–" if _missing(x) else f"{fmt_num(x * 100, lang, digits)} %"


def fmt_pp(x: float | None, lang: str = "fi", digits: int = 1) -> str:
    """A change of a share in percentage points, signed: ``+12,2 %-yks.`` / ``+12.2 pp``.

    Examples
    --------
    >>> fmt_pp(0.122), fmt_pp(-0.05, "en")
    ('+12,2 %-yks.', '-5.0 pp')
    """
    if _missing(x):
        return "–"
    unit = "%-yks." if check_lang(lang) == "fi" else "pp"
    return f"{fmt_num(x * 100, lang, digits, sign=True)} {unit}"


def fmt_ci(ci: list | tuple | None, lang: str = "fi", *, unit: bool = True) -> str:
    """A change's interval in percentage points: ``−3,0…+27,0 %-yks.``.

    Examples
    --------
    >>> fmt_ci([-0.03, 0.27]), fmt_ci([0.01, 0.2], "en", unit=False), fmt_ci(None)
    ('-3,0…+27,0 %-yks.', '+1.0…+20.0', '–')
    """
    if ci is None or _missing(ci[0]) or _missing(ci[1]):
        return "–"
    lo = fmt_num(ci[0] * 100, lang, sign=True)
    hi = fmt_pp(ci[1], lang) if unit else fmt_num(ci[1] * 100, lang, sign=True)
    return f"{lo}…{hi}"


def fmt_p(p: float | None, lang: str = "fi") -> str:
    """A p-value: ``0,014``, ``<0,001``.

    Examples
    --------
    >>> fmt_p(0.01449), fmt_p(0.0001, "en"), fmt_p(None)
    ('0,014', '<0.001', '–')
    """
    if _missing(p):
        return "–"
    if p < 0.001:
        return "<" + fmt_num(0.001, lang, 3)
    return fmt_num(p, lang, 3)


def fmt_when(ts: pd.Timestamp | None, lang: str = "fi", year: bool = False) -> str:
    """A time as people write it: ``7.3. klo 19.30`` (fi), ``7 Mar 19:30`` (en).

    The figures' time axes use the same day and month forms.

    Examples
    --------
    >>> t = pd.Timestamp("2026-03-07 19:30", tz="Europe/Helsinki")
    >>> fmt_when(t), fmt_when(t, "en"), fmt_when(t, year=True), fmt_when(None)
    ('7.3. klo 19.30', '7 Mar 19:30', '7.3.2026 klo 19.30', '–')
    """
    if ts is None or ts is pd.NaT:
        return "–"
    ts = pd.Timestamp(ts)
    if check_lang(lang) == "fi":
        day = f"{ts.day}.{ts.month}." + (f"{ts.year}" if year else "")
        return f"{day} klo {ts.hour}.{ts.minute:02d}"
    day = f"{ts.day} {_MONTHS_EN[ts.month - 1]}" + (f" {ts.year}" if year else "")
    return f"{day} {ts.hour:02d}:{ts.minute:02d}"

"""Repair text: mojibake (``HyvÃ¤`` -> ``Hyvä``) and NUL characters."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import pandas as pd

__all__ = ["fix_mojibake", "repair_frame"]

# UTF-8 read as latin-1/cp1252: a lead byte Ã/Â/â/Å... followed by a continuation
# byte shown as a latin-1 symbol, a C1 control or a cp1252 punctuation sign.
_SUSPECT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)


def fix_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-latin-1 mojibake; leave correct text alone.

    Text is changed only when ftfy judges it to be mojibake
    (:func:`ftfy.badness.is_bad`), and then as :func:`ftfy.fix_encoding`
    changes it; clean text, even text that could be the mojibake of something
    (``'VÄ\u00a0HÄ\u00a0!'``), is kept as it is. Cheaper tests come first: text
    without a lead byte followed by a continuation-byte sign (``Ã¤``, ``â€``)
    is never mojibake, and text that is entirely latin-1 with valid UTF-8
    bytes (Facebook's exports: every ``ä`` written as ``Ã¤``) is decoded
    directly, as ftfy's first step would; the result goes back to ftfy only
    if it passes both tests again (mojibake of mojibake), as ftfy's full test
    of clean text costs about fifty times the decoding.

    Examples
    --------
    >>> from analyzer.io import fix_mojibake
    >>> fix_mojibake("HyvÃ¤ pÃ¤ivÃ¤"), fix_mojibake("Hyvä päivä")
    ('Hyvä päivä', 'Hyvä päivä')
    >>> fix_mojibake("VÄ\u00a0HÄ\u00a0!")  # clean, though it decodes as UTF-8
    'VÄ\xa0HÄ\xa0!'
    """
    if not _SUSPECT.search(text):
        return text
    return _fix_suspect(text)


@functools.cache
def _ftfy() -> tuple[Callable[[str], str], Callable[[str], bool]]:
    """ftfy's ``fix_encoding`` and ``is_bad``, imported on first use."""
    from ftfy import fix_encoding
    from ftfy.badness import is_bad

    return fix_encoding, is_bad


def _fix_suspect(text: str) -> str:
    """:func:`fix_mojibake` of a text that matches ``_SUSPECT``."""
    fix_encoding, is_bad = _ftfy()
    if not is_bad(text):
        return text
    try:
        fixed = text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return fix_encoding(text)
    # ftfy repeats its step until the text stops changing (mojibake of mojibake); the
    # cheap pattern first, as ftfy's full check of clean text costs 50 times the decoding
    return fix_encoding(fixed) if _SUSPECT.search(fixed) and is_bad(fixed) else fixed


def repair_frame(frame: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, int, int]:
    """Fix mojibake and remove NULs in the given object columns.

    Returns
    -------
    frame : pandas.DataFrame
        A frame with the repaired columns (the input is not modified).
    repaired : int
        Cells whose mojibake was fixed.
    nul : int
        Cells from which NUL characters were removed.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.io._repair import repair_frame
    >>> df = pd.DataFrame({"t": ["HyvÃ¤", "ok\\x00"]}, dtype=object)
    >>> out, repaired, nul = repair_frame(df, ["t"])
    >>> out["t"].tolist(), repaired, nul
    (['Hyvä', 'ok'], 1, 1)
    """
    repaired = nul = 0
    out = frame
    for col in columns:
        s = frame[col]
        values = [v if isinstance(v, str) else "" for v in s.to_numpy(dtype=object)]
        joined = "\x01".join(values)  # one scan of the whole column for the common case
        if "\x00" not in joined and not _SUSPECT.search(joined):
            continue
        has_nul = pd.Series(["\x00" in v for v in values], index=s.index, dtype=bool)
        suspect = pd.Series([bool(_SUSPECT.search(v)) for v in values], index=s.index, dtype=bool)
        if out is frame:
            out = frame.copy()
        s = s.copy()
        if has_nul.any():
            nul += int(has_nul.sum())
            s[has_nul] = s[has_nul].str.replace("\x00", "", regex=False)
        if suspect.any():
            fixed = s[suspect].map(_fix_suspect)
            repaired += int((fixed != s[suspect]).sum())
            s[suspect] = fixed
        out[col] = s
    return out, repaired, nul

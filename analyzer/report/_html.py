"""One self-contained HTML report: numbers, figures (base64 PNG), method and caveats."""

from __future__ import annotations

import base64
import io
import os
import tempfile
from html import escape
from pathlib import Path

import pandas as pd

from analyzer.errors import AnalyzerError
from analyzer.plots import (
    class_label,
    plot_lemma_changes,
    plot_segments,
    plot_tone_timeline,
    plot_volume,
)
from analyzer.timeline import compare, lemma_changes, tone_timeline

__all__ = ["render_report", "write_report"]

_WORDS = {
    "fi": {
        "title": "Kommenttien sävy ajan mukaan",
        "summary": "Yhteenveto",
        "figures": "Kuvat",
        "segments": "Jaksot",
        "changes": "Muutokset jaksosta seuraavaan",
        "method": "Menetelmä",
        "caveats": "Varaukset",
        "seg_head": ["Jakso", "Alku", "Loppu", "n"],
        "ch_head": [
            "Mistä",
            "Mihin",
            "Sävy",
            "Ennen",
            "Jälkeen",
            "Muutos",
            "95 % LV",
            "p",
            "p (Holm)",
            "Muutos (laskettu)",
        ],
        "counted_word": "laskettu",
        "no_lemmas": "Sanamuutoksia ei voitu laskea: ",
        "cps": "Datasta löydetyt muutoskohdat (ilman tapahtumatietoa)",
        "none": "ei yhtään",
        "method_text": (
            "Jokainen kommentti on luokiteltu sävyn mukaan koneoppimismallilla. Kommentit on "
            "jaettu "
            "jaksoihin tapahtumien (esim. tiedote, anteeksipyyntö) kohdalta. Kunkin jakson "
            "sävyosuudelle "
            "annetaan 95 %:n Wilson-luottamusväli. Osuuden muutokselle jaksosta seuraavaan "
            "annetaan "
            "Newcomben luottamusväli ja p-arvo (khiin neliö -testi, pienillä määrillä Fisherin "
            "tarkka "
            "testi); p-arvot on korjattu monivertailun vuoksi Holmin menetelmällä. Lisäksi "
            "katkonaisen aikasarjan malli (logistinen regressio) arvioi tason ja trendin muutoksen "
            "kunkin tapahtuman kohdalla, ja muutoskohta-analyysi (ruptures) etsii sävyn muutokset "
            "datasta ilman tietoa tapahtumista."
        ),
        "corrected_text": (
            "Osuudet on korjattu luokittelijan virheiden mukaan ({m}): pelkkä ennustettujen "
            "luokkien laskeminen vetää osuuksia toisiaan kohti ja pienentää muutoksia. Korjaus "
            "arvioidaan mallin ristiinvalidoinnin ennusteista (kommentit, joita malli ei nähnyt "
            "oppiessaan). Luottamusvälit ja p-arvot tulevat bootstrapista, joka arpoo uudelleen "
            "sekä tämän ketjun kommentit että korjauksen aineiston, joten ne sisältävät myös "
            "korjauksen epävarmuuden (Wilson- ja Newcombe-välit koskevat vain laskettuja "
            "osuuksia). "
            "Lasketut osuudet näkyvät vieressä. Aikasarjamalli on sovitettu korjattuihin "
            "kommenttikohtaisiin todennäköisyyksiin; sen välit kattavat vain otantavaihtelun. "
            "Muutoskohdat etsitään ennustetuista luokista."
        ),
        "caveats_list": [
            "Malli tekee virheitä: osuudet ovat mallin arvioita, eivät ihmisen luokittelua.",
            "Sarkasmi ja ironia tunnistuvat huonosti ja voivat näkyä vääränä sävynä.",
            "Pienissä jaksoissa (alle noin 50 kommenttia) luottamusvälit ovat leveitä.",
            "Ajallinen yhteys ei todista syy-yhteyttä: sävy voi muuttua myös muista syistä "
            "(uutisointi, keskustelun luonnollinen hiipuminen, eri kommentoijat).",
            "Poistetut ja piilotetut kommentit puuttuvat aineistosta.",
        ],
        "model": "Mallin tarkkuus",
    },
    "en": {
        "title": "Tone of the comments over time",
        "summary": "Summary",
        "figures": "Figures",
        "segments": "Segments",
        "changes": "Changes from one segment to the next",
        "method": "Method",
        "caveats": "Caveats",
        "seg_head": ["Segment", "Start", "End", "n"],
        "ch_head": [
            "From",
            "To",
            "Tone",
            "Before",
            "After",
            "Change",
            "95 % CI",
            "p",
            "p (Holm)",
            "Change (counted)",
        ],
        "counted_word": "counted",
        "no_lemmas": "Word changes could not be computed: ",
        "cps": "Change points found from the data alone (without the events)",
        "none": "none",
        "method_text": (
            "Each comment's tone was classified by a machine-learning model. The comments are "
            "split "
            "into segments at the events (e.g. statement, apology). Each segment's tone share "
            "has a "
            "95 % Wilson confidence interval. The change in a share from one segment to the next "
            "has "
            "a Newcombe confidence interval and a p-value (chi-square test, Fisher's exact test "
            "for "
            "small counts), Holm-adjusted for multiple comparisons. An interrupted-time-series "
            "model "
            "(logistic regression) estimates the level and trend change at each event, and "
            "change-point detection (ruptures) looks for shifts without knowing the events."
        ),
        "corrected_text": (
            "The shares are corrected for the classifier's errors ({m}): counting predicted "
            "labels pulls the shares toward each other and shrinks changes. The correction is "
            "estimated from the model's cross-validation predictions (comments the model did not "
            "see in training). Intervals and p-values come from a bootstrap that resamples both "
            "this thread's comments and the data of the correction, so they include the "
            "correction's uncertainty too (the Wilson and Newcombe intervals apply only to "
            "counted shares). The counted shares are shown beside them. The interrupted time "
            "series is fitted on corrected per-comment probabilities; its intervals cover "
            "sampling noise only. Change points are found from the predicted labels."
        ),
        "caveats_list": [
            "The model makes mistakes: shares are the model's estimates, not human labels.",
            "Sarcasm and irony are poorly recognised and may show up as the wrong tone.",
            "Small segments (under about 50 comments) have wide confidence intervals.",
            "Timing is not causation: tone may also change for other reasons "
            "(news coverage, the thread dying down, different commenters).",
            "Deleted and hidden comments are missing from the data.",
        ],
        "model": "Model accuracy",
    },
}

_CSS = (
    "body{font-family:DejaVu Sans,Arial,sans-serif;max-width:1100px;margin:2em auto;color:#222}"
    "table{border-collapse:collapse;margin:1em 0;font-size:0.9em}"
    "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f2f2f2}"
    "td:first-child,td:nth-child(2),td:nth-child(3){text-align:left}"
    "img{max-width:100%;border:1px solid #eee;margin:0.5em 0}.sig{font-weight:bold}"
)


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img alt="figure" src="data:image/png;base64,{data}">'


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x * 100:.1f} %"


def _p(x: float | None) -> str:
    return "–" if x is None else ("<0.001" if x < 0.001 else f"{x:.3f}")


def render_report(
    scored: pd.DataFrame,
    events: list,
    *,
    title: str | None = None,
    lang: str = "fi",
    model_info: dict | None = None,
    window: str | None = None,
    freq: str | None = None,
    time_col: str | None = None,
    shares: str = "corrected",
    model=None,
) -> str:
    """The report as one HTML string (see :func:`write_report`).

    Examples
    --------
    >>> from analyzer.timeline import parse_events, simulate_thread
    >>> shares = [{"criticism": 0.7, "neutral": 0.3}, {"criticism": 0.4, "neutral": 0.6}]
    >>> df = simulate_thread(shares, ["2026-03-05T08:00"], n=200)
    >>> html = render_report(df, parse_events(["2026-03-05T08:00=Anteeksipyyntö"]))
    >>> html.startswith("<!DOCTYPE html>"), html.count("data:image/png;base64,") >= 3
    (True, True)
    """
    if lang not in _WORDS:
        raise AnalyzerError(f"unknown language {lang!r}: use fi or en")
    w = _WORDS[lang]
    res = compare(scored, events, window=window, time_col=time_col, shares=shares, model=model)
    tl = tone_timeline(scored, freq=freq, time_col=time_col, shares=shares, model=model)
    title = title or w["title"]
    figs = [plot_tone_timeline(tl, events, lang=lang), plot_volume(tl, events, lang=lang)]
    if events:
        figs.append(plot_segments(res, lang=lang))
    notes = []
    if events:
        try:
            ch = lemma_changes(scored, events, window=window, time_col=time_col)
            if not ch.empty:
                figs.append(plot_lemma_changes(ch, lang=lang))
        except AnalyzerError as exc:
            notes.append(w["no_lemmas"] + str(exc))
    cls = res.classes
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>',
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<h2>{w['segments']}</h2><table><tr>"
        + "".join(f"<th>{h}</th>" for h in w["seg_head"])
        + "".join(f"<th>{escape(class_label(c, lang))}</th>" for c in cls)
        + "".join(
            f"<th>{escape(class_label(c, lang))} ({w['counted_word']})</th>"
            for c in (cls if res.method != "counted" else [])
        )
        + "</tr>",
    ]
    for s in res.segments:
        cells = [class_label(s.name, lang), _short(s.start), _short(s.end), str(s.n)]
        cells += [f"{_pct(s.share[c])} [{_pct(s.lo[c])}–{_pct(s.hi[c])}]" for c in cls]
        if res.method != "counted":
            cells += [_pct((s.share_counted or s.share)[c]) for c in cls]
        parts.append("<tr>" + "".join(f"<td>{escape(x)}</td>" for x in cells) + "</tr>")
    parts.append("</table>")
    if res.changes:
        parts.append(f"<h2>{w['changes']}</h2><table><tr>")
        heads = w["ch_head"] if res.method != "counted" else w["ch_head"][:-1]
        parts.append("".join(f"<th>{h}</th>" for h in heads) + "</tr>")
        for c in res.changes:
            if c["diff"] is None:  # a segment without comments: nothing to compare
                continue
            ci = (
                "–" if c["ci"] is None else f"[{c['ci'][0] * 100:+.1f}, {c['ci'][1] * 100:+.1f}] pp"
            )
            diff = "–" if c["diff"] is None else f"{c['diff'] * 100:+.1f} pp"
            cells = [
                class_label(c["from"], lang),
                class_label(c["to"], lang),
                class_label(c["class"], lang),
                _pct(c["before"]),
                _pct(c["after"]),
                diff,
                ci,
                _p(c["p_value"]),
                _p(c["p_adjusted"]),
            ]
            if res.method != "counted":
                dc = c.get("diff_counted")
                cells.append("–" if dc is None else f"{dc * 100:+.1f} pp")
            row = "".join(f"<td>{escape(x)}</td>" for x in cells)
            parts.append(f'<tr class="{"sig" if c["significant"] else ""}">{row}</tr>')
        parts.append("</table>")
    cps = res.change_points
    parts.append(f"<h2>{w['cps']}</h2><ul>")
    parts += [
        "<li>"
        + escape(
            _short(pd.Timestamp(cp["time"]))
            + ": "
            + ", ".join(
                f"{class_label(c, lang)} {_pct(cp['before'][c])} → {_pct(cp['after'][c])}"
                for c in cls
            )
        )
        + "</li>"
        for cp in cps
    ] or [f"<li>{w['none']}</li>"]
    parts.append("</ul>")
    parts.append(f"<h2>{w['figures']}</h2>")
    parts += [_png(f) for f in figs]
    parts += [f"<p>{escape(n)}</p>" for n in notes]
    parts.append(f"<h2>{w['method']}</h2><p>{escape(w['method_text'])}</p>")
    if res.method != "counted":
        parts.append(f"<p>{escape(w['corrected_text'].format(m=res.method.upper()))}</p>")
    elif res.note:
        parts.append(f"<p>{escape(res.note)}</p>")
    parts.append(f"<pre>{escape(res.to_text())}</pre>")
    parts.append(f"<h2>{w['caveats']}</h2><ul>")
    if model_info:
        info = ", ".join(f"{k}: {v}" for k, v in model_info.items())
        parts.append(f"<li>{w['model']}: {escape(info)}</li>")
    parts += [f"<li>{escape(x)}</li>" for x in w["caveats_list"]]
    small = [s.name for s in res.segments if 0 < s.n < 50]
    if small:
        parts.append(
            f"<li>n &lt; 50: {escape(', '.join(class_label(s, lang) for s in small))}</li>"
        )
    parts.append("</ul></body></html>")
    return "\n".join(parts)


def _short(ts: pd.Timestamp | None) -> str:
    return "–" if ts is None else ts.strftime("%Y-%m-%d %H:%M")


def write_report(
    scored: pd.DataFrame,
    events: list,
    path: str | Path,
    *,
    title: str | None = None,
    lang: str = "fi",
    model_info: dict | None = None,
    window: str | None = None,
    freq: str | None = None,
    time_col: str | None = None,
    shares: str = "corrected",
    model=None,
) -> Path:
    """Write one self-contained HTML report (figures as base64 PNG), atomically.

    Parameters
    ----------
    scored : DataFrame
        Scored comments.
    events : list of Event
        Company statements etc.
    path : str or Path
        Output file.
    title : str, optional
        Report title.
    lang : {"fi", "en"}
        Language of the text and figures.
    model_info : dict, optional
        E.g. ``{"macro-F1": 0.71}``: shown in the caveats.
    window, freq, time_col
        As in :func:`analyzer.timeline.compare` and :func:`analyzer.timeline.tone_timeline`.
    shares : {"corrected", "counted"}
        Shares corrected for the classifier's errors (default; counted ones beside
        them) or counted shares only.
    model : ToneModel, path or None
        The model that scored the comments (its held-out predictions drive the
        correction; default: the default model).

    Returns
    -------
    Path
        The written file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analyzer.timeline import parse_events, simulate_thread
    >>> shares = [{"criticism": 0.7, "neutral": 0.3}, {"criticism": 0.4, "neutral": 0.6}]
    >>> df = simulate_thread(shares, ["2026-03-05T08:00"], n=200)
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "r.html"
    >>> write_report(df, parse_events(["2026-03-05T08:00=Apology"]), out, lang="en").exists()
    True
    """
    html = render_report(
        scored,
        events,
        title=title,
        lang=lang,
        model_info=model_info,
        window=window,
        freq=freq,
        time_col=time_col,
        shares=shares,
        model=model,
    )
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise AnalyzerError(f"folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(html)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path

"""Figures of tone over time and around events (matplotlib; every function returns a Figure).

Labels are Finnish (``lang="fi"``, default) or English (``lang="en"``).
Figures are made with :class:`matplotlib.figure.Figure` directly, so no screen or
pyplot state is needed.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analyzer.errors import AnalyzerError

__all__ = [
    "class_label",
    "plot_lemma_changes",
    "plot_segments",
    "plot_tone_timeline",
    "plot_volume",
]

_TEXT = {
    "fi": {
        "criticism": "kritiikki",
        "understanding": "ymmärrys",
        "neutral": "neutraali",
        "before": "ennen",
        "share": "Osuus kommenteista",
        "time": "Aika",
        "volume": "Kommentteja",
        "tone_title": "Sävyn osuudet ajan mukaan (95 % luottamusväli)",
        "volume_title": "Kommenttien määrä",
        "segments_title": "Sävyn osuudet jaksoittain (95 % luottamusväli)",
        "lemmas_title": "Mikä muuttui: {a} → {b}",
        "lemma_x": "Muutos kommenttien osuudessa (%-yks.)",
        "per_bin": "kommenttia / {f}",
        "counted": "laskettu (ennustetut luokat)",
        "corrected_note": "korjattu ({m});\nkatkoviiva = laskettu",
        "corrected_bar_note": "palkit: korjattu ({m})",
    },
    "en": {
        "criticism": "criticism",
        "understanding": "understanding",
        "neutral": "neutral",
        "before": "before",
        "share": "Share of comments",
        "time": "Time",
        "volume": "Comments",
        "tone_title": "Tone shares over time (95 % confidence interval)",
        "volume_title": "Comment volume",
        "segments_title": "Tone shares by segment (95 % confidence interval)",
        "lemmas_title": "What changed: {a} → {b}",
        "lemma_x": "Change in share of comments (percentage points)",
        "per_bin": "comments / {f}",
        "counted": "counted (predicted labels)",
        "corrected_note": "corrected ({m});\ndashed = counted",
        "corrected_bar_note": "bars: corrected ({m})",
    },
}
_COLORS = {"criticism": "#c0392b", "understanding": "#2e86c1", "neutral": "#7f8c8d"}
_CYCLE = ("#8e44ad", "#27ae60", "#d35400", "#16a085", "#2c3e50", "#f1c40f")


def _t(lang: str) -> dict[str, str]:
    if lang not in _TEXT:
        raise AnalyzerError(f"unknown language {lang!r}: use fi or en")
    return _TEXT[lang]


def class_label(name: str, lang: str = "fi") -> str:
    """Display name of a tone class or segment name in ``lang`` (unknown names unchanged).

    Examples
    --------
    >>> class_label("understanding"), class_label("understanding", "en"), class_label("sarkasmi")
    ('ymmärrys', 'understanding', 'sarkasmi')
    """
    return _t(lang).get(name, name)


def _color(name: str, classes: list[str]) -> str:
    if name in _COLORS:
        return _COLORS[name]
    others = [c for c in classes if c not in _COLORS]
    return _CYCLE[others.index(name) % len(_CYCLE)] if name in others else "#333333"


def _event_markers(ax, events, tz) -> None:
    for i, ev in enumerate(events or []):
        t = ev.time.tz_convert(tz) if tz is not None else ev.time
        ax.axvline(t, color="black", linestyle="--", linewidth=1.2, zorder=3)
        ax.annotate(
            ev.label,
            xy=(t, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, -4 - 14 * (i % 3)),
            textcoords="offset points",
            va="top",
            fontsize=9,
            fontweight="bold",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85},
            zorder=4,
        )


#: Finnish numeric date formats for matplotlib's ConciseDateFormatter (year, month, day,
#: hour, minute, second): ``12.03.``, ``14.05``, with no English month abbreviations
_FI_DATES = {
    "formats": ["%Y", "%m/%Y", "%d.%m.", "%H.%M", "%H.%M", "%S,%f"],
    "zero_formats": ["", "%Y", "%m/%Y", "%d.%m.", "%H.%M", "%H.%M"],
    "offset_formats": ["", "%Y", "%m/%Y", "%d.%m.%Y", "%d.%m.%Y", "%d.%m.%Y klo %H.%M"],
}


def _time_axis(ax, tz, lang: str = "fi") -> None:
    locator = mdates.AutoDateLocator(tz=tz, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    formats = _FI_DATES if lang == "fi" else {}
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, tz=tz, **formats))


def plot_tone_timeline(
    timeline: pd.DataFrame,
    events=None,
    *,
    lang: str = "fi",
    title: str | None = None,
    min_n: int = 5,
) -> Figure:
    """Tone shares per time bin with CI bands and labelled event markers.

    Corrected shares (see :func:`analyzer.timeline.tone_timeline`) are solid lines
    with their bootstrap bands, the counted shares thin dashed lines of the same colour.

    Parameters
    ----------
    timeline : DataFrame
        Output of :func:`analyzer.timeline.tone_timeline`.
    events : list of Event, optional
        Drawn as dashed vertical lines with their labels.
    lang : {"fi", "en"}
        Language of the labels.
    title : str, optional
        Figure title (a default in ``lang`` if None).
    min_n : int, default=5
        Bins with fewer comments are left as gaps (their shares are noise).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.timeline import tone_timeline
    >>> t = pd.date_range("2026-03-04", periods=6, freq="1h", tz="Europe/Helsinki")
    >>> df = pd.DataFrame({"time": t, "tone": ["criticism", "neutral"] * 3})
    >>> fig = plot_tone_timeline(tone_timeline(df, freq="2h"))
    >>> len(fig.axes[0].lines)
    2
    """
    text = _t(lang)
    classes = timeline.attrs.get("classes") or [
        c[6:] for c in timeline.columns if c.startswith("share_")
    ]
    tz = timeline.index.tz
    fig = Figure(figsize=(10, 4.8), layout="constrained")
    ax = fig.add_subplot()
    width = (
        pd.Timedelta(timeline.attrs.get("freq", "1h"))
        if len(timeline) < 2
        else (timeline.index[1] - timeline.index[0])
    )
    x = timeline.index + width / 2  # plot each bin at its middle
    # a share from a handful of comments is noise: leave such bins as gaps
    sparse = timeline["n"].to_numpy() < min_n
    method = timeline.attrs.get("method", "counted")
    corrected = method != "counted" and all(
        f"share_counted_{c}" in timeline.columns for c in classes
    )
    for c in classes:
        color = _color(c, classes)
        ax.plot(
            x,
            timeline[f"share_{c}"].mask(sparse),
            color=color,
            linewidth=2,
            marker="o",
            markersize=3,
            label=class_label(c, lang),
        )
        if corrected:
            ax.plot(
                x,
                timeline[f"share_counted_{c}"].mask(sparse),
                color=color,
                linewidth=1,
                linestyle="--",
                alpha=0.8,
            )
        ax.fill_between(
            x,
            timeline[f"lo_{c}"].mask(sparse),
            timeline[f"hi_{c}"].mask(sparse),
            color=color,
            alpha=0.18,
            linewidth=0,
        )
    _event_markers(ax, events, tz)
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v * 100:.0f} %")
    ax.set_ylabel(text["share"])
    ax.set_xlabel(text["time"])
    _time_axis(ax, tz, lang)
    ax.grid(alpha=0.3)
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=True,
        fontsize=9,
        title=text["corrected_note"].format(m=method.upper()) if corrected else None,
        title_fontsize=8,
    )
    ax.set_title(title or text["tone_title"])
    return fig


def plot_volume(
    timeline: pd.DataFrame, events=None, *, lang: str = "fi", title: str | None = None
) -> Figure:
    """Comments per time bin as bars, with event markers.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.timeline import tone_timeline
    >>> t = pd.date_range("2026-03-04", periods=6, freq="1h", tz="Europe/Helsinki")
    >>> df = pd.DataFrame({"time": t, "tone": ["criticism", "neutral"] * 3})
    >>> fig = plot_volume(tone_timeline(df, freq="2h"))
    >>> len(fig.axes[0].patches)
    3
    """
    text = _t(lang)
    tz = timeline.index.tz
    fig = Figure(figsize=(10, 3.2), layout="constrained")
    ax = fig.add_subplot()
    width = (timeline.index[1] - timeline.index[0]) if len(timeline) > 1 else pd.Timedelta("1h")
    ax.bar(timeline.index, timeline["n"], width=width * 0.9, align="edge", color="#5d6d7e")
    _event_markers(ax, events, tz)
    freq = timeline.attrs.get("freq", "")
    ax.set_ylabel(text["per_bin"].format(f=freq) if freq else text["volume"])
    ax.set_xlabel(text["time"])
    _time_axis(ax, tz, lang)
    ax.grid(axis="y", alpha=0.3)
    ax.set_title(title or text["volume_title"])
    return fig


def plot_segments(result, *, lang: str = "fi", title: str | None = None) -> Figure:
    """Grouped bars: each tone's share in each segment, with CI error bars.

    With corrected shares (the default of :func:`analyzer.timeline.compare`) a
    diamond marks each counted share beside its bar.

    Parameters
    ----------
    result : CompareResult
        Output of :func:`analyzer.timeline.compare`.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.timeline import compare, parse_events
    >>> t = pd.date_range("2026-03-04 08:00", periods=8, freq="1h", tz="Europe/Helsinki")
    >>> df = pd.DataFrame({"time": t, "tone": ["criticism"] * 4 + ["neutral"] * 4})
    >>> fig = plot_segments(compare(df, parse_events(["2026-03-04T12:00=Anteeksipyyntö"])))
    >>> len(fig.axes[0].patches)
    4
    """
    text = _t(lang)
    classes = list(result.classes)
    segs = [s for s in result.segments if s.n]  # an empty segment has no shares to show
    method = getattr(result, "method", "counted")
    corrected = method != "counted"
    fig = Figure(figsize=(max(6, 2.2 * len(segs) + 2), 4.2), layout="constrained")
    ax = fig.add_subplot()
    xs = np.arange(len(segs))
    w = 0.8 / len(classes)
    for k, c in enumerate(classes):
        share = np.array([s.share[c] if s.n else np.nan for s in segs], dtype=float)
        lo = np.array([s.lo[c] if s.n else np.nan for s in segs], dtype=float)
        hi = np.array([s.hi[c] if s.n else np.nan for s in segs], dtype=float)
        pos = xs - 0.4 + w * (k + 0.5)
        ax.bar(
            pos,
            np.nan_to_num(share),
            width=w * 0.95,
            color=_color(c, classes),
            label=class_label(c, lang),
        )
        ax.errorbar(
            pos,
            share,
            # a bootstrap interval need not contain its point estimate: never a negative bar
            yerr=[np.clip(share - lo, 0, None), np.clip(hi - share, 0, None)],
            fmt="none",
            ecolor="black",
            capsize=3,
            linewidth=1,
        )
        if corrected:
            counted = np.array(
                [(s.share_counted or s.share)[c] if s.n else np.nan for s in segs], dtype=float
            )
            ax.plot(
                pos,
                counted,
                linestyle="none",
                marker="D",
                markersize=5,
                markerfacecolor="white",
                markeredgecolor="black",
                label=text["counted"] if k == 0 else None,
            )
    ax.set_xticks(xs, [f"{class_label(s.name, lang)}\n(n={s.n})" for s in segs])
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v * 100:.0f} %")
    ax.set_ylabel(text["share"])
    ax.grid(axis="y", alpha=0.3)
    ax.legend(
        fontsize=9,
        loc="upper right",
        title=text["corrected_bar_note"].format(m=method.upper()) if corrected else None,
        title_fontsize=8,
    )
    ax.set_title(title or text["segments_title"])
    return fig


def plot_lemma_changes(
    changes: pd.DataFrame,
    *,
    pair: tuple[str, str] | None = None,
    top: int = 8,
    lang: str = "fi",
    title: str | None = None,
) -> Figure:
    """Lemmas whose use changed most between two segments, one panel per tone.

    Parameters
    ----------
    changes : DataFrame
        Output of :func:`analyzer.timeline.lemma_changes`.
    pair : (str, str), optional
        Segments to show (``from``, ``to``); the last pair if None.
    top : int
        Lemmas per panel (largest absolute changes).

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.timeline import lemma_changes, parse_events
    >>> t = pd.date_range("2026-03-04 08:00", periods=8, freq="1h", tz="Europe/Helsinki")
    >>> df = pd.DataFrame({"time": t, "tone": ["criticism"] * 8,
    ...                    "lemmas": ["huono palvelu"] * 4 + ["anteeksipyyntö myöhä"] * 4})
    >>> ch = lemma_changes(df, parse_events(["2026-03-04T12:00=Anteeksipyyntö"]), min_count=1)
    >>> len(plot_lemma_changes(ch).axes[0].patches)
    4
    """
    text = _t(lang)
    if changes.empty:
        raise AnalyzerError("no lemma changes to plot (too few comments in the segments?)")
    if pair is None:
        last = changes.iloc[-1]
        pair = (last["from"], last["to"])
    sel = changes[(changes["from"] == pair[0]) & (changes["to"] == pair[1])]
    if sel.empty:
        raise AnalyzerError(f"no lemma changes between {pair[0]!r} and {pair[1]!r}")
    classes = list(dict.fromkeys(sel["class"]))
    fig = Figure(figsize=(4.2 * len(classes) + 0.5, 0.45 * top + 1.6), layout="constrained")
    axes = fig.subplots(1, len(classes), squeeze=False)[0]
    for ax, c in zip(axes, classes, strict=True):
        part = sel[sel["class"] == c]
        part = part.reindex(part["diff"].abs().sort_values(ascending=False).index).head(top)
        part = part.sort_values("diff")
        colors = ["#2e86c1" if d > 0 else "#c0392b" for d in part["diff"]]
        ax.barh(part["lemma"], part["diff"] * 100, color=colors)
        ax.axvline(0, color="black", linewidth=0.8)
        n_b, n_a = int(part["n_before"].iloc[0]), int(part["n_after"].iloc[0])
        ax.set_title(f"{class_label(c, lang)} (n={n_b} → {n_a})", fontsize=10)
        ax.set_xlabel(text["lemma_x"], fontsize=8)
        ax.grid(axis="x", alpha=0.3)
    fig.suptitle(
        title
        or text["lemmas_title"].format(a=class_label(pair[0], lang), b=class_label(pair[1], lang))
    )
    return fig

"""Figures of tone over time and around events (matplotlib; every function returns a Figure).

Labels are Finnish (``lang="fi"``, default) or English (``lang="en"``).
Every function takes ``ax=``: given a matplotlib Axes, it draws into it and
returns that Axes' Figure. Without ``ax`` it makes a new
:class:`matplotlib.figure.Figure` directly, not through pyplot: no screen or
pyplot state is needed, the figure is never registered with pyplot (so
``plt.show()`` does not show it and it needs no ``plt.close``), and a notebook
shows it when it is a cell's value. Save it with ``fig.savefig(...)``.
"""

from __future__ import annotations

import re
import textwrap

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analyzer.errors import AnalyzerError
from analyzer.timeline._format import MIN_N, check_lang, fmt_num, tone_name

__all__ = [
    "class_label",
    "plot_lemma_changes",
    "plot_segments",
    "plot_timeline",
    "plot_tone_timeline",
    "plot_volume",
]

_TEXT = {
    "fi": {
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
        "sparse": "○ = alle {m} kommenttia (n näkyy)",
        "more": "yleistyi",
        "less": "harvinaistui",
        "corrected_note": "osuudet korjattu luokittelijan virheiden mukaan ({m}); "
        "katkoviiva = laskettu",
        "corrected_bar_note": "palkit: korjatut osuudet ({m}); ◆ = laskettu",
    },
    "en": {
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
        "sparse": "○ = under {m} comments (n shown)",
        "more": "more common",
        "less": "less common",
        "corrected_note": "shares corrected for the model's errors ({m}); dashed = counted",
        "corrected_bar_note": "bars: corrected shares ({m}); ◆ = counted",
    },
}
#: the tones' own colours; nothing else in any figure uses them
_COLORS = {"criticism": "#c0392b", "understanding": "#2e86c1", "neutral": "#7f8c8d"}
_CYCLE = ("#8e44ad", "#27ae60", "#d35400", "#16a085", "#2c3e50", "#f1c40f")
#: word changes: more / less common (an orange-purple pair, far from the tone colours)
_MORE, _LESS = "#e69f00", "#6a3d9a"
_VOLUME = "#5d6d7e"


def _t(lang: str) -> dict[str, str]:
    return _TEXT[check_lang(lang)]


def class_label(name: str, lang: str = "fi") -> str:
    """Display name of a tone class or segment name in ``lang`` (unknown names unchanged).

    Examples
    --------
    >>> class_label("understanding"), class_label("understanding", "en"), class_label("sarkasmi")
    ('ymmärrys', 'understanding', 'sarkasmi')
    """
    return tone_name(name, lang)


def _color(name: str, classes: list[str]) -> str:
    if name in _COLORS:
        return _COLORS[name]
    others = [c for c in classes if c not in _COLORS]
    return _CYCLE[others.index(name) % len(_CYCLE)] if name in others else "#333333"


def _wrap(text: str, fig, size: float = 12) -> str:
    """``text`` wrapped to the figure's width (about 1.9 characters per point-inch)."""
    return textwrap.fill(text, max(20, int(fig.get_figwidth() * 110 / size)))


def _axes(ax, figsize: tuple[float, float]):
    """``(figure, ax)``: the given Axes and its figure, or a new pyplot-free Figure."""
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=figsize, layout="constrained")
    return fig, fig.add_subplot()


def _event_markers(ax, events, tz, labels: bool = True) -> None:
    lo, hi = ax.get_xlim()  # the data's range, before the lines are added
    for i, ev in enumerate(events or []):
        t = ev.time.tz_convert(tz) if tz is not None else ev.time
        ax.axvline(t, color="black", linestyle="--", linewidth=1.2, zorder=3)
        if not labels:
            continue
        # a label in the right part of the plot runs to the left of its line, inside the axes
        right = hi > lo and (mdates.date2num(t) - lo) / (hi - lo) > 0.6
        ax.annotate(
            ev.label,
            xy=(t, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(-3 if right else 3, -4 - 14 * (i % 4)),
            textcoords="offset points",
            ha="right" if right else "left",
            va="top",
            fontsize=9,
            fontweight="bold",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85},
            zorder=4,
        )


#: Finnish numeric date formats for matplotlib's ConciseDateFormatter (year, month, day,
#: hour, minute, second): ``12.3.``, ``14.05``, as in the report's tables (leading zeros
#: of days and months are dropped after formatting)
_FI_DATES = {
    "formats": ["%Y", "%m/%Y", "%d.%m.", "%H.%M", "%H.%M", "%S,%f"],
    "zero_formats": ["", "%Y", "%m/%Y", "%d.%m.", "%H.%M", "%H.%M"],
    "offset_formats": ["", "%Y", "%m/%Y", "%d.%m.%Y", "%d.%m.%Y", "%d.%m.%Y klo %H.%M"],
}
_EN_DATES = {
    "formats": ["%Y", "%b", "%-d %b", "%H:%M", "%H:%M", "%S.%f"],
    "zero_formats": ["", "%Y", "%b", "%-d %b", "%H:%M", "%H:%M"],
    "offset_formats": ["", "%Y", "%b %Y", "%-d %b %Y", "%-d %b %Y", "%-d %b %Y %H:%M"],
}
_FI_DAY = re.compile(r"(?<![\d.])0?(\d{1,2})\.0?(\d{1,2})\.")


class _DateFormatter(mdates.ConciseDateFormatter):
    """ConciseDateFormatter writing days as the tables do: ``7.3.`` (fi), ``7 Mar`` (en)."""

    def __init__(self, locator, tz, lang: str) -> None:
        self.lang = lang
        formats = dict(_FI_DATES if lang == "fi" else _EN_DATES)
        if lang == "en":  # %-d is not portable: strip the zero after formatting instead
            formats = {k: [f.replace("%-d", "%d") for f in v] for k, v in formats.items()}
        super().__init__(locator, tz=tz, **formats)

    def _tidy(self, text: str) -> str:
        if self.lang == "fi":
            return _FI_DAY.sub(r"\1.\2.", text)
        return re.sub(r"(?<!\d)0(\d) ([A-Z])", r"\1 \2", text)

    def format_ticks(self, values):
        return [self._tidy(t) for t in super().format_ticks(values)]

    def get_offset(self):
        return self._tidy(super().get_offset())


def _time_axis(ax, tz, lang: str = "fi") -> None:
    locator = mdates.AutoDateLocator(tz=tz, minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(_DateFormatter(locator, tz, lang))


def _bins(timeline: pd.DataFrame) -> tuple[pd.DatetimeIndex, pd.DatetimeIndex]:
    """Each bin's start and end (``bin_end`` if present, else the next start)."""
    starts = timeline.index
    if "bin_end" in timeline.columns:
        return starts, pd.DatetimeIndex(timeline["bin_end"])
    width = (
        pd.Timedelta(timeline.attrs.get("freq", "1h"))
        if len(timeline) < 2
        else (starts[1] - starts[0])
    )
    return starts, starts + width


def _classes(timeline: pd.DataFrame) -> list[str]:
    return timeline.attrs.get("classes") or [
        c[6:] for c in timeline.columns if c.startswith("share_") and "counted" not in c
    ]


def plot_tone_timeline(
    timeline: pd.DataFrame,
    events=None,
    *,
    lang: str = "fi",
    title: str | None = None,
    min_n: int = 5,
    ax=None,
    legend: str = "below",
) -> Figure:
    """Tone shares per time bin with CI bands and labelled event markers.

    Corrected shares (see :func:`analyzer.timeline.tone_timeline`) are solid lines
    with their bootstrap bands, the counted shares thin dashed lines of the same
    colour. Bins with fewer than ``min_n`` comments are not dropped: their shares
    are hollow markers without a band, with their ``n`` written beside them, and
    the lines do not run through them.

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
        Bins with fewer comments are marked as sparse (their shares are noise).
    ax : matplotlib Axes, optional
        Draw into this Axes (its figure is returned); a new Figure if None.
    legend : {"below", "right", "none"}
        Where the legend goes: under the plot (keeps event labels free), to its
        right, or nowhere.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.timeline import tone_timeline
    >>> t = pd.date_range("2026-03-04", periods=6, freq="1h", tz="Europe/Helsinki")
    >>> df = pd.DataFrame({"time": t, "tone": ["criticism", "neutral"] * 3})
    >>> fig = plot_tone_timeline(tone_timeline(df, freq="2h"), min_n=1)
    >>> len(fig.axes[0].lines)
    2
    """
    text = _t(lang)
    classes = _classes(timeline)
    tz = timeline.index.tz
    fig, ax = _axes(ax, (10, 4.8))
    starts, ends = _bins(timeline)
    x = starts + (ends - starts) / 2  # plot each bin at its middle
    n = timeline["n"].to_numpy()
    sparse = (n < min_n) & (n > 0)
    method = timeline.attrs.get("method", "counted")
    corrected = method != "counted" and all(
        f"share_counted_{c}" in timeline.columns for c in classes
    )
    for c in classes:
        color = _color(c, classes)
        share = timeline[f"share_{c}"]
        ax.plot(
            x,
            share.mask(n < min_n),
            color=color,
            linewidth=2,
            marker="o",
            markersize=3,
            label=class_label(c, lang),
        )
        if sparse.any():
            ax.plot(
                x[sparse],
                share[sparse],
                linestyle="none",
                marker="o",
                markersize=5,
                markerfacecolor="white",
                markeredgecolor=color,
            )
        if corrected:
            ax.plot(
                x,
                timeline[f"share_counted_{c}"].mask(n < min_n),
                color=color,
                linewidth=1,
                linestyle="--",
                alpha=0.8,
            )
        ax.fill_between(
            x,
            timeline[f"lo_{c}"].mask(n < min_n),
            timeline[f"hi_{c}"].mask(n < min_n),
            color=color,
            alpha=0.18,
            linewidth=0,
        )
    for xi, ni in zip(x[sparse], n[sparse], strict=True):
        ax.annotate(
            f"n={ni}",
            xy=(xi, 0.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            fontsize=7,
            color="#444444",
        )
    _event_markers(ax, events, tz)
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v * 100:.0f} %")
    ax.set_ylabel(text["share"])
    ax.set_xlabel(text["time"])
    _time_axis(ax, tz, lang)
    ax.grid(alpha=0.3)
    notes = []
    if sparse.any():
        notes.append(text["sparse"].format(m=min_n))
    if corrected:
        notes.append(text["corrected_note"].format(m=method.upper()))
    if legend == "right":
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=True, fontsize=9)
    elif legend == "below":
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.16),
            ncols=len(classes),
            frameon=False,
            fontsize=9,
            title=textwrap.fill("; ".join(notes), int(fig.get_figwidth() * 13)) or None,
            title_fontsize=8,
        )
        notes = []
    ax.set_title(_wrap(title or text["tone_title"], fig))
    if notes:
        fig.text(0.01, 0.005, "; ".join(notes), fontsize=8)
    return fig


def plot_volume(
    timeline: pd.DataFrame,
    events=None,
    *,
    lang: str = "fi",
    title: str | None = None,
    ax=None,
    counts: bool = True,
) -> Figure:
    """Comments per time bin as bars (their ``n`` written on them), with event markers.

    Parameters
    ----------
    timeline : DataFrame
        Output of :func:`analyzer.timeline.tone_timeline`.
    events : list of Event, optional
        Drawn as dashed vertical lines.
    lang : {"fi", "en"}
        Language of the labels.
    title : str, optional
        Title (a default in ``lang`` if None; ``""`` for none).
    ax : matplotlib Axes, optional
        Draw into this Axes (its figure is returned); a new Figure if None.
    counts : bool, default=True
        Write each bin's comment count above its bar.

    Returns
    -------
    matplotlib.figure.Figure

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
    fig, ax = _axes(ax, (10, 3.2))
    starts, ends = _bins(timeline)
    bars = ax.bar(starts, timeline["n"], width=(ends - starts) * 0.9, align="edge", color=_VOLUME)
    if counts:
        ax.bar_label(
            bars, labels=[str(v) if v else "" for v in timeline["n"]], fontsize=7, padding=1
        )
        ax.margins(y=0.15)
    _event_markers(ax, events, tz, labels=False)
    freq = timeline.attrs.get("freq", "")
    ax.set_ylabel(text["per_bin"].format(f=freq) if freq else text["volume"])
    ax.set_xlabel(text["time"])
    _time_axis(ax, tz, lang)
    ax.grid(axis="y", alpha=0.3)
    if title != "":
        ax.set_title(_wrap(title or text["volume_title"], fig))
    return fig


def plot_timeline(
    timeline: pd.DataFrame,
    events=None,
    *,
    lang: str = "fi",
    title: str | None = None,
    min_n: int = 5,
    figsize: tuple[float, float] = (10, 6.4),
) -> Figure:
    """Tone shares above and comment counts below, on one shared time axis.

    The two panels share their x-axis (same range, same ticks), so the event
    lines line up; the counts panel writes ``n`` per bin.

    Parameters
    ----------
    timeline : DataFrame
        Output of :func:`analyzer.timeline.tone_timeline`.
    events : list of Event, optional
    lang : {"fi", "en"}
    title : str, optional
        Title of the tone panel.
    min_n : int, default=5
        Sparse-bin threshold, as in :func:`plot_tone_timeline`.
    figsize : (float, float)
        Inches.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.timeline import tone_timeline
    >>> t = pd.date_range("2026-03-04", periods=6, freq="1h", tz="Europe/Helsinki")
    >>> df = pd.DataFrame({"time": t, "tone": ["criticism", "neutral"] * 3})
    >>> fig = plot_timeline(tone_timeline(df, freq="2h"))
    >>> top, bottom = fig.axes
    >>> top.get_xlim() == bottom.get_xlim()
    True
    """
    fig = Figure(figsize=figsize, layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[3, 1.3])
    plot_tone_timeline(timeline, events, lang=lang, title=title, min_n=min_n, ax=top)
    plot_volume(timeline, events, lang=lang, title="", ax=bottom)
    top.set_xlabel("")
    top.tick_params(labelbottom=True)
    return fig


def plot_segments(
    result,
    *,
    lang: str = "fi",
    title: str | None = None,
    ax=None,
    min_n: int = MIN_N,
) -> Figure:
    """Grouped bars: each tone's share in each segment, with CI error bars.

    With corrected shares (the default of :func:`analyzer.timeline.compare`) a
    diamond marks each counted share beside its bar. Empty segments are left
    out; segments under ``min_n`` comments are drawn pale, their n marked.

    Parameters
    ----------
    result : CompareResult
        Output of :func:`analyzer.timeline.compare`.
    lang : {"fi", "en"}
    title : str, optional
    ax : matplotlib Axes, optional
        Draw into this Axes (its figure is returned); a new Figure if None.
    min_n : int, default=MIN_N (30)
        Segments with fewer comments are drawn pale.

    Returns
    -------
    matplotlib.figure.Figure

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
    fig, ax = _axes(ax, (max(6, 2.2 * len(segs) + 2), 4.2))
    xs = np.arange(len(segs))
    w = 0.8 / len(classes)
    small = np.array([s.n < min_n for s in segs])
    for k, c in enumerate(classes):
        share = np.array([s.share[c] for s in segs], dtype=float)
        lo = np.array([s.lo[c] for s in segs], dtype=float)
        hi = np.array([s.hi[c] for s in segs], dtype=float)
        pos = xs - 0.4 + w * (k + 0.5)
        bars = ax.bar(
            pos,
            np.nan_to_num(share),
            width=w * 0.95,
            color=_color(c, classes),
            label=class_label(c, lang),
        )
        for bar, is_small in zip(bars, small, strict=True):
            if is_small:
                bar.set_alpha(0.35)
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
            counted = np.array([(s.share_counted or s.share)[c] for s in segs], dtype=float)
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
    ax.set_xticks(
        xs,
        [
            textwrap.fill(class_label(s.name, lang), 14)
            + f"\n(n={s.n}{' < ' + str(min_n) if s.n < min_n else ''})"
            for s in segs
        ],
        fontsize=8 if fig.get_figwidth() < 6 else None,
    )
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v * 100:.0f} %")
    ax.set_ylabel(text["share"])
    ax.grid(axis="y", alpha=0.3)
    narrow = fig.get_figwidth() < 6
    note = text["corrected_bar_note"].format(m=method.upper()) if corrected else None
    ax.legend(
        fontsize=8 if narrow else 9,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.25 if narrow else -0.18),
        ncols=2 if narrow else 4,
        frameon=False,
        title=note and _wrap(note, fig, 8),
        title_fontsize=8,
    )
    ax.set_title(_wrap(title or text["segments_title"], fig))
    return fig


def plot_lemma_changes(
    changes: pd.DataFrame,
    *,
    pair: tuple[str, str] | None = None,
    top: int = 8,
    lang: str = "fi",
    title: str | None = None,
    classes: list[str] | None = None,
    min_n: int = 0,
    ax=None,
) -> Figure:
    """Lemmas whose use changed most between two segments, one panel per tone.

    Bars of words that became more common and of words that became rarer have
    their own colours (orange and purple), never the tones' colours.

    Parameters
    ----------
    changes : DataFrame
        Output of :func:`analyzer.timeline.lemma_changes`.
    pair : (str, str), optional
        Segments to show (``from``, ``to``); the last pair if None.
    top : int
        Lemmas per panel (largest absolute changes).
    lang : {"fi", "en"}
    title : str, optional
    classes : list of str, optional
        Tones to show (default: all in ``changes`` for the pair).
    min_n : int, default=0
        Leave out the panel of a tone with fewer comments than this on either side.
    ax : Axes or sequence of Axes, optional
        One Axes per panel to draw into (their figure is returned); a new Figure if None.

    Returns
    -------
    matplotlib.figure.Figure

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
    sel = sel[(sel["n_before"] >= min_n) & (sel["n_after"] >= min_n)]
    if classes is not None:
        sel = sel[sel["class"].isin(classes)]
    if sel.empty:
        raise AnalyzerError(f"no lemma changes between {pair[0]!r} and {pair[1]!r}")
    shown = list(dict.fromkeys(sel["class"]))
    if ax is None:
        fig = Figure(figsize=(4.2 * len(shown) + 0.5, 0.45 * top + 1.9), layout="constrained")
        axes = list(fig.subplots(1, len(shown), squeeze=False)[0])
    else:
        axes = list(np.atleast_1d(ax))
        if len(axes) != len(shown):
            raise AnalyzerError(
                f"ax has {len(axes)} Axes for {len(shown)} tones: pass one per tone "
                "or choose the tones with classes="
            )
        fig = axes[0].figure
    for a, c in zip(axes, shown, strict=True):
        part = sel[sel["class"] == c]
        part = part.reindex(part["diff"].abs().sort_values(ascending=False).index).head(top)
        part = part.sort_values("diff")
        colors = [_MORE if d > 0 else _LESS for d in part["diff"]]
        a.barh(part["lemma"], part["diff"] * 100, color=colors)
        a.axvline(0, color="black", linewidth=0.8)
        n_b, n_a = int(part["n_before"].iloc[0]), int(part["n_after"].iloc[0])
        a.set_title(f"{class_label(c, lang)} (n={n_b} → {n_a})", fontsize=10)
        a.set_xlabel(text["lemma_x"], fontsize=8)
        a.xaxis.set_major_formatter(lambda v, _pos: fmt_num(v, lang, 0, sign=v != 0))
        a.grid(axis="x", alpha=0.3)
    from matplotlib.patches import Patch

    fig.legend(
        handles=[Patch(color=_MORE, label=text["more"]), Patch(color=_LESS, label=text["less"])],
        loc="outside lower center",
        ncols=2,
        frameon=False,
        fontsize=9,
    )
    fig.suptitle(
        _wrap(
            title
            or text["lemmas_title"].format(
                a=class_label(pair[0], lang), b=class_label(pair[1], lang)
            ),
            fig,
        )
    )
    return fig

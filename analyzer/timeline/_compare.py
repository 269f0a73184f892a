"""Before/after comparison of tone shares around events, with ITS and change points."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

import pandas as pd
from statsmodels.stats.multitest import multipletests

from analyzer.timeline._changepoints import change_points
from analyzer.timeline._data import timed, tone_classes
from analyzer.timeline._events import Event, parse_duration, warn_events
from analyzer.timeline._its import its_fit
from analyzer.timeline._segments import Segment, assign_segments, segments
from analyzer.timeline._stats import diff_test

__all__ = ["CompareResult", "compare"]


def _iso(ts: pd.Timestamp | None) -> str | None:
    return None if ts is None else ts.isoformat()


def _clean(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


@dataclass
class CompareResult:
    """Everything :func:`compare` found; ``to_dict()`` for JSON, ``to_text()`` for people."""

    classes: list[str]
    events: list[Event]
    segments: list[Segment]
    changes: list[dict]
    its: dict
    change_points: list[dict]
    alpha: float = 0.05
    n_total: int = 0
    n_missing_time: int = 0
    n_outside: int = 0
    window: str | None = None
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """JSON-ready dict: ``segments``, ``changes``, ``its``, ``change_points`` and counts.

        Examples
        --------
        >>> import pandas as pd
        >>> from analyzer.timeline import compare, parse_events
        >>> t = pd.date_range("2026-03-04 08:00", periods=8, freq="1h", tz="Europe/Helsinki")
        >>> df = pd.DataFrame({"time": t, "tone": ["criticism"] * 4 + ["neutral"] * 4})
        >>> d = compare(df, parse_events(["2026-03-04T12:00=Apology"])).to_dict()
        >>> [s["n"] for s in d["segments"]], sorted(d)[:3]
        ([4, 4], ['alpha', 'change_points', 'changes'])
        """
        return _clean(
            {
                "classes": list(self.classes),
                "events": [
                    {"time": e.time.isoformat(), "label": e.label, "kind": e.kind}
                    for e in self.events
                ],
                "window": self.window,
                "alpha": self.alpha,
                "n_total": self.n_total,
                "n_missing_time": self.n_missing_time,
                "n_outside_window": self.n_outside,
                "segments": [
                    {
                        "name": s.name,
                        "start": _iso(s.start),
                        "end": _iso(s.end),
                        "n": s.n,
                        "counts": dict(s.counts),
                        "share": dict(s.share),
                        "ci": {c: [s.lo[c], s.hi[c]] for c in self.classes},
                    }
                    for s in self.segments
                ],
                "changes": [dict(c) for c in self.changes],
                "its": self.its,
                "change_points": list(self.change_points),
            }
        )

    def to_text(self) -> str:
        """A readable report: segments, changes (with CIs and p-values), ITS, change points.

        Examples
        --------
        >>> import pandas as pd
        >>> from analyzer.timeline import compare, parse_events
        >>> t = pd.date_range("2026-03-04 08:00", periods=8, freq="1h", tz="Europe/Helsinki")
        >>> df = pd.DataFrame({"time": t, "tone": ["criticism"] * 4 + ["neutral"] * 4})
        >>> print(compare(df, parse_events(["2026-03-04T12:00=Apology"])).to_text().splitlines()[0])
        Segments (comments with a time: 8, without: 0, outside the window: 0)
        """
        conf = round(100 * (1 - self.alpha))
        lines = [
            f"Segments (comments with a time: {self.n_total - self.n_missing_time}, "
            f"without: {self.n_missing_time}, outside the window: {self.n_outside})"
        ]
        rows = []
        width = max([20, *(len(s.name) for s in self.segments)])
        for s in self.segments:
            shares = "  ".join(
                f"{c} {_pct(s.share[c])} [{_pct(s.lo[c])}–{_pct(s.hi[c])}]" for c in self.classes
            )
            span = f"{_short(s.start)} → {_short(s.end)}"
            rows.append(f"  {s.name:<{width}} n={s.n:<6} {span:<34} {shares}")
        lines += rows
        lines.append("")
        lines.append(
            f"Changes from one segment to the next ({conf} % CI, Newcombe; "
            "p: chi² or Fisher, Holm-adjusted)"
        )
        empty_pairs: list[str] = []
        for c in self.changes:
            if c["diff"] is None:
                pair = f"{c['from']} → {c['to']}"
                if pair not in empty_pairs:
                    empty_pairs.append(pair)
                    lines.append(f"  {pair}: not compared (a segment has no comments)")
                continue
            flag = "  *" if c["significant"] else ""
            lines.append(
                f"  {c['from']} → {c['to']}  {c['class']:<14} "
                f"{_pct(c['before'])} → {_pct(c['after'])}  "
                f"change {c['diff'] * 100:+.1f} pp "
                f"[{c['ci'][0] * 100:+.1f}, {c['ci'][1] * 100:+.1f}]  "
                f"p{_p(c['p_value'])} (adj. p{_p(c['p_adjusted'])}, {c['test']}){flag}"
            )
        lines.append("")
        lines.append("Interrupted time series (" + self.its.get("model", "") + ")")
        for cls, entry in self.its.get("classes", {}).items():
            if entry.get("note"):
                lines.append(f"  {cls}: {entry['note']}")
            for ev in entry.get("events", []):
                lines.append(
                    f"  {cls:<14} at {ev['event']}: level {ev['level_share'] * 100:+.1f} pp "
                    f"(log-odds {ev['level']:+.2f}, p{_p(ev['level_p'])}), "
                    f"trend change {ev['slope']:+.3f} log-odds/h (p{_p(ev['slope_p'])})"
                )
        for sk in self.its.get("skipped", []):
            lines.append(f"  event {sk['event']} left out: {sk['reason']}")
        lines.append("")
        if self.change_points:
            lines.append("Change points found from the data alone")
            for cp in self.change_points:
                moves = ", ".join(
                    f"{c} {_pct(cp['before'][c])}→{_pct(cp['after'][c])}" for c in self.classes
                )
                near = (
                    f"  (nearest event: {cp['nearest_event']}, {cp['lag_hours']:+.1f} h)"
                    if cp.get("nearest_event")
                    else ""
                )
                lines.append(f"  {_short(pd.Timestamp(cp['time']))}: {moves}{near}")
        else:
            lines.append("Change points found from the data alone: none")
        return "\n".join(lines)


def _pct(x: float | None) -> str:
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x * 100:.1f} %"


def _p(x: float | None) -> str:
    if x is None:
        return "–"
    return "<0.001" if x < 0.001 else f"={x:.3f}"


def _short(ts: pd.Timestamp | None) -> str:
    return "–" if ts is None else ts.strftime("%Y-%m-%d %H:%M")


def compare(
    scored: pd.DataFrame,
    events: list[Event],
    *,
    window: str | pd.Timedelta | None = None,
    time_col: str | None = None,
    alpha: float = 0.05,
) -> CompareResult:
    """Tone shares in each segment between events and how they changed, with uncertainty.

    For each pair of consecutive segments and each tone: the change in share with a
    Newcombe (hybrid Wilson score) confidence interval and a chi-square or, for small
    counts, Fisher exact p-value; ``p_adjusted`` is Holm-adjusted over all changes and
    ``significant`` means ``p_adjusted < alpha``. Also an interrupted-time-series model
    (see :func:`its_fit`) and change points found without the events
    (see :func:`change_points`).

    Parameters
    ----------
    scored : DataFrame
        Scored comments.
    events : list of Event
        The company's statements etc. (see :func:`parse_events`); may be empty.
    window : str or Timedelta, optional
        Limit each segment to this long around its event (e.g. ``"48h"``).
    time_col : str, optional
        Time column (found automatically if None).
    alpha : float
        1 - confidence level.

    Returns
    -------
    CompareResult

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.timeline import parse_events
    >>> t = pd.date_range("2026-03-04 08:00", periods=8, freq="1h", tz="Europe/Helsinki")
    >>> df = pd.DataFrame({"time": t, "tone": ["criticism"] * 4 + ["neutral"] * 4})
    >>> res = compare(df, parse_events(["2026-03-04T12:00=Apology"]))
    >>> ch = [c for c in res.changes if c["class"] == "criticism"][0]
    >>> ch["before"], ch["after"], ch["diff"], ch["test"]
    (1.0, 0.0, -1.0, 'fisher')
    """
    classes = tone_classes(scored)
    window = parse_duration(window)
    rows, col, missing = timed(scored, time_col)
    notes = warn_events(events, rows[col])
    segs = segments(scored, events, window, time_col=col, alpha=alpha)
    seg_id = assign_segments(rows[col], events, window)
    changes = []
    for a, b in itertools.pairwise(segs):
        for c in classes:
            r = diff_test(a.counts[c], a.n, b.counts[c], b.n, alpha)
            changes.append({"from": a.name, "to": b.name, "class": c, **r})
    pvals = [c["p_value"] for c in changes if c["p_value"] is not None]
    adjusted = iter(multipletests(pvals, method="holm")[1] if pvals else [])
    for c in changes:
        c["p_adjusted"] = float(next(adjusted)) if c["p_value"] is not None else None
        c["significant"] = c["p_adjusted"] is not None and c["p_adjusted"] < alpha
    inside = rows.loc[seg_id >= 0]
    its = its_fit(inside[col], inside["tone"], classes, events, alpha)
    cps = change_points(rows[col], rows["tone"], classes)
    for cp in cps:
        if events:
            t = pd.Timestamp(cp["time"])
            nearest = min(events, key=lambda e: abs(e.time - t))
            cp["nearest_event"] = nearest.label
            cp["lag_hours"] = float((t - nearest.time) / pd.Timedelta(hours=1))
    return CompareResult(
        classes=classes,
        events=list(events),
        segments=segs,
        changes=changes,
        its=its,
        change_points=cps,
        alpha=alpha,
        n_total=len(scored),
        n_missing_time=missing,
        n_outside=int((seg_id < 0).sum()),
        window=None if window is None else str(window),
        extra={"warnings": notes},
    )

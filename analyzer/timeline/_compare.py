"""Before/after comparison of tone shares around events, with ITS and change points."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from statsmodels.stats.multitest import multipletests

from analyzer.timeline._changepoints import change_points
from analyzer.timeline._data import timed, tone_classes
from analyzer.timeline._events import Event, parse_duration, warn_events
from analyzer.timeline._format import MIN_N
from analyzer.timeline._its import its_fit
from analyzer.timeline._labels import KNOWN_COL, LabelsSource, apply_labels
from analyzer.timeline._quantify import (
    interval,
    proba_matrix,
    resolve_quantifier,
    wald_p,
)
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
    method: str = "counted"
    note: str | None = None
    n_boot: int = 0
    n_labelled: int = 0

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
                "method": self.method,
                "method_note": self.note,
                "alpha": self.alpha,
                "n_total": self.n_total,
                "n_missing_time": self.n_missing_time,
                "n_outside_window": self.n_outside,
                "n_labelled": self.n_labelled,
                "segments": [
                    {
                        "name": s.name,
                        "start": _iso(s.start),
                        "end": _iso(s.end),
                        "n": s.n,
                        "counts": dict(s.counts),
                        "share": dict(s.share),
                        "ci": {c: [s.lo[c], s.hi[c]] for c in self.classes},
                        "share_counted": dict(s.share_counted or s.share),
                    }
                    for s in self.segments
                ],
                "changes": [dict(c) for c in self.changes],
                "its": self.its,
                "change_points": list(self.change_points),
            }
        )

    def segments_frame(self) -> pd.DataFrame:
        """The segments as a DataFrame, one row per segment (empty ones included, n = 0).

        Returns
        -------
        DataFrame
            Indexed by segment name (``before``, then the event labels); columns
            ``start``, ``end``, ``n`` and for each class ``count_<c>``, ``share_<c>``
            (corrected, or counted when ``method == "counted"``), ``lo_<c>``, ``hi_<c>``
            (its interval) and ``share_counted_<c>`` (share of predicted labels).

        Examples
        --------
        >>> import pandas as pd
        >>> from analyzer.timeline import compare, parse_events
        >>> t = pd.date_range("2026-03-04 08:00", periods=8, freq="1h", tz="Europe/Helsinki")
        >>> df = pd.DataFrame({"time": t, "tone": ["criticism"] * 4 + ["neutral"] * 4})
        >>> f = compare(df, parse_events(["2026-03-04T12:00=Apology"])).segments_frame()
        >>> f[["n", "share_criticism", "share_counted_criticism"]].values.tolist()
        [[4.0, 1.0, 1.0], [4.0, 0.0, 0.0]]
        >>> f.index.tolist()
        ['before', 'Apology']
        """
        rows = []
        for s in self.segments:
            row: dict[str, Any] = {"segment": s.name, "start": s.start, "end": s.end, "n": s.n}
            counted = s.share_counted or s.share
            for c in self.classes:
                row[f"count_{c}"] = s.counts.get(c, 0)
            for c in self.classes:
                row[f"share_{c}"] = s.share.get(c)
                row[f"lo_{c}"] = s.lo.get(c)
                row[f"hi_{c}"] = s.hi.get(c)
                row[f"share_counted_{c}"] = counted.get(c)
            rows.append(row)
        out = pd.DataFrame(rows).set_index("segment")
        num = [c for c in out.columns if c.split("_")[0] in ("share", "lo", "hi")]
        out[num] = out[num].astype(float)
        out.attrs.update(method=self.method, classes=list(self.classes))
        return out

    def changes_frame(self) -> pd.DataFrame:
        """The changes from one segment to the next as a DataFrame, one row per tone and pair.

        Pairs with an empty segment are kept, their numbers missing (NaN).

        Returns
        -------
        DataFrame
            Columns ``from``, ``to``, ``class``, ``before``, ``after``, ``diff``,
            ``ci_low``, ``ci_high``, ``p_value``, ``p_adjusted``, ``significant``,
            ``test`` and ``diff_counted`` (the change of the counted shares; equal to
            ``diff`` when the shares are counted).

        Examples
        --------
        >>> import pandas as pd
        >>> from analyzer.timeline import compare, parse_events
        >>> t = pd.date_range("2026-03-04 08:00", periods=8, freq="1h", tz="Europe/Helsinki")
        >>> df = pd.DataFrame({"time": t, "tone": ["criticism"] * 4 + ["neutral"] * 4})
        >>> f = compare(df, parse_events(["2026-03-04T12:00=Apology"])).changes_frame()
        >>> f[["to", "class", "diff"]].values.tolist()
        [['Apology', 'criticism', -1.0], ['Apology', 'neutral', 1.0]]
        """
        rows = []
        for c in self.changes:
            ci = c.get("ci") or [None, None]
            rows.append(
                {
                    "from": c["from"],
                    "to": c["to"],
                    "class": c["class"],
                    "before": c.get("before"),
                    "after": c.get("after"),
                    "diff": c.get("diff"),
                    "ci_low": ci[0],
                    "ci_high": ci[1],
                    "p_value": c.get("p_value"),
                    "p_adjusted": c.get("p_adjusted"),
                    "significant": bool(c.get("significant")),
                    "test": c.get("test"),
                    "diff_counted": c.get("diff_counted", c.get("diff")),
                }
            )
        cols = [
            "from",
            "to",
            "class",
            "before",
            "after",
            "diff",
            "ci_low",
            "ci_high",
            "p_value",
            "p_adjusted",
            "significant",
            "test",
            "diff_counted",
        ]
        out = pd.DataFrame(rows, columns=cols)
        num = ["before", "after", "diff", "ci_low", "ci_high", "p_value", "p_adjusted"]
        out[[*num, "diff_counted"]] = out[[*num, "diff_counted"]].astype(float)
        out.attrs.update(method=self.method)
        return out

    def its_frame(self) -> pd.DataFrame:
        """The interrupted time series as a DataFrame, one row per tone and event used.

        Returns
        -------
        DataFrame
            Columns ``event``, ``class``, ``level_share`` (the jump in share right
            after the event against the earlier trend), ``level`` (log-odds),
            ``level_p``, ``slope`` (change of trend, log-odds per hour), ``slope_p``.
            ``attrs["skipped"]`` lists the events left out and why.

        Examples
        --------
        >>> import pandas as pd
        >>> from analyzer.timeline import compare, parse_events
        >>> t = pd.date_range("2026-03-04 08:00", periods=8, freq="1h", tz="Europe/Helsinki")
        >>> df = pd.DataFrame({"time": t, "tone": ["criticism"] * 4 + ["neutral"] * 4})
        >>> f = compare(df, parse_events(["2026-03-04T12:00=Apology"])).its_frame()
        >>> len(f), f.attrs["skipped"][0]["reason"]
        (0, 'too few comments')
        """
        cols = ["event", "class", "level_share", "level", "level_p", "slope", "slope_p"]
        rows = [
            {"class": cls, **{k: ev.get(k) for k in cols if k != "class"}}
            for cls, fit in self.its.get("classes", {}).items()
            for ev in fit.get("events", [])
        ]
        out = pd.DataFrame(rows, columns=cols)
        out.attrs["skipped"] = list(self.its.get("skipped", []))
        return out

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
        corrected = self.method != "counted"
        if corrected:
            lines.append(
                f"  shares corrected for the classifier's errors ({self.method.upper()}, "
                f"{conf} % bootstrap CI over the comments and the model's held-out "
                "predictions); counted shares (predicted labels) in parentheses"
            )
        elif self.note:
            lines.append(f"  {self.note}")
        if self.n_labelled:
            lines.append(
                f"  {self.n_labelled} comments count as the analyst labelled them"
                + ("; the correction is estimated on the others" if corrected else "")
            )
        rows = []
        width = max([20, *(len(s.name) for s in self.segments)])
        for s in self.segments:
            if not s.n:
                rows.append(f"  {s.name:<{width}} no comments")
                continue
            counted = s.share_counted or s.share
            shares = "  ".join(
                f"{c} {_pct(s.share[c])} [{_pct(s.lo[c])}–{_pct(s.hi[c])}]"
                + (f" ({_pct(counted[c])})" if corrected else "")
                for c in self.classes
            )
            span = f"{_short(s.start)} → {_short(s.end)}"
            small = f"  (under {MIN_N} comments: a hint only)" if s.n < MIN_N else ""
            rows.append(f"  {s.name:<{width}} n={s.n:<6} {span:<34} {shares}{small}")
        lines += rows
        lines.append("")
        lines.append(
            f"Changes from one segment to the next ({conf} % bootstrap CI; "
            "p: bootstrap z-test, Holm-adjusted; counted change in parentheses)"
            if corrected
            else f"Changes from one segment to the next ({conf} % CI, Newcombe; "
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
                f"p{_p(c['p_value'])} (adj. p{_p(c['p_adjusted'])}, {c['test']})"
                + (
                    f"  (counted {c['diff_counted'] * 100:+.1f} pp)"
                    if corrected and c.get("diff_counted") is not None
                    else ""
                )
                + flag
            )
        lines.append("")
        lines.append("Interrupted time series (" + self.its.get("model", "") + ")")
        thin = {
            e.label
            for i, e in enumerate(self.events)
            if i + 1 < len(self.segments)
            and min(self.segments[i].n, self.segments[i + 1].n) < MIN_N
        }
        for cls, entry in self.its.get("classes", {}).items():
            if entry.get("note"):
                lines.append(f"  {cls}: {entry['note']}")
            for ev in entry.get("events", []):
                if abs(ev["level"]) > 5 or ev["event"] in thin:
                    lines.append(
                        f"  {cls:<14} at {ev['event']}: not shown (under {MIN_N} comments on "
                        "a side or an unstable fit)"
                    )
                    continue
                lines.append(
                    f"  {cls:<14} at {ev['event']}: level {ev['level_share'] * 100:+.1f} pp "
                    f"(log-odds {ev['level']:+.2f}, p{_p(ev['level_p'])}), "
                    f"trend change {ev['slope']:+.3f} log-odds/h (p{_p(ev['slope_p'])})"
                )
        for sk in self.its.get("skipped", []):
            lines.append(f"  event {sk['event']} left out: {sk['reason']}")
        lines.append("")
        if self.change_points:
            lines.append(
                "Change points found from the data alone"
                + (" (shares of predicted labels, not corrected)" if corrected else "")
            )
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
    shares: str = "corrected",
    model: Any = None,
    method: str | None = None,
    n_boot: int = 400,
    seed: int = 0,
    labels: LabelsSource | None = None,
) -> CompareResult:
    """Tone shares in each segment between events and how they changed, with uncertainty.

    **Corrected shares** (``shares="corrected"``, the default) correct the
    classifier's errors with the model's held-out predictions (quantification,
    :mod:`analyzer.timeline._quantify`; method ``emq-bcts`` unless ``method`` says
    otherwise). Their 95 % intervals, the changes' intervals and p-values come
    from a bootstrap over the thread's comments *and* over the held-out
    predictions the correction is estimated from. The counted shares (share of
    predicted labels) are kept beside them (``share_counted``).

    **Counted shares** (``shares="counted"``, or when the model keeps no held-out
    predictions: a :class:`QuantificationWarning` says why, or when the comments
    have no ``p_`` columns): Wilson intervals per segment; for each change a
    Newcombe (hybrid Wilson score) interval and a chi-square or, for small counts,
    Fisher exact p-value.

    ``p_adjusted`` is Holm-adjusted over all changes and ``significant`` means
    ``p_adjusted < alpha``. Also an interrupted-time-series model (see
    :func:`its_fit`; on corrected per-comment probabilities when shares are
    corrected) and change points found without the events (see :func:`change_points`).

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
    shares : {"corrected", "counted"}
        Corrected shares (default) or the share of predicted labels.
    model : ToneModel, path or None
        The model that scored the comments (default: the default model); its
        metadata carries the held-out predictions the correction needs.
    method : str, optional
        Quantification method: ``emq-bcts`` (default), ``kdey``, ``emq``, ``pacc``,
        ``acc``, ``pcc``, ``cc``.
    n_boot : int
        Bootstrap replicates (corrected shares).
    seed : int
        Seed of the bootstrap: the same input gives the same intervals.
    labels : path, DataFrame or Series, optional
        The analyst's own labels for some of the comments (a labels sheet with
        ``comment_id`` and ``label`` columns, or a Series indexed by comment
        id; see :func:`read_analyst_labels`). A labelled comment counts as its
        label, in the counted shares too; the correction is estimated on the
        unlabelled comments only (``n_labelled`` in the result). Labelling the
        comments the model is least sure of helps most (``analyzer sample
        --least-sure``; measured in ``bench/prevalence.py --labelled``).

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
    scored = apply_labels(scored, labels, classes)
    window = parse_duration(window)
    rows, col, missing = timed(scored, time_col)
    known = rows[KNOWN_COL].to_numpy() if KNOWN_COL in rows else None
    notes = warn_events(events, rows[col])
    has_proba = all(f"p_{c}" in scored.columns for c in classes)
    quant, why = resolve_quantifier(classes, has_proba, shares=shares, model=model, method=method)
    segs = segments(scored, events, window, time_col=col, alpha=alpha)
    seg_id = assign_segments(rows[col], events, window)
    for sg in segs:
        sg.share_counted = dict(sg.share)
    changes = []
    soft = None
    if quant is None:
        for a, b in itertools.pairwise(segs):
            for c in classes:
                r = diff_test(a.counts[c], a.n, b.counts[c], b.n, alpha)
                changes.append({"from": a.name, "to": b.name, "class": c, **r})
    else:
        proba = proba_matrix(rows, classes)
        groups = [proba[seg_id == i] for i in range(len(segs))]
        kn = [None if known is None else known[seg_id == i] for i in range(len(segs))]
        est = [quant.shares(p, kn[i]) for i, p in enumerate(groups)]
        reps = quant.bootstrap(groups, known=kn, n_boot=n_boot, seed=seed)
        lo, hi = interval(reps, alpha)
        for i, sg in enumerate(segs):
            if not sg.n:
                continue
            sg.share = {c: float(est[i][k]) for k, c in enumerate(classes)}
            sg.lo = {c: float(lo[i, k]) for k, c in enumerate(classes)}
            sg.hi = {c: float(hi[i, k]) for k, c in enumerate(classes)}
        for (i, a), (j, b) in itertools.pairwise(enumerate(segs)):
            for k, c in enumerate(classes):
                counted = diff_test(a.counts[c], a.n, b.counts[c], b.n, alpha)
                r = {key: None for key in ("before", "after", "diff", "ci", "p_value", "test")}
                if a.n and b.n:
                    d = reps[:, j, k] - reps[:, i, k]
                    dlo, dhi = interval(d[:, None], alpha)
                    diff = float(est[j][k] - est[i][k])
                    r.update(
                        before=float(est[i][k]),
                        after=float(est[j][k]),
                        diff=diff,
                        ci=[float(dlo[0]), float(dhi[0])],
                        p_value=wald_p(diff, d),
                        test="bootstrap",
                    )
                r["diff_counted"] = counted["diff"]
                changes.append({"from": a.name, "to": b.name, "class": c, **r})
        soft = np.zeros_like(proba)
        for i, p in enumerate(groups):
            if len(p):
                soft[seg_id == i] = quant.adjusted_proba(p, kn[i])
    pvals = [c["p_value"] for c in changes if c["p_value"] is not None]
    adjusted = iter(multipletests(pvals, method="holm")[1] if pvals else [])
    for c in changes:
        c["p_adjusted"] = float(next(adjusted)) if c["p_value"] is not None else None
        c["significant"] = c["p_adjusted"] is not None and c["p_adjusted"] < alpha
    inside = rows.loc[seg_id >= 0]
    its = its_fit(
        inside[col],
        inside["tone"],
        classes,
        events,
        alpha,
        soft=None if soft is None else soft[seg_id >= 0],
    )
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
        method=quant.method if quant is not None else "counted",
        note=why,
        n_boot=n_boot if quant is not None else 0,
        n_labelled=0 if known is None else int((known >= 0).sum()),
        extra={"warnings": notes},
    )

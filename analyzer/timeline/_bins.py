"""Tone shares per time bin, with Wilson confidence intervals."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analyzer.errors import AnalyzerError
from analyzer.timeline._data import one_hot, timed, tone_classes
from analyzer.timeline._events import parse_duration
from analyzer.timeline._labels import KNOWN_COL, LabelsSource, apply_labels
from analyzer.timeline._quantify import interval, proba_matrix, resolve_quantifier
from analyzer.timeline._stats import wilson

__all__ = ["auto_freq", "tone_timeline"]

_LADDER = ("5min", "10min", "15min", "30min", "1h", "2h", "3h", "6h", "12h", "1d", "2d", "7d")


def auto_freq(start: pd.Timestamp, end: pd.Timestamp, target_bins: int = 40) -> str:
    """A round bin width giving about ``target_bins`` bins (at most that many) between two times.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2026-03-04", tz="UTC")
    >>> auto_freq(t0, t0 + pd.Timedelta(days=3))
    '2h'
    """
    span = end - start
    for freq in _LADDER:
        if span / parse_duration(freq) <= target_bins:
            return freq
    return _LADDER[-1]


def _edges(times: pd.Series, width: pd.Timedelta, events: list | None) -> pd.DatetimeIndex:
    """Bin starts: a regular grid from the first comment's day, cut at each event inside it."""
    first, last = times.iloc[0], times.iloc[-1]
    origin = first.normalize()
    start = origin + ((first - origin) // width) * width
    grid = pd.date_range(start, last, freq=width)
    cuts = [e.time.tz_convert(first.tz) for e in events or [] if first < e.time <= last]
    return grid.append(pd.DatetimeIndex(cuts)).unique().sort_values()


def tone_timeline(
    scored: pd.DataFrame,
    freq: str | None = None,
    time_col: str | None = None,
    smooth: int | None = None,
    alpha: float = 0.05,
    *,
    events: list | None = None,
    shares: str = "corrected",
    model: Any = None,
    method: str | None = None,
    n_boot: int = 200,
    seed: int = 0,
    labels: LabelsSource | None = None,
) -> pd.DataFrame:
    """Comment volume and tone shares per time bin.

    Shares are corrected for the classifier's errors by default, with bootstrap
    intervals over the comments and the model's held-out predictions (as in
    :func:`analyzer.timeline.compare`); the share of predicted labels is kept in
    ``share_counted_<c>``. With ``shares="counted"`` (or without ``p_`` columns,
    or with a model that keeps no held-out predictions) the shares are counted
    with Wilson intervals.

    Parameters
    ----------
    scored : DataFrame
        Scored comments (``tone`` and ``p_<label>`` columns, a tz-aware time column).
    freq : str, optional
        Bin width such as ``"1h"`` or ``"30min"``; chosen automatically if None: a round
        width giving about 25 comments per bin on average and at most 40 bins.
    time_col : str, optional
        Name of the time column (default: ``attrs["roles"]["time"]``, then
        time/timestamp/created_time).
    events : list of Event, optional
        Bins are cut at each event's time, so no bin mixes comments from before
        and after an event (the bins on either side of an event are shorter).
    smooth : int, optional
        Pool each bin with its neighbours: a centred window of ``smooth`` bins.
        Shares and intervals then come from the pooled counts (``n`` stays per bin).
    alpha : float
        1 - confidence level of the intervals.
    shares : {"corrected", "counted"}
        Corrected shares (default) or the share of predicted labels.
    model : ToneModel, path or None
        The model that scored the comments (default: the default model).
    method : str, optional
        Quantification method (default ``emq-bcts``).
    n_boot, seed : int
        Bootstrap replicates and seed (corrected shares).
    labels : path, DataFrame or Series, optional
        The analyst's own labels for some comments, counted as such (see
        :func:`analyzer.timeline.compare`).

    Returns
    -------
    DataFrame
        Indexed by bin start; columns ``bin_end``, ``n`` and for each class ``count_<c>``,
        ``share_<c>``, ``lo_<c>``, ``hi_<c>``, ``share_counted_<c>``. ``attrs`` hold
        ``freq``, ``classes``, ``time_col``, ``n_missing_time`` (rows without a time,
        left out) and ``method`` (``"counted"`` or the quantification method).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.to_datetime(["2026-03-04 10:05", "2026-03-04 10:40", "2026-03-04 11:10"])
    >>> df = pd.DataFrame({"time": t.tz_localize("Europe/Helsinki"),
    ...                    "tone": ["criticism", "neutral", "criticism"],
    ...                    "p_criticism": [0.9, 0.2, 0.8], "p_neutral": [0.1, 0.8, 0.2]})
    >>> tl = tone_timeline(df, freq="1h")
    >>> tl["n"].tolist(), tl["share_counted_criticism"].tolist()
    ([2, 1], [0.5, 1.0])
    """
    classes = tone_classes(scored)
    scored = apply_labels(scored, labels, classes)
    rows, col, missing = timed(scored, time_col)
    if rows.empty:
        raise AnalyzerError("no comments with a time: nothing to put on a timeline")
    times = rows[col]
    if freq is None:
        # about 25 comments per bin on average, and never more than 40 bins
        freq = auto_freq(
            times.iloc[0], times.iloc[-1], target_bins=min(40, max(4, len(rows) // 25))
        )
    width = parse_duration(freq)
    if (times.iloc[-1] - times.iloc[0]) / width > 100_000:
        raise AnalyzerError(
            f"bin width {freq} gives too many bins for this thread: use a wider {{option}}",
            param="freq",
        )
    starts = _edges(times, width, events)
    bin_of = np.searchsorted(starts.asi8, times.array.asi8, side="right") - 1
    hot = one_hot(rows["tone"], classes)
    counts = pd.DataFrame(
        {
            c: np.bincount(bin_of, weights=hot[:, k], minlength=len(starts))
            for k, c in enumerate(classes)
        },
        index=starts,
    )
    n = counts.sum(axis=1)
    pooled_counts, pooled_n = counts, n
    if smooth:
        if int(smooth) < 1:
            raise AnalyzerError("smooth must be a positive number of bins")
        pooled_counts = counts.rolling(int(smooth), center=True, min_periods=1).sum()
        pooled_n = pooled_counts.sum(axis=1)
    # each bin ends where the next begins; the last at the next grid line
    grid_end = starts[0] + ((starts[-1] - starts[0]) // width + 1) * width
    ends = pd.DatetimeIndex([*starts[1:], grid_end])
    out = pd.DataFrame({"bin_end": ends, "n": n.astype(int)}, index=counts.index)
    out.index.name = "bin_start"
    has_proba = all(f"p_{c}" in rows.columns for c in classes)
    quant, why = resolve_quantifier(classes, has_proba, shares=shares, model=model, method=method)
    for c in classes:
        share = np.where(pooled_n > 0, pooled_counts[c] / pooled_n.where(pooled_n > 0, 1), np.nan)
        lo, hi = wilson(pooled_counts[c], pooled_n, alpha)
        out[f"count_{c}"] = counts[c].astype(int)
        out[f"share_{c}"] = share
        out[f"lo_{c}"] = lo
        out[f"hi_{c}"] = hi
        out[f"share_counted_{c}"] = share
    if quant is not None:
        proba = proba_matrix(rows, classes)
        half = int(smooth) // 2 if smooth else 0
        masks = [(bin_of >= i - half) & (bin_of <= i + half) for i in range(len(counts))]
        groups = [proba[m] for m in masks]
        known = rows[KNOWN_COL].to_numpy() if KNOWN_COL in rows else None
        kn = [None if known is None else known[m] for m in masks]
        est = np.array([quant.shares(p, kn[i]) for i, p in enumerate(groups)])
        reps = quant.bootstrap(groups, known=kn, n_boot=n_boot, seed=seed)
        lo, hi = interval(reps, alpha)
        for k, c in enumerate(classes):
            out[f"share_{c}"] = est[:, k]
            out[f"lo_{c}"] = lo[:, k]
            out[f"hi_{c}"] = hi[:, k]
    out.attrs.update(
        freq=freq,
        events=[e.time for e in events or []],
        classes=classes,
        time_col=col,
        n_missing_time=missing,
        smooth=smooth,
        method=quant.method if quant is not None else "counted",
        method_note=why,
        n_labelled=int((rows[KNOWN_COL] >= 0).sum()) if KNOWN_COL in rows else 0,
    )
    return out

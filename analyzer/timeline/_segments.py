"""Segments of the thread between events: before the first, after each one."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analyzer.timeline._data import one_hot, timed, tone_classes
from analyzer.timeline._events import Event, parse_duration
from analyzer.timeline._stats import wilson

__all__ = ["BEFORE", "Segment", "assign_segments", "segments"]

#: name of the segment before the first event
BEFORE = "before"


@dataclass
class Segment:
    """Comments between two events (or before the first / after the last).

    ``start``/``end`` are the segment's bounds: the event times (window-limited),
    or the first/last comment's time on an open side. ``share``, ``lo`` and ``hi``
    map each class to its share and Wilson interval (None when ``n`` is 0);
    :func:`analyzer.timeline.compare` replaces them with corrected shares and
    their bootstrap intervals and keeps the counted ones in ``share_counted``.
    """

    name: str
    start: pd.Timestamp | None
    end: pd.Timestamp | None
    n: int
    counts: dict[str, int]
    share: dict[str, float | None] = field(default_factory=dict)
    lo: dict[str, float | None] = field(default_factory=dict)
    hi: dict[str, float | None] = field(default_factory=dict)
    #: share of predicted labels (classify and count); ``share`` may be corrected
    share_counted: dict[str, float | None] = field(default_factory=dict)


def _bounds(
    events: list[Event], window: pd.Timedelta | None
) -> list[tuple[str, pd.Timestamp | None, pd.Timestamp | None]]:
    times = [e.time for e in events]
    out = []
    for i in range(len(events) + 1):
        start = times[i - 1] if i > 0 else None
        end = times[i] if i < len(times) else None
        if window is not None:
            if start is None and end is not None:
                start = end - window
            elif start is not None:
                end = start + window if end is None else min(end, start + window)
        out.append((BEFORE if i == 0 else events[i - 1].label, start, end))
    return out


def assign_segments(
    times: pd.Series, events: list[Event], window: str | pd.Timedelta | None = None
) -> np.ndarray:
    """Segment number of each time (0 = before the first event); -1 outside the window or NaT.

    A comment exactly at an event's time belongs to the segment after it.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.timeline import parse_events
    >>> ev = parse_events(["2026-03-04T12:00=Tiedote"])
    >>> t = pd.Series(pd.to_datetime(["2026-03-04 09:00", "2026-03-04 11:00", "2026-03-04 12:00",
    ...                               "2026-03-04 15:00"]).tz_localize("Europe/Helsinki"))
    >>> assign_segments(t, ev).tolist(), assign_segments(t, ev, window="2h").tolist()
    ([0, 0, 1, 1], [-1, 0, 1, -1])
    """
    window = parse_duration(window)
    seg = np.full(len(times), -1, dtype=int)
    known = times.notna().to_numpy()
    for i, (_, start, end) in enumerate(_bounds(events, window)):
        inside = known.copy()
        if start is not None:
            inside &= (times >= start).to_numpy()
        if end is not None:
            inside &= (times < end).to_numpy()
        seg[inside] = i
    return seg


def segments(
    scored: pd.DataFrame,
    events: list[Event],
    window: str | pd.Timedelta | None = None,
    *,
    time_col: str | None = None,
    alpha: float = 0.05,
) -> list[Segment]:
    """Comment count and tone shares (with Wilson CIs) in each segment between events.

    Parameters
    ----------
    scored : DataFrame
        Scored comments.
    events : list of Event
        Sorted events (see :func:`parse_events`).
    window : str or Timedelta, optional
        Keep only comments within this long before the first event and after each
        event (e.g. ``"48h"``).
    time_col : str, optional
        Time column (found automatically if None).
    alpha : float
        1 - confidence level.

    Returns
    -------
    list of Segment
        ``len(events) + 1`` segments, named ``"before"`` and then by event label.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.timeline import parse_events
    >>> t = pd.to_datetime(["2026-03-04 09:00", "2026-03-04 11:00", "2026-03-04 13:00"])
    >>> df = pd.DataFrame({"time": t.tz_localize("Europe/Helsinki"),
    ...                    "tone": ["criticism", "criticism", "neutral"]})
    >>> segs = segments(df, parse_events(["2026-03-04T12:00=Anteeksipyyntö"]))
    >>> [(s.name, s.n, s.share["criticism"]) for s in segs]
    [('before', 2, 1.0), ('Anteeksipyyntö', 1, 0.0)]
    """
    classes = tone_classes(scored)
    rows, col, _ = timed(scored, time_col)
    seg = assign_segments(rows[col], events, window)
    onehot = one_hot(rows["tone"], classes)
    times = rows[col]
    out = []
    for i, (name, start, end) in enumerate(_bounds(events, parse_duration(window))):
        mask = seg == i
        n = int(mask.sum())
        counts = {c: int(onehot[mask, k].sum()) for k, c in enumerate(classes)}
        lo, hi = wilson(list(counts.values()), [n] * len(classes), alpha)
        inside = times[mask]
        out.append(
            Segment(
                name=name,
                start=start if start is not None else (inside.iloc[0] if n else None),
                end=end if end is not None else (inside.iloc[-1] if n else None),
                n=n,
                counts=counts,
                share={c: (counts[c] / n if n else None) for c in classes},
                share_counted={c: (counts[c] / n if n else None) for c in classes},
                lo={c: (float(lo[k]) if n else None) for k, c in enumerate(classes)},
                hi={c: (float(hi[k]) if n else None) for k, c in enumerate(classes)},
            )
        )
    return out

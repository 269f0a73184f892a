"""Company statements and other moments on the thread's time axis."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from analyzer.errors import AnalyzerError

__all__ = ["Event", "parse_duration", "parse_events", "to_timestamp"]

DEFAULT_TZ = "Europe/Helsinki"
DEFAULT_KIND = "statement"


@dataclass(frozen=True, order=True)
class Event:
    """One moment on the time axis, e.g. the company's statement.

    Parameters
    ----------
    time : pandas.Timestamp
        When it happened (time-zone aware).
    label : str
        Short name shown in tables and figures, e.g. ``"Anteeksipyyntö"``.
    kind : str
        Free-form category, e.g. ``"statement"``, ``"apology"``, ``"deletion"``.

    Examples
    --------
    >>> import pandas as pd
    >>> Event(pd.Timestamp("2026-03-04 10:00", tz="Europe/Helsinki"), "Anteeksipyyntö").kind
    'statement'
    """

    time: pd.Timestamp
    label: str
    kind: str = DEFAULT_KIND

    def __post_init__(self) -> None:
        if not isinstance(self.time, pd.Timestamp) or self.time.tzinfo is None:
            raise AnalyzerError(f"event {self.label!r}: time must be a time-zone aware timestamp")


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(str(tz))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise AnalyzerError(f"unknown time zone {tz!r} (use e.g. Europe/Helsinki or UTC)") from exc


def to_timestamp(value: object, tz: str = DEFAULT_TZ) -> pd.Timestamp:
    """Parse one time; naive times are local time in ``tz``.

    Times with an offset (``+02:00``, ``Z``) keep their instant and are shown in ``tz``.
    A naive time that does not exist (spring-forward gap) or is ambiguous
    (autumn fall-back hour) is an error: give the offset explicitly.

    Parameters
    ----------
    value : str or datetime-like
        The time, e.g. ``"2026-03-04T10:00"``.
    tz : str
        IANA time-zone name for naive times.

    Returns
    -------
    pandas.Timestamp
        Time-zone aware timestamp in ``tz``.

    Examples
    --------
    >>> to_timestamp("2026-03-04T10:00").isoformat()
    '2026-03-04T10:00:00+02:00'
    >>> to_timestamp("2026-07-04T10:00Z").isoformat()
    '2026-07-04T13:00:00+03:00'
    """
    zone = _zone(tz)
    try:
        ts = pd.Timestamp(value.strip() if isinstance(value, str) else value)
    except (ValueError, TypeError) as exc:
        raise AnalyzerError(
            f"cannot read time {value!r} (use e.g. 2026-03-04T10:00 or 2026-03-04T10:00+02:00)"
        ) from exc
    if ts is pd.NaT or pd.isna(ts):
        raise AnalyzerError(f"cannot read time {value!r}: it is empty")
    if ts.tzinfo is not None:
        return ts.tz_convert(zone)
    try:
        return ts.tz_localize(zone, ambiguous="raise", nonexistent="raise")
    except ValueError as exc:
        why = "does not exist" if "nonexistent" in str(exc).lower() else "is ambiguous"
        raise AnalyzerError(
            f"time {value!r} {why} in {tz} (clock change): give the UTC offset, "
            f"e.g. {ts.isoformat()}+02:00 or +03:00"
        ) from exc


def _from_spec(spec: str, tz: str) -> Event:
    time, sep, rest = spec.partition("=")
    if not sep or not time.strip() or not rest.strip():
        raise AnalyzerError(
            f"cannot read event {spec!r}: use TIME=LABEL, e.g. 2026-03-04T10:00=Anteeksipyyntö"
        )
    label, _, kind = rest.partition("|")
    return Event(to_timestamp(time, tz), label.strip(), kind.strip() or DEFAULT_KIND)


def _from_file(path: str | Path, tz: str) -> list[Event]:
    path = Path(path)
    if not path.is_file():
        raise AnalyzerError(f"events file {path} not found")
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, sep=None, engine="python")
    except Exception as exc:
        raise AnalyzerError(f"cannot read events file {path}: {exc}") from exc
    table.columns = [str(c).strip().lower() for c in table.columns]
    missing = {"time", "label"} - set(table.columns)
    if missing:
        raise AnalyzerError(
            f"events file {path} needs columns time,label[,kind]; "
            f"missing: {', '.join(sorted(missing))}"
        )
    events = []
    for i, row in enumerate(table.itertuples(index=False), start=2):
        row = row._asdict()
        if not str(row["time"]).strip():
            continue
        label = str(row["label"]).strip()
        if not label:
            raise AnalyzerError(f"events file {path}, line {i}: the label is empty")
        kind = str(row.get("kind", "") or "").strip() or DEFAULT_KIND
        try:
            events.append(Event(to_timestamp(row["time"], tz), label, kind))
        except AnalyzerError as exc:
            raise AnalyzerError(f"events file {path}, line {i}: {exc}") from exc
    return events


def parse_events(
    specs: list[str] | None = None, path: str | Path | None = None, tz: str = DEFAULT_TZ
) -> list[Event]:
    """Events from ``TIME=LABEL`` strings and/or an events CSV file, sorted by time.

    Parameters
    ----------
    specs : list of str, optional
        ``"2026-03-04T10:00=Anteeksipyyntö"``; an optional kind follows a bar:
        ``"2026-03-04T10:00=Anteeksipyyntö|apology"``.
    path : str or Path, optional
        CSV file with columns ``time,label`` and optionally ``kind``.
    tz : str
        Time zone of naive times (default Europe/Helsinki).

    Returns
    -------
    list of Event
        Sorted by time; two events may not share the same instant.

    Examples
    --------
    >>> evs = parse_events(["2026-03-05T09:00=Anteeksipyyntö", "2026-03-04T10:00=Tiedote"])
    >>> [(e.label, e.time.isoformat()) for e in evs]
    [('Tiedote', '2026-03-04T10:00:00+02:00'), ('Anteeksipyyntö', '2026-03-05T09:00:00+02:00')]
    """
    events = [_from_spec(s, tz) for s in specs or []]
    if path is not None:
        events += _from_file(path, tz)
    events.sort(key=lambda e: e.time)
    for a, b in itertools.pairwise(events):
        if a.time == b.time:
            raise AnalyzerError(f"events {a.label!r} and {b.label!r} have the same time {a.time}")
    return events


_UNITS = {"min": "min", "m": "min", "h": "h", "d": "D", "w": "W", "s": "s"}


def parse_duration(text: str | pd.Timedelta | None) -> pd.Timedelta | None:
    """A duration such as ``"48h"``, ``"30min"``, ``"2d"``; None stays None.

    Examples
    --------
    >>> parse_duration("48h")
    Timedelta('2 days 00:00:00')
    >>> parse_duration("90min")
    Timedelta('0 days 01:30:00')
    """
    if text is None or isinstance(text, pd.Timedelta):
        return text
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(min|m|h|d|w|s)\s*", str(text).lower())
    if not m:
        raise AnalyzerError(f"cannot read duration {text!r} (use e.g. 30min, 1h, 48h, 2d)")
    value = pd.Timedelta(float(m.group(1)), unit=_UNITS[m.group(2)])
    if value <= pd.Timedelta(0):
        raise AnalyzerError(f"duration {text!r} must be positive")
    return value

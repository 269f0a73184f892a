"""Company statements and other moments on the thread's time axis."""

from __future__ import annotations

import itertools
import re
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from analyzer.config import DEFAULT_TZ, time_zone
from analyzer.errors import AnalyzerError, AnalyzerWarning

__all__ = ["Event", "event_warnings", "parse_duration", "parse_events", "to_timestamp"]

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
    """The zone ``tz``, checked by :func:`analyzer.config.time_zone` (the one check)."""
    return ZoneInfo(time_zone(tz))


def _strict(ts: pd.Timestamp, wall: pd.Timestamp, value: object, tz: str) -> pd.Timestamp:
    """``wall`` localised in ``tz``; an error where the clock change makes it unclear."""
    try:
        return wall.tz_localize(_zone(tz), ambiguous="raise", nonexistent="raise")
    except ValueError as exc:
        why = "does not exist" if "nonexistent" in str(exc).lower() else "is ambiguous"
        raise AnalyzerError(
            f"time {value!r} {why} in {tz} (clock change): give the UTC offset, "
            f"e.g. {wall.isoformat()}+02:00 or +03:00"
        ) from exc


def to_timestamp(value: object, tz: str = DEFAULT_TZ) -> pd.Timestamp:
    """Parse one time in any format the data reader accepts; naive times are local in ``tz``.

    The formats are those of :func:`analyzer.io.parse_times` (one parser for
    data and events): ISO 8601 with or without an offset, Finnish
    ``4.3.2026 klo 10.00``, ``4.3.2026 10:00``, Unix epoch, datetimes.
    Times with an offset (``+02:00``, ``Z``) keep their instant and are shown
    in ``tz``. Unlike a data column, where thousands of times cannot stop for
    one, an event time that does not exist (spring-forward gap) or is
    ambiguous (autumn fall-back hour) is an error: give the offset explicitly.

    Parameters
    ----------
    value : str or datetime-like
        The time, e.g. ``"2026-03-04T10:00"`` or ``"4.3.2026 klo 10.00"``.
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
    >>> to_timestamp("4.3.2026 klo 10.00").isoformat()
    '2026-03-04T10:00:00+02:00'
    >>> to_timestamp("2026-07-04T10:00Z").isoformat()
    '2026-07-04T13:00:00+03:00'
    """
    from analyzer.io import parse_times

    zone = _zone(tz)
    if isinstance(value, str):
        value = value.strip()
    if value is None or (isinstance(value, str) and not value) or value is pd.NaT:
        raise AnalyzerError(f"cannot read time {value!r}: it is empty")
    cell = pd.Series([value], dtype=object)
    if isinstance(value, pd.Timestamp | datetime):
        cell = pd.Series(pd.DatetimeIndex([value]))
    times, bad = parse_times(cell, tz)
    ts = times.iloc[0]
    if bad.iloc[0] or pd.isna(ts):
        raise AnalyzerError(
            f"cannot read time {value!r} (use e.g. 2026-03-04T10:00, 4.3.2026 klo 10.00 "
            "or 2026-03-04T10:00+02:00)"
        )
    # The same value read as UTC: a time written with its offset gives the same
    # instant; a naive one gives its wall-clock time, which is then localised
    # strictly (no silent move across a clock change).
    as_utc = parse_times(cell, "UTC")[0].iloc[0]
    if as_utc != ts:
        ts = _strict(ts, as_utc.tz_localize(None), value, tz)
    return pd.Timestamp(ts).tz_convert(zone)


def _label_of(ts: pd.Timestamp) -> str:
    """The label of an event given without one: its local time, ``2026-03-04 10:00``."""
    return ts.strftime("%Y-%m-%d %H:%M")


def _from_spec(spec: str, tz: str) -> Event:
    time, _, rest = spec.partition("=")
    if not time.strip():
        raise AnalyzerError(
            f"cannot read event {spec!r}: use TIME or TIME=LABEL, "
            "e.g. 2026-03-04T10:00=Anteeksipyyntö"
        )
    label, _, kind = rest.partition("|")
    ts = to_timestamp(time, tz)
    return Event(ts, label.strip() or _label_of(ts), kind.strip() or DEFAULT_KIND)


#: accepted headers of an events file (compared lower-cased, without spaces and BOM)
_HEADERS: dict[str, tuple[str, ...]] = {
    "time": (
        "time",
        "timestamp",
        "datetime",
        "date",
        "when",
        "created_time",
        "aika",
        "ajankohta",
        "aikaleima",
        "pvm",
        "päivämäärä",
        "paivamaara",
        "hetki",
    ),
    "label": (
        "label",
        "event",
        "name",
        "title",
        "description",
        "text",
        "tapahtuma",
        "selite",
        "nimi",
        "otsikko",
        "kuvaus",
        "nimike",
    ),
    "kind": ("kind", "type", "category", "laji", "tyyppi", "luokka"),
}


def _header_roles(columns: list[str]) -> dict[str, str]:
    """Which column of an events file holds the time, the label and the kind."""
    norm = {re.sub(r"[\s\ufeff\"']+", "", str(c)).lower(): c for c in columns}
    found = {}
    for role, names in _HEADERS.items():
        for name in names:
            if name in norm:
                found[role] = norm[name]
                break
    return found


def _cell(value: object) -> str:
    """A label or kind cell as stripped text (empty for a missing cell)."""
    return (
        "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()
    )


def _from_file(path: str | Path, tz: str) -> list[Event]:
    """Events from a CSV/TSV/XLSX/JSON file, read by :mod:`analyzer.io`'s own readers.

    So the encodings (UTF-8 with or without BOM, cp1252...), delimiters
    (``,`` ``;`` tab) and formats are those of the data files.
    """
    from analyzer.io import ReadStats, open_source

    path = Path(path)
    if not path.is_file():
        raise AnalyzerError(f"events file {path} not found")
    source = open_source(path, ReadStats(), chunksize=10_000)
    roles = _header_roles(source.columns)
    if "time" not in roles:
        raise AnalyzerError(
            f"events file {path} needs a time column (time or aika; then label or tapahtuma, "
            f"optionally kind); columns are: {', '.join(map(repr, source.columns))}"
        )
    events = []
    for batch in source.batches:
        if batch.rejects:
            bad = batch.rejects[0]
            raise AnalyzerError(f"events file {path}, line {bad.line}: {bad.reason}")
        for line, (_, row) in zip(batch.lines, batch.frame.iterrows(), strict=True):
            when = row[roles["time"]]
            if when is None or (isinstance(when, str) and not when.strip()) or pd.isna(when):
                continue
            label = _cell(row[roles["label"]]) if "label" in roles else ""
            kind = _cell(row[roles["kind"]]) if "kind" in roles else ""
            try:
                ts = to_timestamp(when, tz)
            except AnalyzerError as exc:
                raise AnalyzerError(f"events file {path}, line {line}: {exc}") from exc
            events.append(Event(ts, label or _label_of(ts), kind or DEFAULT_KIND))
    return events


def parse_events(
    specs: list[str] | None = None, path: str | Path | None = None, tz: str = DEFAULT_TZ
) -> list[Event]:
    """Events from ``TIME[=LABEL]`` strings and/or an events file, sorted by time.

    Parameters
    ----------
    specs : list of str, optional
        ``"2026-03-04T10:00=Anteeksipyyntö"`` or ``"4.3.2026 klo 10.00=Anteeksipyyntö"``
        (any time format the data reader accepts, see :func:`to_timestamp`);
        an optional kind follows a bar: ``"2026-03-04T10:00=Anteeksipyyntö|apology"``.
        A bare time is an event labelled with its local time (``"2026-03-04 10:00"``).
    path : str or Path, optional
        CSV/TSV/XLSX file (any encoding and delimiter the data reader accepts,
        with or without BOM) with a time column (``time``, ``timestamp``, ``aika``,
        ``pvm``...), optionally a label (``label``, ``event``, ``tapahtuma``,
        ``selite``...) and a kind (``kind``, ``type``, ``laji``...).
    tz : str
        Time zone of naive times (default Europe/Helsinki).

    Returns
    -------
    list of Event
        Sorted by time; two events may not share the same instant.

    Examples
    --------
    >>> evs = parse_events(["2026-03-05T09:00=Anteeksipyyntö", "4.3.2026 klo 10.00=Tiedote"])
    >>> [(e.label, e.time.isoformat()) for e in evs]
    [('Tiedote', '2026-03-04T10:00:00+02:00'), ('Anteeksipyyntö', '2026-03-05T09:00:00+02:00')]
    >>> parse_events(["2026-03-06T12:00"])[0].label
    '2026-03-06 12:00'
    """
    events = [_from_spec(s, tz) for s in specs or []]
    if path is not None:
        events += _from_file(path, tz)
    events.sort(key=lambda e: e.time)
    for a, b in itertools.pairwise(events):
        if a.time == b.time:
            raise AnalyzerError(f"events {a.label!r} and {b.label!r} have the same time {a.time}")
    return events


def event_warnings(events: list[Event], times: pd.Series | pd.Index) -> list[str]:
    """One line per event outside the comments' time range (its segment on one side is empty).

    Parameters
    ----------
    events : list of Event
    times : pandas.Series or DatetimeIndex
        The comments' times (tz-aware; missing times are ignored).

    Returns
    -------
    list of str
        Empty when every event falls between the first and the last comment.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.Series(pd.date_range("2026-03-04 08:00", periods=3, freq="1h", tz="UTC"))
    >>> event_warnings(parse_events(["2026-03-04T09:30+00:00=a", "2026-03-05T12:00=b"]), t)
    ["event 'b' (2026-03-05 12:00) is after the last comment (2026-03-04 12:00)"]
    """
    stamps = pd.Series(times).dropna()
    if not events:
        return []
    if stamps.empty:
        return ["no comment has a time: events cannot be placed"]
    zone = events[0].time.tz
    first, last = stamps.min().tz_convert(zone), stamps.max().tz_convert(zone)
    out = []
    for e in events:
        when = _label_of(e.time)
        name = f"event {e.label!r}" if e.label == when else f"event {e.label!r} ({when})"
        if e.time <= first:
            out.append(f"{name} is before the first comment ({_label_of(first)})")
        elif e.time > last:
            out.append(f"{name} is after the last comment ({_label_of(last)})")
    return out


def warn_events(events: list[Event], times: pd.Series | pd.Index) -> list[str]:
    """:func:`event_warnings`, each also issued as an :class:`~analyzer.errors.AnalyzerWarning`.

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> t = pd.Series(pd.date_range("2026-03-04 08:00", periods=3, freq="1h", tz="UTC"))
    >>> with warnings.catch_warnings(record=True) as seen:
    ...     warnings.simplefilter("always")
    ...     notes = warn_events(parse_events(["2026-03-01T12:00=a"]), t)
    >>> [str(w.message) for w in seen] == notes
    True
    """
    notes = event_warnings(events, times)
    for note in notes:
        warnings.warn(note, AnalyzerWarning, stacklevel=3)
    return notes


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

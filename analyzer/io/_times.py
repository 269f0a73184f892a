"""Parse the many time formats of exports into tz-aware timestamps, and format them back."""

from __future__ import annotations

import re
import warnings
from datetime import datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analyzer.config import DEFAULT_TZ, time_zone

__all__ = ["format_times", "parse_times"]

_EPOCH = r"^[+-]?\d{9,16}(?:\.\d+)?$"
# Excel's serial dates (days since 1899-12-30, the time as a fraction): 20000-79999 is 1954-2119
_EXCEL_SERIAL = r"^[2-7]\d{4}(?:\.\d+)?$"
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")
_FINNISH = (
    r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})"
    r"(?:\s*(?:,|(?i:klo)\.?|(?i:kello))?\s*(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2})"
    r"(?:[.:](?P<second>\d{2}))?)?)?$"
)
_ISO = r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?"
# an offset counts only after a time of day: in a bare date "2026-03-01" the "-01" is the day
_ZONE = r"\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)$"
_NAMED = r"\s*(?:UTC|GMT)$"
# necessary conditions of _NAMED and _ZONE, checked by Arrow on a whole column first
_NAMED_HINT = r"(?i)utc|gmt"
_ZONE_HINT = r"(?s)(?:[+-].{0,5}|Z)$"
_PARTS = ("year", "month", "day", "hour", "minute", "second")


def _localize(naive: pd.Series, tz: str) -> pd.Series:
    """Naive local times -> tz-aware; DST-safe.

    A time that does not exist (the spring-forward gap, e.g. 29.3.2026 klo 3.30
    in Helsinki) is read as standard time, i.e. moved one hour forward; an
    ambiguous time (the repeated hour in autumn) is read as the first, summer
    time instance.
    """
    ambiguous = np.ones(len(naive), dtype=bool)
    return naive.dt.tz_localize(tz, ambiguous=ambiguous, nonexistent=pd.Timedelta(hours=1))


def _empty_result(index: pd.Index, tz: str) -> pd.Series:
    return pd.Series(pd.NaT, index=index, dtype=f"datetime64[us, {tz}]")


def _mask(array: pa.Array, pattern: str) -> np.ndarray:
    return pc.fill_null(pc.match_substring_regex(array, pattern), False).to_numpy(
        zero_copy_only=False
    )


def _parse_strings(values: pd.Series, tz: str) -> pd.Series:
    """Parse stripped, non-empty strings; NaT where no format fits."""
    out = _empty_result(values.index, tz)
    array = pa.array(values.to_numpy(dtype=object), type=pa.string())
    todo = np.ones(len(values), dtype=bool)

    # Unix epoch: seconds, milliseconds or microseconds
    is_epoch = _mask(array, _EPOCH)
    if is_epoch.any():
        num = pd.to_numeric(values[is_epoch], errors="coerce").astype(float)
        unit_div = np.where(num.abs() >= 1e14, 1e6, np.where(num.abs() >= 1e11, 1e3, 1.0))
        parsed = pd.to_datetime(num / unit_div, unit="s", utc=True, errors="coerce")
        out[is_epoch] = parsed.dt.tz_convert(tz).dt.as_unit("us")
        todo &= ~is_epoch

    # Excel serial dates, as a listening tool's XLSX holds them without a date format
    is_serial = todo & _mask(array, _EXCEL_SERIAL)
    if is_serial.any():
        days = pd.to_numeric(values[is_serial], errors="coerce").astype(float)
        naive = _EXCEL_EPOCH + pd.to_timedelta((days * 86_400).round(), unit="s")
        out[is_serial] = _localize(naive.dt.as_unit("us"), tz)
        todo &= ~is_serial

    # Finnish: 1.3.2026 klo 14.05, 01.03.2026 14:05:33, 1.3.2026
    fin = pc.extract_regex(array, _FINNISH)
    is_fin = todo & pc.fill_null(fin.is_valid(), False).to_numpy(zero_copy_only=False)
    if is_fin.any():
        picked = fin.filter(pa.array(is_fin))
        parts = {}
        for name in _PARTS:
            field = pc.struct_field(picked, name)
            field = pc.if_else(pc.equal(field, ""), "0", field)
            parts[name] = pc.cast(field, pa.int64()).to_numpy()
        parts["year"] = np.where(parts["year"] < 100, parts["year"] + 2000, parts["year"])
        naive = pd.to_datetime(pd.DataFrame(parts), errors="coerce")
        naive.index = values.index[is_fin]
        out[is_fin] = _localize(naive.dt.as_unit("us"), tz)
        todo &= ~is_fin

    # ISO 8601 and Facebook's 2026-03-01T14:05:00+0000, with or without zone
    is_iso = todo & _mask(array, _ISO)
    if is_iso.any():
        iso = values[is_iso]
        # the Python regexes only where they can match (cheap Arrow pre-checks)
        named = is_iso & _mask(array, _NAMED_HINT)
        if named.any():
            iso = iso.copy()
            fixed = values[named].str.replace(_NAMED, "Z", regex=True, case=False)
            iso[named[is_iso]] = fixed.to_numpy(dtype=object)
        hint = (named | _mask(array, _ZONE_HINT))[is_iso]
        zoned = np.zeros(len(iso), dtype=bool)
        if hint.any():
            zoned[hint] = iso[hint].str.contains(_ZONE, regex=True).to_numpy(dtype=bool)
        if zoned.any():
            parsed = pd.to_datetime(iso[zoned], format="ISO8601", utc=True, errors="coerce")
            out[parsed.index] = parsed.dt.tz_convert(tz).dt.as_unit("us")
        if (~zoned).any():
            naive = pd.to_datetime(iso[~zoned], format="ISO8601", errors="coerce")
            out[naive.index] = _localize(naive.dt.as_unit("us"), tz)
        todo &= ~is_iso

    # anything else with a four-digit year: one by one (slow, rare)
    if todo.any():
        rest = values[todo]
        rest = rest[rest.str.contains(r"\d{4}", regex=True) & (rest.str.len() >= 8)]
        if len(rest):
            out[rest.index] = _parse_one_by_one(rest, tz)
    return out


def _parse_one_by_one(values: pd.Series, tz: str) -> pd.Series:
    from dateutil import parser as du

    stamps = []
    for value in values:
        try:
            text = re.sub(r"\b(klo|kello|at)\b", " ", value, flags=re.IGNORECASE)
            dt: datetime = du.parse(text, dayfirst=True, fuzzy=False)
        except (ValueError, OverflowError, TypeError):
            stamps.append(pd.NaT)
            continue
        stamps.append(pd.Timestamp(dt))
    result = pd.Series(pd.NaT, index=values.index, dtype=f"datetime64[us, {tz}]")
    for i, stamp in zip(values.index, stamps, strict=True):
        if stamp is pd.NaT:
            continue
        try:
            if stamp.tzinfo is None:
                stamp = stamp.tz_localize(tz, ambiguous=True, nonexistent=pd.Timedelta(hours=1))
            else:
                stamp = stamp.tz_convert(tz)
            result[i] = stamp
        except (ValueError, OverflowError):
            continue
    return result


def parse_times(values: pd.Series, tz: str = DEFAULT_TZ) -> tuple[pd.Series, pd.Series]:
    """Parse a column of times in any supported format into tz-aware timestamps.

    Supported: ISO 8601 with or without zone (``2026-03-01T14:05:00+0000``,
    ``2026-03-01 14:05``), Unix epoch seconds or milliseconds, Excel serial
    dates (``46082.5860``: days since 1899-12-30, 1954-2119), Finnish
    ``1.3.2026 klo 14.05``, ``1.3.2026 14:05``, ``01.03.2026 14.05.33`` and
    dates alone, datetime values (from XLSX/Parquet), and other formats
    dateutil understands (day first). Naive times are read in ``tz``; the
    result is in ``tz``. Times inside the spring DST gap move one hour forward,
    repeated autumn times are read as summer time -- nothing crashes.

    Parameters
    ----------
    values : pandas.Series
        Strings (or datetimes, or numbers).
    tz : str, default="Europe/Helsinki"
        Zone of naive times and of the result.

    Returns
    -------
    times : pandas.Series
        ``datetime64[us, tz]``; ``NaT`` when empty or unparsable.
    bad : pandas.Series of bool
        True where a non-empty value could not be parsed.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.io import parse_times, format_times
    >>> times, bad = parse_times(pd.Series(["1.3.2026 klo 14.05", "nonsense", "", "46082.5868"]))
    >>> format_times(times).tolist()
    ['2026-03-01T14:05:00+02:00', '', '', '2026-03-01T14:05:00+02:00']
    >>> bad.tolist()
    [False, True, False, False]
    """
    tz = time_zone(tz)
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        times = values.dt.tz_convert(tz).dt.as_unit("us")
        return times, pd.Series(False, index=values.index)
    if pd.api.types.is_datetime64_dtype(values.dtype):
        times = _localize(values.dt.as_unit("us"), tz)
        return times, pd.Series(False, index=values.index)
    if pd.api.types.is_numeric_dtype(values.dtype):
        values = values.map(lambda v: "" if pd.isna(v) else repr(v))
    texts = pd.Series(
        [
            v.strip() if isinstance(v, str) else ("" if v is None or v is pd.NaT else str(v))
            for v in values.to_numpy(dtype=object)
        ],
        index=values.index,
        dtype=object,
    )
    present = texts != ""
    times = _empty_result(values.index, tz)
    if present.any():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _parse_strings(texts[present], tz)
        times[present] = parsed
    bad = present & times.isna()
    return times, bad


def format_times(times: pd.Series) -> pd.Series:
    """Timestamps as ISO 8601 strings with offset (``''`` for ``NaT``).

    Parameters
    ----------
    times : pandas.Series
        tz-aware (or naive) timestamps.

    Returns
    -------
    pandas.Series
        Object strings such as ``'2026-03-01T14:05:00+02:00'``; seconds are
        kept, fractions of a second dropped.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.io import format_times
    >>> s = pd.Series(pd.to_datetime(["2026-03-01 14:05", None])).dt.tz_localize("Europe/Helsinki")
    >>> format_times(s).tolist()
    ['2026-03-01T14:05:00+02:00', '']
    """
    if not pd.api.types.is_datetime64_any_dtype(times.dtype):
        times = pd.to_datetime(times, errors="coerce", utc=True)
    if times.dt.tz is None:
        wall = times
        offsets = None
    else:
        wall = times.dt.tz_localize(None)
        utc = times.dt.tz_convert("UTC").dt.tz_localize(None)
        offsets = ((wall - utc).dt.total_seconds()).to_numpy()
    missing = wall.isna().to_numpy()
    text = np.datetime_as_string(wall.to_numpy(dtype="datetime64[s]"), unit="s").astype(object)
    if offsets is not None:
        suffix = np.full(len(text), "", dtype=object)
        ok = ~missing
        for off in np.unique(offsets[ok]):
            minutes = round(float(off) / 60)
            sign = "+" if minutes >= 0 else "-"
            hh, mm = divmod(abs(minutes), 60)
            suffix[ok & (offsets == off)] = f"{sign}{hh:02d}:{mm:02d}"
        text = text + suffix
    text[missing] = ""
    return pd.Series(text, index=times.index, dtype=object)

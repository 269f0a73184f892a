"""Time formats of real exports, DST edges and ISO output."""

from __future__ import annotations

import pandas as pd
import pytest

from analyzer.io import format_times, parse_times, read_comments


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-03-01T14:05:00+02:00", "2026-03-01T14:05:00+02:00"),
        ("2026-03-01T12:05:00Z", "2026-03-01T14:05:00+02:00"),
        ("2026-03-01T12:05:00+0000", "2026-03-01T14:05:00+02:00"),  # Facebook
        ("2026-03-01T14:05:00", "2026-03-01T14:05:00+02:00"),
        ("2026-03-01 14:05", "2026-03-01T14:05:00+02:00"),
        ("1772366700", "2026-03-01T14:05:00+02:00"),  # epoch seconds
        ("1772366700000", "2026-03-01T14:05:00+02:00"),  # epoch milliseconds
        ("1.3.2026 klo 14.05", "2026-03-01T14:05:00+02:00"),
        ("1.3.2026 14:05", "2026-03-01T14:05:00+02:00"),
        ("01.03.2026 14.05.33", "2026-03-01T14:05:33+02:00"),
        ("1.7.2026 klo 9.00", "2026-07-01T09:00:00+03:00"),
        ("1.3.2026", "2026-03-01T00:00:00+02:00"),
    ],
)
def test_formats(raw, expected):
    times, bad = parse_times(pd.Series([raw]))
    assert format_times(times).tolist() == [expected]
    assert not bad.any()


def test_dst_gap_and_repeated_hour_do_not_crash():
    raw = pd.Series(["29.3.2026 klo 3.30", "25.10.2026 klo 3.30", "2026-10-25T03:30:00"])
    times, bad = parse_times(raw)
    assert not bad.any()
    out = format_times(times).tolist()
    # the gap 3:00-4:00 does not exist: read as standard time, i.e. one hour later
    assert out[0] == "2026-03-29T04:30:00+03:00"
    # the repeated hour: the first (summer time) instance
    assert out[1] == out[2] == "2026-10-25T03:30:00+03:00"


def test_other_zone_and_unparsable():
    times, bad = parse_times(pd.Series(["1.3.2026 klo 14.05", "ei aikaa", "31.2.2026"]), "UTC")
    assert format_times(times).tolist() == ["2026-03-01T14:05:00+00:00", "", ""]
    assert bad.tolist() == [False, True, True]


def test_datetime_and_numeric_columns():
    naive = pd.Series(pd.to_datetime(["2026-03-01 14:05"]))
    assert format_times(parse_times(naive)[0]).tolist() == ["2026-03-01T14:05:00+02:00"]
    numbers = pd.Series([1772366700, 1772366700000])
    out = format_times(parse_times(numbers)[0]).tolist()
    assert out == ["2026-03-01T14:05:00+02:00"] * 2


def test_times_in_file_with_tz(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("text,date\neka,2026-03-01 14:05\n", encoding="utf-8")
    df = read_comments(path, tz="America/New_York")
    assert format_times(df["date"]).tolist() == ["2026-03-01T14:05:00-05:00"]


def test_a_bare_iso_date_is_local_midnight_not_an_offset():
    # "-01" of "2026-03-01" is the day, not a UTC offset: the same instant as "1.3.2026"
    values = ["2026-03-01", "1.3.2026", "2026-03-01T10:00-05", "2026-03-01 08:00 UTC"]
    out = format_times(parse_times(pd.Series(values))[0]).tolist()
    assert out == [
        "2026-03-01T00:00:00+02:00",
        "2026-03-01T00:00:00+02:00",
        "2026-03-01T17:00:00+02:00",
        "2026-03-01T10:00:00+02:00",
    ]

"""Events as analysts type them: bare times, Finnish times, files in any dialect, warnings."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from analyzer.errors import AnalyzerError, AnalyzerWarning
from analyzer.timeline import compare, event_warnings, parse_events, to_timestamp

HKI = "Europe/Helsinki"


def test_bare_time_and_every_data_time_format():
    evs = parse_events(
        [
            "2026-03-04T10:00",
            "5.3.2026 klo 9.30=Anteeksipyyntö",
            "06.03.2026 14:05=Toinen tiedote|statement",
            "7.3.2026=",
            "1772960400=Epoch",  # 2026-03-08T11:00:00+02:00
        ]
    )
    assert [e.label for e in evs] == [
        "2026-03-04 10:00",
        "Anteeksipyyntö",
        "Toinen tiedote",
        "2026-03-07 00:00",
        "Epoch",
    ]
    assert [e.time.isoformat() for e in evs] == [
        "2026-03-04T10:00:00+02:00",
        "2026-03-05T09:30:00+02:00",
        "2026-03-06T14:05:00+02:00",
        "2026-03-07T00:00:00+02:00",
        "2026-03-08T11:00:00+02:00",
    ]
    # the same parser as the data: what read_comments reads, events read alike
    from analyzer.io import parse_times

    raw = ["4.3.2026 klo 10.00", "2026-03-04 10:00", "2026-03-04T08:00Z", "4.3.2026 10:00"]
    data, _ = parse_times(pd.Series(raw), HKI)
    assert [to_timestamp(r) for r in raw] == list(data)


def test_bare_iso_date_is_local_midnight():
    assert to_timestamp("2026-03-04").isoformat() == "2026-03-04T00:00:00+02:00"


def test_tz_applies_to_naive_event_times():
    ev = parse_events(["4.3.2026 klo 10.00=a"], tz="UTC")[0]
    assert ev.time.isoformat() == "2026-03-04T10:00:00+00:00"


def test_unreadable_and_empty_times_are_one_line_errors():
    with pytest.raises(AnalyzerError, match="cannot read time 'ensi viikolla'"):
        parse_events(["ensi viikolla=x"])
    with pytest.raises(AnalyzerError, match="TIME=LABEL"):
        parse_events(["=x"])
    with pytest.raises(AnalyzerError, match="does not exist"):
        parse_events(["29.3.2026 klo 3.30=gap"])


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (
            "Aika;Tapahtuma\n4.3.2026 klo 10.00;Tiedote\n5.3.2026 klo 9.30;Anteeksipyyntö\n",
            "utf-8-sig",
        ),
        ("aika,selite\n2026-03-04T10:00,Tiedote\n2026-03-05T09:30,Anteeksipyyntö\n", "utf-8"),
        ("time\tlabel\n2026-03-04 10:00\tTiedote\n2026-03-05 09:30\tAnteeksipyyntö\n", "utf-8"),
        (
            "timestamp,event\n2026-03-04T10:00,Tiedote\n2026-03-05T09:30,Anteeksipyyntö\n",
            "utf-8-sig",
        ),
        ("Time;Label;Kind\n4.3.2026 10:00;Tiedote;\n5.3.2026 9:30;Anteeksipyyntö;\n", "cp1252"),
        (
            "\ufefftime,label\r\n2026-03-04T10:00,Tiedote\r\n2026-03-05T09:30,Anteeksipyyntö\r\n",
            "utf-8",
        ),
    ],
)
def test_events_file_dialects(tmp_path, content, encoding):
    f = tmp_path / "events.csv"
    f.write_bytes(content.encode(encoding))
    evs = parse_events(path=f)
    assert [e.label for e in evs] == ["Tiedote", "Anteeksipyyntö"]
    assert [e.time.isoformat() for e in evs] == [
        "2026-03-04T10:00:00+02:00",
        "2026-03-05T09:30:00+02:00",
    ]


def test_events_xlsx_with_datetime_cells_and_time_only_file(tmp_path):
    import datetime as dt

    frame = pd.DataFrame(
        {
            "Aika": [dt.datetime(2026, 3, 4, 10, 0), dt.datetime(2026, 3, 5, 9, 30)],
            "Tapahtuma": ["Tiedote", "Anteeksipyyntö"],
        }
    )
    frame.to_excel(tmp_path / "events.xlsx", index=False)
    evs = parse_events(path=tmp_path / "events.xlsx")
    assert [(e.label, e.time.isoformat()) for e in evs] == [
        ("Tiedote", "2026-03-04T10:00:00+02:00"),
        ("Anteeksipyyntö", "2026-03-05T09:30:00+02:00"),
    ]
    frame.loc[2] = [dt.datetime(2026, 3, 6, 12, 0), None]  # an empty label cell
    frame.to_excel(tmp_path / "events.xlsx", index=False)
    assert parse_events(path=tmp_path / "events.xlsx")[-1].label == "2026-03-06 12:00"
    only = tmp_path / "only.csv"
    only.write_text("aika\n4.3.2026 klo 10.00\n\n", encoding="utf-8")
    assert [e.label for e in parse_events(path=only)] == ["2026-03-04 10:00"]


def test_events_file_errors_name_file_line_and_columns(tmp_path):
    f = tmp_path / "events.csv"
    f.write_text("milloin;mitä\n4.3.2026;x\n", encoding="utf-8")
    with pytest.raises(AnalyzerError, match=r"needs a time column.*'milloin'"):
        parse_events(path=f)
    f.write_text("aika;tapahtuma\n4.3.2026;ok\nhuomenna;x\n", encoding="utf-8")
    with pytest.raises(AnalyzerError, match=r"line 3: cannot read time 'huomenna'"):
        parse_events(path=f)


def _thread():
    t = pd.date_range("2026-03-04 08:00", periods=8, freq="1h", tz=HKI)
    return pd.DataFrame({"time": t, "tone": ["criticism"] * 4 + ["neutral"] * 4})


def test_event_outside_the_data_warns_and_is_kept_for_the_report():
    df = _thread()
    evs = parse_events(["2026-03-04T12:00=Tiedote", "2026-03-06T12:00=Myöhässä", "1.3.2026=Alku"])
    notes = event_warnings(evs, df["time"])
    assert notes == [
        "event 'Alku' (2026-03-01 00:00) is before the first comment (2026-03-04 08:00)",
        "event 'Myöhässä' (2026-03-06 12:00) is after the last comment (2026-03-04 15:00)",
    ]
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        res = compare(df, evs)
    assert [str(w.message) for w in seen if w.category is AnalyzerWarning] == notes
    assert res.extra["warnings"] == notes
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning at all for events inside the data
        assert compare(df, evs[1:2]).extra["warnings"] == []


RAW = (
    "Kommentti;Aika\n"
    "Hävetkää! Tää on ihan järkyttävää;4.3.2026 klo 9.05\n"
    "Ette te yhtään välitä asiakkaista;4.3.2026 klo 9.40\n"
    "Kiitos anteeksipyynnöstä, hyvä että korjasitte asian;4.3.2026 klo 11.10\n"
    "Missä tää tapahtu?;4.3.2026 klo 11.45\n"
)


def test_cli_compare_takes_a_raw_export_and_typed_events(cli, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(RAW, encoding="utf-8-sig")
    res = cli(
        "compare",
        str(export),
        "--event",
        "4.3.2026 klo 10.00=Anteeksipyyntö",
        "--event",
        "2026-03-09T10:00",
        "--json",
    )
    assert res.returncode == 0, res.stderr
    import json

    out = json.loads(res.stdout)
    assert [s["n"] for s in out["segments"]] == [2, 2, 0]
    assert [e["label"] for e in out["events"]] == ["Anteeksipyyntö", "2026-03-09 10:00"]
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert lines == [
        "analyzer: warning: event '2026-03-09 10:00' is after the last comment (2026-03-04 11:45)"
    ]


def test_cli_events_file_with_bom_and_finnish_headers(cli, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(RAW, encoding="utf-8")
    events = tmp_path / "tapahtumat.csv"
    events.write_text("Aika;Tapahtuma\n4.3.2026 klo 10.00;Anteeksipyyntö\n", encoding="utf-8-sig")
    res = cli("compare", str(export), "--events", str(events))
    assert res.returncode == 0, res.stderr
    assert "Anteeksipyyntö" in res.stdout
    assert "warning" not in res.stderr

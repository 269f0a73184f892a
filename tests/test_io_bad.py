"""Bad input: a clear one-line AnalyzerError or a rejects record, never a lost row."""

from __future__ import annotations

import pandas as pd
import pytest

from analyzer.errors import AnalyzerError
from analyzer.io import ReadStats, iter_comments, read_comments


def _read_all(path, **kw):
    stats = ReadStats()
    chunks = list(iter_comments(path, stats=stats, **kw))
    frame = pd.concat([c.frame for c in chunks])
    rejects = [r for c in chunks for r in c.rejects]
    assert stats.rows_read == len(frame) + len(rejects)
    assert stats.rows_rejected == len(rejects)
    return frame, rejects, stats


def _one_line_error(path, match: str, **kw) -> str:
    with pytest.raises(AnalyzerError, match=match) as info:
        read_comments(path, **kw)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_empty_and_whitespace_files(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    _one_line_error(empty, "empty")
    blank = tmp_path / "blank.csv"
    blank.write_bytes(b"\xef\xbb\xbf\r\n \r\n")
    _one_line_error(blank, "empty")


def test_binary_file(tmp_path):
    path = tmp_path / "kuva.csv"
    path.write_bytes(bytes(range(256)) * 40)
    _one_line_error(path, "binary")


def test_missing_file_and_folder(tmp_path):
    _one_line_error(tmp_path / "nope.csv", "no such file")
    _one_line_error(tmp_path, "folder")


def test_missing_text_column_lists_columns(tmp_path):
    path = tmp_path / "cols.csv"
    path.write_text("id;likes;pvm\n1;2;1.3.2026\n", encoding="utf-8")
    message = _one_line_error(path, "no text column")
    assert "'id', 'likes', 'pvm'" in message
    _one_line_error(path, "text column 'sisus' not found", text_col="sisus")


def test_header_only_gives_empty_chunk_but_read_comments_raises(tmp_path):
    path = tmp_path / "header.csv"
    path.write_text("text;time\n", encoding="utf-8")
    frame, rejects, stats = _read_all(path)
    assert len(frame) == 0 and not rejects and stats.rows_read == 0
    assert list(frame.columns) == ["text", "time", "_line"]
    _one_line_error(path, "no comments")


def test_ragged_rows_rejected_or_padded(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text(
        "author;text;time\nKeksitty;eka;1.3.2026\nLiikaa;toka;1.3.2026;ylimääräinen\n"
        "Vajaa;kolmas\nTyhjä loppu;neljäs;1.3.2026;;\n",
        encoding="utf-8",
    )
    frame, rejects, _ = _read_all(path)
    assert frame["text"].tolist() == ["eka", "kolmas", "neljäs"]
    assert frame["_line"].tolist() == [2, 4, 5]
    assert len(rejects) == 1
    assert rejects[0].line == 3
    assert rejects[0].reason == "4 fields, header has 3"
    assert rejects[0].raw == "Liikaa;toka;1.3.2026;ylimääräinen"


def test_unterminated_quote_does_not_swallow_the_rest(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('text,n\nok,1\n"rikki,2\nkolmas,3\nneljäs,4\n', encoding="utf-8")
    frame, rejects, _ = _read_all(path)
    assert frame["text"].tolist() == ["ok", "kolmas", "neljäs"]
    assert frame["_line"].tolist() == [2, 4, 5]
    assert [(r.line, r.raw.strip()) for r in rejects] == [(3, '"rikki,2')]


def test_undecodable_bytes_and_nul(tmp_path):
    path = tmp_path / "mixed.csv"
    data = "text,time\nHyvä päivä,1.3.2026\n".encode() + b"Huono \xe4\x00x,2.3.2026\n"
    path.write_bytes(data)
    frame, rejects, stats = _read_all(path)
    assert frame["text"].tolist() == ["Hyvä päivä", "Huono äx"]
    assert not rejects
    assert stats.nul_removed == 1


def test_five_megabyte_field(tmp_path):
    big = "ä" * (5 * 1024 * 1024)
    path = tmp_path / "big.csv"
    path.write_text(f'text,time\n"{big}",1.3.2026\nlyhyt,1.3.2026\n', encoding="utf-8")
    frame, _, _ = _read_all(path)
    assert len(frame) == 2
    assert len(frame["text"].iloc[0]) == len(big)


def test_invalid_json_and_non_objects(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"message": "x"}, ', encoding="utf-8")
    _one_line_error(bad, "not valid JSON")
    mixed = tmp_path / "mixed.json"
    mixed.write_text('[{"message": "eka"}, 5, {"message": "toka"}]', encoding="utf-8")
    frame, rejects, _ = _read_all(mixed)
    assert frame["message"].tolist() == ["eka", "toka"]
    assert [(r.line, r.reason, r.raw) for r in rejects] == [(2, "not a JSON object", "5")]


def test_fake_xlsx_and_parquet(tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 this is not a zip")
    _one_line_error(fake, "XLSX")
    fake_pq = tmp_path / "fake.parquet"
    fake_pq.write_text("text\nhei\n", encoding="utf-8")
    _one_line_error(fake_pq, "not a valid PARQUET")


def test_bad_time_keeps_row_and_is_counted(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("text;aika\neka;1.3.2026 klo 14.05\ntoka;eilen\nkolmas;\n", encoding="utf-8")
    frame, _, stats = _read_all(path)
    assert frame["text"].tolist() == ["eka", "toka", "kolmas"]
    assert frame["aika"].isna().tolist() == [False, True, True]
    assert (stats.bad_times, stats.missing_times) == (1, 1)
    assert stats.bad_time_examples == ["eilen"]


def test_bad_timezone_and_chunksize(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("text\nhei\n", encoding="utf-8")
    _one_line_error(path, "time zone", tz="Mars/Olympus")
    _one_line_error(path, "chunksize", chunksize=0)

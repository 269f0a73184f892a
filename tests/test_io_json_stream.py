"""JSON exports are streamed (ijson): the same records and columns as loading them whole."""

from __future__ import annotations

import json
import tracemalloc

import ijson
import pandas as pd
import pytest

from analyzer.errors import AnalyzerError
from analyzer.io import ReadStats, iter_comments
from analyzer.io._readers import _json_source


def _write(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "export.json"
    path.write_bytes(text.encode(encoding))
    return path


def _read(path, **kw):
    stats = ReadStats()
    chunks = list(iter_comments(path, stats=stats, **kw))
    frame = pd.concat([c.frame for c in chunks])
    rejects = [(r.line, r.reason, r.raw) for c in chunks for r in c.rejects]
    assert stats.rows_read == len(frame) + len(rejects)
    return frame, rejects, stats


def test_top_level_list_items_are_the_records(tmp_path):
    path = _write(tmp_path, '[{"message": "eka"}, {"message": "toka", "likes": 2}]')
    frame, rejects, _ = _read(path)
    assert frame["message"].tolist() == ["eka", "toka"]
    assert frame["likes"].tolist() == ["", "2"]
    assert frame["_line"].tolist() == [1, 2]
    assert not rejects


def test_first_record_key_wins_over_a_longer_list(tmp_path):
    doc = {
        "paging": [{"n": 1}, {"n": 2}, {"n": 3}],
        "comments": [{"message": "kommentti"}],
        "data": [{"message": "data 1"}, {"message": "data 2"}],
    }
    frame, _, _ = _read(_write(tmp_path, json.dumps(doc)))
    assert frame["message"].tolist() == ["data 1", "data 2"]  # "data" comes first in the keys


def test_record_key_without_objects_is_passed_over_for_the_longest_list(tmp_path):
    doc = {
        "data": [1, 2, 3, 4],
        "a": [{"message": "a"}],
        "b": [{"message": "b 1"}, {"message": "b 2"}],
        "c": [{"message": "c 1"}, {"message": "c 2"}],
        "d": [],
    }
    frame, _, _ = _read(_write(tmp_path, json.dumps(doc)))
    assert frame["message"].tolist() == ["b 1", "b 2"]  # the first of the longest


def test_object_without_a_list_of_objects_is_one_record(tmp_path):
    doc = {"message": "yksi", "from": {"name": "Testi Käyttäjä"}, "tags": [1, 2], "data": []}
    frame, rejects, _ = _read(_write(tmp_path, json.dumps(doc)))
    assert list(frame.columns) == ["message", "from.name", "tags", "data", "_line"]
    assert frame.iloc[0].tolist() == ["yksi", "Testi Käyttäjä", "[1, 2]", "[]", 1]
    assert not rejects


def test_scalar_document_is_one_rejected_record(tmp_path):
    source = _json_source(_write(tmp_path, '"pelkkä teksti"'), "utf-8", 10)
    batches = list(source.batches)
    assert source.columns == []
    assert [(r.line, r.reason, r.raw) for b in batches for r in b.rejects] == [
        (1, "not a JSON object", '"pelkkä teksti"')
    ]


def test_items_that_are_not_objects_are_rejected_with_their_number(tmp_path):
    text = '{"data": [{"message": "eka"}, 5, "x", [1, 2.5], null, {"message": "toka"}, true]}'
    frame, rejects, stats = _read(_write(tmp_path, text), chunksize=2)
    assert frame["message"].tolist() == ["eka", "toka"]
    assert frame["_line"].tolist() == [1, 6]
    assert rejects == [
        (2, "not a JSON object", "5"),
        (3, "not a JSON object", '"x"'),
        (4, "not a JSON object", "[1, 2.5]"),
        (5, "not a JSON object", "null"),
        (7, "not a JSON object", "true"),
    ]
    assert stats.rows_read == 7


def test_columns_are_the_flattened_keys_in_first_seen_order(tmp_path):
    records = [
        {"message": "eka", "from": {"name": "N"}, "likes": 1.0},
        {"id": 7, "message": "toka", "replies": [{"message": "vastaus"}]},
        {"from": {"id": "5"}, "score": 2.5, "message": "kolmas"},
    ]
    frame, _, _ = _read(_write(tmp_path, json.dumps({"comments": records})))
    assert list(frame.columns) == [
        *("message", "from.name", "likes", "id", "replies.message", "from.id", "score"),
        "_line",
    ]
    assert frame["likes"].tolist() == ["1", "", ""]
    assert frame["id"].tolist() == ["", "7", ""]
    assert frame["score"].tolist() == ["", "", "2.5"]


def test_repeated_and_dotted_keys_read_as_json_loads_does(tmp_path):
    repeated = '{"data": [{"message": "vanha"}], "data": [{"message": "uusi"}, {"message": "2"}]}'
    frame, _, _ = _read(_write(tmp_path, repeated))
    assert frame["message"].tolist() == ["uusi", "2"]
    dotted = {"a.b": [{"message": "piste"}], "a": {"b": [{"message": "sisällä"}]}}
    frame, _, _ = _read(_write(tmp_path, json.dumps(dotted)))
    assert frame["message"].tolist() == ["piste"]
    frame, _, _ = _read(_write(tmp_path, json.dumps({"": [{"message": "tyhjä avain"}]})))
    assert frame["message"].tolist() == ["tyhjä avain"]


def test_byte_order_marks_and_cp1252(tmp_path):
    text = json.dumps([{"message": "Hyvä että pahoittelitte"}], ensure_ascii=False)
    frame, _, stats = _read(_write(tmp_path, "\ufeff\ufeff" + text))
    assert frame["message"].tolist() == ["Hyvä että pahoittelitte"]
    assert stats.encoding == "utf-8-sig"
    frame, _, stats = _read(_write(tmp_path, text, encoding="cp1252"))
    assert frame["message"].tolist() == ["Hyvä että pahoittelitte"]
    assert stats.encoding == "cp1252"


@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ('{"data": [', "]}")])
@pytest.mark.parametrize(
    ("tail", "problem"),
    [
        ("", "premature EOF"),
        ("{closing} x", "trailing garbage"),
        (', {{"message": NaN}}{closing}', "NaN and Infinity are not JSON, write null"),
        (', {{"message": "x"]{closing}', "parse error"),
    ],
)
def test_invalid_json_is_one_line_error_before_any_chunk(tmp_path, opening, closing, tail, problem):
    good = ", ".join(json.dumps({"message": f"kommentti {i}"}) for i in range(30))
    path = _write(tmp_path, opening + good + tail.format(closing=closing))
    chunks = iter_comments(path, chunksize=10)
    with pytest.raises(AnalyzerError, match="not valid JSON") as info:
        next(chunks)
    message = str(info.value)
    assert message.startswith("export.json: not valid JSON (")
    assert "\n" not in message
    if ijson.backend == "yajl2_c":  # the C parser's wording (the one a normal install has)
        assert problem in message


def test_memory_stays_flat_on_a_big_export(tmp_path):
    n = 100_000
    text = (
        "hyvä että pahoittelitte, mutta tämä on täysin käsittämätöntä, "
        "odotan parempaa palvelua ensi kerralla, kiitos."
    )
    path = tmp_path / "your_comments.json"
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"comments_v2": [\n')
        f.writelines(f'{{"comment": "Kommentti {i}: {text}"}},\n' for i in range(n))
        f.write('{"comment": "viimeinen"}\n]}\n')
    size = path.stat().st_size
    assert 15e6 < size < 20e6
    rows = 0
    tracemalloc.start()
    try:
        for chunk in iter_comments(path, chunksize=5000):
            rows += len(chunk.frame)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert rows == n + 1
    assert peak < size / 2, f"peak {peak / 2**20:.1f} MiB for a {size / 2**20:.1f} MiB file"

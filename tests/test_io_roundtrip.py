"""Property: clean text survives write -> read unchanged in every format, rows kept in order."""

from __future__ import annotations

import json
import string

import ftfy
import pandas as pd
from _fixtures import examples
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analyzer.io import (
    ColumnRoles,
    ReadStats,
    TableWriter,
    iter_comments,
    prepare_output,
    pseudonymize,
    read_comments,
)


def _clean(text: str) -> bool:
    """Text ftfy leaves alone: what an export holds when nothing went wrong with its encoding."""
    return ftfy.fix_encoding(text) == text


#: valid Unicode text (no surrogates; NUL is removed on reading, as a repair) that is clean
CLEAN = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=30
)
#: text as comments are written: Finnish letters, punctuation, quotes, newlines, emoji
TYPED = st.text(alphabet=string.printable + "äöåÄÖÅ€”’ \u00a0\u2028😀", max_size=30)
VALUES = st.lists((CLEAN | TYPED).filter(_clean), min_size=1, max_size=6)


def _write_json(path, frame: pd.DataFrame) -> None:
    records = frame.to_dict(orient="records")
    path.write_text(json.dumps({"data": records}, ensure_ascii=False), encoding="utf-8")


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
# every failure hypothesis has found, kept
@example(values=["Ä\xa0"], fmt="csv", excel=False)
@example(values=["VÄ\xa0HÄ\xa0!"], fmt="csv", excel=True)
@example(values=["\x0b"], fmt="csv", excel=False)
@example(values=["\x08"], fmt="csv", excel=False)  # a tiny file with a control byte is text
@example(values=["Ä’0", "Ä\u20140"], fmt="csv", excel=False)  # clean; 'Ä”0' is not (ftfy: 'Ĕ0')
@example(values=["a\rb", "_x000D_", "\x1c"], fmt="xlsx", excel=False)
@given(
    values=VALUES,
    fmt=st.sampled_from(["csv", "tsv", "xlsx", "json", "jsonl", "parquet"]),
    excel=st.booleans(),
)
def test_clean_text_round_trips_through_every_format(tmp_path_factory, values, fmt, excel):
    out = tmp_path_factory.mktemp("rt") / f"x.{fmt}"
    frame = pd.DataFrame({"id": [str(i) for i in range(len(values))], "text": values})
    if fmt == "json":
        _write_json(out, frame)
    else:
        with TableWriter(out, excel=excel) as writer:
            writer.write(frame)
    stats = ReadStats()
    back = read_comments(out, stats=stats)
    assert back["id"].tolist() == frame["id"].tolist()
    assert back["text"].tolist() == values
    assert stats.repaired_cells == 0 and stats.rows_rejected == 0


def test_short_csv_with_a_vertical_tab_is_text(tmp_path):
    # found by the property test above: one \x0b in a tiny file read as "binary"
    path = tmp_path / "vt.csv"
    path.write_bytes(b"id,text\n0,\x0b\n")
    assert read_comments(path)["text"].tolist() == ["\x0b"]


def test_prepare_output_pseudonymises_nested_author(tmp_path):
    frame = pd.DataFrame(
        {
            "message": ["+358 40 123", "kiitos"],
            "from.name": ["Testi Henkilö", "Keksitty Nimi"],
            "from.id": ["100200300", "100200301"],
        }
    )
    chunk = next(iter_comments(frame))
    assert chunk.roles == ColumnRoles(text="message", time=None, author="from.name")
    out = prepare_output(chunk.frame, chunk.roles, salt="s")
    assert list(out.columns) == ["message", "from.name", "from.id"]
    assert out["from.name"].tolist() == pseudonymize(frame["from.name"], salt="s")
    assert out["from.id"].tolist() == pseudonymize(frame["from.id"], salt="s")
    assert out["message"].tolist() == ["'+358 40 123", "kiitos"]
    kept = prepare_output(chunk.frame, chunk.roles, keep_authors=True, excel_safe=False)
    assert kept["from.name"].tolist() == frame["from.name"].tolist()
    assert kept["message"].tolist() == frame["message"].tolist()

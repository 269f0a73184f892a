"""Property: any text survives write -> read unchanged, with rows and order kept."""

from __future__ import annotations

import string

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.io import (
    ColumnRoles,
    TableWriter,
    iter_comments,
    prepare_output,
    pseudonymize,
    read_comments,
)

ALPHABET = string.printable + "äöåÄÖÅ€”’ \u00a0"
texts = st.lists(st.text(alphabet=ALPHABET, max_size=40), min_size=1, max_size=8)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=texts, excel=st.booleans())
def test_csv_round_trip(tmp_path_factory, values, excel):
    out = tmp_path_factory.mktemp("rt") / "x.csv"
    frame = pd.DataFrame({"id": [str(i) for i in range(len(values))], "text": values})
    with TableWriter(out, excel=excel) as writer:
        writer.write(frame)
    back = read_comments(out)
    assert back["id"].tolist() == frame["id"].tolist()
    assert back["text"].tolist() == values


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

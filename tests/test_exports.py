"""Every kind of export users bring, kept exactly: the fixtures of ``tests/data/exports``.

For each one, scored with the bundled model: the texts come back exactly (but
for the names in them, by default), no name is left in the output unless
``--keep-authors``, and rows in = rows out + rows rejected. The expected
texts are read from the fixtures here with the standard library, not with
analyzer's readers.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from _fixtures import run_main

from analyzer.io import pseudonymize
from analyzer.scoring import score_file

DATA = Path(__file__).parent / "data" / "exports"
SALT = "vientisuola"

#: every person in the fixtures: names, handles, ids, channels (none may reach an output)
PEOPLE = [
    "Esimerkki",
    "Meikäläinen",
    "Meikalainen",
    "Mallikas",
    "Testaaja",
    "Keksitty",
    "Satunnainen",
    "liisa_e",
    "matti_m",
    "maija_m",
    "teppo_t",
    "sanna.s",
    "kalle.k",
    "5551001",
    "5551002",
    "5551003",
    "5551004",
    "UCchannel",
]


def _unmojibake(text: str) -> str:
    """Facebook's and Instagram's downloads: UTF-8 bytes shown as latin-1 characters."""
    return text.encode("latin-1").decode("utf-8")


def _json(name: str) -> object:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _facebook_download() -> list[str]:
    doc = _json("facebook_comments_v2.json")
    records = doc["comments_v2"]  # type: ignore[index]
    return [_unmojibake(r["data"][0]["comment"]["comment"]) if "data" in r else "" for r in records]


def _in_thread_order(records: list, replies: str, text: str) -> list[str]:
    """Each comment's text, then its nested replies' (an API's replies are rows of their own)."""
    out = []
    for r in records:
        out.append(r[text])
        out.extend(_in_thread_order(r.get(replies, {}).get("data", []), replies, text))
    return out


def _graph_api() -> list[str]:
    return _in_thread_order(_json("facebook_graph_api.json")["data"], "comments", "message")  # type: ignore[index]


def _instagram_graph_api() -> list[str]:
    return _in_thread_order(_json("instagram_graph_api.json")["data"], "replies", "text")  # type: ignore[index]


def _instagram_download() -> list[str]:
    records = _json("instagram_download.json")
    return [_unmojibake(r["string_map_data"]["Comment"]["value"]) for r in records]  # type: ignore[union-attr]


def _youtube() -> list[str]:
    items = _json("youtube_comment_threads.json")["items"]  # type: ignore[index]
    return [i["snippet"]["topLevelComment"]["snippet"]["textOriginal"] for i in items]


def _listening_tool() -> list[str]:
    wb = openpyxl.load_workbook(DATA / "listening_tool.xlsx", read_only=True)
    rows = [r for r in wb.active.iter_rows(values_only=True) if any(r)]  # type: ignore[union-attr]
    wb.close()
    col = rows[1].index("Full Text")  # rows[0] is the report's title
    return [r[col] for r in rows[2:]]


def _finnish_excel() -> list[str]:
    with open(DATA / "finnish_excel.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    return [r[1] for r in rows[1:] if len(r) == len(rows[0])]


@dataclass
class Export:
    """A fixture, its text column, the texts in it and how many rows it holds."""

    file: str
    text_col: str
    texts: Callable[[], list[str]]
    records: int
    rejected: int = 0
    #: name in a text -> the author value whose pseudonym replaces it
    mentions: dict[str, str] = field(default_factory=dict)


EXPORTS = [
    Export(
        "facebook_comments_v2.json",
        "data.comment.comment",
        _facebook_download,
        8,
        mentions={"Liisa Esimerkki": "Liisa Esimerkki"},
    ),
    Export(
        "facebook_graph_api.json",
        "message",
        _graph_api,
        6,
        mentions={"Liisa Esimerkki": "Liisa Esimerkki"},
    ),
    Export(
        "instagram_graph_api.json",
        "text",
        _instagram_graph_api,
        6,
        mentions={
            "liisa_esimerkki": "liisa_esimerkki",
            "Maija Mallikas": "Maija Mallikas",
            # authors of replies, known once their reply is a row of its own
            "matti.meikalainen": "matti.meikalainen",
            "teppo_t": "teppo_t",
            "sanna.s": "sanna.s",
        },
    ),
    Export(
        "instagram_download.json",
        "string_map_data.Comment.value",
        _instagram_download,
        3,
        mentions={"Liisa Esimerkki": "Liisa Esimerkki"},
    ),
    Export(
        "youtube_comment_threads.json",
        "snippet.topLevelComment.snippet.textOriginal",
        _youtube,
        3,
        mentions={"LiisaEsimerkki": "@LiisaEsimerkki"},
    ),
    Export(
        "listening_tool.xlsx",
        "Full Text",
        _listening_tool,
        4,
        mentions={"liisa_e": "liisa_e", "Matti Meikäläinen": "Matti Meikäläinen"},
    ),
    Export(
        "finnish_excel.csv",
        "Kommentti",
        _finnish_excel,
        6,
        rejected=1,
        mentions={"Liisa Esimerkki": "Liisa Esimerkki"},
    ),
]


@pytest.fixture(autouse=True)
def _no_home_salt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("ANALYZER_SALT", raising=False)


def _safe(text: str) -> str:
    """A cell after formula protection: a quote before = @ tab CR, and + - unless a number."""
    if text[:1] in "+-" and re.fullmatch(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?", text):
        return text
    return "'" + text if text[:1] and text[0] in "=+-@\t\r" else text


def _read_output(path: Path) -> pd.DataFrame:
    head = path.read_bytes()[:200].decode("utf-8-sig", errors="replace").split("\r\n", 1)[0]
    sep = ";" if head.count(";") > head.count(",") else ","
    return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _named(text: str, export: Export) -> str:
    """The text with the names it mentions replaced by their authors' pseudonyms."""
    for name in sorted(export.mentions, key=len, reverse=True):
        text = text.replace(name, pseudonymize([export.mentions[name]], salt=SALT)[0])
    return text


@pytest.mark.parametrize("export", EXPORTS, ids=lambda e: e.file)
def test_export_kept_exactly_without_names(tmp_path, export):
    out = tmp_path / "tulos.csv"
    summary = score_file(DATA / export.file, out, salt=SALT, jobs=1)
    texts = export.texts()
    # rows in = rows out + rows rejected
    assert summary.rows_read == export.records
    assert summary.rows_rejected == export.rejected
    assert summary.rows_scored + summary.rows_rejected == summary.rows_read
    df = _read_output(out)
    assert len(df) == summary.rows_scored == len(texts)
    # the texts exactly, but for the names in them
    assert df[export.text_col].tolist() == [_safe(_named(t, export)) for t in texts]
    # no name anywhere in the output
    data = out.read_text(encoding="utf-8-sig")
    assert [p for p in PEOPLE if p.casefold() in data.casefold()] == []
    if export.rejected:
        rejects = pd.read_csv(summary.rejects_file, dtype=str, keep_default_na=False)
        assert len(rejects) == export.rejected


@pytest.mark.parametrize("export", EXPORTS, ids=lambda e: e.file)
def test_export_keep_authors_keeps_every_text(tmp_path, export):
    out = tmp_path / "tulos.jsonl"
    summary = score_file(
        DATA / export.file, out, salt=SALT, jobs=1, keep_authors=True, excel_safe=False
    )
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r[export.text_col] for r in rows] == export.texts()
    assert summary.rows_scored + summary.rows_rejected == summary.rows_read == export.records
    assert any(p.casefold() in out.read_text(encoding="utf-8").casefold() for p in PEOPLE)


def test_facebook_download_through_the_cli(tmp_path):
    """The issue's case: comment text and its time stay, the author and the title's names go."""
    out = tmp_path / "facebook.csv"
    code, _, err = run_main(
        "score", str(DATA / "facebook_comments_v2.json"), "-o", str(out), "--salt", SALT,
        "--jobs", "1", "--quiet",
    )  # fmt: skip
    assert code == 0, err
    df = _read_output(out)
    liisa, matti, company = pseudonymize(
        ["Liisa Esimerkki", "Matti Meikäläinen", "Aamukaste Oy"], salt=SALT
    )
    assert df["data.comment.comment"].iloc[0] == "Hävettävää toimintaa. Odotin teiltä parempaa."
    assert df["data.comment.timestamp"].iloc[0] == "1773303300"
    assert df["data.comment.author"].iloc[0] == liisa
    assert df["title"].iloc[0] == f"{liisa} commented on {company}'s post."
    assert df["title"].iloc[1] == f"{matti} replied to {liisa}'s comment."
    assert df["data.comment.comment"].iloc[1] == f"'@{liisa} ihan samaa mieltä, tämä ei käy."
    # text that only looks like mojibake, and plain numbers, stay as they are
    assert df["data.comment.comment"].iloc[4] == "+1"
    assert df["data.comment.comment"].iloc[7] == "VÄ\u00a0HÄ\u00a0! -1 tähti"
    kept = tmp_path / "kept.csv"
    code, _, err = run_main(
        "score", str(DATA / "facebook_comments_v2.json"), "-o", str(kept), "--keep-authors",
        "--jobs", "1", "--quiet",
    )  # fmt: skip
    assert code == 0, err
    k = _read_output(kept)
    assert k["data.comment.author"].iloc[0] == "Liisa Esimerkki"
    assert k["title"].iloc[1] == "Matti Meikäläinen replied to Liisa Esimerkki's comment."


def test_finnish_excel_round_trip_through_the_cli(tmp_path, cli):
    """Finnish Excel in, Finnish Excel out, without --excel; numbers stay numbers."""
    src = DATA / "finnish_excel.csv"
    out = tmp_path / "tulos.csv"
    res = cli("score", str(src), "-o", str(out), "--salt", SALT, "--jobs", "1", "--quiet")
    assert res.returncode == 0, res.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfNimi;Kommentti;Pvm;Tykk\xc3\xa4ykset;Pisteet;tone;")
    df = _read_output(out)
    assert df["Pisteet"].tolist() == ["-1", "-0,5", "+3", "-5", "0"]
    assert df["Pvm"].tolist()[0] == "2026-03-12T10:05:00+02:00"
    rejects = pd.read_csv(f"{out}.rejects.csv", dtype=str, keep_default_na=False)
    assert rejects["line"].tolist() == ["7"]  # the multi-line comment takes lines 3-4


def test_listening_tool_serial_dates_and_numbers(tmp_path):
    out = tmp_path / "tulos.xlsx"
    score_file(DATA / "listening_tool.xlsx", out, salt=SALT, jobs=1)
    df = pd.read_excel(out, dtype=str, keep_default_na=False)
    assert df["Date"].tolist() == [
        "2026-03-12T08:15:00+02:00",
        "2026-03-12T08:40:00+02:00",
        "2026-03-12T12:00:00+02:00",
        "2026-03-13T00:00:00+02:00",
    ]
    assert df["Score"].tolist() == ["-1", "-0.5", "3", "0"]
    assert df["Reach"].tolist() == ["1520", "310", "95", "12"]


def test_nested_replies_are_rows_of_their_own(tmp_path):
    """A Graph API comment's replies are scored as rows, after their parent, with parent_id."""
    out = tmp_path / "tulos.csv"
    summary = score_file(DATA / "facebook_graph_api.json", out, salt=SALT, jobs=1)
    df = _read_output(out)
    assert summary.rows_read == summary.rows_scored == len(df) == 6
    parents = dict(zip(df["id"], df["parent_id"], strict=True))
    assert parents["1029_1_1"] == parents["1029_1_2"] == "1029_1"
    assert parents["1029_1"] == parents["1029_2"] == ""
    assert df["id"].tolist().index("1029_1_1") == df["id"].tolist().index("1029_1") + 1
    # the reply list itself is gone from the parent (its rows hold it); its paging stays
    assert not any(c.startswith("comments.data") for c in df.columns)
    assert df.loc[df["id"] == "1029_1", "comments.paging.cursors.after"].item() == "QVFIUm9k"
    assert set(df["tone"]) <= {"criticism", "neutral", "understanding"}
    # a reply's author is pseudonymised like any author
    assert "Matti Meikäläinen" not in out.read_text(encoding="utf-8-sig")


def test_youtube_replies_land_in_the_top_level_columns(tmp_path):
    def comment(cid: str, text: str, author: str) -> dict:
        snippet = {"authorDisplayName": author, "textOriginal": text,
                   "publishedAt": "2026-03-12T08:15:00Z"}  # fmt: skip
        return {"kind": "youtube#comment", "id": cid, "snippet": snippet}

    thread = {
        "kind": "youtube#commentThread",
        "id": "T1",
        "snippet": {"videoId": "v1", "topLevelComment": comment("T1", "Miksi näin?", "@A")},
        "replies": {"comments": [comment("T1.r1", "Hyvä kysymys.", "@B")]},
    }
    src = tmp_path / "threads.json"
    src.write_text(json.dumps({"kind": "youtube#commentThreadListResponse", "items": [thread]}))
    out = tmp_path / "tulos.jsonl"
    summary = score_file(src, out, jobs=1, keep_authors=True, excel_safe=False)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.rows_scored == len(rows) == 2
    text = "snippet.topLevelComment.snippet.textOriginal"
    assert [r[text] for r in rows] == ["Miksi näin?", "Hyvä kysymys."]
    assert [r["parent_id"] for r in rows] == ["", "T1"]
    assert [r["snippet.topLevelComment.snippet.authorDisplayName"] for r in rows] == ["@A", "@B"]

"""Reading every supported export format from real files."""

from __future__ import annotations

import json

import pandas as pd
from _fixtures import examples
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analyzer.io import ReadStats, format_times, iter_comments, read_comments

COMMENTS = ["Hyvä, että pahoittelitte.", "Tämä on täysin käsittämätöntä!", "Milloin auki?"]
AUTHORS = ["Testi Käyttäjä", "Keksitty Henkilö", "Olematon Öljynen"]
TIMES_FI = ["1.3.2026 klo 14.05", "1.3.2026 14:05", "01.03.2026 14.05.33"]
EXPECTED = ["2026-03-01T14:05:00+02:00", "2026-03-01T14:05:00+02:00", "2026-03-01T14:05:33+02:00"]


def _rows(sep: str) -> str:
    lines = [sep.join(["Nimi", "Kommentti", "Pvm"])]
    for name, text, when in zip(AUTHORS, COMMENTS, TIMES_FI, strict=True):
        lines.append(sep.join([name, f'"{text}"', when]))
    return "\r\n".join(lines) + "\r\n"


def _check(df: pd.DataFrame, text: str = "Kommentti", time: str = "Pvm") -> None:
    assert df[text].tolist() == COMMENTS
    assert format_times(df[time]).tolist() == EXPECTED
    assert df.attrs["roles"]["text"] == text
    assert df.attrs["roles"]["time"] == time


def test_finnish_excel_csv_with_bom_and_semicolons(tmp_path):
    path = tmp_path / "vienti.csv"
    path.write_bytes("\ufeff".encode() + _rows(";").encode("utf-8"))
    stats = ReadStats()
    df = read_comments(path, stats=stats)
    _check(df)
    assert list(df.columns) == ["Nimi", "Kommentti", "Pvm", "_line"]
    assert df.attrs["roles"]["author"] == "Nimi"
    assert (stats.encoding, stats.delimiter) == ("utf-8-sig", ";")
    assert df["_line"].tolist() == [2, 3, 4]


def test_cp1252_csv(tmp_path):
    path = tmp_path / "windows.csv"
    path.write_bytes(_rows(";").encode("cp1252"))
    stats = ReadStats()
    df = read_comments(path, stats=stats)
    _check(df)
    assert stats.encoding == "cp1252"
    assert df["Nimi"].tolist() == AUTHORS


def test_comma_csv_and_tsv(tmp_path):
    comma = tmp_path / "a.csv"
    comma.write_text(_rows(","), encoding="utf-8")
    tsv = tmp_path / "a.tsv"
    tsv.write_text(_rows("\t"), encoding="utf-8")
    _check(read_comments(comma))
    stats = ReadStats()
    _check(read_comments(tsv, stats=stats))
    assert stats.delimiter == "\t"


def test_excel_sep_line_and_utf16(tmp_path):
    sep = tmp_path / "sep.csv"
    sep.write_text("sep=;\n" + _rows(";"), encoding="utf-8")
    df = read_comments(sep)
    _check(df)
    assert df["_line"].tolist() == [3, 4, 5]
    utf16 = tmp_path / "unicode.txt"
    utf16.write_text(_rows("\t"), encoding="utf-16")
    _check(read_comments(utf16))


def test_multiline_quoted_comments_keep_line_numbers(tmp_path):
    path = tmp_path / "multi.csv"
    path.write_text(
        'text,date\n"eka rivi\ntoka rivi\n""lainaus""",2026-03-01\nseuraava,2026-03-02\n',
        encoding="utf-8",
    )
    df = read_comments(path)
    assert df["text"].tolist() == ['eka rivi\ntoka rivi\n"lainaus"', "seuraava"]
    assert df["_line"].tolist() == [2, 5]


def test_facebook_json_with_mojibake(tmp_path):
    def moji(s: str) -> str:
        return s.encode("utf-8").decode("latin-1")

    doc = {
        "data": [
            {
                "id": str(i),
                "message": moji(text),
                "created_time": "2026-03-01T12:05:00+0000",
                "from": {"name": moji(name), "id": str(100 + i)},
            }
            for i, (text, name) in enumerate(zip(COMMENTS, AUTHORS, strict=True))
        ],
        "paging": {"cursors": {"before": "x", "after": "y"}},
    }
    path = tmp_path / "facebook.json"
    path.write_text(json.dumps(doc), encoding="ascii")  # \u00c3\u00a4 escapes, as Facebook
    stats = ReadStats()
    df = read_comments(path, stats=stats)
    assert df["message"].tolist() == COMMENTS
    assert df["from.name"].tolist() == AUTHORS
    assert df.attrs["roles"] == {"text": "message", "time": "created_time", "author": "from.name"}
    assert format_times(df["created_time"]).tolist() == ["2026-03-01T14:05:00+02:00"] * 3
    assert stats.repaired_cells == sum(not s.isascii() for s in COMMENTS + AUTHORS)


def test_correct_text_is_not_changed_by_repair(tmp_path):
    tricky = ["Ãbc on nimi", "Hinta 5 € – halpa", "Tämä ”lainaus”"]
    path = tmp_path / "ok.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in tricky), encoding="utf-8")
    assert read_comments(path)["text"].tolist() == tricky


def test_jsonl_with_invalid_line(tmp_path):
    path = tmp_path / "c.jsonl"
    lines = [json.dumps({"body": t, "timestamp": 1772366700 + i}) for i, t in enumerate(COMMENTS)]
    lines.insert(1, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stats = ReadStats()
    chunks = list(iter_comments(path, stats=stats))
    df = pd.concat([c.frame for c in chunks])
    rejects = [r for c in chunks for r in c.rejects]
    assert df["body"].tolist() == COMMENTS
    assert df["_line"].tolist() == [1, 3, 4]
    assert [(r.line, r.reason) for r in rejects] == [(2, "invalid JSON")]
    assert stats.rows_read == stats.rows_kept + stats.rows_rejected == 4
    assert format_times(df["timestamp"]).iloc[0] == "2026-03-01T14:05:00+02:00"


def test_xlsx(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Kirjoittaja", "Viesti", "Päivämäärä", "Tykkäykset"])
    for i, (name, text, when) in enumerate(zip(AUTHORS, COMMENTS, TIMES_FI, strict=True)):
        ws.append([name, text, when, i])
    path = tmp_path / "kommentit.xlsx"
    wb.save(path)
    df = read_comments(path)
    _check(df, "Viesti", "Päivämäärä")
    assert df["Tykkäykset"].tolist() == ["0", "1", "2"]
    assert df["_line"].tolist() == [2, 3, 4]


def test_parquet_and_dataframe(tmp_path):
    frame = pd.DataFrame({"comment": COMMENTS, "time": TIMES_FI, "author": AUTHORS})
    path = tmp_path / "c.parquet"
    frame.to_parquet(path)
    _check(read_comments(path), "comment", "time")
    chunks = list(iter_comments(frame, chunksize=2))
    assert [len(c.frame) for c in chunks] == [2, 1]
    assert chunks[1].frame.index.tolist() == [2]


def test_overrides_and_case_insensitive_names(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("ID,TEXT,Other,PVM\n1,eka,toka,1.3.2026\n", encoding="utf-8")
    df = read_comments(path)
    assert df.attrs["roles"] == {"text": "TEXT", "time": "PVM", "author": None}
    df = read_comments(path, text_col="other", time_col="")
    assert df.attrs["roles"]["text"] == "Other"
    assert df.attrs["roles"]["time"] is None
    assert df["PVM"].tolist() == ["1.3.2026"]


def test_na_and_null_comments_are_text(tmp_path):
    path = tmp_path / "na.csv"
    path.write_text("text\nNA\nnull\nNone\n-\n", encoding="utf-8")
    assert read_comments(path)["text"].tolist() == ["NA", "null", "None", "-"]


def test_chunks_preserve_order_and_count(tmp_path):
    n = 2500
    path = tmp_path / "big.csv"
    body = "".join(f"{i};kommentti {i};{1 + i % 28}.3.2026 klo 12.00\n" for i in range(n))
    path.write_text("id;teksti;aika\n" + body, encoding="utf-8")
    stats = ReadStats()
    chunks = list(iter_comments(path, chunksize=1000, stats=stats))
    assert [len(c.frame) for c in chunks] == [1000, 1000, 500]
    ids = [int(v) for c in chunks for v in c.frame["id"]]
    assert ids == list(range(n))
    assert stats.rows_read == n and stats.rows_rejected == 0


def test_facebook_download_your_information_format(tmp_path):
    def moji(s: str) -> str:
        return s.encode("utf-8").decode("latin-1")

    doc = {
        "comments_v2": [
            {
                "timestamp": 1772366700 + i,
                "data": [
                    {
                        "comment": {
                            "timestamp": 1772366700 + i,
                            "comment": moji(t),
                            "author": moji(a),
                        }
                    }
                ],
                "title": moji(f"{a} kommentoi julkaisua."),
            }
            for i, (t, a) in enumerate(zip(COMMENTS, AUTHORS, strict=True))
        ]
    }
    path = tmp_path / "your_comments.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    df = read_comments(path)
    assert df.attrs["roles"] == {
        "text": "data.comment.comment",
        "time": "timestamp",
        "author": "data.comment.author",
    }
    assert df["data.comment.comment"].tolist() == COMMENTS
    assert df["data.comment.author"].tolist() == AUTHORS


def test_single_column_file_keeps_commas(tmp_path):
    path = tmp_path / "yksi.csv"
    path.write_text('kommentti\nHyvä, kiitos, ihan ok\n"lainattu, teksti"\n', encoding="utf-8")
    df = read_comments(path)
    assert df["kommentti"].tolist() == ["Hyvä, kiitos, ihan ok", "lainattu, teksti"]
    assert not df.attrs["rejects"]


def test_mojibake_of_every_corpus_text_is_undone():
    from analyzer.data import load_corpus
    from analyzer.io import fix_mojibake

    texts = load_corpus()["text"].tolist()
    assert len(texts) > 1000
    assert [fix_mojibake(t.encode("utf-8").decode("latin-1")) for t in texts] == texts
    assert [fix_mojibake(t) for t in texts] == texts


def test_mojibake_examples():
    from analyzer.io import fix_mojibake

    for text in ("Hyvä päivä, café 👏", "Åland ja Öljy – 5 €", "Hyvä ”lainaus” ❤️"):
        broken = text.encode("utf-8").decode("latin-1")  # as Facebook's exports show it
        assert fix_mojibake(broken) == text
        assert fix_mojibake(text) == text
    assert fix_mojibake("Hyvä päivä, café 👏") == "Hyvä päivä, café 👏"
    # cp1252 mojibake and mixed text still go through ftfy
    assert fix_mojibake("Se oli hyvÃ¤ â€” kiitos") == "Se oli hyvä — kiitos"


@settings(max_examples=examples(300), deadline=None)
@example("Ä\xa0")
@example("VÄ\xa0HÄ\xa0!")
@example("Ġ".encode().decode("latin-1"))
@example("å".encode().decode("latin-1"))  # ftfy: plausible text, so kept
@example("”Ä".encode().decode("latin-1"))  # ftfy decodes '”Ä' once more; we stop at it
@example("\x91")  # ftfy: a C1 control meant as cp1252's ‘; kept
@given(st.text(min_size=1) | st.text(min_size=1).map(lambda t: t.encode().decode("latin-1")))
def test_mojibake_repair_is_ftfys_judgement(text):
    """Any text, clean or broken: changed only where ftfy changes it, along ftfy's way.

    Text ftfy keeps is kept; otherwise the result is the text (ftfy also
    mends lone C1 controls and cp1251 mojibake, which Finnish exports do not
    show), ftfy's, or a step on ftfy's way to it (ftfy may decode a repaired
    text once more, where it still looks like mojibake to ftfy but not to the
    cheaper test first).
    """
    import ftfy

    from analyzer.io import fix_mojibake

    fixed, ftfys = fix_mojibake(text), ftfy.fix_encoding(text)
    if ftfys == text:  # clean text is never rewritten
        assert fixed == text
    else:
        assert fixed in (text, ftfys) or ftfy.fix_encoding(fixed) == ftfys


def test_xlsx_title_rows_above_the_header_are_skipped(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Raportti: Aamukaste Oy"])
    ws.append([None, "luotu 13.3.2026"])
    ws.append([])
    ws.append(["Kommentti", "Pvm", "Nimi"])
    ws.append(["Hyvä!", "1.3.2026 klo 14.05", "Testi Käyttäjä"])
    ws.append(["Huono.", None, None])  # one cell filled: still a row
    path = tmp_path / "raportti.xlsx"
    wb.save(path)
    stats = ReadStats()
    df = read_comments(path, stats=stats)
    assert df["Kommentti"].tolist() == ["Hyvä!", "Huono."]
    assert df["_line"].tolist() == [5, 6]
    assert stats.rows_read == 2
    # a one-column sheet keeps its first row as the header
    wb = Workbook()
    wb.active.append(["teksti"])
    wb.active.append(["yksi"])
    wb.save(path)
    assert read_comments(path)["teksti"].tolist() == ["yksi"]

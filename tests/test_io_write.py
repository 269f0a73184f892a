"""Writing: formats, round trips, atomicity, pseudonyms, formula neutralisation."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from analyzer.errors import AnalyzerError
from analyzer.io import (
    ReadStats,
    Reject,
    TableWriter,
    excel_safe,
    format_times,
    iter_comments,
    pseudonymize,
    read_comments,
    rejects_path,
    resolve_salt,
    salt_path,
    write_rejects,
)

TEXTS = ["=SUMMA(A1:A3)", "Kiitos\nanteeksipyynnöstä", "-hyvä", "@kaikki", "tavallinen"]


def _frame() -> pd.DataFrame:
    times = pd.Series(pd.to_datetime(["2026-03-01 14:05"] * 4 + [None]))
    return pd.DataFrame(
        {
            "Kommentti": TEXTS,
            "Aika": times.dt.tz_localize("Europe/Helsinki"),
            "tone": ["neutral", "understanding", "criticism", "neutral", "neutral"],
            "p": [0.5, 0.25, 0.125, 1.0, 0.0],
        }
    )


@pytest.mark.parametrize("ext", ["csv", "tsv", "jsonl", "parquet", "xlsx"])
def test_round_trip_every_format(tmp_path, ext):
    out = tmp_path / f"tulos.{ext}"
    frame = _frame()
    with TableWriter(out) as writer:
        writer.write(frame.iloc[:2])
        writer.write(frame.iloc[2:])
    assert writer.rows_written == len(frame)
    back = read_comments(out)
    assert list(back.columns) == [*frame.columns, "_line"]
    assert back["Kommentti"].tolist() == TEXTS
    assert format_times(back["Aika"]).tolist() == format_times(frame["Aika"]).tolist()
    assert back["tone"].tolist() == frame["tone"].tolist()
    assert [float(v) for v in back["p"]] == frame["p"].tolist()
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_excel_csv_has_bom_semicolons_and_iso_times(tmp_path):
    out = tmp_path / "excel.csv"
    with TableWriter(out, excel=True) as writer:
        writer.write(excel_safe(_frame()))
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfKommentti;Aika;tone;p\r\n")
    assert b"'=SUMMA(A1:A3);2026-03-01T14:05:00+02:00;" in data


def test_excel_safe_neutralises_formulas_only_in_text():
    frame = pd.DataFrame({"t": [*TEXTS, "\tx", "\rx", ""], "n": range(8)})
    safe = excel_safe(frame)
    assert safe["t"].tolist() == [
        "'=SUMMA(A1:A3)",
        TEXTS[1],
        "'-hyvä",
        "'@kaikki",
        "tavallinen",
        "'\tx",
        "'\rx",
        "",
    ]
    assert safe["n"].tolist() == list(range(8))
    assert frame["t"].tolist()[0] == "=SUMMA(A1:A3)"  # input untouched


def test_excel_safe_leaves_plain_numbers_alone():
    numbers = ["-1", "-0.5", "+3", "-0,5", "+1e-3", "-.5", "-12."]
    formulas = ["-1+A1", "+3 kertaa", "-", "+", "-0.5)", "-1e", "--1", "+-1", "- 1", "=1", "@1"]
    safe = excel_safe(pd.DataFrame({"x": numbers + formulas}))["x"].tolist()
    assert safe == numbers + ["'" + f for f in formulas]


def test_atomic_write_leaves_nothing_on_error(tmp_path):
    out = tmp_path / "kesken.csv"
    with pytest.raises(RuntimeError), TableWriter(out) as writer:
        writer.write(_frame())
        raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []
    out.write_text("vanha\n", encoding="utf-8")
    with pytest.raises(RuntimeError), TableWriter(out, fmt="xlsx") as writer:
        writer.write(_frame())
        raise RuntimeError("interrupted")
    assert out.read_text(encoding="utf-8") == "vanha\n"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_unwritable_output_is_one_line_error(tmp_path):
    with pytest.raises(AnalyzerError, match="does not exist"):
        TableWriter(tmp_path / "ei" / "ole.csv").open()
    with pytest.raises(AnalyzerError, match="is a folder"):
        TableWriter(tmp_path).open()
    locked = tmp_path / "lukittu"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if not os.access(locked, os.W_OK):  # root ignores permissions
            with pytest.raises(AnalyzerError, match="cannot write"):
                TableWriter(locked / "x.csv").open()
    finally:
        locked.chmod(0o700)


def test_mismatched_chunk_columns(tmp_path):
    out = tmp_path / "x.csv"
    with pytest.raises(AnalyzerError, match="columns"), TableWriter(out) as writer:
        writer.write(_frame())
        writer.write(_frame().drop(columns="p"))
    assert not out.exists()


def test_write_rejects(tmp_path):
    out = tmp_path / "tulos.xlsx"
    path = write_rejects(out, [Reject(5, "4 fields, header has 3", "a;b;c;d")])
    assert path == rejects_path(out) == tmp_path / "tulos.rejects.csv"
    back = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert back.to_dict("records") == [
        {"line": "5", "reason": "4 fields, header has 3", "raw": "a;b;c;d"}
    ]


def test_pseudonyms_stable_and_salted():
    names = ["Keksitty Henkilö", "", "Toinen Tyyppi", "Keksitty Henkilö"]
    first = pseudonymize(names, salt="suola-1")
    assert first == pseudonymize(names, salt="suola-1")
    assert first[0] == first[3] != first[2]
    assert first[1] == ""
    assert all(p.startswith("user-") and len(p) == 13 for p in first if p)
    other = pseudonymize(names, salt="suola-2")
    assert other[0] != first[0] and other[1] == ""


def test_pseudonym_is_hmac_sha256_of_the_nfc_name():
    # the algorithm is part of the promise "stable across runs": pinned to the stdlib HMAC,
    # for short and long salts (over SHA-256's 64-byte block) and decomposed input
    import hashlib
    import hmac
    import unicodedata

    for salt in ("s", "pitkä suola " * 10):
        for name in ("Keksitty Henkilö", "  Ke\u0301ksitty  ", "x" * 200):
            want = hmac.new(
                salt.encode(),
                unicodedata.normalize("NFC", name.strip()).encode(),
                hashlib.sha256,
            ).hexdigest()[:8]
            assert pseudonymize([name], salt=salt) == [f"user-{want}"]


def test_salt_from_env_and_stored_file(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYZER_SALT", "ympäristö")
    assert resolve_salt() == "ympäristö"
    assert resolve_salt("oma") == "oma"
    monkeypatch.delenv("ANALYZER_SALT")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert salt_path() == tmp_path / "analyzer" / "salt"
    salt = resolve_salt()
    assert salt_path().exists() and len(salt) >= 32
    assert resolve_salt() == salt
    assert pseudonymize(["Testi Nimi"]) == pseudonymize(["Testi Nimi"], salt=salt)


def test_scoring_loop_keeps_rows_and_order(tmp_path):
    source = tmp_path / "in.csv"
    rows = "".join(
        f'Tekijä {i % 7};"kommentti {i}";{1 + i % 28}.3.2026 klo 12.00\n' for i in range(300)
    )
    source.write_text("\ufeffNimi;Kommentti;Pvm\n" + rows + "x;y;z;liikaa\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    rejects = []
    with TableWriter(out) as writer:
        for chunk in iter_comments(source, chunksize=64):
            frame = chunk.frame.drop(columns="_line")
            frame[chunk.roles.author] = pseudonymize(frame[chunk.roles.author], salt="s")
            frame["tone"] = "neutral"
            writer.write(excel_safe(frame))
            rejects.extend(chunk.rejects)
    back = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(back.columns) == ["Nimi", "Kommentti", "Pvm", "tone"]
    assert back["Kommentti"].tolist() == [f"kommentti {i}" for i in range(300)]
    assert [r.line for r in rejects] == [302]


# -------------------------------------------------------------- dialect of the input
def _read_back(path, encoding: str, sep: str) -> pd.DataFrame:
    return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding=encoding)


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [
        ("utf-8-sig", ";", b"\xef\xbb\xbf"),  # Finnish Excel
        ("utf-8", "\t", b""),
        ("utf-8", "|", b""),
        ("utf-16", ";", b"\xff\xfe"),
        ("cp1252", ";", b""),
    ],
)
def test_csv_output_follows_the_input_dialect(tmp_path, encoding, delimiter, bom):
    rows = ["Hyvä, että pahoittelitte.", "Ei näin – 5 €"]
    src = tmp_path / "in.csv"
    with open(src, "w", encoding=encoding, newline="") as fh:
        fh.write(f"Kommentti{delimiter}Pvm\r\n")
        fh.writelines(f'"{t}"{delimiter}1.3.2026\r\n' for t in rows)
    stats = ReadStats()
    chunk = next(iter_comments(src, stats=stats))
    out = tmp_path / "out.csv"
    with TableWriter(out, like=stats) as writer:
        writer.write(chunk.frame.drop(columns="_line"))
    assert (writer.delimiter, writer.encoding) == (delimiter, encoding.replace("-le", ""))
    data = out.read_bytes()
    assert data.startswith(bom) and not data[len(bom) :].startswith((b"\xef\xbb\xbf", b"\xff\xfe"))
    back = _read_back(out, "utf-16" if encoding == "utf-16" else encoding, delimiter)
    assert back["Kommentti"].tolist() == rows
    # --excel still forces Finnish Excel; a .tsv output is tab separated in the input's encoding
    with TableWriter(tmp_path / "x.csv", like=stats, excel=True) as writer:
        writer.write(chunk.frame)
    assert (writer.delimiter, writer.encoding) == (";", "utf-8-sig")
    with TableWriter(tmp_path / "x.tsv", like=stats) as writer:
        writer.write(chunk.frame)
    assert writer.delimiter == "\t"


def test_cp1252_output_turns_utf8_when_a_character_does_not_fit(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes("Kommentti;Pvm\r\nHyvä;1.3.2026\r\n".encode("cp1252"))
    stats = ReadStats()
    chunk = next(iter_comments(src, stats=stats))
    assert stats.encoding == "cp1252"
    out = tmp_path / "out.csv"
    with TableWriter(out, like=stats) as writer:
        writer.write(pd.DataFrame({"Kommentti": ["Hyvä"], "tone": ["neutral"]}))
        assert writer.encoding == "cp1252"
        writer.write(pd.DataFrame({"Kommentti": ["Tämä 😀 ei mahdu"], "tone": ["neutral"]}))
        assert writer.encoding == "utf-8-sig"
    assert out.read_bytes().startswith(b"\xef\xbb\xbfKommentti;tone\r\nHyv\xc3\xa4;")
    back = _read_back(out, "utf-8-sig", ";")
    assert back["Kommentti"].tolist() == ["Hyvä", "Tämä 😀 ei mahdu"]
    assert chunk.frame["Kommentti"].tolist() == ["Hyvä"]

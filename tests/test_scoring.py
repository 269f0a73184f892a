"""Batch scoring with the bundled model: score() for notebooks, score_file() and ``analyzer score``.

Real files of every input format in ``tmp_path``, the real bundled model,
real worker processes and a real Dask LocalCluster.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from _fixtures import SCORE_CLEAR, SCORE_ROWS, run_main, write_csv

import analyzer
from analyzer.errors import AnalyzerError
from analyzer.io import pseudonymize
from analyzer.model import load_model
from analyzer.scoring import ScoreSummary, score, score_file

HEADER = ["Nimi", "Kommentti", "Pvm"]
OUT_COLUMNS = [*HEADER, "tone", "p_criticism", "p_neutral", "p_understanding"]
TONES = {"criticism", "neutral", "understanding"}
SALT = "testisuola"
SUMMARY = re.compile(
    r"^rows read (\d+), scored (\d+), rejected (\d+)(, .*)?; [\d.]+ s, .* comments/s$"
)

RAW_TEXTS = [t for _, t, _ in SCORE_ROWS]
#: row 8 mentions its own author, "@Kaislaranta": by default the mention is pseudonymised too
MENTION = "@" + pseudonymize(["@Kaislaranta"], salt=SALT)[0]
NAMELESS_TEXTS = [t.replace("@Kaislaranta", MENTION) for t in RAW_TEXTS]


def _safe(text: str) -> str:
    return "'" + text if text[:1] in "=+-@" else text


# what the texts look like in a file after formula neutralisation (names replaced, or kept)
SAFE_TEXTS = [_safe(t) for t in NAMELESS_TEXTS]
KEPT_SAFE_TEXTS = [_safe(t) for t in RAW_TEXTS]
ISO_TIMES = [
    "2026-03-01T14:05:00+02:00",
    "2026-03-01T14:10:00+02:00",
    "2026-03-01T15:00:00+02:00",
    "2026-03-02T08:30:00+02:00",
    "2026-03-02T09:45:00+02:00",
    "2026-03-02T10:00:00+02:00",
    "2026-03-02T11:00:00+02:00",
    "2026-03-03T12:00:00+02:00",
    "2026-03-03T12:30:00+02:00",
    "2026-03-03T13:00:00+02:00",
]


@pytest.fixture(autouse=True)
def _no_home_salt(tmp_path, monkeypatch):
    """Never create or read the user's stored salt from a test."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("ANALYZER_SALT", raising=False)
    monkeypatch.delenv("ANALYZER_MODEL", raising=False)


def _env(tmp_path: Path) -> dict[str, str]:
    return {"XDG_CONFIG_HOME": str(tmp_path / "config"), "ANALYZER_SALT": ""}


def _frame() -> pd.DataFrame:
    return pd.DataFrame(SCORE_ROWS, columns=HEADER)


def _write_input(path: Path) -> Path:
    """SCORE_ROWS in the format of ``path``'s extension."""
    df = _frame()
    ext = path.suffix
    if ext == ".csv":  # Finnish Excel: ';' and a BOM
        write_csv(path, HEADER, SCORE_ROWS, delimiter=";", bom=True)
    elif ext == ".xlsx":
        # openpyxl (and so pandas.to_excel) would store "=…" as a formula without a
        # value; an export holds such a comment as a text cell, so write it as one
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(HEADER)
        for row in SCORE_ROWS:
            ws.append(list(row))
        for cells in ws.iter_rows(min_row=2):
            for cell in cells:
                cell.data_type = "s"
        wb.save(path)
    elif ext == ".jsonl":
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in df.to_dict("records")),
            encoding="utf-8",
        )
    elif ext == ".parquet":
        df.to_parquet(path, index=False)
    else:  # pragma: no cover
        raise ValueError(ext)
    return path


def _read_csv(path: Path) -> pd.DataFrame:
    """A scored CSV, ``,`` or ``;`` separated (the output follows the input's dialect)."""
    header = path.read_text(encoding="utf-8-sig").split("\r\n", 1)[0]
    sep = ";" if header.count(";") > header.count(",") else ","
    return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _check_scored(out: pd.DataFrame, texts: list[str]) -> None:
    assert list(out.columns) == OUT_COLUMNS
    assert out["Kommentti"].tolist() == texts
    assert set(out["tone"]) <= TONES
    proba = out[["p_criticism", "p_neutral", "p_understanding"]].astype(float).to_numpy()
    assert np.allclose(proba.sum(axis=1), 1.0, atol=2e-3)
    best = np.array(["criticism", "neutral", "understanding"])[proba.argmax(axis=1)]
    assert out["tone"].tolist() == best.tolist()
    for i, tone in SCORE_CLEAR.items():
        assert out["tone"].iloc[i] == tone, RAW_TEXTS[i]


# ------------------------------------------------------------------ score_file
def test_every_input_format_scores_the_same(tmp_path):
    outputs = {}
    for ext in (".csv", ".xlsx", ".jsonl", ".parquet"):
        src = _write_input(tmp_path / f"vienti{ext}")
        out = tmp_path / f"tulos{ext}.csv"
        summary = score_file(src, out, salt=SALT, jobs=1)
        assert isinstance(summary, ScoreSummary)
        assert (summary.rows_read, summary.rows_scored, summary.rows_rejected) == (10, 10, 0)
        assert summary.rejects_file is None and summary.output == str(out)
        assert sum(summary.tones.values()) == 10
        df = _read_csv(out)
        _check_scored(df, SAFE_TEXTS)
        assert df["Pvm"].tolist() == ISO_TIMES, ext
        assert summary.tones == df["tone"].value_counts().to_dict()
        outputs[ext] = out.read_bytes()
    # the CSV input is Finnish Excel's, and so is its output; the others write plain CSV
    excel = outputs.pop(".csv")
    assert excel.startswith(b"\xef\xbb\xbfNimi;Kommentti;Pvm;tone;")
    assert _read_csv(tmp_path / "tulos.csv.csv").equals(_read_csv(tmp_path / "tulos.xlsx.csv"))
    assert len(set(outputs.values())) == 1, "input formats gave different outputs"


@pytest.mark.parametrize("ext", [".xlsx", ".jsonl", ".parquet", ".tsv"])
def test_output_formats(tmp_path, ext):
    src = _write_input(tmp_path / "in.csv")
    out = tmp_path / f"out{ext}"
    score_file(src, out, salt=SALT, jobs=1)
    if ext == ".xlsx":
        back = pd.read_excel(out, dtype=str, keep_default_na=False)
    elif ext == ".jsonl":
        back = pd.DataFrame([json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()])
    elif ext == ".tsv":
        back = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    else:
        back = pd.read_parquet(out)
    _check_scored(back, SAFE_TEXTS)
    assert back["Pvm"].astype(str).tolist() == ISO_TIMES


def test_row_count_and_order_over_many_chunks(tmp_path):
    rows = [(f"Tekijä {i % 9}", f"{RAW_TEXTS[i % 10]} #{i}", "4.3.2026 12:00") for i in range(230)]
    src = write_csv(tmp_path / "iso.csv", HEADER, rows, delimiter=";", bom=True)
    out = tmp_path / "out.csv"
    summary = score_file(src, out, salt=SALT, jobs=2, chunksize=17)
    assert summary.rows_scored == summary.rows_read == 230
    df = _read_csv(out)
    want = [("'" + t if t[0] in "=+-@" else t) for _, t, _ in rows]
    assert df["Kommentti"].tolist() == want
    # the same text always gets the same tone, whichever chunk and worker it was in
    base = df["Kommentti"].str.replace(r" #\d+$", "", regex=True)
    assert (df.groupby(base)["tone"].nunique() == 1).all()


def test_missing_model_starts_no_workers_and_writes_nothing(tmp_path):
    import multiprocessing

    from analyzer.data import load_corpus

    texts = load_corpus()["text"].tolist()[:60]
    rows = [(f"Tekijä {i % 7}", t, "4.3.2026 12:00") for i, t in enumerate(texts)]
    src = write_csv(tmp_path / "in.csv", HEADER, rows, delimiter=";", bom=True)
    with pytest.raises(AnalyzerError, match="not found"):
        score_file(src, tmp_path / "out.csv", model=tmp_path / "none.npz", jobs=2, chunksize=30)
    assert not multiprocessing.active_children()
    assert not (tmp_path / "out.csv").exists()


def test_pseudonyms_stable_and_authors_replaced_by_default(tmp_path):
    src = _write_input(tmp_path / "in.csv")
    a, b, c, d = (tmp_path / f"{n}.csv" for n in "abcd")
    score_file(src, a, salt=SALT, jobs=1)
    score_file(src, b, salt=SALT, jobs=1)
    score_file(src, c, salt="toinen suola", jobs=1)
    score_file(src, d, salt=SALT, keep_authors=True, jobs=1)
    first, second, other, kept = (_read_csv(p)["Nimi"].tolist() for p in (a, b, c, d))
    assert first == second
    assert all(re.fullmatch(r"user-[0-9a-f]{8}", n) for n in first)
    names = [n for n, _, _ in SCORE_ROWS]
    assert not set(names) & set(first)
    # the same author gets the same pseudonym, different authors different ones
    for i in range(len(names)):
        for j in range(len(names)):
            assert (first[i] == first[j]) == (names[i] == names[j])
    assert all(x != y for x, y in zip(first, other, strict=True))
    assert kept == [("'" + n if n[0] in "=+-@" else n) for n in names]
    assert a.read_bytes().count(b"Testi K") == 0


def test_default_salt_is_stored_per_user(tmp_path, monkeypatch):
    src = _write_input(tmp_path / "in.csv")
    score_file(src, tmp_path / "a.csv", jobs=1)
    stored = tmp_path / "config" / "analyzer" / "salt"
    assert stored.is_file()
    score_file(src, tmp_path / "b.csv", jobs=1)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    monkeypatch.setenv("ANALYZER_SALT", "ympäristön suola")
    score_file(src, tmp_path / "c.csv", jobs=1)
    score_file(src, tmp_path / "d.csv", salt="ympäristön suola", jobs=1)
    assert (tmp_path / "c.csv").read_bytes() == (tmp_path / "d.csv").read_bytes()
    assert (tmp_path / "c.csv").read_bytes() != (tmp_path / "a.csv").read_bytes()


def test_formula_neutralisation_and_opt_out(tmp_path):
    src = _write_input(tmp_path / "in.csv")
    safe, raw = tmp_path / "safe.csv", tmp_path / "raw.csv"
    score_file(src, safe, salt=SALT, jobs=1, keep_authors=True)
    score_file(src, raw, salt=SALT, jobs=1, keep_authors=True, excel_safe=False)
    s, r = _read_csv(safe), _read_csv(raw)
    assert s["Kommentti"].tolist() == KEPT_SAFE_TEXTS
    assert r["Kommentti"].tolist() == RAW_TEXTS
    assert s["Kommentti"].iloc[5].startswith("'=HYPERLINK(")
    assert s["Kommentti"].iloc[6] == "'-5 pistettä tästä palvelusta"
    assert s["Kommentti"].iloc[7].startswith("'@Kaislaranta")
    assert s["Kommentti"].iloc[8].startswith("'+1 ")
    assert s["Nimi"].iloc[6] == "'+358 40 0000000" and r["Nimi"].iloc[6] == "+358 40 0000000"
    # neutralising changes text cells only: tones and probabilities are the same
    cols = ["tone", "p_criticism", "p_neutral", "p_understanding", "Pvm"]
    assert s[cols].equals(r[cols])
    # no cell of the safe file starts a formula
    with open(safe, encoding="utf-8", newline="") as fh:
        cells = [c for row in list(csv.reader(fh))[1:] for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


def test_excel_csv_has_semicolons_and_bom(tmp_path):
    src = _write_input(tmp_path / "in.csv")
    out = tmp_path / "excel.csv"
    score_file(src, out, salt=SALT, jobs=1, excel=True)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert text.splitlines()[0] == ";".join(OUT_COLUMNS)
    back = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    _check_scored(back, SAFE_TEXTS)
    # without --excel the output follows the input: Finnish Excel in, Finnish Excel out ...
    same = tmp_path / "same.csv"
    score_file(src, same, salt=SALT, jobs=1)
    assert same.read_bytes() == data
    # ... and plain CSV in, plain CSV out
    plain_src = write_csv(tmp_path / "plain_in.csv", HEADER, SCORE_ROWS)
    plain = tmp_path / "plain.csv"
    score_file(plain_src, plain, salt=SALT, jobs=1)
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert plain.read_text(encoding="utf-8").splitlines()[0] == ",".join(OUT_COLUMNS)
    score_file(plain_src, out, salt=SALT, jobs=1, excel=True)
    assert out.read_bytes() == data


def test_with_lemmas(tmp_path):
    src = _write_input(tmp_path / "in.csv")
    out = tmp_path / "lemmas.csv"
    score_file(src, out, salt=SALT, jobs=1, with_lemmas=True)
    df = _read_csv(out)
    assert list(df.columns) == [*OUT_COLUMNS, "lemmas"]
    assert "hävetä" in df["lemmas"].iloc[0].split()
    assert "kiitos" in df["lemmas"].iloc[4].split()
    assert "surkea" in df["lemmas"].iloc[3].split()
    assert not any("NEG_" in x for x in df["lemmas"])  # plain lemmas, no negation marks


def test_ragged_rows_go_to_rejects_with_line_numbers(tmp_path):
    src = tmp_path / "ragged.csv"
    lines = ["Nimi;Kommentti;Pvm"]
    lines += [f"{n};{t};{d}" for n, t, d in SCORE_ROWS[:4]]
    lines.insert(3, "Liikaa;kentät;1.3.2026;ylimääräinen")  # line 4
    lines.append("Vajaa")  # line 7: too few fields
    lines.append("Taas liikaa;x;2.3.2026;y;z")  # line 8
    src.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    summary = score_file(src, out, salt=SALT, jobs=1)
    df = _read_csv(out)
    assert df["Kommentti"].tolist()[:4] == RAW_TEXTS[:4]
    rejected = summary.rows_rejected
    assert rejected >= 2
    assert summary.rows_read == summary.rows_scored + summary.rows_rejected == 7
    assert summary.rejects_file == str(tmp_path / "out.csv.rejects.csv")
    rej = pd.read_csv(summary.rejects_file, dtype=str, keep_default_na=False)
    assert list(rej.columns) == ["line", "reason", "raw"]
    assert len(rej) == rejected
    assert {"4", "8"} <= set(rej["line"])
    assert "Liikaa;kentät;1.3.2026;ylimääräinen" in rej["raw"].tolist()
    line = summary.line()
    m = SUMMARY.match(line)
    assert m and [int(x) for x in m.groups()[:3]] == [7, summary.rows_scored, rejected]


def test_failed_run_leaves_existing_output_untouched(tmp_path):
    src = _write_input(tmp_path / "in.csv")
    out = tmp_path / "tulos.csv"
    out.write_text("vanha tiedosto\n", encoding="utf-8")
    with pytest.raises(AnalyzerError, match="not found"):
        score_file(src, out, model=tmp_path / "poissa.npz", salt=SALT, jobs=1)
    assert out.read_text(encoding="utf-8") == "vanha tiedosto\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "tulos.csv"]
    with pytest.raises(AnalyzerError, match="does not exist"):
        score_file(src, tmp_path / "ei" / "tulos.csv", salt=SALT, jobs=1)
    with pytest.raises(AnalyzerError, match="unknown engine"):
        score_file(src, tmp_path / "e.csv", salt=SALT, jobs=1, engine="spark")
    assert not (tmp_path / "e.csv").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_dask_client_failure_closes_the_local_cluster(tmp_path, monkeypatch):
    import distributed

    started = []
    real_cluster = distributed.LocalCluster

    def cluster(*args, **kwargs):
        started.append(real_cluster(*args, **kwargs))
        return started[-1]

    def client(*args, **kwargs):
        raise OSError("no client today")

    monkeypatch.setattr(distributed, "LocalCluster", cluster)
    monkeypatch.setattr(distributed, "Client", client)
    src = write_csv(tmp_path / "in.csv", HEADER, SCORE_ROWS, delimiter=";", bom=True)
    with pytest.raises(OSError, match="no client today"):
        score_file(src, tmp_path / "out.csv", salt=SALT, engine="dask", jobs=1)
    assert len(started) == 1 and started[0].status.name == "closed"
    assert not (tmp_path / "out.csv").exists()


def test_dask_and_local_engines_give_identical_output(tmp_path):
    rows = [(n, f"{t} ({i})", d) for i in range(3) for n, t, d in SCORE_ROWS]
    src = write_csv(tmp_path / "in.csv", HEADER, rows, delimiter=";", bom=True)
    runs = {
        "local1": {"engine": "local", "jobs": 1},
        "local2": {"engine": "local", "jobs": 2},
        "dask2": {"engine": "dask", "jobs": 2},
    }
    data = {}
    for name, kw in runs.items():
        out = tmp_path / f"{name}.csv"
        summary = score_file(src, out, salt=SALT, chunksize=7, with_lemmas=True, **kw)
        assert summary.rows_scored == len(rows)
        data[name] = out.read_bytes()
    assert data["local1"] == data["local2"] == data["dask2"]
    df = _read_csv(tmp_path / "dask2.csv")
    assert df["Kommentti"].tolist() == [
        _safe(t.replace("@Kaislaranta", MENTION)) for _, t, _ in rows
    ]


# ----------------------------------------------------------------- score()
def test_score_dataframe_keeps_timestamps_and_model_info():
    df = _frame()
    out = analyzer.score(df, salt=SALT, chunksize=4)
    assert list(out.columns) == OUT_COLUMNS
    assert len(out) == len(df) and out.index.tolist() == list(range(len(df)))
    assert isinstance(out["Pvm"].dtype, pd.DatetimeTZDtype)
    assert str(out["Pvm"].dt.tz) == "Europe/Helsinki"
    assert [t.isoformat() for t in out["Pvm"]] == ISO_TIMES
    # notebooks get the text as it was, but for the mention of an author
    assert out["Kommentti"].tolist() == NAMELESS_TEXTS
    _check_scored(out, NAMELESS_TEXTS)
    info = out.attrs["model_info"]
    meta = load_model().meta
    assert info["trained on"] == meta["n"]
    assert info["cross-validated macro-F1"] == meta["cv"]["macro_f1"] >= 0.77
    assert info["validation"] == meta["cv"]["scheme"]
    assert out.attrs["roles"] == {"text": "Kommentti", "time": "Pvm", "author": "Nimi"}
    assert out.attrs["rejects"] == []
    s = out.attrs["summary"]
    assert (s.rows_read, s.rows_scored, s.rows_rejected) == (10, 10, 0)
    assert out["Nimi"].str.fullmatch(r"user-[0-9a-f]{8}").all()
    assert df["Nimi"].tolist() == [n for n, _, _ in SCORE_ROWS]  # input untouched
    kept = score(df, keep_authors=True)
    assert kept["Nimi"].tolist() == df["Nimi"].tolist()
    assert kept["Kommentti"].tolist() == RAW_TEXTS


@pytest.mark.parametrize("chunksize", [2, 20_000], ids=["chunk-without-times", "no-times"])
def test_score_keeps_tz_aware_times_when_times_are_unreadable(chunksize):
    times = ["eilen", "huomenna", "1.3.2026 12:00", ""]
    if chunksize > 2:
        times[2] = "ylihuomenna"
    df = pd.DataFrame({"teksti": ["Hävetkää!", "kiitos", "Milloin auki?", "Hyvä"], "aika": times})
    out = score(df, salt=SALT, chunksize=chunksize)
    assert len(out) == 4 and out.attrs["summary"].bad_times == 2 + (chunksize > 2)
    assert isinstance(out["aika"].dtype, pd.DatetimeTZDtype), out["aika"].dtype
    assert str(out["aika"].dt.tz) == "Europe/Helsinki"


def test_score_path_matches_score_file(tmp_path):
    src = _write_input(tmp_path / "in.parquet")
    frame = score(src, salt=SALT, with_lemmas=True)
    out = tmp_path / "out.csv"
    score_file(src, out, salt=SALT, with_lemmas=True, jobs=1)
    file = _read_csv(out)
    assert frame["tone"].tolist() == file["tone"].tolist()
    assert frame["Nimi"].tolist() == file["Nimi"].tolist()
    # the file neutralises formulas in every text column, the lemmas too
    assert [("'" + x if x[:1] in "=+-@" else x) for x in frame["lemmas"]] == file["lemmas"].tolist()
    for c in ("p_criticism", "p_neutral", "p_understanding"):
        assert np.allclose(frame[c], file[c].astype(float), atol=1e-9)


def test_score_with_model_object_and_bad_model(tmp_path):
    model = load_model()
    out = score(_frame(), model=model, salt=SALT)
    assert out.attrs["model_info"]["trained on"] == model.meta["n"]
    assert out["tone"].tolist() == score(_frame(), salt=SALT)["tone"].tolist()
    with pytest.raises(AnalyzerError, match="path or a ToneModel"):
        score(_frame(), model=42)
    with pytest.raises(AnalyzerError, match="not found"):
        score(_frame(), model=tmp_path / "ei.npz")


def test_score_empty_dataframe_is_a_clear_error():
    with pytest.raises(AnalyzerError, match="no comments"):
        score(pd.DataFrame({"Kommentti": pd.Series([], dtype=str)}))


@pytest.mark.parametrize(
    "content",
    ["Nimi;Kommentti;Pvm\n", "Nimi;Kommentti;Pvm\nA;rikki;1.3.2026;liikaa\n"],
    ids=["header-only", "all-rejected"],
)
def test_cli_score_with_no_readable_rows(tmp_path, content):
    src = tmp_path / "tyhja.csv"
    src.write_text(content, encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = run_main("score", str(src), "-o", str(out), "--salt", SALT, "--jobs", "1")
    assert "internal error" not in err
    if code == 0:  # an empty scored table is acceptable
        assert _read_csv(out).empty
    else:
        assert code == 2
        assert len(err.strip().splitlines()) == 1
        assert err.startswith("analyzer: error: ")


# -------------------------------------------------------------------- CLI
def test_cli_score_excel_lemmas_rejects_and_summary(tmp_path, cli):
    src = write_csv(tmp_path / "vienti.csv", HEADER, SCORE_ROWS, delimiter=";", bom=True)
    lines = src.read_text(encoding="utf-8-sig").splitlines()
    lines.insert(3, "Rikki;rivi;1.3.2026;liikaa")  # line 4 of the file
    src.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "tulos.csv"
    res = cli(
        "score", str(src), "-o", str(out), "--excel", "--with-lemmas", "--salt", SALT,
        "--jobs", "1", "--quiet", env=_env(tmp_path),
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    summary = [ln for ln in res.stderr.splitlines() if ln.startswith("rows read")]
    assert len(summary) == 1
    m = SUMMARY.match(summary[0])
    assert m, summary[0]
    read, scored, rejected = (int(x) for x in m.groups()[:3])
    assert (read, scored, rejected) == (11, 10, 1)
    assert f"wrote {out}" in res.stdout
    assert f"rejected rows: {out}.rejects.csv" in res.stdout
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(out, sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(df.columns) == [*OUT_COLUMNS, "lemmas"]
    assert df["Kommentti"].tolist() == SAFE_TEXTS
    assert df["Nimi"].str.fullmatch(r"user-[0-9a-f]{8}").all()
    rej = pd.read_csv(f"{out}.rejects.csv", dtype=str, keep_default_na=False)
    assert rej["line"].tolist() == ["4"] and rej["raw"].tolist() == ["Rikki;rivi;1.3.2026;liikaa"]


def test_cli_score_keep_authors_no_excel_safe(tmp_path):
    src = _write_input(tmp_path / "in.jsonl")
    out = tmp_path / "out.csv"
    code, stdout, err = run_main(
        "score", str(src), "-o", str(out), "--keep-authors", "--no-excel-safe", "--jobs", "1",
        "--quiet",
    )  # fmt: skip
    assert code == 0, err
    assert SUMMARY.match(err.strip())
    assert stdout.startswith(f"wrote {out} (")
    df = _read_csv(out)
    assert df["Kommentti"].tolist() == RAW_TEXTS
    assert df["Nimi"].tolist() == [n for n, _, _ in SCORE_ROWS]
    assert not (tmp_path / "config").exists()  # no salt needed when authors are kept


def test_cli_unwritable_output_folder_is_one_line_error(tmp_path, cli):
    src = _write_input(tmp_path / "in.csv")
    locked = tmp_path / "lukittu"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        # root ignores folder permissions: use a folder the kernel refuses to write
        target = locked if not os.access(locked, os.W_OK) else Path("/sys")
        out = target / "analyzer-test-tulos.csv"
        res = cli("score", str(src), "-o", str(out), "--salt", SALT, "--jobs", "1", "--quiet")
        assert res.returncode == 2
        assert "Traceback" not in res.stderr
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("analyzer: error: cannot write"), lines
        assert not out.exists()
        assert not list(locked.iterdir())
        code, _, err = run_main("score", str(src), "-o", str(tmp_path / "ei" / "x.csv"), "--quiet")
        assert code == 2
        assert err.strip().splitlines() == [
            f"analyzer: error: cannot write {tmp_path / 'ei' / 'x.csv'}: "
            f"folder {tmp_path / 'ei'} does not exist"
        ]
    finally:
        locked.chmod(0o700)


def test_cli_demo_writes_report_and_scored_csv(tmp_path, cli):
    outdir = tmp_path / "demo"
    res = cli("demo", "-o", str(outdir), env={**_env(tmp_path), "ANALYZER_SALT": SALT})
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    html = (outdir / "demo_report.html").read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") and "</html>" in html
    scored = _read_csv(outdir / "demo_report-scored.csv")
    assert len(scored) > 100
    assert set(scored["tone"]) == TONES
    assert {"p_criticism", "p_neutral", "p_understanding"} <= set(scored.columns)
    assert "3/3 report written" in res.stdout
    assert str((outdir / "demo_report.html").resolve()) in res.stdout
    # the analyst's route: 100 hand labels counted as labelled, per segment
    for what in ("random", "least-sure"):
        found = re.search(
            rf"100 {what} comments labelled by hand .* is ([\d.]+(?: / [\d.]+){{3}}) pp",
            res.stdout,
        )
        assert found and all(0 <= float(x) < 10 for x in found.group(1).split(" / "))


def test_workers_load_the_model_from_memory(tmp_path, monkeypatch):
    import tempfile

    import analyzer.scoring._worker as worker
    from analyzer.model import model_to_bytes

    model = load_model()
    blob = model_to_bytes(model)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # any temporary file lands here
    monkeypatch.setattr(worker, "_MODELS", {})  # as a fresh worker process
    texts = [text for _, text, _ in SCORE_ROWS]
    got = worker.score_texts(texts, blob, False)
    want = model.predict_proba(texts)
    assert np.allclose(got["proba"], want.astype(np.float32))
    assert list(tmp_path.iterdir()) == []
    assert len(worker._MODELS) == 1  # loaded once, kept for the next chunk

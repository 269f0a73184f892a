"""pandas and scikit-learn manners of the Python API (and the CLI's wording of the same errors)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from conftest import run_cli

import analyzer
from analyzer.errors import AnalyzerError

TEXTS = [
    "Hävetkää! Tää on ihan järkyttävää",
    "Kiitos anteeksipyynnöstä, hyvä että korjasitte asian",
    "Missä tää tapahtu?",
    "Ette te yhtään välitä asiakkaista",
    "Hyvä että pyysitte anteeksi, arvostan",
    "Mihin aikaan uimala aukeaa huomenna?",
    "Surkeaa toimintaa, en tule enää ikinä",
    "Kiitos nopeasta vastauksesta ❤️",
]


def test_score_keeps_the_index_of_a_filtered_frame():
    df = pd.DataFrame({"kommentti": TEXTS, "nro": range(len(TEXTS))})
    part = df[df["nro"] % 2 == 0]  # index [0, 2, 4, 6]
    scored = analyzer.score(part)
    assert scored.index.tolist() == [0, 2, 4, 6]
    assert scored["nro"].tolist() == [0, 2, 4, 6]  # the caller's column, dtype and all
    # assigning back aligns row by row; the rest stays empty
    df["tone"] = scored["tone"]
    assert df["tone"].notna().tolist() == [True, False] * 4
    assert df.loc[0, "tone"] == "criticism" and df.loc[2, "tone"] == "neutral"
    # a non-integer, non-sorted index too
    named = part.set_index(pd.Index(["d", "a", "c", "b"], name="id"))
    assert analyzer.score(named).index.tolist() == ["d", "a", "c", "b"]


def test_score_gives_number_bool_and_date_columns_back_as_they_came():
    when = pd.to_datetime(["2026-03-01", "2026-03-02", "2026-03-03"])
    df = pd.DataFrame(
        {
            "kommentti": TEXTS[:3],
            "tykkäykset": [3, 0, 12],
            "osuus": [0.5, 1.5, 2.0],
            "vastattu": [True, False, True],
            "puuttuu": pd.array([1, None, 2], dtype="Int64"),
            "tallennettu": when,
            "tunnus": ["a1", "b2", "c3"],
        },
        index=[7, 8, 9],
    )
    scored = analyzer.score(df)
    for col in ("tykkäykset", "osuus", "vastattu", "puuttuu", "tallennettu"):
        assert scored[col].dtype == df[col].dtype, col
        pd.testing.assert_series_equal(scored[col], df[col])
    assert scored["tunnus"].tolist() == ["a1", "b2", "c3"]
    # the roles are still read as always: the text column is the text that was scored
    assert scored["kommentti"].tolist() == TEXTS[:3]


def test_score_accepts_series_list_and_path(tmp_path):
    series = pd.Series(TEXTS[:3], index=[10, 20, 30], name="viesti")
    from_series = analyzer.score(series)
    assert from_series.index.tolist() == [10, 20, 30]
    assert from_series["viesti"].tolist() == TEXTS[:3]
    assert from_series["tone"].tolist() == ["criticism", "understanding", "neutral"]
    unnamed = analyzer.score(pd.Series(TEXTS[:2]))
    assert list(unnamed.columns[:2]) == ["text", "tone"]

    from_list = analyzer.score(TEXTS[:3])
    assert from_list.index.tolist() == [0, 1, 2]
    assert from_list["tone"].tolist() == from_series["tone"].tolist()

    path = tmp_path / "export.csv"
    path.write_text("Kommentti\n" + "\n".join(TEXTS[:3]) + "\n", encoding="utf-8")
    from_path = analyzer.score(path)
    assert from_path.index.tolist() == [0, 1, 2]
    assert from_path["tone"].tolist() == from_series["tone"].tolist()
    from_str = analyzer.score(str(path))
    pd.testing.assert_frame_equal(from_str, from_path)


def test_score_refuses_what_it_cannot_read():
    with pytest.raises(AnalyzerError, match="list of texts"):
        analyzer.score(42)
    with pytest.raises(AnalyzerError, match=r"\(str\) only"):
        analyzer.score(["Hyvä", 3])


def test_tone_model_classes_follow_the_probability_columns():
    model = analyzer.load_model(analyzer.default_model_path())
    assert isinstance(model.classes_, np.ndarray)
    cols = model.predict_proba_frame(TEXTS[:2]).columns
    assert [f"p_{c}" for c in model.classes_] == list(cols)
    proba = model.predict_proba(TEXTS[:2])
    assert list(model.classes_[proba.argmax(axis=1)]) == list(model.predict(TEXTS[:2]))


def test_submodules_are_attributes_and_imported_lazily():
    code = (
        "import sys, analyzer\n"
        "assert 'analyzer.plots' not in sys.modules and 'pandas' not in sys.modules\n"
        "names = ['plots', 'report', 'timeline', 'io', 'model', 'text', 'data', 'scoring']\n"
        "for n in names:\n"
        "    assert getattr(analyzer, n) is sys.modules['analyzer.' + n], n\n"
        "assert callable(analyzer.plots.plot_tone_timeline)\n"
        "assert callable(analyzer.report.write_report)\n"
        "assert set(names) <= set(dir(analyzer))\n"
        "print('ok')\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "ok"


def _scored_without_time() -> pd.DataFrame:
    return pd.DataFrame(
        {"text": ["a", "b"], "tone": ["neutral", "criticism"], "p_neutral": 0.5, "p_criticism": 0.5}
    )


def test_python_errors_name_python_arguments():
    with pytest.raises(AnalyzerError) as err:
        analyzer.compare(_scored_without_time(), [])
    msg = str(err.value)
    assert "time_col=" in msg and "--" not in msg
    assert err.value.cli_message().endswith("(e.g. --time-col created_time)")

    t = pd.date_range("2026-03-01", periods=2, freq="30D", tz="Europe/Helsinki")
    df = pd.DataFrame({"time": t, "tone": ["neutral", "criticism"]})
    with pytest.raises(AnalyzerError, match=r"use a wider freq=$"):
        analyzer.tone_timeline(df, freq="1s")


def test_cli_errors_name_cli_flags(cli, tmp_path):
    f = tmp_path / "scored.csv"
    f.write_text("text,tone,p_neutral,p_criticism\na,neutral,0.6,0.4\n", encoding="utf-8")
    res = cli("compare", str(f))
    assert res.returncode == 2
    assert res.stderr.strip() == (
        "analyzer: error: no time column found: name it with --time-col "
        "(e.g. --time-col created_time)"
    )
    g = tmp_path / "long.csv"
    g.write_text(
        "time,text,tone,p_neutral,p_criticism\n"
        "2026-03-01T10:00,a,neutral,0.6,0.4\n2026-04-01T10:00,b,criticism,0.3,0.7\n",
        encoding="utf-8",
    )
    res = cli("report", str(g), "--freq", "1s", "-o", str(tmp_path / "r.html"))
    assert res.returncode == 2
    assert res.stderr.strip().endswith("use a wider --freq"), res.stderr


def test_missing_text_column_names_the_python_argument_or_the_flag(tmp_path):
    path = tmp_path / "no_text.csv"
    path.write_text("a,b\nx,y\n", encoding="utf-8")
    with pytest.raises(analyzer.AnalyzerError, match="give text_col=") as info:
        analyzer.score(path)
    assert "--text-col" not in str(info.value)
    proc = run_cli("score", str(path), "-o", str(tmp_path / "out.csv"))
    assert proc.returncode == 2
    assert "give --text-col" in proc.stderr and "text_col=" not in proc.stderr

"""One ReadOptions: the readers, scoring and the CLI read an export the same way."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import analyzer
from analyzer.errors import AnalyzerError
from analyzer.io import ReadOptions, read_comments, read_labelled, read_scored
from analyzer.timeline import read_or_score

# columns no detection finds by name: only the options can name them
CSV = (
    "sanottu;milloin;kuka\n"
    "Hävetkää!;4.3.2026 klo 10.00;Liisa Esimerkki\n"
    "Kiitos.;5.3.2026 klo 9.30;Matti Meikäläinen\n"
)


@pytest.fixture()
def export(tmp_path: Path) -> Path:
    path = tmp_path / "vienti.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


OPTIONS = ReadOptions(text_col="sanottu", time_col="milloin", author_col="kuka", tz="UTC")


def test_the_options_are_one_frozen_checked_value() -> None:
    assert ReadOptions().tz == "Europe/Helsinki"
    with pytest.raises(dataclasses.FrozenInstanceError):
        OPTIONS.tz = "Europe/Helsinki"  # type: ignore[misc]
    with pytest.raises(AnalyzerError, match="unknown time zone 'Mars/Olympus'"):
        ReadOptions(tz="Mars/Olympus")
    with pytest.raises(AnalyzerError, match="time_col= must be a column name"):
        ReadOptions(time_col=3)  # type: ignore[arg-type]
    with pytest.raises(AnalyzerError, match=r"options= must be an analyzer\.io\.ReadOptions"):
        ReadOptions.of({"tz": "UTC"})  # type: ignore[arg-type]
    # a keyword given takes the place of the field; None leaves it
    assert ReadOptions.of(OPTIONS, tz="Europe/Helsinki", text_col=None) == dataclasses.replace(
        OPTIONS, tz="Europe/Helsinki"
    )
    assert ReadOptions.of(OPTIONS) is OPTIONS


def test_options_and_keywords_read_the_same(export: Path) -> None:
    by_options = read_comments(export, options=OPTIONS)
    by_keywords = read_comments(
        export, text_col="sanottu", time_col="milloin", author_col="kuka", tz="UTC"
    )
    pd.testing.assert_frame_equal(by_options, by_keywords)
    assert by_options.attrs["roles"] == {"text": "sanottu", "time": "milloin", "author": "kuka"}
    assert str(by_options["milloin"].iloc[0]) == "2026-03-04 10:00:00+00:00"
    # a keyword wins over the options' field
    local = read_comments(export, options=OPTIONS, tz="Europe/Helsinki")
    assert str(local["milloin"].iloc[0]) == "2026-03-04 10:00:00+02:00"
    with pytest.raises(AnalyzerError, match="no text column found"):
        read_comments(export)
    assert read_labelled(export, options=OPTIONS, label_col="kuka")[0] == ["Hävetkää!", "Kiitos."]


def test_scoring_and_the_timeline_take_the_options(export: Path) -> None:
    scored = analyzer.score(export, options=OPTIONS)
    assert scored["tone"].tolist()[0] == "criticism"
    assert str(scored["milloin"].iloc[1]) == "2026-03-05 09:30:00+00:00"
    again = read_or_score(export, options=OPTIONS)
    assert again["tone"].tolist() == scored["tone"].tolist()
    assert again["milloin"].tolist() == scored["milloin"].tolist()
    series = pd.Series(["Hävetkää!"], name="sanottu")
    assert analyzer.score(series, options=ReadOptions(tz="UTC"))["tone"].tolist() == ["criticism"]


def test_the_command_line_builds_the_options_once(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "pisteet.csv"
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "analyzer", "score", str(export), "-o", str(out)),
            *("--text-col", "sanottu", "--time-col", "milloin", "--author-col", "kuka"),
            *("--tz", "utc", "--jobs", "1", "--quiet"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    back = read_scored(out, options=OPTIONS)
    assert back["milloin"].tolist() == read_comments(export, options=OPTIONS)["milloin"].tolist()
    assert "Liisa Esimerkki" not in out.read_text(encoding="utf-8")  # the author column known
    assert back["p_criticism"].dtype == float

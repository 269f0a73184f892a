"""Label-column detection lives in the package: analyzer.io.read_labelled."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.errors import AnalyzerError
from analyzer.io import LABEL_NAMES, read_labelled


def _write(tmp_path: Path, text: str, name: str = "labelled.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", LABEL_NAMES)
def test_label_column_found_by_name_in_any_case(tmp_path: Path, name: str) -> None:
    path = _write(
        tmp_path,
        f"text;{name.upper()};skenaario\n"
        "Palvelu pettää taas;criticism;a\nHyvin hoidettu;understanding;b\n",
    )
    texts, labels, groups = read_labelled(path, group_col="skenaario")
    assert texts == ["Palvelu pettää taas", "Hyvin hoidettu"]
    assert labels == ["criticism", "understanding"]
    assert groups == ["a", "b"]


def test_named_columns_and_errors(tmp_path: Path) -> None:
    path = _write(tmp_path, "arvio,arvosana\nEi kiitos,criticism\nSelvä juttu, neutral \n")
    assert read_labelled(path, text_col="arvio", label_col="arvosana")[1] == [
        "criticism",
        "neutral",
    ]
    with pytest.raises(
        AnalyzerError,
        match=r"no label column found .*\(columns: arvio, arvosana\)"
        r"; use label_col=$",
    ):
        read_labelled(path, text_col="arvio")
    with pytest.raises(AnalyzerError, match="no column 'sävy'"):
        read_labelled(path, text_col="arvio", label_col="sävy")
    with pytest.raises(AnalyzerError, match="no column 'ryhmä'"):
        read_labelled(path, text_col="arvio", label_col="arvosana", group_col="ryhmä")
    gap = _write(tmp_path, "text,label\nYksi,neutral\nKaksi,\nKolme,  \n", "gap.csv")
    with pytest.raises(AnalyzerError, match=r"2 rows have no label \(lines \[3, 4\]"):
        read_labelled(gap)


def test_the_cli_names_its_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "text,arvosana\nEi kiitos,criticism\n")
    assert main(["train", str(path), "-o", str(tmp_path / "m.skops")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("analyzer: error: no label column found")
    assert err.rstrip().endswith("use --label-col")

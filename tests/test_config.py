"""One config module: the defaults and the environment variables are read in one place."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import analyzer
from analyzer import config

ROOT = Path(analyzer.__file__).parent


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring constants of a module, its classes and functions."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _scan(source: str, where: str) -> tuple[list[str], list[str]]:
    """(where the default time zone is written out, where the environment is read) in code."""
    zones, reads = [], []
    tree = ast.parse(source)
    docs = _docstrings(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and config.DEFAULT_TZ in node.value
            and id(node) not in docs
        ):
            zones.append(f"{where}:{node.lineno}")
        if (isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv"}) or (
            isinstance(node, ast.ImportFrom)
            and node.module == "os"
            and {a.name for a in node.names} & {"environ", "getenv"}
        ):
            reads.append(f"{where}:{node.lineno}")
    return zones, reads


def _found() -> tuple[list[str], list[str]]:
    zones, reads = [], []
    for path in sorted(ROOT.rglob("*.py")):
        where = path.relative_to(ROOT.parent).as_posix()
        z, r = _scan(path.read_text(encoding="utf-8"), where)
        zones += z
        reads += r
    return zones, reads


def test_defaults_and_environment_only_in_config() -> None:
    zones, reads = _found()
    assert [z.split(":")[0] for z in zones] == ["analyzer/config.py"]
    assert {r.split(":")[0] for r in reads} == {"analyzer/config.py"}


def test_settings_follow_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from analyzer.io import resolve_salt, salt_path
    from analyzer.model import default_model_path

    monkeypatch.setenv("ANALYZER_MODEL", str(tmp_path / "oma.npz"))
    monkeypatch.setenv("ANALYZER_SALT", " suola ")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "conf"))
    assert default_model_path() == tmp_path / "oma.npz"
    assert resolve_salt() == "suola"
    assert salt_path() == tmp_path / "conf" / "analyzer" / "salt"
    monkeypatch.delenv("ANALYZER_MODEL")
    assert default_model_path() == config.bundled_dir() / "tone-fi.npz"


def test_the_voikko_backend_is_checked() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "analyzer", "explain", "Kiitos"],
        env={**os.environ, "ANALYZER_VOIKKO": "kumpikin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "analyzer: error: ANALYZER_VOIKKO must be 'native' or 'python', not 'kumpikin'"
    )


def test_the_check_sees_reads_and_zones_but_not_docstrings() -> None:
    source = (
        '"""Module doc: tz="Europe/Helsinki"."""\n'
        "import os\n"
        "from os import getenv\n"
        'x = os.environ.get("A")\n'
        "def f(tz='Europe/Helsinki'):\n"
        '    """tz : str, default="Europe/Helsinki"."""\n'
    )
    assert _scan(source, "m.py") == (["m.py:5"], ["m.py:3", "m.py:4"])


def test_one_time_zone_check_for_data_and_events(tmp_path: Path) -> None:
    from analyzer.errors import AnalyzerError
    from analyzer.io import read_comments
    from analyzer.timeline import parse_events

    assert config.time_zone("Europe/Helsinki") == "Europe/Helsinki"
    assert config.time_zone(" utc ") == "UTC"  # case corrected, for data and events alike
    path = tmp_path / "c.csv"
    path.write_text("aika,teksti\n4.3.2026 klo 10.00,Hyvä\n", encoding="utf-8")
    times = read_comments(path, tz="europe/helsinki")["aika"]
    event = parse_events(["4.3.2026 klo 10.00=Tiedote"], tz="europe/helsinki")[0]
    assert times.iloc[0] == event.time
    assert str(times.dt.tz) == str(event.time.tz) == "Europe/Helsinki"
    expected = (
        "unknown time zone 'Mars/Olympus': use tz= with a name such as Europe/Helsinki or UTC"
    )
    for call in (
        lambda: read_comments(path, tz="Mars/Olympus"),
        lambda: parse_events(["2026-03-04T10:00=x"], tz="Mars/Olympus"),
        lambda: config.time_zone("Mars/Olympus"),
    ):
        with pytest.raises(AnalyzerError) as info:
            call()
        assert str(info.value) == expected
    for bad in ("", "+02:00", "../etc/passwd", None):
        with pytest.raises(AnalyzerError, match="unknown time zone"):
            config.time_zone(bad)


@pytest.mark.parametrize("command", ["score", "compare"])
def test_a_bad_time_zone_is_one_line_on_the_command_line(tmp_path: Path, command: str) -> None:
    path = tmp_path / "c.csv"
    path.write_text("aika,teksti\n4.3.2026 klo 10.00,Hyvä\n", encoding="utf-8")
    args = {
        "score": ["score", str(path), "-o", str(tmp_path / "out.csv")],
        "compare": ["compare", str(path), "--event", "4.3.2026 klo 11.00=Tiedote"],
    }[command]
    proc = subprocess.run(
        [sys.executable, "-m", "analyzer", *args, "--tz", "Mars/Olympus"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        "analyzer: error: unknown time zone 'Mars/Olympus': use --tz with a name such as "
        "Europe/Helsinki or UTC\n"
    )
    assert not (tmp_path / "out.csv").exists()

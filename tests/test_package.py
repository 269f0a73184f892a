"""The package as users get it: a wheel with the model, the demo data and the lexicons inside.

The wheel is built from a copy of the source tree (so no ``build/`` folder of an earlier build
can leak stale files into it), then installed into a fresh virtual environment that sees the
project environment's dependencies but not the source checkout; ``analyzer demo`` and
``analyzer score`` then run in an empty folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from analyzer import config
from analyzer.data import load_demo_gold

ROOT = Path(__file__).resolve().parents[1]
#: the files the package loads at run time, and where their source of truth lives
BUNDLED = {
    "tone-fi.npz": ROOT / "models" / "tone-fi.npz",
    "tone_corpus.csv": ROOT / "data" / "tone_corpus.csv",
    "contrast.csv": ROOT / "data" / "contrast.csv",
    "blind_thread.csv": ROOT / "data" / "blind_thread.csv",
    "demo_thread.csv": ROOT / "data" / "demo_thread.csv",
    "demo_events.csv": ROOT / "data" / "demo_events.csv",
    "demo_gold.csv": ROOT / "data" / "demo_gold.csv",
}


def test_bundled_files_are_the_repository_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(config.MODEL_ENV, raising=False)
    monkeypatch.delenv(config.DATA_ENV, raising=False)
    bundled = config.bundled_dir()
    assert sorted(p.name for p in bundled.iterdir()) == sorted(BUNDLED)
    for name, source in BUNDLED.items():
        # in a checkout, links: models/ and data/ stay the one place to edit
        assert (bundled / name).is_symlink(), name
        assert (bundled / name).resolve() == source.resolve(), name
    assert config.default_model_path() == bundled / "tone-fi.npz"
    assert config.data_dir() == bundled
    monkeypatch.setenv(config.DATA_ENV, str(ROOT / "data"))
    assert config.data_dir() == ROOT / "data"
    assert len(load_demo_gold()) > 0


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, src / name)
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for folder in ("analyzer", "data", "models"):
        shutil.copytree(ROOT / folder, src / folder, symlinks=True, ignore=skip)
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (whl,) = out.glob("analyzer-*.whl")
    return whl


def test_wheel_holds_the_model_the_data_and_the_lexicons(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for name, source in BUNDLED.items():
            member = f"analyzer/_bundled/{name}"
            assert member in names, member
            assert zf.read(member) == source.read_bytes(), member  # a copy, not a link
        lexicons = sorted((ROOT / "analyzer" / "text" / "lexicon").glob("*.tsv"))
        assert lexicons
        for path in [*lexicons, ROOT / "analyzer" / "model" / "polarity_fi.tsv"]:
            member = path.relative_to(ROOT).as_posix()
            assert zf.read(member) == path.read_bytes(), member
        assert "analyzer/cli/__init__.py" in names
        assert not [n for n in names if n.startswith(("data/", "models/", "tests/"))]


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_installed_wheel_runs_demo_and_score_in_an_empty_folder(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = ["install", "-q", "--no-deps", "--no-index", str(wheel)]
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), *install],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    # the dependencies come from this environment, added after the install (so pip never sees
    # the editable analyzer here); a path line in a .pth file does not run the editable finder
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "_analyzer_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")

    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANALYZER_", "PYTHON"))}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    work = tmp_path / "empty"
    work.mkdir()
    where = _run([str(python), "-c", "import analyzer; print(analyzer.__file__)"], work, env)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout + where.stderr

    demo = _run([str(venv / "bin" / "analyzer"), "demo", "--lang", "en"], work, env)
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert "3/3 report written" in demo.stdout
    assert (work / "out" / "demo_report.html").stat().st_size > 10_000
    scored = pd.read_csv(work / "out" / "demo_report-scored.csv", dtype=str)
    assert len(scored) == len(load_demo_gold())

    texts = [
        "Anteeksipyyntö tuli liian myöhään, ei kiinnosta enää.",
        "Hyvä että pyysitte anteeksi, kiitos siitä.",
        "Mihin aikaan myymälä aukeaa huomenna?",
    ]
    pd.DataFrame({"kommentti": texts}).to_csv(work / "comments.csv", index=False)
    score = _run(
        [str(venv / "bin" / "analyzer"), "score", "comments.csv", "-o", "scored.csv"], work, env
    )
    assert score.returncode == 0, score.stderr[-2000:]
    out = pd.read_csv(work / "scored.csv", dtype=str)
    assert list(out["kommentti"]) == texts
    assert set(out["tone"]) <= {"criticism", "neutral", "understanding"}
    assert out["tone"].iloc[0] == "criticism"

"""Shared test helpers: run the real CLI in a subprocess; the bundled model's held-out
predictions and the demo thread scored by it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests: CI runs the same examples every time (derandomize, no example database),
# so a run fails only on a real change; `make fuzz` (profile "fuzz") draws new, more examples
# at random. A failure found by either is kept as an explicit @example in its test.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("fuzz", derandomize=False, database=None, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]


def run_cli(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    input: str | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m analyzer ARGS`` and return the finished process."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg"}
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "analyzer", *args],
        cwd=cwd or ROOT,
        env=full_env,
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def cli():
    """The :func:`run_cli` helper as a fixture."""
    return run_cli


@pytest.fixture(scope="module")
def heldout():
    """The bundled model's held-out predictions (:class:`Heldout`)."""
    from analyzer.model import load_model
    from analyzer.timeline._quantify import Heldout

    return Heldout.from_meta(load_model().meta)


@pytest.fixture(scope="module")
def demo_scored(tmp_path_factory):
    """The demo thread scored by the bundled model (a real scoring run, read back)."""
    from analyzer.data import demo_paths
    from analyzer.io import read_scored
    from analyzer.scoring import score_file

    out = tmp_path_factory.mktemp("demo") / "scored.csv"
    score_file(demo_paths()["thread"], out, progress=False)
    return read_scored(out)

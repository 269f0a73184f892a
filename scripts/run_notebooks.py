"""Execute the analyst notebooks and store them with their outputs (``make notebooks``).

Each notebook runs top to bottom in a fresh ``python3`` kernel, in a temporary
folder, with ``MPLBACKEND=Agg``; figures are stored as PNG at 80 dpi so the
files stay small. Usage: ``python scripts/run_notebooks.py [NAME ...]``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
#: the inline backend's figure resolution: readable on screen, small on disk
SETUP = "--InlineBackend.rc={'figure.dpi': 80}"


def run(path: Path, timeout: int = 300) -> nbformat.NotebookNode:
    """``path`` executed in a new kernel (cwd a temporary folder)."""
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="nb-") as tmp:
        os.environ["MPLBACKEND"] = "Agg"
        os.environ["TMPDIR"] = tmp
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            record_timing=False,
            extra_arguments=[SETUP],
            resources={"metadata": {"path": tmp}},
        )
        client.execute()
    return nb


def main(names: list[str]) -> int:
    paths = [NOTEBOOKS / f"{n}.ipynb" for n in names] or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        t0 = time.perf_counter()
        nb = run(path)
        nbformat.validate(nb)
        nbformat.write(nb, path)
        size = path.stat().st_size / 1e3
        print(f"{path.name}: {time.perf_counter() - t0:.0f} s, {size:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Start-up cost of loading a model file: each run a fresh interpreter.

Usage::

    .venv/bin/python bench/model_load.py                       # the bundled model, 7 runs
    .venv/bin/python bench/model_load.py --model A --model B   # alternate files
    .venv/bin/python bench/model_load.py --pair --python /work/base/.venv/bin/python \
        --model X.skops --python .venv/bin/python --model X.npz   # old code and file vs new

Each run starts ``PYTHON -c …`` in a new process that times, with
``time.perf_counter``, ``from analyzer.model import load_model`` (import) and
one ``load_model(FILE)`` (load), and the whole process from outside (wall:
interpreter start and exit included). Runs of the files (and interpreters)
alternate, so a busy moment of a shared machine hits all of them alike.
``--cache`` sets ``ANALYZER_CACHE`` for the older code that had a model cache
(``off`` = cold, a folder = warm after its first run); the current code has
none and ignores it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine, today

PROBE = (
    "import sys, time\n"
    "t0 = time.perf_counter()\n"
    "from analyzer.model import load_model\n"
    "t1 = time.perf_counter()\n"
    "m = load_model(sys.argv[1])\n"
    "t2 = time.perf_counter()\n"
    "print(f'{t1 - t0:.4f} {t2 - t1:.4f}')\n"
)


def run(python: str, model: str, env: dict[str, str]) -> tuple[float, float, float]:
    """(import s, load s, wall s) of one fresh process."""
    # run in the interpreter's own checkout: ``-c`` puts the working folder first on sys.path
    home = Path(python).absolute().parents[2]
    cwd = home if (home / "analyzer").is_dir() else ROOT
    t0 = time.perf_counter()
    res = subprocess.run(
        [python, "-c", PROBE, str(Path(model).absolute())],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
    )
    wall = time.perf_counter() - t0
    if res.returncode != 0:
        raise SystemExit(f"{python} {model} failed:\n{res.stderr[-2000:]}")
    imp, load = (float(x) for x in res.stdout.split())
    return imp, load, wall


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", action="append", help="model file (repeatable; default bundled)")
    ap.add_argument("--python", action="append", help="interpreter (repeatable; default this one)")
    ap.add_argument("--repeat", type=int, default=7, help="runs of each (default 7)")
    ap.add_argument(
        "--pair", action="store_true", help="the i-th --python with the i-th --model only"
    )
    ap.add_argument("--cache", default="off", help="ANALYZER_CACHE for older code (default off)")
    args = ap.parse_args()
    pythons = args.python or [sys.executable]
    if args.model:
        models = args.model
    else:
        from analyzer.model import default_model_path

        models = [str(default_model_path())]
    print(f"machine: {machine()}; {today()}")
    with tempfile.TemporaryDirectory(prefix="model-load-") as tmp:
        cache = args.cache if args.cache == "off" else str(Path(tmp) / "cache")
        env = {**os.environ, "ANALYZER_CACHE": cache}
        results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        for rep in range(args.repeat):
            if args.pair:
                cases = list(zip(pythons, models, strict=True))
            else:
                cases = [(p, m) for p in pythons for m in models]
            for case in cases if rep % 2 == 0 else cases[::-1]:
                results.setdefault(case, []).append(run(*case, env))
    print(f"{args.repeat} runs each, ANALYZER_CACHE={args.cache}; medians (min-max) in seconds")
    for (py, model), rs in results.items():
        cols = list(zip(*rs, strict=True))
        parts = [
            f"{name} {statistics.median(c):.3f} ({min(c):.3f}-{max(c):.3f})"
            for name, c in zip(("import", "load", "wall"), cols, strict=True)
        ]
        print(f"{py} {model}: " + "; ".join(parts))
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

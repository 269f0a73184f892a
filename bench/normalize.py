"""What one mojibake rule costs ``normalize`` and ``is_clean``: this tree against a git revision.

Usage::

    .venv/bin/python bench/normalize.py                  # against main
    .venv/bin/python bench/normalize.py --before 6dadb67 --repeat 9

Texts: the bundled corpus and demo thread (the team's own text), and, when
``../shared/eval`` is beside the checkout, FinnSentiment's and XED's Finnish
sentences (read at run time, nothing written). Each set is timed as written
("clean") and as its mojibake (UTF-8 read as cp1252, "mojibake").

The revision's ``analyzer/text/_normalize.py`` is loaded from git into a
module of its own, so both versions run in one process, interleaved
(before, after, before, ...), and the median (and the best) of ``--repeat``
rounds is shown in microseconds per text. Also counted: texts whose ``normalize`` output
differs between the two versions.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, ROOT, machine, read_xed, today

from analyzer.data import load_corpus, load_demo
from analyzer.text import is_clean, normalize


def _old_module(rev: str) -> types.ModuleType:
    source = subprocess.run(
        ["git", "show", f"{rev}:analyzer/text/_normalize.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    module = types.ModuleType("normalize_before")
    exec(compile(source, f"{rev}:_normalize.py", "exec"), module.__dict__)
    return module


def _finnsentiment() -> list[str]:
    path = EVAL / "finnsentiment" / "finnsentiment_splits01-16.tsv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return [row[-1] for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _mojibake(texts: list[str]) -> list[str]:
    out = []
    for t in texts:
        try:
            out.append(t.encode("utf-8").decode("cp1252"))
        except UnicodeDecodeError:
            out.append(t.encode("utf-8").decode("latin-1"))
    return out


def _time(fn: Callable[[str], object], texts: list[str]) -> float:
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    return (time.perf_counter() - t0) / len(texts) * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", default="main", help="git revision to compare with")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    old = _old_module(args.before)
    ours = load_corpus()["text"].tolist() + load_demo()["text"].tolist()
    sets = {"own texts": ours}
    fs = _finnsentiment()
    if fs:
        sets["FinnSentiment"] = fs
    xed = [t for t, _ in read_xed()] if (EVAL / "xed_fi").exists() else []
    if xed:
        sets["XED"] = xed
    print(f"# {today()} {machine()}; before = {args.before}; median (best) of {args.repeat}")
    print("| texts | n | form | normalize before | after | is_clean before | after | differ |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")

    def cell(values: list[float]) -> str:
        return f"{statistics.median(values):.2f} ({min(values):.2f}) us"

    for name, texts in sets.items():
        for form, tt in (("clean", texts), ("mojibake", _mojibake(texts))):
            times: dict[str, list[float]] = {k: [] for k in ("nb", "na", "cb", "ca")}
            for _ in range(args.repeat):
                times["nb"].append(_time(old.normalize, tt))
                times["na"].append(_time(normalize, tt))
                times["cb"].append(_time(old.is_clean, tt))
                times["ca"].append(_time(is_clean, tt))
            differ = sum(old.normalize(t) != normalize(t) for t in tt)
            print(
                f"| {name} | {len(tt)} | {form} | {cell(times['nb'])} | {cell(times['na'])} "
                f"| {cell(times['cb'])} | {cell(times['ca'])} | {differ} |"
            )


if __name__ == "__main__":
    main()

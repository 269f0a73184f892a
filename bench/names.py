"""What replacing names costs: ``prepare_output`` with and without ``keep_authors``.

Usage::

    .venv/bin/python bench/names.py              # 200,000 comments in chunks of 20,000
    .venv/bin/python bench/names.py --n 1000000
    .venv/bin/python bench/names.py --handles    # every row a new one-word author

Input: the bundled demo thread (``data/demo_thread.csv``, the team's own text:
authors, @mentions of full names) repeated to ``--n`` rows, read with
``iter_comments``. Times ``prepare_output`` over all chunks (one
``Pseudonyms`` for the run, as scoring does), the median of ``--repeat`` runs,
once keeping the authors (ISO times and formula protection only) and once
replacing every name (author column, @mentions, known full names). With
``--handles`` every row gets a new one-word author (``aino_1``, ``eero_2``...),
as in ``bench/throughput.py``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine, today

from analyzer.io import iter_comments, prepare_output
from analyzer.io._names import Pseudonyms


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--chunksize", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--handles", action="store_true", help="a new one-word author in every row")
    args = ap.parse_args()
    demo = pd.read_csv(ROOT / "data" / "demo_thread.csv", dtype=str, keep_default_na=False)
    frame = pd.concat([demo] * (args.n // len(demo) + 1), ignore_index=True).iloc[: args.n]
    if args.handles:
        first = ["aino", "eero", "helmi", "ilmari", "kaisa", "lauri", "mirja", "otto"]
        frame["author"] = [f"{first[i % len(first)]}_{i}" for i in range(len(frame))]
    chunks = list(iter_comments(frame, chunksize=args.chunksize))
    mentions = sum(t.count("@") for t in frame["text"])
    print(f"# {today()}, {machine()}")
    print(f"{len(frame):,} comments, {mentions:,} @, {len(chunks)} chunks")
    for label, keep in (("keep authors", True), ("replace names", False)):
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            pseudonyms = None if keep else Pseudonyms("bench")
            for c in chunks:
                prepare_output(c.frame, c.roles, keep_authors=keep, pseudonyms=pseudonyms)
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        print(f"{label:14s} {med:6.2f} s  ({len(frame) / med:,.0f} comments/s; runs {times})")


if __name__ == "__main__":
    main()

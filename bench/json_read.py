"""Reading a big Facebook JSON export through ``analyzer.io.iter_comments``: time and memory.

Usage::

    .venv/bin/python bench/json_read.py                      # 1,000,000 comments, this tree
    .venv/bin/python bench/json_read.py --n 100000 --repeat 3
    .venv/bin/python bench/json_read.py --before /tmp/main   # also an older tree, alternating

Input: a "Download your information" comments file (``{"comments_v2": [...]}``,
each comment ``timestamp``, ``data[0].comment.{timestamp, comment, author}`` and
``title``, non-ASCII written as Facebook does, UTF-8 bytes as ``\\u00c3\\u00a4``
escapes) built at run time in a temporary folder from invented Finnish words
(seed 0), removed at the end.

Every run is its own subprocess whose working folder is the tree under test
(``--before DIR``: a folder holding an ``analyzer/`` package, e.g. from
``git archive``), so it imports that tree's ``analyzer``. It iterates over all
chunks (``--chunksize``, default 20,000) without keeping them and reports the
wall time of the iteration, the peak RSS of the process (``ru_maxrss``) and its
RSS after the imports.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine, today

WORDS = (
    "hyvä että pahoittelitte tämä on täysin käsittämätöntä milloin auki kiitos "
    "anteeksipyynnöstä surkeaa palvelua ymmärrän hyvin hävetkää asiakaspalvelu "
    "lento myöhässä rahat takaisin arvostan rehellisyyttä"
).split()

CHILD = """
import json, resource, sys, time
import analyzer
from analyzer.io import iter_comments
rss_imports = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
start = time.perf_counter()
rows = sum(len(c.frame) for c in iter_comments(sys.argv[1], chunksize=int(sys.argv[2])))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"rows": rows, "seconds": seconds, "peak": peak, "imports": rss_imports,
                  "analyzer": analyzer.__file__}))
"""


def _moji(text: str) -> str:
    """UTF-8 read as latin-1, as Facebook writes its exports."""
    return text.encode("utf-8").decode("latin-1")


def build_input(path: Path, n: int, seed: int = 0) -> None:
    """Write a Facebook comments export of ``n`` invented comments to ``path``."""
    rng = random.Random(seed)
    with open(path, "w", encoding="ascii") as fh:
        fh.write('{"comments_v2": [\n')
        for i in range(n):
            author = f"Käyttäjä {i % 997}"
            text = " ".join(rng.choices(WORDS, k=rng.randint(2, 12))).capitalize() + "."
            stamp = 1772366700 + i
            comment = {"timestamp": stamp, "comment": _moji(text), "author": _moji(author)}
            record = {
                "timestamp": stamp,
                "data": [{"comment": comment}],
                "title": _moji(f"{author} kommentoi julkaisua."),
            }
            fh.write(("," if i else "") + json.dumps(record) + "\n")
        fh.write("]}\n")


def run(tree: Path, path: Path, chunksize: int) -> dict:
    """Read ``path`` with the ``analyzer`` of ``tree`` in a subprocess."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(chunksize)],
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="comments in the export")
    ap.add_argument("--chunksize", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each tree")
    ap.add_argument("--before", type=Path, help="an older tree to compare, run first")
    args = ap.parse_args()
    trees = [("before", args.before.resolve())] if args.before else []
    trees.append(("after", ROOT))
    print(f"# {today()}  {machine()}")
    with tempfile.TemporaryDirectory(prefix="analyzer-json-") as tmp:
        path = Path(tmp) / "your_comments.json"
        build_input(path, args.n)
        size = path.stat().st_size
        print(f"input: {args.n:,} comments, {size / 2**20:.1f} MiB, chunksize {args.chunksize:,}")
        for r in range(args.repeat):
            for name, tree in trees:
                res = run(tree, path, args.chunksize)
                print(
                    f"run {r + 1} {name:6s} {res['rows']:,} rows  {res['seconds']:7.1f} s  "
                    f"peak RSS {res['peak'] / 2**20:7.0f} MiB  "
                    f"(after imports {res['imports'] / 2**20:.0f} MiB)  {res['analyzer']}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Batch-scoring throughput: ``analyzer score`` against the naive script an analyst would write.

Usage::

    .venv/bin/python bench/throughput.py                  # 200,000 comments, 1 run each
    .venv/bin/python bench/throughput.py --repeat 3       # alternate naive/ours three times
    .venv/bin/python bench/throughput.py --big            # also ours on 1,000,000 comments
    .venv/bin/python bench/throughput.py --only ours --n 1000000
    .venv/bin/python bench/throughput.py --profile 20000  # cProfile of score(jobs=1)
    .venv/bin/python bench/throughput.py --floor          # also the floor (no model)
    .venv/bin/python bench/throughput.py --only ours --against /work/base --repeat 5

Input: comments built at run time in a temporary folder from real Finnish
sentences, ``../shared/eval/xed_fi`` (the annotated sentences and the neutral
ones): each comment joins 1–3 sentences drawn with replacement (seed 0), with
an invented ``timestamp`` (2024–2025) and ``author`` column. Nothing from
XED is written into the project; the temporary folder is removed at the end.

Ours: ``python -m analyzer score IN.csv -o OUT.csv --quiet`` (default jobs =
all cores, bundled model). Naive: this file run as ``--naive IN OUT`` —
``pandas.read_csv``, a word ``TfidfVectorizer`` and a character 2–5-gram
``TfidfVectorizer`` + ``LogisticRegression`` fitted on ``data/tone_corpus.csv``,
``predict_proba`` on the whole frame, ``to_csv``.

``--against DIR`` adds the side ``base``: the same command with another
checkout's interpreter and package (``DIR/.venv/bin/python``, run in ``DIR``),
with its own bundled model unless ``--against-model``; ``--model`` sets ours.
Older checkouts kept a model cache (``ANALYZER_CACHE``): it lives in the
temporary folder, so their first run of an invocation is cold and later runs
load from it as a user's second run would (``--cold-cache``: every run cold).
Every run is
its own subprocess, timed wall-clock from start to exit (interpreter start,
model load or fit included). Memory: peak of the summed RSS and of the summed
PSS (proportional set size: shared copy-on-write pages of forked workers
counted once) of the whole process tree, sampled every 0.1 s with psutil; and
``ru_maxrss`` of the largest single process.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import EVAL, ROOT, machine, today, xed_sentences

NEUTRAL = EVAL / "xed_fi" / "neu_fi.tsv"


# -- input ---------------------------------------------------------------------
def sentences() -> list[str]:
    """Annotated XED sentences plus the neutral ones (``id<TAB>sentence<TAB>…``)."""
    out = xed_sentences()
    if NEUTRAL.exists():
        with open(NEUTRAL, encoding="utf-8", newline="") as fh:
            for line in fh:
                cols = line.rstrip("\r\n").split("\t")
                if len(cols) >= 2 and cols[1].strip():
                    out.append(cols[1])
    return out


def build_input(path: Path, n: int, seed: int = 0) -> None:
    """``n`` comments of 1–3 real sentences with invented time and author."""
    pool = sentences()
    rng = random.Random(seed)
    start = 1_704_067_200  # 2024-01-01 UTC
    span = 2 * 365 * 86_400
    first = ["aino", "eero", "helmi", "ilmari", "kaisa", "lauri", "mirja", "otto", "sanni", "veeti"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["timestamp", "author", "text"])
        for _ in range(n):
            k = rng.randint(1, 3)
            text = " ".join(rng.choice(pool) for _ in range(k))
            t = time.gmtime(start + rng.randrange(span))
            w.writerow(
                [
                    time.strftime("%Y-%m-%d %H:%M:%S", t),
                    f"{rng.choice(first)}_{rng.randrange(100_000)}",
                    text,
                ]
            )


# -- the naive script ------------------------------------------------------------
def naive(inp: str, out: str) -> None:
    """What an analyst would write: fit on our corpus, score the whole frame, save."""
    import pandas as pd
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    t0 = time.perf_counter()
    train = pd.read_csv(ROOT / "data" / "tone_corpus.csv")
    words = TfidfVectorizer()
    chars = TfidfVectorizer(analyzer="char", ngram_range=(2, 5))
    X = sp.hstack([words.fit_transform(train["text"]), chars.fit_transform(train["text"])]).tocsr()
    clf = LogisticRegression(max_iter=1000).fit(X, train["label"])
    t1 = time.perf_counter()
    df = pd.read_csv(inp)
    t2 = time.perf_counter()
    texts = df["text"].fillna("").astype(str)
    Xn = sp.hstack([words.transform(texts), chars.transform(texts)]).tocsr()
    proba = clf.predict_proba(Xn)
    df["tone"] = clf.classes_[proba.argmax(axis=1)]
    for j, c in enumerate(clf.classes_):
        df[f"p_{c}"] = proba[:, j].round(4)
    t3 = time.perf_counter()
    df.to_csv(out, index=False)
    t4 = time.perf_counter()
    steps = {"fit": t1 - t0, "read": t2 - t1, "score": t3 - t2, "write": t4 - t3}
    print(json.dumps({k: round(v, 2) for k, v in steps.items()}), file=sys.stderr)


def floor(inp: str, out: str) -> None:
    """The least any scorer built on these parts must do, with no model at all.

    Start Python and import pandas, scikit-learn and libvoikko; read the CSV
    with pandas; tokenise all text with one regular expression; give every
    distinct token one Voikko analysis; write the rows back with a tone and
    three probability columns. One process, no features, no classifier.
    """
    import re

    import libvoikko
    import numpy as np
    import pandas as pd
    import sklearn.calibration
    import sklearn.pipeline  # noqa: F401  (what a scikit-learn model needs loaded)

    t0 = time.perf_counter()
    df = pd.read_csv(inp)
    t1 = time.perf_counter()
    tokens = re.compile(r"\w+|[^\w\s]+").findall("\n".join(df["text"].fillna("").astype(str)))
    t2 = time.perf_counter()
    v = libvoikko.Voikko("fi")
    distinct = set(tokens)
    for w in distinct:
        v.analyze(w)
    t3 = time.perf_counter()
    df["tone"] = "neutral"
    for c in ("criticism", "neutral", "understanding"):
        df[f"p_{c}"] = np.round(np.full(len(df), 1 / 3), 4)
    df.to_csv(out, index=False)
    t4 = time.perf_counter()
    steps = {"read": t1 - t0, "regex": t2 - t1, "voikko": t3 - t2, "write": t4 - t3}
    steps = {k: round(v, 2) for k, v in steps.items()}
    print(json.dumps({**steps, "tokens": len(tokens), "distinct": len(distinct)}), file=sys.stderr)


# -- measuring a subprocess -----------------------------------------------------
def measure(
    cmd: list[str], interval: float = 0.1, env: dict | None = None, cwd: Path = ROOT
) -> dict:
    """Wall time and peak memory of ``cmd`` and all its descendants."""
    import resource

    import psutil

    peak_rss = peak_pss = 0
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    ps = psutil.Process(proc.pid)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        while not done.is_set():
            try:
                procs = [ps, *ps.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            rss = pss = 0
            for p in procs:
                try:
                    mi = p.memory_full_info()
                except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                    continue
                rss += mi.rss
                pss += getattr(mi, "pss", mi.rss)
            peak_rss = max(peak_rss, rss)
            peak_pss = max(peak_pss, pss)
            done.wait(interval)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    # RUSAGE_CHILDREN: the largest single process waited for so far (a lower bound
    # for a process tree; exact for one process when it is the largest run yet)
    maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {
        "wall": wall,
        "rss": peak_rss,
        "pss": peak_pss,
        "maxrss_children": maxrss,
        "stdout": stdout,
        "stderr": stderr,
    }


def run_ours(
    inp: Path,
    out: Path,
    jobs: int | None,
    cache: Path,
    *,
    home: Path = ROOT,
    model: str | None = None,
) -> dict:
    """``analyzer score`` of the checkout ``home`` (its .venv; old code: its cache in ``cache``)."""
    import os

    python = str(home / ".venv" / "bin" / "python") if home != ROOT else sys.executable
    cmd = [python, "-m", "analyzer", "score", str(inp), "-o", str(out), "--quiet"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    if model:
        cmd += ["--model", model]
    warm = any((cache / "models").glob("*.pickle"))
    # run in the checkout: ``-m``/``-c`` put the working folder first on sys.path
    r = measure(cmd, env={**os.environ, "ANALYZER_CACHE": str(cache)}, cwd=home)
    r["detail"] = r["stderr"].strip().splitlines()[-1] if r["stderr"].strip() else ""
    if home != ROOT and any((cache / "models").glob("*.pickle")):  # old code had a model cache
        r["detail"] += f" [model cache {'warm' if warm else 'cold'}]"
    return r


def run_naive(inp: Path, out: Path, mode: str = "--naive") -> dict:
    r = measure([sys.executable, __file__, mode, str(inp), str(out)])
    r["detail"] = r["stderr"].strip().splitlines()[-1]
    return r


def count_rows(path: Path) -> int:
    import pandas as pd

    return len(pd.read_csv(path, usecols=["tone"]))


def mib(b: float) -> str:
    return f"{b / 2**20:,.0f}"


# -- profile ---------------------------------------------------------------------
def profile(n: int, top: int = 15) -> None:
    import cProfile
    import io
    import pstats

    t0 = time.perf_counter()
    import skops.io  # noqa: F401  (one-time import cost, measured apart from the profile)

    import analyzer
    from analyzer.model import default_model_path, load_model

    t1 = time.perf_counter()
    load_model(default_model_path())
    t2 = time.perf_counter()
    print(
        f"one-time costs outside the profile: imports (analyzer, pandas, sklearn, skops) "
        f"{t1 - t0:.1f} s; one load_model() {t2 - t1:.1f} s"
    )

    with tempfile.TemporaryDirectory(prefix="throughput-prof-") as tmp:
        inp = Path(tmp) / "in.csv"
        build_input(inp, n, seed=1)
        pr = cProfile.Profile()
        t0 = time.perf_counter()
        pr.enable()
        df = analyzer.score(str(inp), jobs=1)
        pr.disable()
        dt = time.perf_counter() - t0
    print(
        f"cProfile of analyzer.score(path, jobs=1) on {len(df):,} comments: {dt:.1f} s "
        f"({len(df) / dt:,.0f} comments/s under the profiler, cold caches)"
    )
    for key in ("cumulative", "tottime"):
        s = io.StringIO()
        pstats.Stats(pr, stream=s).strip_dirs().sort_stats(key).print_stats(top)
        lines = s.getvalue().splitlines()
        start = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls"))
        print(f"\ntop {top} by {key}:")
        print("\n".join(lines[start : start + top + 1]))


# -- main ------------------------------------------------------------------------
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200_000, help="comments (default: 200000)")
    ap.add_argument("--big", action="store_true", help="also ours on 1,000,000 comments")
    ap.add_argument("--repeat", type=int, default=1, help="alternating runs of each (default: 1)")
    ap.add_argument("--only", choices=("ours", "naive"), help="run one side only")
    ap.add_argument("--jobs", type=int, help="--jobs of analyzer score (default: all cores)")
    ap.add_argument(
        "--cold-cache",
        action="store_true",
        help="a new, empty model cache for every run of ours (default: one per invocation, "
        "so its first run is cold and the others warm)",
    )
    ap.add_argument("--against", type=Path, metavar="DIR", help="also side 'base': DIR's code")
    ap.add_argument("--against-model", metavar="FILE", help="model file of side 'base'")
    ap.add_argument("--model", metavar="FILE", help="model file of ours (default: bundled)")
    ap.add_argument("--profile", type=int, metavar="N", help="only profile score() on N comments")
    ap.add_argument(
        "--floor",
        action="store_true",
        help="also time the floor: imports, read, one regex, Voikko per distinct token, write",
    )
    ap.add_argument("--naive", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--floor-run", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.naive:
        naive(*args.naive)
        return 0
    if args.floor_run:
        floor(*args.floor_run)
        return 0
    if args.profile:
        print(f"machine: {machine()}; {today()}")
        profile(args.profile)
        return 0

    print(f"machine: {machine()}; {today()}")
    sides = [s for s in ("naive", "ours") if args.only in (None, s)]
    if args.against:
        sides.append("base")
        base_rev = subprocess.run(
            ["git", "-C", str(args.against), "log", "-1", "--format=%h %s"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        print(f"base: {args.against} at {base_rev}")
    if args.floor:
        sides.append("floor")
    import hashlib
    import os

    digests: dict[str, set[str]] = {}
    results: dict[tuple[str, int], list[dict]] = {}
    sizes = [args.n] + ([1_000_000] if args.big and args.n != 1_000_000 else [])
    with tempfile.TemporaryDirectory(prefix="throughput-") as tmp:
        for n in sizes:
            inp = Path(tmp) / f"comments-{n}.csv"
            t0 = time.perf_counter()
            build_input(inp, n)
            print(
                f"\ninput: {n:,} comments, {inp.stat().st_size / 2**20:,.0f} MiB "
                f"(built in {time.perf_counter() - t0:.0f} s)",
                flush=True,
            )
            # the 1M case runs ours only: it is there to show that memory stays flat
            run_sides = sides if n == args.n else ["ours"]
            for rep in range(args.repeat):
                order = run_sides if rep % 2 == 0 else run_sides[::-1]
                for side in order:
                    out = Path(tmp) / f"out-{side}.csv"
                    cache = Path(tmp) / (f"cache-{rep}-{n}" if args.cold_cache else "cache")
                    if side == "ours":
                        r = run_ours(inp, out, args.jobs, cache, model=args.model)
                    elif side == "base":
                        home = args.against.resolve()
                        r = run_ours(
                            inp, out, args.jobs, cache, home=home, model=args.against_model
                        )
                    elif side == "floor":
                        r = run_naive(inp, out, "--floor-run")
                    else:
                        r = run_naive(inp, out)
                    rows = count_rows(out)
                    if rows != n:
                        print(f"warning: {side} wrote {rows} rows, not {n}", file=sys.stderr)
                    digests.setdefault(side, set()).add(
                        hashlib.sha256(out.read_bytes()).hexdigest()
                    )
                    r["load"] = os.getloadavg()[0]
                    out.unlink()
                    results.setdefault((side, n), []).append(r)
                    print(
                        f"  run {rep + 1} {side:<5} {r['wall']:7.1f} s  {n / r['wall']:9,.0f} "
                        f"comments/s  peak RSS {mib(r['rss'])} MiB  PSS {mib(r['pss'])} MiB  "
                        f"load {r['load']:.1f} | {r['detail']}",
                        flush=True,
                    )
            inp.unlink()

    print(
        f"\n{'side':<6} {'n':>9} {'best s':>7} {'median s':>8} {'comments/s':>10} "
        f"{'peak RSS MiB':>12} {'peak PSS MiB':>12}"
    )
    best: dict[tuple[str, int], dict] = {}
    for (side, n), rs in results.items():
        walls = sorted(r["wall"] for r in rs)
        med = statistics.median(walls)
        rss = max(r["rss"] for r in rs)
        pss = max(r["pss"] for r in rs)
        best[(side, n)] = {"wall": walls[0], "median": med, "rss": rss, "pss": pss}
        print(
            f"{side:<6} {n:>9,} {walls[0]:7.1f} {med:8.1f} {n / med:10,.0f} "
            f"{mib(rss):>12} {mib(pss):>12}"
        )
    for other in ("base",):
        if (other, args.n) in best and ("ours", args.n) in best:
            mine, theirs = results[("ours", args.n)], results[(other, args.n)]
            pairs = [t["wall"] / m["wall"] for m, t in zip(mine, theirs, strict=False)]
            a, b = best[(other, args.n)], best[("ours", args.n)]
            print(
                f"\n{other}/ours median wall {a['median'] / b['median']:.3f} "
                f"(run by run: {', '.join(f'{p:.2f}' for p in pairs)}); "
                f"peak RSS ours/{other} {b['rss'] / a['rss']:.3f}, PSS {b['pss'] / a['pss']:.3f}"
            )
    same = {s: len(d) == 1 for s, d in digests.items()}
    if len(digests) > 1 and all(same.values()):
        one = {next(iter(d)) for s, d in digests.items() if s != "naive" and s != "floor"}
        print(
            f"outputs of {', '.join(s for s in digests if s not in ('naive', 'floor'))}: "
            f"{'byte-identical' if len(one) == 1 else 'DIFFER'}"
        )
    if ("naive", args.n) in best and ("ours", args.n) in best:
        a, b = best[("naive", args.n)], best[("ours", args.n)]
        print(
            f"\nspeed ratio ours/naive (median wall): {a['median'] / b['median']:.2f}x "
            f"(target >= 10x)"
        )
        print(
            f"peak memory ours/naive: RSS {b['rss'] / a['rss']:.2f}, PSS {b['pss'] / a['pss']:.2f} "
            f"(target <= 0.5)"
        )
    if ("floor", args.n) in best and ("naive", args.n) in best:
        a, f = best[("naive", args.n)]["median"], best[("floor", args.n)]["median"]
        print(
            f"floor (no model, one process) {f:.1f} s = {a / f:.1f}x the naive script; "
            f"10x the naive script would be {a / 10:.1f} s"
        )
    if ("ours", 1_000_000) in best and ("ours", args.n) in best and args.n != 1_000_000:
        a, b = best[("ours", args.n)], best[("ours", 1_000_000)]
        print(
            f"memory ours 1M / {args.n:,}: RSS {b['rss'] / a['rss']:.2f}, "
            f"PSS {b['pss'] / a['pss']:.2f} (target <= 1.2)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

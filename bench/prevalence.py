"""Corrected vs counted tone shares on synthetic threads of held-out scenarios (issue #14).

The artificial-prevalence protocol (``analyzer.timeline._protocol``): for each of
the corpus's scenarios, threads are drawn from that scenario's comments with
known before/after tone shares on a 0.05 grid, 100-3,000 comments each. The
comments' probabilities are the leave-one-scenario-out predictions kept in the
model file (a model that never saw the scenario); every correction is estimated
from the *other* scenarios' held-out predictions only. Reports, per method, the
mean absolute error of the segment shares and of the criticism change, and how
often the 95 % intervals cover the true change.

    .venv/bin/python bench/prevalence.py [--threads 50] [--boot 400] [--model FILE]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import machine

from analyzer.model import load_model
from analyzer.timeline._protocol import run_protocol, summarise
from analyzer.timeline._quantify import METHODS, Heldout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=50, help="threads per scenario")
    ap.add_argument("--boot", type=int, default=400, help="bootstrap replicates per thread")
    ap.add_argument("--model", help="model file (default: the bundled model)")
    ap.add_argument("--methods", default=",".join(METHODS))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--csv", help="write the per-thread rows here")
    args = ap.parse_args()
    h = Heldout.from_meta(load_model(args.model).meta)
    t0 = time.perf_counter()
    df = run_protocol(
        h, tuple(args.methods.split(",")), threads=args.threads, n_boot=args.boot, seed=args.seed
    )
    print(f"{machine()}; {time.perf_counter() - t0:.0f} s")
    print(
        f"{df['thread'].nunique()} threads x {df['scenario'].nunique()} scenarios, sizes "
        f"{df['n'].min()}-{df['n'].max()}, {args.boot} bootstrap replicates\n"
    )
    print(summarise(df).to_markdown() if _has_tabulate() else summarise(df).to_string())
    d = df.assign(err=(df["change"] - df["change_true"]).abs())
    print("\nMAE of the criticism change per held-out scenario:")
    print(d.pivot_table(index="scenario", columns="method", values="err").round(3).to_string())
    sizes = pd.cut(d["n"], [0, 300, 1000, 3000], labels=["100-300", "300-1000", "1000-3000"])
    print("\nMAE of the criticism change by thread size:")
    print(
        d.pivot_table(index=sizes, columns="method", values="err", observed=True)
        .round(3)
        .to_string()
    )
    print("\ncoverage by thread size:")
    print(
        d.pivot_table(index=sizes, columns="method", values="covered", observed=True)
        .round(2)
        .to_string()
    )
    print("\ncoverage per held-out scenario:")
    print(d.pivot_table(index="scenario", columns="method", values="covered").round(2).to_string())
    if args.csv:
        df.to_csv(args.csv, index=False)
    time_interactive(h)


def time_interactive(h: Heldout, n: int = 3000) -> None:
    """Seconds of ``compare`` and ``tone_timeline`` (corrected, default settings) on n comments."""
    import numpy as np
    import pandas as pd

    from analyzer.timeline import compare, parse_events, tone_timeline

    rng = np.random.default_rng(0)
    idx = rng.integers(len(h.y), size=n)
    t0 = pd.Timestamp("2026-03-04 08:00", tz="Europe/Helsinki")
    times = t0 + pd.to_timedelta(np.sort(rng.uniform(0, 72 * 3600, n)), unit="s")
    df = pd.DataFrame({"time": times, "tone": np.array(h.labels)[h.proba[idx].argmax(axis=1)]})
    for k, c in enumerate(h.labels):
        df[f"p_{c}"] = h.proba[idx, k]
    events = parse_events(["2026-03-05T08:00=Tiedote", "2026-03-06T08:00=Anteeksipyyntö"])
    for name, fn in (
        ("compare", lambda: compare(df, events)),
        ("tone_timeline", lambda: tone_timeline(df)),
    ):
        fn()  # warm: model file loaded once
        t = time.perf_counter()
        fn()
        print(
            f"{name} on {n:,} comments (corrected, default bootstrap): "
            f"{time.perf_counter() - t:.2f} s"
        )


def _has_tabulate() -> bool:
    try:
        import tabulate  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    main()

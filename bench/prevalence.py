"""Corrected vs counted tone shares on synthetic threads of held-out scenarios (issue #14).

The artificial-prevalence protocol (``analyzer.timeline._protocol``): for each of
the corpus's scenarios, threads are drawn from that scenario's comments with
known before/after tone shares on a 0.05 grid, 100-3,000 comments each
(log-uniform; the split between before and after uniform in 30-70 %). The
truth is the realised label shares of the comments drawn into each segment.
The comments' probabilities are the leave-one-scenario-out predictions kept in
the model file (a model that never saw the scenario); every correction is
estimated from the *other* scenarios' held-out predictions only. Reports, per
method, the mean absolute error of the segment shares and of the criticism
change, and how often the 95 % intervals cover the true change, by thread size
and by scenario; the oracles (``@self``: the correction estimated from the
scenario under test itself) give the floor of each method's error; then the
demo thread's corrected segment shares against its gold labels, and the time
``compare`` and ``tone_timeline`` take.

Methods: ``method`` or ``method:scheme``, scheme ``scenario`` (default: each
bootstrap replicate refits the correction on one scenario's held-out
predictions) or ``cluster`` (scenarios, then comments, drawn with replacement).

    .venv/bin/python bench/prevalence.py [--threads 25] [--boot 300] [--model FILE]
        [--labelled 100 [--labelled-by random|least-sure]]
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
from analyzer.timeline._quantify import DEFAULT_METHOD, Heldout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=25, help="threads per scenario")
    ap.add_argument("--boot", type=int, default=300, help="bootstrap replicates per thread")
    ap.add_argument("--model", help="model file (default: the bundled model)")
    ap.add_argument(
        "--methods",
        default="cc,pacc:cluster,pacc,emq:cluster,emq,emq-bcts:cluster,emq-bcts,kdey,"
        "pacc@self,emq-bcts@self,kdey@self",
    )
    ap.add_argument(
        "--demo-methods", default="emq-bcts,kdey", help="methods shown on the demo thread"
    )
    ap.add_argument(
        "--labelled",
        type=int,
        default=0,
        help="also run each method with this many random comments of every thread labelled "
        "by the analyst (at most a fifth of the thread): method '<method>+labels'",
    )
    ap.add_argument(
        "--labelled-by",
        choices=("random", "least-sure"),
        default="random",
        help="which comments the analyst labels (with --labelled)",
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--csv", help="write the per-thread rows here")
    args = ap.parse_args()
    h = Heldout.from_meta(load_model(args.model).meta)
    print(f"default method: {DEFAULT_METHOD}")
    t0 = time.perf_counter()
    df = run_protocol(
        h,
        tuple(args.methods.split(",")),
        threads=args.threads,
        n_boot=args.boot,
        seed=args.seed,
        labelled=args.labelled,
        labelled_by=args.labelled_by,
    )
    print(f"{machine()}; {time.perf_counter() - t0:.0f} s")
    print(
        f"{df['thread'].nunique()} threads x {df['scenario'].nunique()} scenarios, sizes "
        f"{df['n'].min()}-{df['n'].max()}, {args.boot} bootstrap replicates\n"
    )
    print(_table(summarise(df)))
    d = df.assign(err=(df["change"] - df["change_true"]).abs())
    sizes = pd.cut(d["n"], [0, 300, 1000, 3000], labels=["100-300", "300-1000", "1000-3000"])
    for title, index, values in (
        ("MAE of the criticism change by thread size (comments)", sizes, "err"),
        ("coverage of the true change by thread size", sizes, "covered"),
        ("MAE of the criticism change per held-out scenario", "scenario", "err"),
        ("coverage per held-out scenario", "scenario", "covered"),
    ):
        print(f"\n{title}:")
        table = d.pivot_table(index=index, columns="method", values=values, observed=True)
        print(_table(table.round(3)))
    one = d["method"] == d["method"].iloc[0]
    print("\nthreads per size band:", sizes[one].value_counts().sort_index().to_dict())
    if args.csv:
        df.to_csv(args.csv, index=False)
    for method in args.demo_methods.split(","):
        demo_segments(args.model, method)
    for method in args.demo_methods.split(","):
        time_interactive(h, args.model, method)


def time_interactive(h: Heldout, model: str | None, method: str, n: int = 3000) -> None:
    """Seconds of ``compare`` and ``tone_timeline`` (corrected by ``method``) on n comments."""
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
        ("compare", lambda: compare(df, events, model=model, method=method)),
        ("tone_timeline", lambda: tone_timeline(df, model=model, method=method)),
    ):
        fn()  # warm: model file loaded once
        t = time.perf_counter()
        fn()
        print(
            f"{name} on {n:,} comments ({method}, default bootstrap): "
            f"{time.perf_counter() - t:.2f} s"
        )


def demo_segments(model: str | None, method: str | None = None) -> None:
    """The demo thread: corrected (``method``) and counted segment shares vs the gold labels."""
    import tempfile
    import warnings

    from analyzer.data import demo_paths, load_demo_events, load_demo_gold
    from analyzer.io import read_scored
    from analyzer.scoring import score_file
    from analyzer.timeline import compare

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scored.csv"
        score_file(demo_paths()["thread"], out, model=model, progress=False)
        scored = read_scored(out)
    gold = load_demo_gold().set_index("comment_id")["label"]
    events = load_demo_events()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = compare(scored, events, model=model, method=method)
        ref = compare(scored.assign(tone=scored["comment_id"].map(gold)), events, shares="counted")
    rows = []
    for s, g in zip(res.segments, ref.segments, strict=True):
        if not s.n:
            continue
        for c in res.classes:
            rows.append(
                {
                    "segment": s.name,
                    "n": s.n,
                    "class": c,
                    "gold": g.share[c],
                    res.method: s.share[c],
                    "counted": s.counts[c] / s.n,
                    "miss_pp": 100 * (s.share[c] - g.share[c]),
                }
            )
    t = pd.DataFrame(rows)
    print(f"\ndemo thread, segment shares ({res.method} vs counted vs gold):")
    print(_table(t.round(3).set_index(["segment", "class"])))
    worst = t.loc[t["miss_pp"].abs().groupby(t["segment"], sort=False).idxmax()]
    miss = dict(zip(worst["segment"], worst["miss_pp"].round(1), strict=True))
    print("largest miss per segment (pp):", miss)
    ch = {c["class"]: c for c in res.changes if c["to"] == res.segments[-1].name}
    gch = {c["class"]: c["diff"] for c in ref.changes if c["to"] == res.segments[-1].name}
    u = ch["understanding"]
    print(
        f"understanding change at the last event: {100 * u['diff']:+.1f} pp "
        f"(95 % CI {100 * u['ci'][0]:+.1f}...{100 * u['ci'][1]:+.1f}), counted "
        f"{100 * u['diff_counted']:+.1f}, gold {100 * gch['understanding']:+.1f}"
    )


def _table(df: pd.DataFrame) -> str:
    return df.to_markdown() if _has_tabulate() else df.to_string()


def _has_tabulate() -> bool:
    try:
        import tabulate  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    main()

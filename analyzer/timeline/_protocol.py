"""The artificial-prevalence protocol: synthetic before/after threads from one held-out scenario.

For each scenario of a model's leave-one-scenario-out predictions, threads are
drawn from that scenario's comments (with replacement) with known before/after
tone shares taken from a grid over the simplex; the correction is estimated
only from the *other* scenarios' held-out predictions, so nothing of the
scenario under test leaks into it. Counted shares (with Wilson / Newcombe
intervals, what ``compare --shares counted`` reports) are set against corrected
ones (with bootstrap intervals). ``bench/prevalence.py`` runs it in full; the
tests run a small version.
"""

from __future__ import annotations

import itertools
import time

import numpy as np
import pandas as pd

from analyzer.timeline._quantify import Heldout, Quantifier, interval
from analyzer.timeline._stats import diff_test

__all__ = ["prevalence_grid", "run_protocol", "summarise"]


def prevalence_grid(k: int, step: float = 0.05) -> np.ndarray:
    """All share vectors of ``k`` classes on a grid of ``step`` (rows sum to 1).

    Examples
    --------
    >>> prevalence_grid(3, 0.5)[:3].tolist(), len(prevalence_grid(3, 0.05))
    ([[0.0, 0.0, 1.0], [0.0, 0.5, 0.5], [0.0, 1.0, 0.0]], 231)
    """
    m = round(1 / step)
    rows = [c for c in itertools.product(range(m + 1), repeat=k - 1) if sum(c) <= m]
    return np.array([[*c, m - sum(c)] for c in rows], dtype=float) / m


def run_protocol(
    heldout: Heldout,
    methods: tuple[str, ...] = ("cc", "pacc"),
    *,
    threads: int = 20,
    sizes: tuple[int, int] = (100, 3000),
    step: float = 0.05,
    n_boot: int = 300,
    alpha: float = 0.05,
    seed: int = 0,
    focus: str = "criticism",
    scenarios: list[int] | None = None,
    labelled: int = 0,
    labelled_share: float = 0.2,
    labelled_by: str = "random",
) -> pd.DataFrame:
    """One row per (scenario, thread, method): true and estimated shares and changes.

    Parameters
    ----------
    heldout : Heldout
        Leave-one-scenario-out predictions (``groups`` required).
    methods : tuple of str
        Quantification methods; ``cc`` is reported with Wilson/Newcombe intervals,
        the others with bootstrap intervals (comments and held-out predictions).
        ``"method:scenario"`` or ``"method:cluster"`` chooses how the bootstrap
        redraws the held-out predictions (:meth:`Heldout.weights`);
        ``"method@self"`` estimates the correction from the scenario under test
        itself (an oracle no real thread has: the floor of the method's error).
    threads : int
        Threads per scenario.
    sizes : (int, int)
        Thread size range (comments), drawn log-uniformly.
    step : float
        Grid step of the before/after shares.
    n_boot : int
        Bootstrap replicates per thread.
    focus : str
        The class whose change is evaluated (its interval coverage too).
    scenarios : list of int, optional
        Group codes to run (all by default).
    labelled : int
        Also run every method as ``"<method>+labels"``: an analyst has labelled
        this many comments of the thread, drawn at random (at most
        ``labelled_share`` of it), which count as labelled while the
        correction is estimated on the others (``known`` of
        :meth:`Quantifier.shares`). 0: not run.
    labelled_share : float
        The largest share of a thread that is labelled.
    labelled_by : {"random", "least-sure"}
        Which comments the analyst labels: drawn at random, or those whose two
        most probable tones are closest (the smallest margin, as
        ``analyzer sample --least-sure`` picks them).

    Returns
    -------
    DataFrame
        ``scenario, thread, n, method, share_err`` (mean absolute error of the
        segment shares), ``change_true``, ``change``, ``lo``, ``hi``, ``covered``, ``seconds``.

    Examples
    --------
    >>> from analyzer.model import load_model
    >>> h = Heldout.from_meta(load_model().meta)
    >>> df = run_protocol(h, threads=2, sizes=(100, 200), n_boot=50, scenarios=[0])
    >>> sorted(df["method"].unique()), len(df)
    (['cc', 'pacc'], 4)
    """
    if heldout.groups is None:
        raise ValueError("the protocol needs held-out predictions with groups")
    if labelled_by not in ("random", "least-sure"):
        raise ValueError(f"labelled_by must be random or least-sure, not {labelled_by!r}")
    rng = np.random.default_rng(seed)
    k = len(heldout.labels)
    grid = prevalence_grid(k, step)
    fi = heldout.labels.index(focus)
    rows = []
    codes = sorted(np.unique(heldout.groups).tolist()) if scenarios is None else scenarios
    for g in codes:
        test = heldout.subset(heldout.groups == g)
        rest = heldout.subset(heldout.groups != g)
        quants = {m: _quantifier(test if m.endswith("@self") else rest, m) for m in methods}
        by_class = [np.flatnonzero(test.y == c) for c in range(k)]
        for t in range(threads):
            n = int(np.exp(rng.uniform(np.log(sizes[0]), np.log(sizes[1]))))
            n_before = round(n * rng.uniform(0.3, 0.7))
            segs = []
            for n_seg in (n_before, n - n_before):
                prev = grid[rng.integers(len(grid))]
                counts = rng.multinomial(n_seg, prev)
                idx = np.concatenate(
                    [
                        rng.choice(by_class[c], size=counts[c], replace=True)
                        for c in range(k)
                        if counts[c]
                    ]
                )
                segs.append((test.proba[idx], counts / n_seg, test.y[idx]))
            true_change = segs[1][1][fi] - segs[0][1][fi]
            variants = [(m, q, None) for m, q in quants.items()]
            if labelled:
                # a stream of its own: the threads and the unlabelled runs stay as they are
                lab_rng = np.random.default_rng([seed, g, t, 7])
                size = min(labelled, int(n * labelled_share))
                mask = np.zeros(n, dtype=bool)
                if labelled_by == "random":
                    mask[lab_rng.choice(n, size=size, replace=False)] = True
                else:
                    from analyzer.model import least_confident

                    proba = np.concatenate([p for p, _, _ in segs])
                    cols = [f"p_{c}" for c in heldout.labels]
                    mask[least_confident(pd.DataFrame(proba, columns=cols), size)] = True
                known = [
                    np.where(part, y, -1)
                    for part, (_, _, y) in zip(np.split(mask, [len(segs[0][0])]), segs, strict=True)
                ]
                variants += [(f"{m}+labels", q, known) for m, q in quants.items()]
            for m, q, kn in variants:
                t0 = time.perf_counter()
                est = [
                    q.shares(p, None if kn is None else kn[i]) for i, (p, _, _) in enumerate(segs)
                ]
                change = est[1][fi] - est[0][fi]
                if m.split("+")[0] == "cc":
                    c0 = round(est[0][fi] * len(segs[0][0]))
                    c1 = round(est[1][fi] * len(segs[1][0]))
                    r = diff_test(c0, len(segs[0][0]), c1, len(segs[1][0]), alpha)
                    lo, hi = r["ci"]
                elif "@self" in m:  # an oracle: its error only, no interval
                    lo = hi = float("nan")
                else:
                    # the held-out predictions' replicates are drawn once per scenario
                    reps = q.bootstrap(
                        [p for p, _, _ in segs],
                        known=kn,
                        n_boot=n_boot,
                        seed=seed + t,
                        model_seed=seed,
                    )
                    d = reps[:, 1, fi] - reps[:, 0, fi]
                    lo, hi = (float(v[0]) for v in interval(d[:, None], alpha))
                err = np.mean(
                    [np.abs(e - s).mean() for e, (_, s, _) in zip(est, segs, strict=True)]
                )
                rows.append(
                    {
                        "scenario": _heldout_name(heldout, g),
                        "thread": t,
                        "n": n,
                        "n_min": min(len(p) for p, _, _ in segs),
                        "labelled": 0 if kn is None else int(sum((k >= 0).sum() for k in kn)),
                        "method": m,
                        "share_err": float(err),
                        "change_true": float(true_change),
                        "change": float(change),
                        "lo": float(lo),
                        "hi": float(hi),
                        "covered": float(lo <= true_change <= hi) if lo == lo else np.nan,
                        "seconds": time.perf_counter() - t0,
                    }
                )
    return pd.DataFrame(rows)


def _quantifier(heldout: Heldout, spec: str) -> Quantifier:
    """``"pacc"``, ``"pacc:cluster"`` (how the bootstrap redraws the model), ``"pacc@self"``."""
    method, _, boot = spec.removesuffix("@self").partition(":")
    return Quantifier(heldout, method, model_boot=boot) if boot else Quantifier(heldout, method)


def _heldout_name(heldout: Heldout, code: int) -> str:
    names = heldout.group_names
    return str(names[code]) if names else str(code)


def summarise(df: pd.DataFrame) -> pd.DataFrame:
    """Per method: MAE of segment shares, MAE of the change, interval coverage and width.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"method": ["cc"], "share_err": [0.1], "change_true": [0.2],
    ...                    "change": [0.1], "lo": [0.0], "hi": [0.3], "covered": [True],
    ...                    "seconds": [0.0]})
    >>> float(summarise(df).loc["cc", "mae_change"])
    0.1
    """
    d = df.assign(abs_change=(df["change"] - df["change_true"]).abs(), width=df["hi"] - df["lo"])
    out = d.groupby("method").agg(
        threads=("share_err", "size"),
        mae_shares=("share_err", "mean"),
        mae_change=("abs_change", "mean"),
        coverage=("covered", "mean"),
        ci_width=("width", "mean"),
        seconds=("seconds", "mean"),
    )
    return out.round(4)

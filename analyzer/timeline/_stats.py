"""Proportions with honest uncertainty: Wilson intervals, Newcombe differences, exact tests."""

from __future__ import annotations

import warnings

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

__all__ = ["diff_test", "wilson"]


def wilson(count, nobs, alpha: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for ``count / nobs``; NaN where ``nobs`` is 0.

    Examples
    --------
    >>> lo, hi = wilson([5], [20])
    >>> round(float(lo[0]), 4), round(float(hi[0]), 4)
    (0.1119, 0.4687)
    """
    count = np.atleast_1d(np.asarray(count, dtype=float))
    nobs = np.atleast_1d(np.asarray(nobs, dtype=float))
    lo = np.full(count.shape, np.nan)
    hi = np.full(count.shape, np.nan)
    ok = nobs > 0
    if ok.any():
        lo[ok], hi[ok] = proportion_confint(count[ok], nobs[ok], alpha=alpha, method="wilson")
    return lo, hi


def diff_test(
    count_before: int, n_before: int, count_after: int, n_after: int, alpha: float = 0.05
) -> dict:
    """Change in a share from one segment to the next, its CI and a p-value.

    The interval is Newcombe's hybrid score interval (from two Wilson intervals).
    The p-value is Pearson's chi-square test of the 2x2 table (same as the pooled
    two-proportion z-test), or Fisher's exact test when an expected count is below 5.

    Returns
    -------
    dict
        ``before``, ``after``, ``diff`` (after - before), ``ci`` ``[lo, hi]``,
        ``p_value`` and ``test`` (``"chi2"`` or ``"fisher"``); None values when a
        segment is empty.

    Examples
    --------
    >>> r = diff_test(30, 100, 50, 100)
    >>> round(r["diff"], 2), r["test"], round(r["p_value"], 4)
    (0.2, 'chi2', 0.0039)
    """
    out: dict = {
        "before": None,
        "after": None,
        "diff": None,
        "ci": None,
        "p_value": None,
        "test": None,
    }
    if n_before <= 0 or n_after <= 0:
        return out
    p0, p1 = count_before / n_before, count_after / n_after
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        lo, hi = confint_proportions_2indep(
            count_after,
            n_after,
            count_before,
            n_before,
            method="newcomb",
            compare="diff",
            alpha=alpha,
        )
    table = np.array(
        [[count_before, n_before - count_before], [count_after, n_after - count_after]]
    )
    col = table.sum(axis=0)
    if (col == 0).any():  # nobody (or everybody) in this class in both segments
        p_value, test = 1.0, "none"
    else:
        expected = np.outer(table.sum(axis=1), col) / table.sum()
        if (expected < 5).any():
            p_value, test = float(stats.fisher_exact(table).pvalue), "fisher"
        else:
            p_value = float(stats.chi2_contingency(table, correction=False).pvalue)
            test = "chi2"
    out.update(
        before=p0, after=p1, diff=p1 - p0, ci=[float(lo), float(hi)], p_value=p_value, test=test
    )
    return out

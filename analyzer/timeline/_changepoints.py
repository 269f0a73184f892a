"""Change points in the tone mix found from the data alone (ruptures)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import ruptures as rpt

from analyzer.timeline._data import one_hot

__all__ = ["change_points"]

#: at most this many blocks go to the search (comments are pooled in equal-count blocks)
MAX_BLOCKS = 400
#: penalty per change point, in units of log(blocks) x (classes - 1); calibrated so that
#: threads without a shift give no change point (see tests/test_timeline_changepoints.py)
PENALTY_FACTOR = 2.0


class _CumsumL2(rpt.base.BaseCost):
    """L2 cost from cumulative sums: O(1) per segment instead of O(length)."""

    model = "l2_cumsum"
    min_size = 2

    def fit(self, signal: np.ndarray) -> _CumsumL2:
        signal = signal.reshape(-1, 1) if signal.ndim == 1 else signal
        zero = np.zeros((1, signal.shape[1]))
        self.signal = signal
        self._s = np.vstack([zero, np.cumsum(signal, axis=0)])
        self._q = np.concatenate([[0.0], np.cumsum((signal**2).sum(axis=1))])
        return self

    def error(self, start: int, end: int) -> float:
        if end - start < self.min_size:
            raise rpt.exceptions.NotEnoughPoints
        s = self._s[end] - self._s[start]
        return float(self._q[end] - self._q[start] - (s @ s) / (end - start))


def change_points(
    times: pd.Series,
    tone: pd.Series,
    classes: list[str],
    *,
    min_comments: int = 30,
    penalty_factor: float = PENALTY_FACTOR,
) -> list[dict]:
    """Moments where the tone mix shifts, found without knowing the events.

    Comments (sorted by time) are pooled into equal-count blocks; the standardised
    block shares of all classes but the last go to PELT (``ruptures``, L2 cost) with
    a BIC-like penalty ``penalty_factor * (K-1) * log(blocks)``.

    Parameters
    ----------
    times : Series
        Tz-aware comment times, sorted, no NaT.
    tone : Series
        Tone of each comment.
    classes : list of str
        Tone classes.
    min_comments : int
        Fewest comments between two change points.
    penalty_factor : float
        Larger finds fewer change points.

    Returns
    -------
    list of dict
        ``time`` (ISO, first comment after the change), ``index`` (comment number),
        ``before`` and ``after`` (share per class in the stretches either side).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> t = pd.Series(pd.date_range("2026-03-04", periods=1000, freq="5min", tz="UTC"))
    >>> p = np.where(np.arange(1000) < 600, 0.7, 0.3)
    >>> tone = pd.Series(np.where(rng.random(1000) < p, "criticism", "neutral"))
    >>> cps = change_points(t, tone, ["criticism", "neutral"])
    >>> len(cps), abs(cps[0]["index"] - 600) < 40
    (1, True)
    """
    n, k = len(times), len(classes)
    if n < 2 * min_comments or k < 2:
        return []
    y = one_hot(tone, classes)
    block = max(1, math.ceil(n / MAX_BLOCKS))
    n_blocks = n // block
    if n_blocks < 4:
        return []
    used = n_blocks * block  # the few last comments beyond whole blocks join the last block's side
    z = y[:used].reshape(n_blocks, block, k).mean(axis=1)[:, : k - 1]
    sd = np.sqrt(
        np.clip(y.mean(axis=0)[: k - 1] * (1 - y.mean(axis=0)[: k - 1]), 1e-9, None) / block
    )
    z = z / sd
    pen = penalty_factor * max(1, k - 1) * math.log(n_blocks)
    min_size = max(2, math.ceil(min_comments / block))
    algo = rpt.Pelt(custom_cost=_CumsumL2(), min_size=min_size, jump=1).fit(z)
    ends = algo.predict(pen=pen)[:-1]  # block indices where a new stretch begins
    idx = [e * block for e in ends]
    bounds = [0, *idx, n]
    shares = [y[a:b].mean(axis=0) for a, b in itertools.pairwise(bounds)]
    out = []
    for j, i in enumerate(idx):
        out.append(
            {
                "time": times.iloc[i].isoformat(),
                "index": int(i),
                "before": {c: float(shares[j][m]) for m, c in enumerate(classes)},
                "after": {c: float(shares[j + 1][m]) for m, c in enumerate(classes)},
            }
        )
    return out

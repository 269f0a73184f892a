"""Synthetic scored threads with known tone shifts, for tests, demos and calibration."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analyzer.config import DEFAULT_TZ
from analyzer.timeline._events import to_timestamp

__all__ = ["simulate_thread"]


def simulate_thread(
    shares: list[dict[str, float]],
    changes_at: list[str] | None = None,
    *,
    n: int = 3000,
    start: str = "2026-03-04T08:00",
    hours: float = 72.0,
    tz: str = DEFAULT_TZ,
    seed: int = 0,
) -> pd.DataFrame:
    """A scored thread whose true tone shares change at given times.

    Comment times are uniform over ``hours``; each comment's tone is drawn from the
    shares in force at its time; ``p_<class>`` columns are those true shares.

    Parameters
    ----------
    shares : list of dict
        Tone shares in each stretch (``len(changes_at) + 1`` dicts, each summing to 1).
    changes_at : list of str, optional
        Times where the shares change (naive times in ``tz``).

    Examples
    --------
    >>> shares = [{"criticism": 0.7, "neutral": 0.3}, {"criticism": 0.4, "neutral": 0.6}]
    >>> df = simulate_thread(shares, ["2026-03-05T08:00"], n=100)
    >>> len(df), list(df.columns)
    (100, ['time', 'text', 'tone', 'p_criticism', 'p_neutral'])
    """
    changes_at = changes_at or []
    if len(shares) != len(changes_at) + 1:
        raise ValueError("need one shares dict per stretch: len(changes_at) + 1")
    rng = np.random.default_rng(seed)
    classes = list(shares[0])
    t0 = to_timestamp(start, tz)
    offsets = np.sort(rng.uniform(0, hours * 3600, n))
    times = pd.Series(t0 + pd.to_timedelta(offsets, unit="s"))
    cuts = [to_timestamp(c, tz) for c in changes_at]
    stretch = np.searchsorted(np.array([c.value for c in cuts]), times.array.asi8, side="right")
    probs = np.array([[s[c] for c in classes] for s in shares])[stretch]
    draw = (rng.random(n)[:, None] > probs.cumsum(axis=1)).sum(axis=1)
    draw = np.minimum(draw, len(classes) - 1)
    df = pd.DataFrame({"time": times, "text": "kommentti", "tone": np.array(classes)[draw]})
    for k, c in enumerate(classes):
        df[f"p_{c}"] = probs[:, k]
    return df

"""Interrupted time series: did the level or the trend of a tone change at each event?"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.special import expit

from analyzer.timeline._events import Event

__all__ = ["its_fit"]

#: at least this many comments on each side of an event to estimate its effect
MIN_SIDE = 10

#: the model line when fitted on corrected per-comment probabilities
MODEL_SOFT = (
    "per-comment logistic regression for each tone on corrected probabilities as soft labels "
    "(statsmodels GLM, binomial): the same formula as with labels; its intervals cover "
    "sampling noise only, not the correction's uncertainty"
)

MODEL = (
    "per-comment logistic regression for each tone (statsmodels GLM, binomial): "
    "logit P(tone) = b0 + b1*t + sum over events k of "
    "(level_k*after_k + slope_k*(t - t_k)*after_k), "
    "t in hours"
)


def its_fit(
    times: pd.Series,
    tone: pd.Series,
    classes: list[str],
    events: list[Event],
    alpha: float = 0.05,
    soft: np.ndarray | None = None,
) -> dict:
    """Segmented logistic regression of each tone on time with a level and slope change per event.

    Parameters
    ----------
    times : Series
        Tz-aware comment times (no NaT), sorted.
    tone : Series
        Tone label of each comment.
    classes : list of str
        Tone classes to model (one model each).
    events : list of Event
        Events; those with fewer than ``MIN_SIDE`` comments on either side are left out.
    alpha : float
        1 - confidence level.
    soft : ndarray of shape (n, len(classes)), optional
        Per-comment probabilities to fit instead of the labels (soft labels), e.g.
        the corrected probabilities of :meth:`Quantifier.adjusted_proba
        <analyzer.timeline._quantify.Quantifier.adjusted_proba>`, so that the
        series agrees with the corrected segment shares.

    Returns
    -------
    dict
        ``model`` (plain formula), ``time_unit``, ``events`` (used), ``skipped`` (with reason)
        and ``classes``: for each tone ``baseline_slope`` and per event ``level`` (log-odds),
        ``level_ci``, ``level_p``, ``level_share`` (share just after the event minus the
        pre-event trend's prediction), ``slope`` (log-odds per hour), ``slope_ci``, ``slope_p``.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from analyzer.timeline import parse_events
    >>> rng = np.random.default_rng(0)
    >>> t = pd.Series(pd.date_range("2026-03-04", periods=400, freq="10min", tz="UTC"))
    >>> after = (t >= pd.Timestamp("2026-03-05", tz="UTC")).to_numpy()
    >>> p = np.where(after, 0.3, 0.7)
    >>> tone = pd.Series(np.where(rng.random(400) < p, "criticism", "neutral"))
    >>> res = its_fit(t, tone, ["criticism", "neutral"], parse_events(["2026-03-05T02:00=Apology"]))
    >>> res["classes"]["criticism"]["events"][0]["level_share"] < 0
    True
    """
    out: dict = {
        "model": MODEL if soft is None else MODEL_SOFT,
        "time_unit": "hour",
        "events": [],
        "skipped": [],
        "classes": {},
    }
    if len(times) < 2 * MIN_SIDE:
        out["skipped"] = [{"event": e.label, "reason": "too few comments"} for e in events]
        return out
    t0 = times.iloc[0]
    hours = ((times - t0) / pd.Timedelta(hours=1)).to_numpy(dtype=float)
    cols = {"const": np.ones(len(hours)), "t": hours}
    used: list[Event] = []
    for e in events:
        tk = (e.time - t0) / pd.Timedelta(hours=1)
        after = hours >= tk
        n_after = int(after.sum())
        # comments since the previous used event (the data that pins this event's baseline)
        prev = (used[-1].time - t0) / pd.Timedelta(hours=1) if used else -np.inf
        n_before = int(((hours < tk) & (hours >= prev)).sum())
        if n_after < MIN_SIDE or n_before < MIN_SIDE:
            out["skipped"].append(
                {"event": e.label, "reason": f"fewer than {MIN_SIDE} comments on a side"}
            )
            continue
        used.append(e)
        cols[f"level:{e.label}"] = after.astype(float)
        cols[f"slope:{e.label}"] = np.where(after, hours - tk, 0.0)
    X = pd.DataFrame(cols)
    out["events"] = [{"event": e.label, "time": e.time.isoformat()} for e in used]
    values = tone.astype(str).to_numpy()
    for k, c in enumerate(classes):
        y = (values == c).astype(float) if soft is None else np.clip(soft[:, k], 0.0, 1.0)
        entry: dict = {"baseline_slope": None, "events": [], "note": None}
        out["classes"][c] = entry
        if y.min() == y.max() or (soft is not None and (y.max() < 1e-6 or y.min() > 1 - 1e-6)):
            entry["note"] = "this tone is always or never present: no model"
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fit = sm.GLM(y, X, family=sm.families.Binomial()).fit()
        except Exception as exc:
            entry["note"] = f"model did not fit: {exc}"
            continue
        params, ci, pvals = fit.params, fit.conf_int(alpha), fit.pvalues
        if not np.all(np.isfinite(params)) or not np.all(np.isfinite(fit.bse)):
            entry["note"] = "model did not converge (a tone is (almost) absent in a segment)"
            continue
        entry["baseline_slope"] = float(params["t"])
        for e in used:
            lv, sl = f"level:{e.label}", f"slope:{e.label}"
            tk = (e.time - t0) / pd.Timedelta(hours=1)
            row = {k: 0.0 for k in X.columns}
            row.update({"const": 1.0, "t": tk})
            for prev in used:
                if prev.time < e.time:
                    tp = (prev.time - t0) / pd.Timedelta(hours=1)
                    row[f"level:{prev.label}"] = 1.0
                    row[f"slope:{prev.label}"] = tk - tp
            base = float(sum(params[k] * v for k, v in row.items()))
            entry["events"].append(
                {
                    "event": e.label,
                    "level": float(params[lv]),
                    "level_ci": [float(ci.loc[lv, 0]), float(ci.loc[lv, 1])],
                    "level_p": float(pvals[lv]),
                    "level_share": float(expit(base + params[lv]) - expit(base)),
                    "slope": float(params[sl]),
                    "slope_ci": [float(ci.loc[sl, 0]), float(ci.loc[sl, 1])],
                    "slope_p": float(pvals[sl]),
                }
            )
    return out

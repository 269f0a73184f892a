"""Tone shares corrected for the classifier's errors (quantification), with bootstrap intervals.

Counting predicted labels (classify and count) pulls every share toward the
middle: a classifier that misses some criticism and calls some neutral comments
criticism shrinks every change. The methods here correct for that with what the
model file keeps from cross-validation: the out-of-fold (held-out) predictions
(``meta["heldout"]``, see :func:`analyzer.model._train.heldout_predictions`).

* ``cc``: classify and count (the share of predicted labels);
* ``pcc``: the mean predicted probability;
* ``acc``: adjusted classify and count: solve ``q = M p`` for the true shares
  ``p``, with ``M[i, j]`` the held-out rate of predicting ``i`` for class ``j``;
* ``pacc``: the same with mean probabilities instead of labels;
* ``emq``: expectation-maximisation of the shares and the per-comment
  probabilities (Saerens, Latinne & Decaestecker 2002), starting from the
  training shares;
* ``emq-bcts`` (the default): EMQ on probabilities first recalibrated by
  bias-corrected temperature scaling fitted on the held-out predictions
  (:func:`bcts_fit`; Alexandari, Kundaje & Shrikumar 2020). The model's own
  calibration is fitted within its training scenarios; on a scenario it never
  saw it is over-confident and leans away from criticism, which EM would trust;
* ``kdey``: KDEy-ML (Moreo, González & del Coz 2025, "Kernel density
  estimation for multiclass quantification"): the held-out probabilities of
  each true class, smoothed by a Gaussian kernel of bandwidth
  :data:`KDEY_BANDWIDTH`, are that class's density of probabilities; the shares
  are the mixture of the class densities under which the thread's
  probabilities are most likely (:func:`kde_densities`, then EM). It reads the
  whole shape of the probabilities, not only their mean or their calibration.

They reproduce QuaPy's ``CC``, ``PCC``, ``ACC``, ``PACC`` (``solver="minimize"``,
``norm="clip"``), ``EMQ``, ``EMQ(recalib="bcts")`` and ``KDEyML`` (tested in
``tests/test_quantify.py``). The intervals come from a bootstrap over the
thread's comments *and* over the held-out predictions, refitting the
correction each time, so they include the uncertainty of the correction
itself, not only sampling noise. By default (``model_boot="scenario"``) each
replicate refits the correction on *one* scenario's held-out predictions: a
new thread is a new scenario, whose errors may differ from the pool's as much
as one training scenario's do (``"cluster"``: scenarios then comments drawn
with replacement, the uncertainty of the pooled correction only).
Measured in ``bench/prevalence.py`` (figures in ``docs/benchmarks.md``).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import optimize, special, stats

from analyzer.errors import AnalyzerError, AnalyzerWarning

__all__ = [
    "DEFAULT_METHOD",
    "KDEY_BANDWIDTH",
    "METHODS",
    "SHARES",
    "Heldout",
    "QuantificationWarning",
    "Quantifier",
    "bcts_apply",
    "bcts_fit",
    "emq",
    "interval",
    "kde_densities",
    "proba_matrix",
    "rates_matrix",
    "resolve_quantifier",
    "solve_adjustment",
    "wald_p",
]

#: quantification methods, see the module docstring
METHODS = ("cc", "pcc", "acc", "pacc", "emq", "emq-bcts", "kdey")
#: ``kdey``'s kernel bandwidth on the probability simplex (measured: ``bench/prevalence.py``)
KDEY_BANDWIDTH = 0.05
#: the method used unless another is asked for (measured: ``bench/prevalence.py``)
DEFAULT_METHOD = "emq-bcts"
#: how the bootstrap redraws the held-out predictions (see :meth:`Heldout.weights`)
MODEL_BOOT = "scenario"

_EPS = 1e-4
_KDEY_EPS = 1e-6  # EM over overlapping class densities creeps: stop only when it has arrived
_MAX_ITER = 1000


def rates_matrix(y: np.ndarray, proba: np.ndarray, soft: bool = True) -> np.ndarray:
    """Class-conditional rates ``M[i, j]`` = mean P(predicted i | true class j) on held-out data.

    Parameters
    ----------
    y : ndarray of int
        True class index of each held-out comment.
    proba : ndarray of shape (n, k)
        Held-out predicted probabilities.
    soft : bool
        Mean probabilities (PACC) if True, rates of the predicted label (ACC) if False.

    Examples
    --------
    >>> import numpy as np
    >>> rates_matrix(np.array([0, 0, 1]), np.array([[0.8, 0.2], [0.6, 0.4], [0.1, 0.9]]))
    array([[0.7, 0.1],
           [0.3, 0.9]])
    """
    k = proba.shape[1]
    pred = proba if soft else np.eye(k)[proba.argmax(axis=1)]
    onehot = np.eye(k)[y]
    counts = onehot.sum(axis=0)
    m = (pred.T @ onehot) / np.where(counts > 0, counts, 1.0)
    for j in np.flatnonzero(counts == 0):  # a class never seen: no adjustment for it
        m[:, j] = 0.0
        m[j, j] = 1.0
    return m


def _clip(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 0.0, 1.0)
    total = p.sum(axis=-1, keepdims=True)
    k = p.shape[-1]
    return np.where(total > 0, p / np.where(total > 0, total, 1.0), 1.0 / k)


def solve_adjustment(m: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Shares ``p`` on the simplex minimising ``||M p - q||`` (clipped to [0, 1], summing to 1).

    Examples
    --------
    >>> import numpy as np
    >>> m = np.array([[0.8, 0.3], [0.2, 0.7]])
    >>> np.round(solve_adjustment(m, m @ np.array([0.25, 0.75])), 3)
    array([0.25, 0.75])
    """
    k = m.shape[0]
    try:  # inside the simplex the exact solution is the minimum
        p = np.linalg.solve(m, q)
        if np.all(p >= 0):
            return _clip(p)
    except np.linalg.LinAlgError:
        pass
    res = optimize.minimize(
        lambda x: np.linalg.norm(m @ x - q),
        x0=np.full(k, 1.0 / k),
        method="SLSQP",
        bounds=[(0.0, 1.0)] * k,
        constraints={"type": "eq", "fun": lambda x: 1.0 - x.sum()},
    )
    return _clip(res.x)


def _solve_many(m: np.ndarray, q: np.ndarray) -> np.ndarray:
    """:func:`solve_adjustment` for stacks: ``m`` (B, k, k), ``q`` (B, s, k) -> (B, s, k).

    Exact solutions inside the simplex are taken as they are; the rest (shares
    beyond 0 or 1) go through the constrained solver one by one.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            p = np.linalg.solve(m[:, None, :, :], q[..., None])[..., 0]
        except np.linalg.LinAlgError:
            p = np.full(q.shape, -1.0)
    bad = ~np.all(np.isfinite(p) & (p >= 0), axis=-1)
    for b, s in zip(*np.nonzero(bad), strict=True):
        p[b, s] = solve_adjustment(m[b], q[b, s])
    return _clip(p)


def emq(
    train_prev: np.ndarray,
    proba: np.ndarray,
    weights: np.ndarray | None = None,
    *,
    epsilon: float = _EPS,
) -> tuple[np.ndarray, np.ndarray]:
    """Shares and adjusted per-comment probabilities by EM (Saerens et al. 2002).

    Parameters
    ----------
    train_prev : ndarray of shape (k,) or (B, k)
        Class shares the probabilities were calibrated for (the training shares);
        one row per weighted fit with ``weights``.
    proba : ndarray of shape (n, k)
        Predicted probabilities of the comments; with ``weights`` also (B, n, k),
        one set of (e.g. recalibrated) probabilities per weighted fit.
    weights : ndarray of shape (B, n), optional
        Bootstrap weights: ``B`` weighted fits at once (shares of shape (B, k)).
    epsilon : float
        Stop when the mean absolute change of the shares is below this (after 10 rounds).

    Returns
    -------
    shares, adjusted
        ``shares`` (k,) or (B, k); ``adjusted`` (n, k) probabilities under the
        estimated shares (only without ``weights``).

    Examples
    --------
    >>> import numpy as np
    >>> proba = np.array([[0.9, 0.1], [0.3, 0.7], [0.6, 0.4], [0.2, 0.8]])
    >>> p, post = emq(np.array([0.5, 0.5]), proba)
    >>> np.round(p, 2).tolist(), bool(np.allclose(post.mean(axis=0), p))
    ([0.5, 0.5], True)
    """
    ptr = np.asarray(train_prev, dtype=float).copy()
    if np.any(ptr == 0):
        ptr = (ptr + epsilon) / (ptr + epsilon).sum(axis=-1, keepdims=True)
    px = np.asarray(proba, dtype=float)
    if weights is None:
        qs = ptr.copy()
        prev = None
        post = px
        for s in range(_MAX_ITER):
            un = (qs / ptr) * px
            post = un / un.sum(axis=1, keepdims=True)
            qs = post.mean(axis=0)
            if prev is not None and np.abs(qs - prev).mean() < epsilon and s > 10:
                break
            prev = qs
        return qs, post
    w = np.asarray(weights, dtype=float)
    total = w.sum(axis=1, keepdims=True)
    qs = np.broadcast_to(ptr, (w.shape[0], px.shape[-1])).copy()
    pxb = px if px.ndim == 3 else px[None, :, :]
    prev = None
    for s in range(_MAX_ITER):
        un = (qs / ptr)[:, None, :] * pxb
        post = un / un.sum(axis=2, keepdims=True)
        qs = np.einsum("bn,bnk->bk", w, post) / total
        if prev is not None and np.abs(qs - prev).mean(axis=1).max() < epsilon and s > 10:
            break
        prev = qs
    return qs, None  # type: ignore[return-value]


_LOG_FLOOR = 1e-4  # the held-out probabilities are kept to 1/10,000


def _logits(proba: np.ndarray) -> np.ndarray:
    return np.log(np.clip(np.asarray(proba, dtype=float), _LOG_FLOOR, 1.0))


def bcts_fit(y: np.ndarray, proba: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """Bias-corrected temperature scaling fitted by maximum likelihood on held-out predictions.

    The calibrated probabilities are ``softmax(log(proba) / T + b)`` with one
    temperature ``T`` and one bias per class (the last fixed at 0), fitted by
    minimising the negative log-likelihood of the true classes ``y``
    (Alexandari, Kundaje & Shrikumar 2020, "Maximum likelihood with
    bias-corrected calibration is hard-to-beat at label shift adaptation").
    Probabilities stand in for logits (``log(proba)`` differs from the logits
    only by a per-comment constant, which the softmax ignores). The problem is
    a convex multinomial logistic regression in ``k`` parameters; Newton's
    method solves many weighted fits (bootstrap replicates) at once, checked
    against ``scipy.optimize.minimize`` in the tests.

    Parameters
    ----------
    y : ndarray of int
        True class index of each held-out comment.
    proba : ndarray of shape (n, k)
        Held-out predicted probabilities.
    weights : ndarray of shape (n,) or (B, n), optional
        Weight of each comment (e.g. bootstrap counts); (B, n) fits B sets at once.

    Returns
    -------
    ndarray of shape (k + 1,) or (B, k + 1)
        ``[1 / T, b_0, ..., b_{k-1}]`` (``b_{k-1} = 0``) for :func:`bcts_apply`.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> y = rng.integers(0, 2, 2000)
    >>> sharp = np.where(rng.random(2000) < 0.7, y, 1 - y)  # 70 % right, said with 95 %
    >>> proba = np.eye(2)[sharp] * 0.9 + 0.05
    >>> x = bcts_fit(y, proba)
    >>> confidence = bcts_apply(x, proba).max(axis=1).mean()
    >>> round(float(confidence), 3) == round(float((sharp == y).mean()), 3)
    True
    """
    z = _logits(proba)
    n, k = z.shape
    onehot = np.eye(k)[np.asarray(y, dtype=int)]
    w = np.ones((1, n)) if weights is None else np.asarray(weights, dtype=float)
    single = w.ndim == 1
    w = np.atleast_2d(w)
    w = w / w.sum(axis=1, keepdims=True)
    n_fit = len(w)
    # features of the logit of class j: [z_j, e_0, ..., e_{k-2}] -> J (n, k, k)
    jac = np.zeros((n, k, k))
    jac[:, :, 0] = z
    jac[:, np.arange(k - 1), np.arange(1, k)] = 1.0
    flat = jac.reshape(n * k, k)
    pairs = np.einsum("njp,njq->njpq", jac, jac).reshape(n * k, k * k)
    x = np.zeros((n_fit, k))
    x[:, 0] = 1.0

    def logits(x: np.ndarray) -> np.ndarray:
        return (flat @ x.T).T.reshape(n_fit, n, k)

    def nll(x: np.ndarray) -> np.ndarray:
        ls = special.log_softmax(logits(x), axis=2)
        return -((w[:, :, None] * onehot[None]) * ls).sum(axis=(1, 2))

    loss = nll(x)
    for _ in range(100):
        p = special.softmax(logits(x), axis=2)
        wp = w[:, :, None] * p
        grad = (wp - w[:, :, None] * onehot[None]).reshape(n_fit, n * k) @ flat
        # Hessian: sum_n w J^T (diag(p) - p p^T) J
        jp = np.einsum("bnj,njp->bnp", p, jac)  # p^T J per comment
        hess = (wp.reshape(n_fit, n * k) @ pairs).reshape(n_fit, k, k)
        hess -= np.einsum("bnp,bnq->bpq", w[:, :, None] * jp, jp, optimize=True)
        hess += 1e-9 * np.eye(k)
        step = np.linalg.solve(hess, grad[..., None])[..., 0]
        t = np.ones(n_fit)
        for _ in range(30):  # backtracking: never increase the loss
            new = nll(x - t[:, None] * step)
            worse = new > loss + 1e-12
            if not worse.any():
                break
            t = np.where(worse, t / 2, t)
        x = x - t[:, None] * step
        loss = nll(x)
        if np.abs(t[:, None] * step).max() < 1e-7:
            break
    out = np.concatenate([x, np.zeros((n_fit, 1))], axis=1)
    return out[0] if weights is None or single else out


def bcts_apply(params: np.ndarray, proba: np.ndarray) -> np.ndarray:
    """Probabilities recalibrated with :func:`bcts_fit`'s parameters.

    ``params`` of shape (k + 1,) give (n, k); a stack (B, k + 1) gives (B, n, k).

    Examples
    --------
    >>> import numpy as np
    >>> bcts_apply(np.array([1.0, 0.0, 0.0]), np.array([[0.8, 0.2]])).round(3).tolist()
    [[0.8, 0.2]]
    """
    z = _logits(proba)
    x = np.asarray(params, dtype=float)
    if x.ndim == 1:
        return special.softmax(z * x[0] + x[1:], axis=1)
    return special.softmax(z[None] * x[:, :1, None] + x[:, None, 1:], axis=2)


def kde_densities(
    proba: np.ndarray,
    centres: np.ndarray,
    y: np.ndarray,
    *,
    bandwidth: float = KDEY_BANDWIDTH,
    weights: np.ndarray | None = None,
    blocks: Sequence[int] | None = None,
) -> np.ndarray:
    """Each comment's Gaussian-kernel density under every class, normalised per comment.

    ``dens[i, c]`` is the mean of ``exp(-|proba_i - centre_r|^2 / (2 h^2))`` over the
    held-out comments ``r`` of true class ``c`` (weighted by ``weights``), divided by
    the sum over the classes: the probabilities of the classes for comment ``i``
    under equal shares. EM on them from equal shares (:func:`emq`) finds the
    mixture under which the comments are most likely (KDEy-ML). The kernel's
    constant is the same for every class and cancels; sums are kept in a shifted
    scale, so no density underflows.

    Parameters
    ----------
    proba : ndarray of shape (n, k)
        The comments' predicted probabilities.
    centres : ndarray of shape (N, k)
        Held-out predicted probabilities (the kernels' centres).
    y : ndarray of int, shape (N,)
        True class of each centre.
    bandwidth : float
        Kernel bandwidth ``h``.
    weights : ndarray of shape (B, N), optional
        Weights of the centres (bootstrap counts): B sets of densities at once.
    blocks : sequence of int, optional
        Start rows of the blocks the centres are read in (e.g. where each
        scenario begins, so that a replicate that draws one scenario touches one
        block); blocks of 2,048 rows by default.

    Returns
    -------
    ndarray of shape (n, k), or (B, n, k) with ``weights``

    Examples
    --------
    >>> import numpy as np
    >>> centres = np.array([[0.9, 0.1], [0.7, 0.3], [0.3, 0.7], [0.1, 0.9]])
    >>> y = np.array([0, 0, 1, 1])
    >>> kde_densities(np.array([[0.8, 0.2], [0.5, 0.5]]), centres, y).round(3).tolist()
    [[1.0, 0.0], [0.5, 0.5]]
    >>> kde_densities(np.array([[0.8, 0.2]]), centres, y, bandwidth=0.3).round(3).tolist()
    [[0.964, 0.036]]
    """
    # the kernels in single precision (six times faster here; the densities are
    # ratios of sums, good to about 1e-5), the sums in double
    x = np.asarray(proba, dtype=np.float32)
    c = np.asarray(centres, dtype=np.float32)
    k = x.shape[1]
    onehot = np.eye(k)[np.asarray(y, dtype=int)]
    w = None if weights is None else np.atleast_2d(np.asarray(weights, dtype=float))
    n_sets = 1 if w is None else len(w)
    starts = list(range(0, len(c), 2048)) if blocks is None else sorted(set(blocks) | {0})
    ends = [*starts[1:], len(c)]
    num = np.zeros((n_sets, len(x), k))
    top = np.full(len(x), -np.inf)  # the largest log-kernel so far, per comment
    xx = (x**2).sum(axis=1)
    scale = np.float32(-1.0 / (2.0 * bandwidth**2))
    for a, b in zip(starts, ends, strict=True):
        if a >= b:
            continue
        cb = c[a:b]
        d2 = np.maximum(xx[:, None] + (cb**2).sum(axis=1)[None, :] - 2.0 * (x @ cb.T), 0.0)
        logk = d2 * scale
        new_top = np.maximum(top, logk.max(axis=1))
        moved = np.flatnonzero(new_top > top)  # rows whose scale changes: rescale their sums
        if len(moved):
            num[:, moved] *= np.exp(top[moved] - new_top[moved])[None, :, None]
        kern = np.exp(logk - new_top[:, None].astype(np.float32))
        top = new_top
        if w is None:
            num[0] += kern @ onehot[a:b].astype(np.float32)
            continue
        wb = w[:, a:b]
        live = np.flatnonzero(wb.any(axis=1))
        if not len(live):
            continue
        # (n, r) @ (r, live * k): every live set's weighted class sums at once
        mix = (wb[live].T[:, :, None] * onehot[a:b, None, :]).reshape(b - a, -1)
        mix = mix.astype(np.float32)
        num[live] += (kern @ mix).reshape(len(x), len(live), k).transpose(1, 0, 2)
    class_w = (np.ones((1, len(c))) if w is None else w) @ onehot
    dens = num / np.where(class_w > 0, class_w, 1.0)[:, None, :]
    total = dens.sum(axis=2, keepdims=True)
    out = np.where(total > 0, dens / np.where(total > 0, total, 1.0), 1.0 / k)
    return out[0] if w is None else out


@dataclass
class Heldout:
    """Out-of-fold predictions a correction is estimated from (no texts)."""

    labels: list[str]
    y: np.ndarray
    proba: np.ndarray
    groups: np.ndarray | None = None
    group_names: list[str] | None = None

    @classmethod
    def from_meta(cls, meta: Mapping[str, Any]) -> Heldout:
        """From a model's metadata; :class:`AnalyzerError` saying why when it has none.

        Examples
        --------
        >>> from analyzer.model import load_model
        >>> Heldout.from_meta(load_model().meta).labels
        ['criticism', 'neutral', 'understanding']
        """
        h = meta.get("heldout")
        if not h:
            why = (
                "it was trained without cross-validation"
                if "cv" not in meta
                else "it was saved by an older version"
            )
            raise AnalyzerError(
                f"the model keeps no held-out predictions ({why}; retrain it with "
                "analyzer train --cv 5 or make model)"
            )
        from analyzer.model import heldout_arrays

        try:
            y, proba, groups = heldout_arrays(h)
        except (KeyError, TypeError, ValueError) as exc:
            raise AnalyzerError(f"the model's held-out predictions are damaged ({exc})") from None
        names = h.get("group_names")
        return cls([str(c) for c in h["labels"]], y, proba, groups, names and list(names))

    def reorder(self, labels: Sequence[str]) -> Heldout:
        """The same predictions with the classes in the order of ``labels`` (the same set)."""
        labels = [str(c) for c in labels]
        if labels == self.labels:
            return self
        if sorted(labels) != sorted(self.labels):
            raise AnalyzerError(
                f"the comments were scored with classes {', '.join(labels)}, "
                f"but the model's are {', '.join(self.labels)}: use the model that scored them"
            )
        cols = [self.labels.index(c) for c in labels]
        code = np.argsort(cols)  # old class index -> new
        return Heldout(labels, code[self.y], self.proba[:, cols], self.groups, self.group_names)

    def subset(self, mask: np.ndarray) -> Heldout:
        """The held-out predictions where ``mask`` is True."""
        g = None if self.groups is None else self.groups[mask]
        return Heldout(self.labels, self.y[mask], self.proba[mask], g, self.group_names)

    def weights(self, n_boot: int, rng: np.random.Generator, scheme: str = "cluster") -> np.ndarray:
        """Bootstrap weights (n_boot, n) of the held-out predictions.

        ``scheme="cluster"``: scenarios drawn with replacement, then comments in
        each (the uncertainty of the pooled correction). ``scheme="scenario"``:
        one scenario per replicate, its comments drawn with replacement (a new
        thread is a new scenario: the correction of one scenario is a draw of
        how far a new one may be from the pool); only scenarios with every
        class at least 10 times are drawn, and with fewer than 3 of them the
        cluster scheme is used. Without groups, comments are drawn with
        replacement from the whole set.
        """
        n = len(self.y)
        if self.groups is None or len(np.unique(self.groups)) < 2:
            return rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float)
        codes = np.unique(self.groups, return_inverse=True)[1]
        n_groups = codes.max() + 1
        if scheme == "scenario":
            # scenarios that can carry a correction alone: every class at least 10 times
            k = len(self.labels)
            counts = np.zeros((n_groups, k), dtype=int)
            np.add.at(counts, (codes, self.y), 1)
            able = np.flatnonzero(counts.min(axis=1) >= 10)
            if len(able) < 3:
                scheme = "cluster"
        if scheme == "scenario":
            picks = np.eye(n_groups, dtype=int)[rng.choice(able, size=n_boot)]
        else:
            picks = rng.multinomial(n_groups, np.full(n_groups, 1.0 / n_groups), size=n_boot)
        w = np.zeros((n_boot, n))
        for g in range(n_groups):
            rows = np.flatnonzero(codes == g)
            # picks[b, g] copies of the group, its comments resampled within each copy
            draws = rng.multinomial(len(rows), np.full(len(rows), 1.0 / len(rows)), size=n_boot)
            w[:, rows] = draws * picks[:, [g]]
        return w


class Quantifier:
    """Corrected tone shares of groups of comments from their predicted probabilities.

    Parameters
    ----------
    heldout : Heldout
        Out-of-fold predictions of the model (e.g. ``Heldout.from_meta(model.meta)``).
    method : {"cc", "pcc", "acc", "pacc", "emq", "emq-bcts", "kdey"}
        See the module docstring; default :data:`DEFAULT_METHOD`.
    model_boot : {"scenario", "cluster"}
        How :meth:`bootstrap` redraws the held-out predictions (:meth:`Heldout.weights`).

    Examples
    --------
    >>> import numpy as np
    >>> from analyzer.model import load_model
    >>> q = Quantifier.from_meta(load_model().meta)
    >>> proba = np.array([[0.7, 0.1, 0.2], [0.2, 0.7, 0.1], [0.6, 0.1, 0.3]])
    >>> q.shares(proba).round(2).tolist() == q.shares(proba).round(2).tolist()
    True
    >>> round(float(q.shares(proba).sum()), 9)
    1.0
    """

    def __init__(
        self, heldout: Heldout, method: str = DEFAULT_METHOD, *, model_boot: str = MODEL_BOOT
    ) -> None:
        _check_method(method)
        if model_boot not in ("cluster", "scenario"):
            raise AnalyzerError(f"unknown model_boot {model_boot!r}: use cluster or scenario")
        self.heldout = heldout
        self.method = method
        self.model_boot = model_boot
        self.labels = list(heldout.labels)
        k = len(self.labels)
        self.train_prev_ = np.bincount(heldout.y, minlength=k) / len(heldout.y)
        self.m_ = rates_matrix(heldout.y, heldout.proba, soft=method != "acc")
        self.calib_ = bcts_fit(heldout.y, heldout.proba) if method == "emq-bcts" else None
        # kdey reads the centres one scenario at a time (a replicate draws one scenario)
        self._order = np.arange(len(heldout.y))
        self._blocks: list[int] | None = None
        if method == "kdey" and heldout.groups is not None:
            self._order = np.argsort(heldout.groups, kind="stable")
            g = heldout.groups[self._order]
            self._blocks = np.flatnonzero(np.r_[True, g[1:] != g[:-1]]).tolist()
        self._reps: dict[tuple[int, int], dict[str, np.ndarray]] = {}

    def _calibrated(self, proba: np.ndarray) -> np.ndarray:
        return proba if self.calib_ is None else bcts_apply(self.calib_, proba)

    def _em(self, proba: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """EM's shares and adjusted probabilities: EMQ's or KDEy's (from equal shares)."""
        if self.method == "kdey":
            k = proba.shape[1]
            return emq(np.full(k, 1.0 / k), self._kde(proba), epsilon=_KDEY_EPS)
        return emq(self.train_prev_, self._calibrated(proba))

    def _kde(self, proba: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        """:func:`kde_densities` of ``proba`` over the held-out predictions.

        ``weights`` (B, N) are in the order of ``self._order`` (scenario by scenario).
        """
        h, o = self.heldout, self._order
        return kde_densities(proba, h.proba[o], h.y[o], weights=weights, blocks=self._blocks)

    @classmethod
    def from_meta(cls, meta: Mapping[str, Any], method: str = DEFAULT_METHOD) -> Quantifier:
        """From a model's metadata (raises :class:`AnalyzerError` when it keeps no held-out set)."""
        return cls(Heldout.from_meta(meta), method)

    def check_labels(self, labels: Sequence[str]) -> None:
        """Refuse probabilities whose classes are not the model's."""
        if list(labels) != self.labels:
            raise AnalyzerError(
                f"the comments were scored with classes {', '.join(labels)}, "
                f"but the model's are {', '.join(self.labels)}: use the model that scored them"
            )

    def shares(self, proba: np.ndarray, known: np.ndarray | None = None) -> np.ndarray:
        """Corrected shares (k,) of the comments with probabilities ``proba`` (n, k).

        Parameters
        ----------
        proba : ndarray of shape (n, k)
            The comments' predicted probabilities.
        known : ndarray of shape (n,), optional
            Class index of the comments an analyst labelled, -1 for the rest
            (see :func:`analyzer.timeline.analyst_labels`). A labelled comment counts as its label;
            the correction is estimated on the unlabelled ones only, so the
            shares are ``(labelled counts + unlabelled n * their corrected
            shares) / n``.

        Examples
        --------
        >>> import numpy as np
        >>> from analyzer.model import load_model
        >>> q = Quantifier.from_meta(load_model().meta, method="cc")
        >>> p = np.array([[0.6, 0.3, 0.1], [0.2, 0.7, 0.1]])
        >>> q.shares(p).tolist(), q.shares(p, known=np.array([-1, 2])).tolist()
        ([0.5, 0.5, 0.0], [0.5, 0.0, 0.5])
        """
        proba = np.asarray(proba, dtype=float)
        k = len(self.labels)
        if len(proba) == 0:
            return np.full(k, np.nan)
        if known is None:
            return self._shares(proba)
        known = _known_codes(known, len(proba), k)
        free = known < 0
        counts = np.bincount(known[~free], minlength=k).astype(float)
        if free.any():
            counts += free.sum() * self._shares(proba[free])
        return counts / len(proba)

    def _shares(self, proba: np.ndarray) -> np.ndarray:
        k = len(self.labels)
        if self.method == "cc":
            return np.bincount(proba.argmax(axis=1), minlength=k) / len(proba)
        if self.method == "pcc":
            return proba.mean(axis=0)
        if self.method in ("emq", "emq-bcts", "kdey"):
            return self._em(proba)[0]
        q = (
            proba.mean(axis=0)
            if self.method == "pacc"
            else np.bincount(proba.argmax(axis=1), minlength=k) / len(proba)
        )
        return solve_adjustment(self.m_, q)

    def adjusted_proba(self, proba: np.ndarray, known: np.ndarray | None = None) -> np.ndarray:
        """Per-comment probabilities whose mean is the corrected share of the group.

        EMQ's adjusted posteriors; for the other methods each comment's
        probabilities are reweighted by ``corrected share / mean probability``
        of its class (and renormalised), one EM-like step, so that they are soft
        labels consistent with :meth:`shares`. Comments with a ``known`` label
        (see :meth:`shares`) get that label with probability 1.

        Examples
        --------
        >>> import numpy as np
        >>> from analyzer.model import load_model
        >>> q = Quantifier.from_meta(load_model().meta)
        >>> p = np.array([[0.7, 0.1, 0.2], [0.2, 0.7, 0.1], [0.6, 0.1, 0.3], [0.1, 0.2, 0.7]])
        >>> bool(np.allclose(q.adjusted_proba(p).mean(axis=0), q.shares(p), atol=0.02))
        True
        """
        proba = np.asarray(proba, dtype=float)
        if len(proba) == 0:
            return proba
        if known is not None:
            known = _known_codes(known, len(proba), proba.shape[1])
            free = known < 0
            out = np.eye(proba.shape[1])[np.maximum(known, 0)]
            if free.any():
                out[free] = self._adjusted(proba[free])
            return out
        return self._adjusted(proba)

    def _adjusted(self, proba: np.ndarray) -> np.ndarray:
        if self.method in ("emq", "emq-bcts", "kdey"):
            return self._em(proba)[1]
        if self.method == "cc":
            return np.eye(proba.shape[1])[proba.argmax(axis=1)]
        target = self.shares(proba)
        # EM with the prior fixed at the target: find per-class factors whose adjusted
        # probabilities average to the target shares
        ratio = np.ones(proba.shape[1])
        for _ in range(200):
            un = proba * ratio
            post = un / un.sum(axis=1, keepdims=True)
            mean = post.mean(axis=0)
            if np.abs(mean - target).max() < 1e-5:
                break
            ratio = ratio * np.where(mean > 0, target / np.maximum(mean, 1e-12), 0.0)
        return post

    def bootstrap(
        self,
        probas: Sequence[np.ndarray],
        *,
        known: Sequence[np.ndarray | None] | None = None,
        n_boot: int = 400,
        seed: int = 0,
        include_model: bool = True,
        model_seed: int | None = None,
    ) -> np.ndarray:
        """Bootstrap replicates of the corrected shares of several groups of comments.

        Each replicate resamples the comments of every group and (with
        ``include_model``) the held-out predictions (one scenario's, or
        scenarios then comments: ``model_boot``), and refits the correction
        (rates matrix, training shares, recalibration) from them; the groups
        share the replicate's correction, so differences between groups keep
        their correlation.

        Parameters
        ----------
        probas : sequence of ndarray (n_s, k)
            The predicted probabilities of each group (e.g. each segment).
        known : sequence of ndarray (n_s,) or None, optional
            Per group, the analysts' labels (see :meth:`shares`): a labelled
            comment drawn into a replicate counts as its label, the unlabelled
            ones drawn are corrected.
        n_boot : int
            Replicates.
        seed : int
            Seed (results are reproducible).
        include_model : bool
            Also resample the held-out predictions (the correction's uncertainty).
        model_seed : int, optional
            Seed of the held-out predictions' draws (``seed`` when None); the
            refitted corrections are cached per seed, so calls with the same
            ``model_seed`` reuse them.

        Returns
        -------
        ndarray of shape (n_boot, n_groups, k)
            NaN for empty groups.

        Examples
        --------
        >>> import numpy as np
        >>> from analyzer.model import load_model
        >>> q = Quantifier.from_meta(load_model().meta)
        >>> rng = np.random.default_rng(0)
        >>> p = rng.dirichlet([2, 1, 1], size=200)
        >>> q.bootstrap([p, p[:50]], n_boot=50).shape
        (50, 2, 3)
        """
        rng = np.random.default_rng(seed)
        k = len(self.labels)
        model = self._model_reps(n_boot, seed if model_seed is None else model_seed, include_model)
        out = np.full((n_boot, len(probas), k), np.nan)
        for s, proba in enumerate(probas):
            proba = np.asarray(proba, dtype=float)
            n = len(proba)
            if n == 0:
                continue
            w = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float)
            codes = None if known is None or known[s] is None else known[s]
            if codes is None:
                out[:, s] = self._boot_shares(proba, w, model)
                continue
            codes = _known_codes(codes, n, k)
            free = codes < 0
            counts = w[:, ~free] @ np.eye(k)[codes[~free]]
            if free.any():
                wf = w[:, free]
                drawn = wf.sum(axis=1)
                # a replicate that drew no unlabelled comment needs no correction
                est = self._boot_shares(proba[free], np.where(drawn[:, None] > 0, wf, 1.0), model)
                counts += drawn[:, None] * est
            out[:, s] = counts / n
        return out

    def _boot_shares(
        self, proba: np.ndarray, w: np.ndarray, model: dict[str, np.ndarray]
    ) -> np.ndarray:
        """Shares (B, k) of one group, its comments weighted by ``w`` (B, n), per replicate."""
        k = len(self.labels)
        if self.method in ("emq", "emq-bcts"):
            return self._emq_boot(model["train_prev"], proba, w, model.get("calib"))
        if self.method == "kdey":
            return self._kdey_boot(proba, w, model.get("hw"))
        x = np.eye(k)[proba.argmax(axis=1)] if self.method in ("cc", "acc") else proba
        q = (w @ x) / w.sum(axis=1, keepdims=True)
        if self.method in ("cc", "pcc"):
            return q
        return _solve_many(model["m"], q[:, None, :])[:, 0]

    def _model_reps(self, n_boot: int, seed: int, include_model: bool) -> dict[str, np.ndarray]:
        """Per replicate: the training shares, and the rates matrix or calibration refitted.

        Cached per (n_boot, seed): the same model replicates serve every call.
        """
        key = (n_boot, seed if include_model else -1)
        if key in self._reps:
            return self._reps[key]
        h = self.heldout
        k = len(self.labels)
        if include_model and self.method not in ("cc", "pcc"):
            # a stream of its own, so that the comments' draws do not depend on it
            hw = h.weights(n_boot, np.random.default_rng([seed, 14]), self.model_boot)
        else:
            hw = np.ones((n_boot, len(h.y)))
        onehot = np.eye(k)[h.y]
        class_w = hw @ onehot  # (B, k)
        out: dict[str, np.ndarray] = {"train_prev": class_w / class_w.sum(axis=1, keepdims=True)}
        if self.method in ("acc", "pacc"):
            pred = h.proba if self.method == "pacc" else np.eye(k)[h.proba.argmax(axis=1)]
            # M[b, i, j] = sum_r w[b, r] pred[r, i] onehot[r, j] / class_w[b, j]
            joint = np.einsum("br,ri,rj->bij", hw, pred, onehot)
            m = joint / np.where(class_w > 0, class_w, 1.0)[:, None, :]
            for b, j in zip(*np.nonzero(class_w == 0), strict=True):
                m[b, :, j] = 0.0
                m[b, j, j] = 1.0
            out["m"] = m
        if self.method == "kdey" and include_model:
            out["hw"] = hw[:, self._order]  # the centres' order in :meth:`_kde`
        if self.method == "emq-bcts":
            assert self.calib_ is not None
            if include_model:
                out["calib"] = self._bcts_boot(hw)
            else:
                out["calib"] = np.broadcast_to(self.calib_, (n_boot, k + 1))
        self._reps[key] = out
        return out

    def _kdey_boot(self, proba: np.ndarray, w: np.ndarray, hw: np.ndarray | None) -> np.ndarray:
        """KDEy shares per replicate: comments weighted by ``w``, centres by ``hw`` (or not)."""
        n, k = proba.shape
        out = np.empty((len(w), k))
        fixed = self._kde(proba) if hw is None else None
        # every replicate's densities from one pass over the kernel, in chunks of at most
        # ~4 million numbers (about 400 replicates of 3,000 comments)
        step = max(1, 4_000_000 // (n * k))
        for b0 in range(0, len(w), step):
            sl = slice(b0, b0 + step)
            dens = fixed if hw is None else self._kde(proba, hw[sl])
            uniform = np.full((len(w[sl]), k), 1.0 / k)
            out[sl] = emq(uniform, dens, w[sl], epsilon=_KDEY_EPS)[0]
        return out

    def _bcts_boot(self, hw: np.ndarray) -> np.ndarray:
        """:func:`bcts_fit` per row of ``hw``, in chunks of replicates that use the same rows."""
        h = self.heldout
        calib = np.empty((len(hw), len(self.labels) + 1))
        if not len(hw):  # no replicates (a point estimate only)
            return calib
        # replicates of one scenario (model_boot="scenario") side by side: fit on its rows only
        order = np.argsort((hw > 0).argmax(axis=1), kind="stable")
        first = (hw[order] > 0).argmax(axis=1)
        for start in np.flatnonzero(np.r_[True, first[1:] != first[:-1]]):
            same = order[start:][first[start:] == first[start]]
            for b0 in range(0, len(same), 50):
                rows = same[b0 : b0 + 50]
                used = (hw[rows] > 0).any(axis=0)
                calib[rows] = bcts_fit(h.y[used], h.proba[used], hw[rows][:, used])
        return calib

    def _emq_boot(
        self,
        train_prev: np.ndarray,
        proba: np.ndarray,
        w: np.ndarray,
        calib: np.ndarray | None = None,
    ) -> np.ndarray:
        out = np.empty((len(w), proba.shape[1]))
        for b0 in range(0, len(w), 50):  # chunks keep memory flat on big threads
            sl = slice(b0, b0 + 50)
            p = proba if calib is None else bcts_apply(calib[sl], proba)
            out[sl] = emq(train_prev[sl], p, w[sl])[0]
        return out


def interval(reps: np.ndarray, alpha: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval over the first axis (NaN-aware).

    Examples
    --------
    >>> import numpy as np
    >>> lo, hi = interval(np.arange(101.0)[:, None])
    >>> float(lo[0]), float(hi[0])
    (2.5, 97.5)
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        lo = np.nanquantile(reps, alpha / 2, axis=0)
        hi = np.nanquantile(reps, 1 - alpha / 2, axis=0)
    return lo, hi


def wald_p(estimate: float, reps: np.ndarray) -> float:
    """Two-sided p-value of ``estimate = 0`` with the bootstrap standard error.

    Examples
    --------
    >>> import numpy as np
    >>> round(wald_p(0.2, np.random.default_rng(0).normal(0.2, 0.1, 4000)), 2)
    0.05
    """
    se = float(np.nanstd(reps, ddof=1))
    if not np.isfinite(se) or se == 0:
        return 1.0 if estimate == 0 else 0.0
    return float(2 * stats.norm.sf(abs(estimate) / se))


def _known_codes(known: np.ndarray, n: int, k: int) -> np.ndarray:
    codes = np.asarray(known)
    if codes.shape != (n,) or not np.issubdtype(codes.dtype, np.integer):
        raise ValueError(f"known must be {n} integer class codes (-1: not labelled)")
    if len(codes) and (codes.min() < -1 or codes.max() >= k):
        raise ValueError(f"known codes must lie in -1..{k - 1}")
    return codes


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise AnalyzerError(f"unknown quantification method {method!r}: use {', '.join(METHODS)}")


class QuantificationWarning(AnalyzerWarning):
    """Corrected shares were asked for but could not be computed: counted shares are shown."""


#: what ``shares=`` accepts
SHARES = ("corrected", "counted")


def resolve_quantifier(
    classes: Sequence[str],
    has_proba: bool,
    *,
    shares: str = "corrected",
    model: Any = None,
    method: str | None = None,
) -> tuple[Quantifier | None, str | None]:
    """The quantifier for ``shares="corrected"``, or None and why (counted shares then).

    A missing correction (the model keeps no held-out predictions, or its classes
    are not the scored file's) is a :class:`QuantificationWarning`; comments without
    ``p_`` columns are counted silently (there is nothing to correct).

    Parameters
    ----------
    classes : sequence of str
        The scored comments' classes.
    has_proba : bool
        Whether the comments carry ``p_<class>`` probabilities.
    shares : {"corrected", "counted"}
    model : ToneModel, path, mapping or None
        The model that scored the comments (its metadata, or a file; the default
        model when None).
    method : str, optional
        Quantification method (default :data:`DEFAULT_METHOD`).

    Examples
    --------
    >>> q, why = resolve_quantifier(["criticism", "neutral", "understanding"], True)
    >>> q.method, why
    ('emq-bcts', None)
    >>> resolve_quantifier(["a", "b"], True, shares="counted")
    (None, 'counted shares (asked for)')
    """
    if shares not in SHARES:
        raise AnalyzerError(f"unknown shares {shares!r}: use corrected or counted")
    if shares == "counted":
        return None, "counted shares (asked for)"
    if not has_proba:
        return None, "counted shares: the comments have no p_ probability columns to correct"
    method = method or DEFAULT_METHOD
    _check_method(method)  # a mistake to say, not a reason to fall back to counting
    if isinstance(model, Mapping):
        meta = model
    elif hasattr(model, "meta") and hasattr(model, "pipeline"):
        meta = model.meta
    else:
        from analyzer.model import load_model

        meta = load_model(model).meta
    try:
        q = Quantifier(Heldout.from_meta(meta).reorder(classes), method)
    except AnalyzerError as exc:
        why = f"counted shares, not corrected: {exc}"
        warnings.warn(why, QuantificationWarning, stacklevel=3)
        return None, why
    return q, None


def proba_matrix(rows: Any, classes: Sequence[str]) -> np.ndarray:
    """The ``p_<class>`` columns as an (n, k) array; rows without them get their label's one-hot."""
    p = rows[[f"p_{c}" for c in classes]].to_numpy(dtype=float)
    bad = ~np.isfinite(p).all(axis=1)
    if bad.any():
        tone = rows["tone"].astype(str).to_numpy()[bad]
        p[bad] = np.stack([tone == c for c in classes], axis=1).astype(float)
    return p

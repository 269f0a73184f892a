"""Training, cross-validation and evaluation figures."""

from __future__ import annotations

import base64
import itertools
import time
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    f1_score,
    precision_recall_fscore_support,
)
from sklearn.model_selection import (
    GroupKFold,
    LeaveOneGroupOut,
    StratifiedKFold,
    cross_val_predict,
)

from analyzer.errors import AnalyzerError
from analyzer.model._persist import data_hash, library_versions, text_fingerprint
from analyzer.model._pipeline import ToneModel, build_pipeline

__all__ = [
    "classification_figures",
    "cross_validate",
    "evaluate",
    "heldout_arrays",
    "heldout_predictions",
    "train",
]


def _check(
    texts: Sequence[Any], labels: Sequence[Any], *, fitting: bool = True
) -> tuple[list[str], np.ndarray]:
    texts = ["" if t is None else str(t) for t in texts]
    y = np.asarray([str(v) for v in labels], dtype=object)
    if len(texts) != len(y):
        raise AnalyzerError("texts and labels differ in length")
    if fitting and len(np.unique(y)) < 2:
        raise AnalyzerError("training needs at least two different labels")
    return texts, y


def expected_calibration_error(proba: np.ndarray, y_idx: np.ndarray, bins: int = 15) -> float:
    """Top-label expected calibration error over equal-width confidence bins.

    Examples
    --------
    >>> import numpy as np
    >>> from analyzer.model._train import expected_calibration_error
    >>> expected_calibration_error(np.array([[0.9, 0.1], [0.9, 0.1]]), np.array([0, 1]))
    0.4
    """
    conf = proba.max(axis=1)
    correct = proba.argmax(axis=1) == y_idx
    edges = np.linspace(0, 1, bins + 1)
    ece = 0.0
    for lo, hi in itertools.pairwise(edges):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            ece += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return round(float(ece), 4)


def classification_figures(
    y_true: Sequence[Any], proba: np.ndarray, labels: Sequence[str]
) -> dict[str, Any]:
    """Macro-F1, per-class precision/recall/F1, confusion matrix and calibration.

    Parameters
    ----------
    y_true : sequence of str
        Gold labels.
    proba : ndarray of shape (n, n_classes)
        Predicted probabilities, columns in the order of ``labels``.
    labels : sequence of str
        The classes.

    Returns
    -------
    dict
        ``n, labels, macro_f1, accuracy, per_class, confusion, brier, ece``.

    Examples
    --------
    >>> import numpy as np
    >>> from analyzer.model import classification_figures
    >>> f = classification_figures(["a", "b"], np.array([[0.8, 0.2], [0.3, 0.7]]), ["a", "b"])
    >>> f["macro_f1"], f["confusion"]["matrix"]
    (1.0, [[1, 0], [0, 1]])
    """
    labels = [str(c) for c in labels]
    y = np.asarray([str(v) for v in y_true], dtype=object)
    pred = np.asarray(labels, dtype=object)[proba.argmax(axis=1)]
    p, r, f, s = precision_recall_fscore_support(y, pred, labels=labels, zero_division=0)
    pos = {c: i for i, c in enumerate(labels)}
    y_idx = np.array([pos.get(v, -1) for v in y])
    onehot = np.zeros_like(proba)
    known = y_idx >= 0
    onehot[np.flatnonzero(known), y_idx[known]] = 1.0
    brier = float(np.mean(np.sum((proba - onehot) ** 2, axis=1))) if len(y) else float("nan")
    return {
        "n": len(y),
        "labels": labels,
        "macro_f1": round(float(f1_score(y, pred, labels=labels, average="macro")), 4),
        "accuracy": round(float(accuracy_score(y, pred)), 4),
        "per_class": {
            c: {
                "precision": round(float(p[i]), 4),
                "recall": round(float(r[i]), 4),
                "f1": round(float(f[i]), 4),
                "support": int(s[i]),
            }
            for i, c in enumerate(labels)
        },
        "confusion": {"labels": labels, "matrix": _confusion(y_idx, proba.argmax(axis=1), labels)},
        "brier": round(brier, 4),
        "ece": expected_calibration_error(proba, y_idx),
    }


def _confusion(y_idx: np.ndarray, pred_idx: np.ndarray, labels: Sequence[str]) -> list[list[int]]:
    """Rows = gold, columns = predicted; gold labels the model does not know have no row."""
    k = len(labels)
    known = y_idx >= 0
    m = np.bincount(y_idx[known] * k + pred_idx[known], minlength=k * k).reshape(k, k)
    return m.tolist()


def cross_validate(
    texts: Sequence[Any],
    labels: Sequence[Any],
    *,
    groups: Sequence[Any] | None = None,
    cv: int = 5,
    random_state: int = 0,
    **params: Any,
) -> dict[str, Any]:
    """Out-of-fold figures of the default pipeline.

    With ``groups``, every group is held out as a whole: leave-one-group-out
    when there are at most 20 groups, else ``GroupKFold(cv)``; figures per
    group are added under ``per_group``. Without groups, stratified K-fold.
    The out-of-fold predictions themselves are under ``heldout``
    (see :func:`heldout_predictions`).

    Examples
    --------
    >>> from analyzer.model import cross_validate
    >>> t = ["Hävetkää!", "Kiitos paljon", "Missä tää oli?"] * 6
    >>> y = ["criticism", "understanding", "neutral"] * 6
    >>> cv = cross_validate(t, y, cv=3, min_df=1, calibration=None, classifier="logreg")
    >>> cv["macro_f1"] > 0.9
    True
    """
    texts, y = _check(texts, labels)
    t0 = time.perf_counter()
    if groups is not None:
        g = np.asarray([str(v) for v in groups], dtype=object)
        n_groups = len(np.unique(g))
        if n_groups < 2:
            raise AnalyzerError("grouped cross-validation needs at least two groups")
        splitter: Any = LeaveOneGroupOut() if n_groups <= 20 else GroupKFold(n_splits=cv)
        scheme = "leave-one-group-out" if n_groups <= 20 else f"group-{cv}-fold"
    else:
        g = None
        smallest = int(np.unique(y, return_counts=True)[1].min())
        k = max(2, min(cv, smallest))
        splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=random_state)
        scheme = f"stratified-{k}-fold"
    pipe = build_pipeline(random_state=random_state, **params)
    proba = cross_val_predict(pipe, texts, y, groups=g, cv=splitter, method="predict_proba")
    labels_sorted = sorted(set(y.tolist()))
    out = classification_figures(y, proba, labels_sorted)
    out["scheme"] = scheme
    out["heldout"] = heldout_predictions(y, proba, labels_sorted, g)
    if g is not None:
        out["per_group"] = {}
        for name in sorted(set(g.tolist())):
            m = g == name
            fig = classification_figures(y[m], proba[m], labels_sorted)
            out["per_group"][name] = {"n": fig["n"], "macro_f1": fig["macro_f1"]}
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


def _pack(values: np.ndarray) -> str:
    return base64.b64encode(np.asarray(values, dtype="<u2").tobytes()).decode("ascii")


def _unpack(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<u2").astype(int)


def heldout_predictions(
    y: np.ndarray, proba: np.ndarray, labels: Sequence[str], groups: np.ndarray | None
) -> dict[str, Any]:
    """Out-of-fold predictions in the compact form a model file keeps (no texts).

    Plain JSON like the rest of the metadata, and small: ``y`` (class codes into
    ``labels``), ``groups`` (codes into ``group_names``) and ``proba`` (in units
    of 1/10,000, row by row) are little-endian uint16 arrays in base64, which a
    model file loads in no time (a list of 10,000 numbers would take a second).
    :func:`heldout_arrays` reads them back; quantification
    (:mod:`analyzer.timeline._quantify`) estimates its correction from them.

    Examples
    --------
    >>> import numpy as np
    >>> h = heldout_predictions(np.array(["b", "a"]), np.array([[0.3, 0.7], [0.6, 0.4]]),
    ...                         ["a", "b"], None)
    >>> y, proba, groups = heldout_arrays(h)
    >>> y.tolist(), proba.tolist(), groups is None, h["encoding"]
    ([1, 0], [[0.3, 0.7], [0.6, 0.4]], True, 'base64-uint16le')
    """
    pos = {c: i for i, c in enumerate(labels)}
    proba = np.asarray(proba, dtype=float)
    out: dict[str, Any] = {
        "labels": list(labels),
        "encoding": "base64-uint16le",
        "n": len(y),
        "y": _pack([pos[str(v)] for v in y]),
        "proba": _pack(np.rint(np.clip(proba, 0, 1) * 10_000).ravel()),
        "groups": None,
        "group_names": None,
    }
    if groups is not None:
        names, codes = np.unique(np.asarray(groups, dtype=str), return_inverse=True)
        out["groups"] = _pack(codes)
        out["group_names"] = names.tolist()
    return out


def heldout_arrays(heldout: dict[str, Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """``y``, ``proba`` (n, k) and ``groups`` (or None) of :func:`heldout_predictions`."""
    k = len(heldout["labels"])
    y = _unpack(heldout["y"])
    proba = _unpack(heldout["proba"]).reshape(-1, k) / 10_000
    groups = None if heldout.get("groups") is None else _unpack(heldout["groups"])
    return y, proba, groups


def train(
    texts: Sequence[Any],
    labels: Sequence[Any],
    *,
    groups: Sequence[Any] | None = None,
    cv: int | None = 5,
    random_state: int = 0,
    **params: Any,
) -> ToneModel:
    """Fit the tone pipeline on labelled texts; cross-validate first when ``cv``.

    Works with any label set (e.g. ``positive``/``negative``). The returned
    model carries metadata: labels, training-data hash, library versions,
    parameters, the cross-validation figures (``meta["cv"]``) and the
    out-of-fold predictions (``meta["heldout"]``, see :func:`heldout_predictions`).

    Parameters
    ----------
    texts, labels : sequence
        Training comments and their labels.
    groups : sequence, optional
        Group of each comment (e.g. scenario) for grouped cross-validation.
    cv : int or None, default=5
        Folds; ``None`` or ``0`` skips cross-validation.
    random_state : int, default=0
        Seed.
    **params
        Passed to :func:`build_pipeline`.

    Examples
    --------
    >>> from analyzer.model import train
    >>> t = ["Hävetkää!", "Kiitos paljon", "Missä tää oli?"] * 6
    >>> y = ["criticism", "understanding", "neutral"] * 6
    >>> m = train(t, y, cv=None, min_df=1, calibration=None, classifier="logreg")
    >>> m.predict(["Hävetkää nyt"]).tolist()
    ['criticism']
    """
    texts, y = _check(texts, labels)
    meta: dict[str, Any] = {
        "n": len(texts),
        "data_hash": data_hash(texts, y),
        "params": {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()},
        "versions": library_versions(),
        "text_fingerprint": text_fingerprint(),
    }
    if cv:
        meta["cv"] = cross_validate(
            texts, y, groups=groups, cv=cv, random_state=random_state, **params
        )
        # out-of-fold predictions, for correcting tone shares (analyzer.timeline._quantify)
        meta["heldout"] = meta["cv"].pop("heldout")
    t0 = time.perf_counter()
    pipe = build_pipeline(random_state=random_state, **params).fit(texts, y)
    meta["fit_seconds"] = round(time.perf_counter() - t0, 1)
    return ToneModel(pipe, meta)


def evaluate(model: ToneModel, texts: Sequence[Any], labels: Sequence[Any]) -> dict[str, Any]:
    """Figures of a fitted model on held-out labelled texts.

    Labels the model does not know count as errors.

    Examples
    --------
    >>> from analyzer.model import evaluate, load_model
    >>> evaluate(load_model(), ["Hävetkää!"], ["criticism"])["accuracy"]
    1.0
    """
    texts, y = _check(texts, labels, fitting=False)
    proba = model.predict_proba(texts)
    return classification_figures(y, proba, model.labels)

"""Training, cross-validation and evaluation figures."""

from __future__ import annotations

import base64
import itertools
import time
from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.calibration import CalibratedClassifierCV
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
from sklearn.preprocessing import LabelEncoder, label_binarize
from sklearn.utils.parallel import Parallel, delayed

from analyzer.errors import AnalyzerError
from analyzer.model._augment import ADD_EMOJI
from analyzer.model._persist import data_hash, library_versions, text_fingerprint
from analyzer.model._pipeline import ToneModel, build_pipeline

__all__ = [
    "classification_figures",
    "cross_validate",
    "evaluate",
    "heldout_arrays",
    "heldout_predictions",
    "train",
    "training_set",
]


#: Grouped cross-validation holds out one group at a time up to this many groups (the corpus's
#: 31 scenarios: every scenario predicted by a model trained on all the others, as a new thread
#: will be), and switches to ``GroupKFold(cv)`` above it to bound the number of fits.
MAX_LEAVE_ONE_GROUP_OUT = 40


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


def _balanced(y: np.ndarray, total: float) -> np.ndarray:
    """Per-sample weights under which every class of ``y`` weighs ``total / n_classes``."""
    classes, inv, counts = np.unique(y, return_inverse=True, return_counts=True)
    return (total / (len(classes) * counts))[inv]


def training_set(
    texts: Sequence[str],
    y: np.ndarray,
    *,
    extra_texts: Sequence[str] = (),
    extra_labels: np.ndarray | None = None,
    extra_weight: float = 1.0,
    augment: int = 0,
    random_state: int = 0,
    augment_emoji: float = ADD_EMOJI,
) -> tuple[list[str], np.ndarray, np.ndarray | None]:
    """The texts, labels and sample weights one fit sees.

    Without extra data and augmentation: ``texts`` and ``y`` as given, no
    weights (the classifier balances the classes itself). Otherwise each
    data set is balanced on its own: the main texts (with ``augment`` noisy
    copies of each, :func:`analyzer.model._augment.augment`) weigh as much in
    total as there are main texts, every class a third of it; the extra texts
    weigh ``extra_weight`` times that, again every class alike. ``augment_emoji``
    is the share of copies that get an emoji added.

    Examples
    --------
    >>> import numpy as np
    >>> from analyzer.model._train import training_set
    >>> t, y, w = training_set(["a", "b"], np.array(["x", "y"]),
    ...                        extra_texts=["c", "d", "e"], extra_labels=np.array(["x", "x", "y"]))
    >>> t, w.round(3).tolist()
    (['a', 'b', 'c', 'd', 'e'], [1.0, 1.0, 0.5, 0.5, 1.0])
    """
    texts = list(texts)
    if not len(extra_texts) and not augment:
        return texts, y, None
    from analyzer.model._augment import augment as make_copies

    copies, src = make_copies(
        texts, copies=augment, random_state=random_state, add_emoji=augment_emoji
    )
    main_y = np.concatenate([y, y[np.asarray(src, dtype=np.int64)]]) if copies else y
    weights = [_balanced(main_y, len(texts))]
    all_texts = texts + copies
    labels = [main_y]
    if len(extra_texts):
        assert extra_labels is not None
        weights.append(_balanced(extra_labels, extra_weight * len(texts)))
        all_texts += list(extra_texts)
        labels.append(extra_labels)
    return all_texts, np.concatenate(labels), np.concatenate(weights)


def _fit(
    texts: Sequence[str],
    y: np.ndarray,
    *,
    extra_texts: Sequence[str],
    extra_labels: np.ndarray | None,
    extra_weight: float,
    augment: int,
    random_state: int,
    params: dict[str, Any],
    thread_weight: float = 0.0,
    groups: np.ndarray | None = None,
    augment_emoji: float = ADD_EMOJI,
) -> Any:
    """A fitted pipeline on ``texts`` (plus the extra data and copies, weighted).

    With extra data or copies, the classifier is fitted with per-data-set
    balanced sample weights (:func:`training_set`) and its probabilities are
    then calibrated on ``texts`` alone (:func:`_calibrate_on_main`): the
    probabilities describe comments like the main ones, not the mixture.
    With ``groups`` (one per text, e.g. the scenario), the calibration is
    fitted on scores of whole held-out groups, so that the probabilities
    describe a group the classifier never saw (a new thread), not one it
    knows.
    """
    t, yy, w = training_set(
        texts,
        y,
        extra_texts=extra_texts,
        extra_labels=extra_labels,
        extra_weight=extra_weight,
        augment=augment,
        random_state=random_state,
        augment_emoji=augment_emoji,
    )
    if params.get("gate") is not None and not len(extra_texts):
        raise AnalyzerError("a general-text gate needs extra (general) training text")
    if w is None and groups is None:
        return build_pipeline(random_state=random_state, **params).fit(t, yy)
    if w is None:
        pipe = build_pipeline(random_state=random_state, **params)  # balanced class weights
    else:
        pipe = build_pipeline(random_state=random_state, class_weight=None, **params)
    # the gate (if any) learns to tell the extra texts from the main ones and their copies
    domain = np.arange(len(t)) >= len(t) - len(extra_texts)
    vec = pipe.named_steps["features"]
    X = vec.fit_transform(t, domain=domain)
    if thread_weight and vec.gate is not None:
        # the extra texts once more, read as thread comments: the thread-side weights learn
        # from them too (a FinnSentiment sentence that looks like a comment is still neutral)
        assert extra_labels is not None
        X = sp.vstack([X, vec.as_thread(X[domain])], format="csr")
        yy = np.concatenate([yy, extra_labels])
        w = np.concatenate([w, _balanced(extra_labels, thread_weight * len(texts))])
    clf = pipe[-1].fit(X, yy, sample_weight=w)
    if isinstance(clf, CalibratedClassifierCV) and not clf.ensemble:
        _calibrate_on_main(clf, X, yy, w, len(texts), augment, random_state, groups)
    return pipe


def _calibration_folds(
    y: np.ndarray, k: int, random_state: int, groups: np.ndarray | None
) -> list[tuple[np.ndarray, np.ndarray]]:
    """``k`` folds of the main rows: whole groups held out when there are groups.

    Examples
    --------
    >>> import numpy as np
    >>> from analyzer.model._train import _calibration_folds
    >>> g = np.array(["a", "a", "b", "b", "c", "c"])
    >>> sorted(sorted(set(g[test].tolist())) for _, test in _calibration_folds(g, 5, 0, g))
    [['a'], ['b'], ['c']]
    """
    idx = np.zeros(len(y))
    if groups is not None:
        n_groups = len(np.unique(groups))
        if n_groups >= 2:
            return list(GroupKFold(n_splits=min(k, n_groups)).split(idx, y, groups))
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=random_state)
    return list(folds.split(idx, y))


def _calibrate_on_main(
    clf: CalibratedClassifierCV,
    X: Any,
    y: np.ndarray,
    w: np.ndarray | None,
    n_main: int,
    augment: int,
    random_state: int,
    groups: np.ndarray | None = None,
) -> None:
    """Refit ``clf``'s calibrators on out-of-fold scores of the first ``n_main`` rows only.

    ``CalibratedClassifierCV`` calibrates on every row it was fitted on, with
    the rows' weights: with a large extra data set the calibration (and so the
    most probable class) would follow the extra data's class balance. Here
    the main rows are split in ``clf.cv`` stratified folds; each fold's rows
    are scored by a classifier fitted on everything else (all extra rows, the
    other main rows and their noisy copies, never the fold's own copies), and
    the calibrators (one sigmoid per class, as scikit-learn fits them) are
    refitted on those scores, unweighted, as for a model trained on the main
    rows alone. With ``groups`` (one per main row) the folds hold out whole
    groups (``GroupKFold``): a classifier scores a group it never saw more
    timidly (its words are new), and the calibration learns that, as it must
    for a model that will read a new thread.
    """
    k = clf.cv if isinstance(clf.cv, int) else 5
    main = np.arange(n_main)
    # copy c of main row i sits at n_main + c * n_main + i
    owner = np.full(len(y), -1, dtype=np.int64)
    owner[: n_main * (1 + augment)] = np.tile(main, 1 + augment)
    scores: np.ndarray | None = None
    for _, test in _calibration_folds(y[:n_main], k, random_state, groups):
        held = np.zeros(n_main, dtype=bool)
        held[test] = True
        train_rows = np.flatnonzero(~((owner >= 0) & held[np.maximum(owner, 0)]))
        sw = None if w is None else w[train_rows]
        est = clone(clf.estimator).fit(X[train_rows], y[train_rows], sample_weight=sw)
        d = est.decision_function(X[test])
        d = d.reshape(len(test), -1)
        if scores is None:
            scores = np.zeros((n_main, d.shape[1]))
        scores[test] = d
    assert scores is not None
    cc = clf.calibrated_classifiers_[0]
    classes = clf.classes_
    Y = label_binarize(y[:n_main], classes=classes)
    pos = LabelEncoder().fit(classes).transform(cc.estimator.classes_)
    for calibrator, class_idx, pred in zip(cc.calibrators, pos, scores.T, strict=False):
        calibrator.fit(pred, Y[:, class_idx])


def _extra(
    extra_texts: Sequence[Any] | None, extra_labels: Sequence[Any] | None
) -> tuple[list[str], np.ndarray | None]:
    if extra_labels is None and (extra_texts is None or not len(extra_texts)):
        return [], None
    if extra_texts is None or extra_labels is None:
        raise AnalyzerError("extra_texts and extra_labels go together")
    t, y = _check(extra_texts, extra_labels, fitting=False)
    return t, y


def cross_validate(
    texts: Sequence[Any],
    labels: Sequence[Any],
    *,
    groups: Sequence[Any] | None = None,
    cv: int = 5,
    random_state: int = 0,
    extra_texts: Sequence[Any] | None = None,
    extra_labels: Sequence[Any] | None = None,
    extra_weight: float = 1.0,
    augment: int = 0,
    thread_weight: float = 0.0,
    group_calibration: bool = True,
    n_jobs: int | None = None,
    augment_emoji: float = ADD_EMOJI,
    **params: Any,
) -> dict[str, Any]:
    """Out-of-fold figures of the default pipeline.

    With ``groups``, every group is held out as a whole: leave-one-group-out
    when there are at most :data:`MAX_LEAVE_ONE_GROUP_OUT` groups, else
    ``GroupKFold(cv)``; figures per
    group are added under ``per_group``. Without groups, stratified K-fold.
    The out-of-fold predictions themselves are under ``heldout``
    (see :func:`heldout_predictions`).

    Extra training data (``extra_texts``/``extra_labels``, e.g. FinnSentiment)
    goes into every training fold and is never held out: the figures are on
    ``texts`` alone. ``augment`` noisy copies are made of each training fold's
    texts only, never of the held-out ones. With ``groups`` (and
    ``group_calibration``), each fold's model is calibrated on its own training
    groups held out in turn. ``n_jobs`` folds are fitted at once in separate
    processes (``joblib``; ``None`` or ``1``: one after another, ``-1``: one per
    core); the figures do not depend on it. See :func:`train`.

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
    ex_t, ex_y = _extra(extra_texts, extra_labels)
    t0 = time.perf_counter()
    if groups is not None:
        g = np.asarray([str(v) for v in groups], dtype=object)
        if len(g) != len(y):
            raise AnalyzerError("texts and groups differ in length")
        n_groups = len(np.unique(g))
        if n_groups < 2:
            raise AnalyzerError("grouped cross-validation needs at least two groups")
        one_out = n_groups <= MAX_LEAVE_ONE_GROUP_OUT
        splitter: Any = LeaveOneGroupOut() if one_out else GroupKFold(n_splits=cv)
        scheme = "leave-one-group-out" if one_out else f"group-{cv}-fold"
    else:
        g = None
        smallest = int(np.unique(y, return_counts=True)[1].min())
        k = max(2, min(cv, smallest))
        splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=random_state)
        scheme = f"stratified-{k}-fold"
    labels_sorted = sorted(set(y.tolist()) | (set(ex_y.tolist()) if ex_y is not None else set()))
    cal_groups = g if group_calibration else None
    if not len(ex_t) and not augment and cal_groups is None:
        pipe = build_pipeline(random_state=random_state, **params)
        proba = cross_val_predict(pipe, texts, y, groups=g, cv=splitter, method="predict_proba")
    else:
        # out-of-fold probabilities of `texts` only; extra rows sit in every training fold
        proba = np.zeros((len(texts), len(labels_sorted)))
        col = {c: j for j, c in enumerate(labels_sorted)}
        arr = np.asarray(texts, dtype=object)
        fold_kw = {
            "extra_texts": ex_t,
            "extra_labels": ex_y,
            "extra_weight": extra_weight,
            "augment": augment,
            "random_state": random_state,
            "params": params,
            "thread_weight": thread_weight,
            "augment_emoji": augment_emoji,
        }
        folds = list(splitter.split(arr, y, g))
        results = Parallel(n_jobs=n_jobs)(
            delayed(_fold_proba)(
                arr[train_idx].tolist(),
                y[train_idx],
                arr[test_idx].tolist(),
                None if cal_groups is None else cal_groups[train_idx],
                fold_kw,
            )
            for train_idx, test_idx in folds
        )
        for (_, test_idx), (classes, p) in zip(folds, results, strict=True):
            cols = [col[str(c)] for c in classes]
            proba[np.ix_(test_idx, cols)] = p
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


def _fold_proba(
    train_texts: list[Any],
    train_y: np.ndarray,
    test_texts: list[Any],
    groups: np.ndarray | None,
    fold_kw: dict[str, Any],
) -> tuple[list[Any], np.ndarray]:
    """One cross-validation fold: fit on the training part, probabilities of the rest."""
    pipe = _fit(train_texts, train_y, groups=groups, **fold_kw)
    return list(pipe.classes_), pipe.predict_proba(test_texts)


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
    extra_texts: Sequence[Any] | None = None,
    extra_labels: Sequence[Any] | None = None,
    extra_weight: float = 1.0,
    augment: int = 0,
    extra_info: dict[str, Any] | None = None,
    thread_weight: float = 0.0,
    group_calibration: bool = True,
    n_jobs: int | None = None,
    augment_emoji: float = ADD_EMOJI,
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
        Group of each comment (e.g. scenario) for grouped cross-validation;
        with ``group_calibration`` the probabilities are also calibrated on
        scores of whole held-out groups (see :func:`_calibrate_on_main`), so
        that they describe a group the model never saw, such as a new thread.
    cv : int or None, default=5
        Folds; ``None`` or ``0`` skips cross-validation.
    random_state : int, default=0
        Seed (of the solver and of the augmentation).
    extra_texts, extra_labels : sequence, optional
        More labelled training text from elsewhere (e.g. FinnSentiment's real
        sentences, :func:`~analyzer.model.load_finnsentiment`): in every fit
        and every training fold, never held out, never hashed into
        ``meta["data_hash"]`` (it gets its own ``meta["extra"]["data_hash"]``);
        its texts are not stored.
    extra_weight : float, default=1.0
        Total weight of the extra data relative to ``texts``; each data set is
        class-balanced on its own (:func:`training_set`).
    augment : int, default=0
        Noisy copies of each training text whose final period, capitals, ä/ö
        and spelling vary at random, independently of the label
        (:mod:`analyzer.model._augment`).
    augment_emoji : float, default=ADD_EMOJI (0.15)
        Share of those copies that get an emoji added, drawn from the emoji of
        the training texts whatever their label; 0 for none.
    extra_info : dict, optional
        Stored under ``meta["extra"]`` (e.g. the extra data's name and license).
    thread_weight : float, default=0.0
        With a general-text gate (``gate=``, see
        :class:`~analyzer.model.CommentVectorizer`): the extra texts once more,
        read as thread comments, with this total weight relative to ``texts``
        (each class alike), so that the weights for comments learn from them
        too; ``0`` leaves them to the general-text weights alone.
    group_calibration : bool, default=True
        With ``groups``: fit the probability calibration on scores of whole
        held-out groups instead of stratified folds.
    n_jobs : int, optional
        Cross-validation folds fitted at once, each in its own process
        (``joblib``); ``-1`` uses every core. The model and its figures are
        the same for any value.
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
    ex_t, ex_y = _extra(extra_texts, extra_labels)
    meta: dict[str, Any] = {
        "n": len(texts),
        "data_hash": data_hash(texts, y),
        "params": {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()},
        "versions": library_versions(),
        "text_fingerprint": text_fingerprint(),
    }
    if augment:
        from analyzer.model._augment import emoji_pool

        meta["augment"] = int(augment)
        meta["augment_emoji"] = {"p": float(augment_emoji), "types": len(emoji_pool(texts))}
    if len(ex_t):
        counts = dict(zip(*np.unique(ex_y, return_counts=True), strict=True))
        meta["extra"] = {
            **(extra_info or {}),
            "n": len(ex_t),
            "labels": {str(k): int(v) for k, v in counts.items()},
            "weight": float(extra_weight),
            **({"thread_weight": float(thread_weight)} if thread_weight else {}),
            "data_hash": data_hash(ex_t, ex_y),
        }
    extra = {
        "extra_texts": ex_t,
        "extra_labels": ex_y,
        "extra_weight": extra_weight,
        "augment": augment,
        "thread_weight": thread_weight,
        "augment_emoji": augment_emoji,
    }
    if cv:
        meta["cv"] = cross_validate(
            texts,
            y,
            groups=groups,
            cv=cv,
            random_state=random_state,
            group_calibration=group_calibration,
            n_jobs=n_jobs,
            **extra,
            **params,
        )
        # out-of-fold predictions, for correcting tone shares (analyzer.timeline._quantify)
        meta["heldout"] = meta["cv"].pop("heldout")
    t0 = time.perf_counter()
    g = None if groups is None else np.asarray([str(v) for v in groups], dtype=object)
    if g is not None and len(g) != len(y):
        raise AnalyzerError("texts and groups differ in length")
    if g is not None:
        meta["group_calibration"] = bool(group_calibration)
    cal_groups = g if group_calibration else None
    pipe = _fit(texts, y, random_state=random_state, params=params, groups=cal_groups, **extra)
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

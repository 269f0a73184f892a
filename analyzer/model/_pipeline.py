"""The tone classifier: a scikit-learn pipeline and a small model object around it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from analyzer.errors import AnalyzerError
from analyzer.model._features import CommentVectorizer
from analyzer.model._nbsvm import NBLinearSVC

__all__ = ["ToneModel", "build_pipeline"]


def build_pipeline(
    *,
    classifier: str = "svm",
    C: float | None = None,
    calibration: str | None = "sigmoid",
    cv: int = 5,
    random_state: int = 0,
    class_weight: str | None = "balanced",
    **vectorizer_params: Any,
) -> Pipeline:
    """The default tone pipeline: :class:`CommentVectorizer` → calibrated linear classifier.

    The default, a linear SVM with class weights and sigmoid (Platt)
    calibration, scored as well as logistic regression in
    leave-one-scenario-out cross-validation on our corpus and fits about six
    times faster (``docs/benchmarks.md``).

    Parameters
    ----------
    classifier : {"svm", "nbsvm", "logreg"}, default="svm"
        :class:`~sklearn.svm.LinearSVC`, :class:`~analyzer.model.NBLinearSVC`
        (the SVM on naive-Bayes-scaled n-grams) or
        :class:`~sklearn.linear_model.LogisticRegression`, all with
        ``class_weight="balanced"``.
    C : float, optional
        Inverse regularisation strength (default 0.3 for the SVM, 1 for NB-SVM,
        10 for logistic regression).
    calibration : {"sigmoid", "isotonic"} or None, default="sigmoid"
        Calibrate probabilities with :class:`~sklearn.calibration.CalibratedClassifierCV`
        (``cv`` internal folds); ``None`` uses the raw logistic probabilities.
    cv : int, default=5
        Folds of the calibration.
    random_state : int, default=0
        Seed of the solver.
    class_weight : "balanced" or None, default="balanced"
        Class weights of the classifier; ``None`` when the caller passes its
        own ``clf__sample_weight`` to ``fit`` (as :func:`~analyzer.model.train`
        does when it mixes data sets, each balanced on its own).
    **vectorizer_params
        Passed to :class:`CommentVectorizer`.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Steps ``features`` and ``clf``.

    Examples
    --------
    >>> from analyzer.model import build_pipeline
    >>> [name for name, _ in build_pipeline().steps]
    ['features', 'clf']
    """
    base: Any
    if classifier == "svm":
        base = LinearSVC(
            C=0.3 if C is None else C, class_weight=class_weight, random_state=random_state
        )
    elif classifier == "nbsvm":
        base = NBLinearSVC(
            C=1.0 if C is None else C, class_weight=class_weight, random_state=random_state
        )
    elif classifier == "logreg":
        base = LogisticRegression(
            C=10.0 if C is None else C,
            class_weight=class_weight,
            max_iter=3000,
            random_state=random_state,
        )
    else:
        raise AnalyzerError(f"unknown classifier {classifier!r} (use 'svm', 'nbsvm' or 'logreg')")
    clf: Any = base
    if calibration:
        clf = CalibratedClassifierCV(base, method=calibration, cv=cv, ensemble=False)
    elif classifier in ("svm", "nbsvm"):
        raise AnalyzerError("the SVM gives no probabilities without calibration; use 'logreg'")
    return Pipeline([("features", CommentVectorizer(**vectorizer_params)), ("clf", clf)])


@dataclass
class ToneModel:
    """A fitted pipeline with the metadata that travels with it.

    Parameters
    ----------
    pipeline : sklearn.pipeline.Pipeline
        A fitted pipeline with ``predict_proba``.
    meta : dict
        Label set, training-data hash, library versions, date, CV figures.

    Examples
    --------
    >>> from analyzer.model import ToneModel, build_pipeline
    >>> texts = ["Hävetkää!", "Kiitos, hyvä anteeksipyyntö", "Missä tää oli?"] * 4
    >>> labels = ["criticism", "understanding", "neutral"] * 4
    >>> p = build_pipeline(classifier="logreg", calibration=None, min_df=1).fit(texts, labels)
    >>> m = ToneModel(p, {})
    >>> m.labels
    ['criticism', 'neutral', 'understanding']
    >>> m.classes_.tolist() == m.labels
    True
    >>> list(m.predict_proba_frame(["Hävetkää"]).columns)
    ['p_criticism', 'p_neutral', 'p_understanding']
    """

    pipeline: Pipeline
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def labels(self) -> list[str]:
        """The classes, in the order of the probability columns."""
        return [str(c) for c in self.pipeline.classes_]

    @property
    def classes_(self) -> np.ndarray:
        """The classes as the fitted scikit-learn pipeline has them (probability column order)."""
        return self.pipeline.classes_

    def predict_proba(self, texts: Iterable[Any]) -> np.ndarray:
        """Class probabilities, one row per text."""
        return self.pipeline.predict_proba(list(texts))

    def predict(self, texts: Iterable[Any]) -> np.ndarray:
        """The most probable class of each text."""
        proba = self.predict_proba(texts)
        return np.asarray(self.labels, dtype=object)[proba.argmax(axis=1)]

    def predict_proba_frame(self, texts: Sequence[Any], index: Any = None) -> pd.DataFrame:
        """``tone`` is not included: one ``p_<label>`` column per class."""
        proba = self.predict_proba(texts)
        return pd.DataFrame(proba, columns=[f"p_{c}" for c in self.labels], index=index)

    def score_frame(self, texts: Sequence[Any], index: Any = None) -> pd.DataFrame:
        """``tone`` and one ``p_<label>`` column per class, one row per text.

        Examples
        --------
        >>> from analyzer.model import load_model
        >>> load_model().score_frame(["Hävetkää!"])["tone"].tolist()
        ['criticism']
        """
        proba = self.predict_proba(texts)
        out = pd.DataFrame(
            {"tone": np.asarray(self.labels, dtype=object)[proba.argmax(axis=1)]}, index=index
        )
        for j, c in enumerate(self.labels):
            out[f"p_{c}"] = proba[:, j].round(4)
        return out

"""A linear SVM on naive-Bayes-scaled features (NB-SVM, Wang & Manning 2012).

Each one-vs-rest problem scales the sparse occurrence columns by their
log-count ratio (how much more often the column occurs in the class than
outside it, with additive smoothing) before a :class:`~sklearn.svm.LinearSVC`
is fitted. A column the class uses a lot gets a large weight to start with,
so the SVM's L2 penalty favours the words naive Bayes already found telling
and spreads less weight over rare, topic-bound n-grams. Because the scaling
is per column, the fitted model is still linear in the original features:
``coef_`` holds the SVM's weights times the ratios, and prediction,
explanations and the model file are those of any linear classifier.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.svm import LinearSVC
from sklearn.utils.class_weight import compute_sample_weight
from sklearn.utils.extmath import safe_sparse_dot
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

__all__ = ["NBLinearSVC"]


class NBLinearSVC(ClassifierMixin, BaseEstimator):
    """One-vs-rest linear SVMs on features scaled by naive-Bayes log-count ratios.

    Parameters
    ----------
    C : float, default=1.0
        Inverse regularisation strength of each :class:`~sklearn.svm.LinearSVC`.
    alpha : float, default=0.75
        Additive smoothing of the occurrence counts behind the ratios (0.75
        chosen on our corpus, FinnSentiment and XED: ``models/README.md``).
    max_df : float, default=0.5
        Only columns that are never negative and non-zero in at most this
        share of the training rows are scaled (the n-grams); denser or signed
        columns (without a gate: the style and polarity signals) keep a scale
        of 1. With the general-text gate of :class:`CommentVectorizer` each
        side's columns are non-zero only in that side's rows, so there the
        style and unsigned polarity signals are scaled too (in the shipped
        model every column but ``polarity:last``, ``polarity:balance`` and
        ``gate:general`` of each side).
    class_weight : "balanced" or None, default=None
        Class weights, multiplied into ``sample_weight``.
    random_state : int or None, default=None
        Seed of the SVM solver.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The classes.
    coef_ : ndarray of shape (1 or n_classes, n_features)
        Weights in the original feature space (SVM weights times the ratios).
    intercept_ : ndarray of shape (1 or n_classes,)
        The SVMs' intercepts.
    scaled_ : ndarray of shape (n_features,), bool
        The columns that were scaled.

    Examples
    --------
    >>> import numpy as np
    >>> from analyzer.model import NBLinearSVC
    >>> X = np.array([[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 1, 1]] * 3, dtype=float)
    >>> y = np.array(["criticism", "criticism", "neutral", "neutral"] * 3)
    >>> clf = NBLinearSVC(max_df=1.0).fit(X, y)
    >>> clf.predict([[1, 0, 0], [0, 0, 1]]).tolist()
    ['criticism', 'neutral']
    >>> clf.coef_.shape
    (1, 3)
    """

    def __init__(
        self,
        C: float = 1.0,
        alpha: float = 0.75,
        max_df: float = 0.5,
        class_weight: str | None = None,
        random_state: int | None = None,
    ) -> None:
        self.C = C
        self.alpha = alpha
        self.max_df = max_df
        self.class_weight = class_weight
        self.random_state = random_state

    def fit(self, X: Any, y: Any, sample_weight: Any = None) -> NBLinearSVC:
        """Fit one scaled SVM per class (one for two classes) on ``X``, ``y``."""
        X, y = validate_data(self, X, y, accept_sparse="csr", dtype=np.float64)
        check_classification_targets(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) < 2:
            raise ValueError("NBLinearSVC needs at least two classes; got 1 class")
        n = X.shape[0]
        w = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        if self.class_weight is not None:
            w = w * compute_sample_weight(self.class_weight, y)
        X = sp.csr_matrix(X)
        occurs = (X > 0).astype(np.float64)
        nonneg = np.asarray(X.min(axis=0).toarray()).ravel() >= 0
        self.scaled_ = nonneg & (occurs.getnnz(axis=0) <= self.max_df * n)
        targets = self.classes_[1:] if len(self.classes_) == 2 else self.classes_
        coef, intercept = [], []
        for c in targets:
            pos = y == c
            r = np.ones(X.shape[1])
            if self.scaled_.any():
                p = self.alpha + occurs.T @ (w * pos)
                q = self.alpha + occurs.T @ (w * ~pos)
                s = self.scaled_
                r[s] = np.log((p[s] / p[s].sum()) / (q[s] / q[s].sum()))
            svm = LinearSVC(C=self.C, random_state=self.random_state)
            svm.fit(X @ sp.diags(r), pos, sample_weight=w)
            coef.append(svm.coef_[0] * r)
            intercept.append(svm.intercept_[0])
        self.coef_ = np.array(coef)
        self.intercept_ = np.array(intercept)
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        """Signed distances to each class's hyperplane (one column for two classes: the second's).

        Examples
        --------
        >>> import numpy as np
        >>> from analyzer.model import NBLinearSVC
        >>> X = np.array([[1, 0], [0, 1]] * 4, dtype=float)
        >>> clf = NBLinearSVC(max_df=1.0).fit(X, ["a", "b"] * 4)
        >>> bool(clf.decision_function([[0, 1]])[0] > 0)
        True
        """
        check_is_fitted(self)
        X = validate_data(self, X, accept_sparse="csr", reset=False)
        scores = safe_sparse_dot(X, self.coef_.T, dense_output=True) + self.intercept_
        return scores.ravel() if scores.shape[1] == 1 else scores

    def predict(self, X: Any) -> np.ndarray:
        """The class with the highest decision value (for two classes: the second if positive)."""
        scores = self.decision_function(X)
        idx = (scores > 0).astype(int) if scores.ndim == 1 else scores.argmax(axis=1)
        return self.classes_[idx]

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        return tags

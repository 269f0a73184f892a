"""scikit-learn transformer: texts -> lemma feature sequences."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sklearn.base import BaseEstimator, TransformerMixin

from analyzer.errors import AnalyzerError
from analyzer.text._features import lemma_features

__all__ = ["LemmaTransformer"]


class LemmaTransformer(TransformerMixin, BaseEstimator):
    """Turn raw comments into lists of lemma features, for use in a Pipeline.

    Stateless (like scikit-learn's ``HashingVectorizer``): ``fit`` learns
    nothing and returns ``self``. Holds no Voikko handle, so it can be copied to other
    processes; the per-process cache and Voikko handle are created on first use in
    each process. Follow it with a vectorizer that accepts token lists, e.g.
    ``TfidfVectorizer(analyzer=identity)`` with a module-level ``identity``.
    scikit-learn's ``check_estimator`` does not apply (input is text, not a
    numeric array).

    Parameters
    ----------
    negation : bool, default=True
        Prefix words in negation scope with ``NEG_`` (see
        :func:`analyzer.text.lemma_features`).
    compounds : bool, default=False
        Append compound parts.

    Examples
    --------
    >>> from analyzer.text import LemmaTransformer
    >>> LemmaTransformer().fit_transform(["Ei toimi 🙄", "Kiitos nopeasta vastauksesta!"])
    [['ei', 'NEG_toimia', '🙄'], ['kiitos', 'nopea', 'vastaus', '!']]
    """

    def __init__(self, negation: bool = True, compounds: bool = False) -> None:
        self.negation = negation
        self.compounds = compounds

    def fit(self, X: Iterable[str], y: Any = None) -> LemmaTransformer:
        """Do nothing and return ``self`` (the transformer is stateless).

        Examples
        --------
        >>> from analyzer.text import LemmaTransformer
        >>> t = LemmaTransformer()
        >>> t.fit(["moi"]) is t
        True
        """
        if isinstance(X, str):
            raise AnalyzerError("LemmaTransformer expects a list of texts, not one string")
        return self

    def transform(self, X: Iterable[str]) -> list[list[str]]:
        """Lemma features of each text.

        Examples
        --------
        >>> from analyzer.text import LemmaTransformer
        >>> LemmaTransformer(negation=False).transform(["Ei oo"])
        [['ei', 'olla']]
        """
        if isinstance(X, str):
            raise AnalyzerError("LemmaTransformer expects a list of texts, not one string")
        neg, comp = self.negation, self.compounds
        return [
            lemma_features("" if x is None else str(x), negation=neg, compounds=comp) for x in X
        ]

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = False
        return tags

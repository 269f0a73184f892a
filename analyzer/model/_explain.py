"""Why a comment got its tone: the features that pushed it there.

The classifier is linear, so each feature's push toward a tone is its value
in the comment times its weight for that tone, minus the average weight over
all tones. Character n-grams are summed back onto the words they came from, so
an analyst reads words (``word:hienoa``), lemmas (``lemma:hävetä``,
``lemma:NEG_hyvä``), style signals (``style:exclaim_run``) and lexicon
polarity (``polarity:negative``), not fragments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analyzer.model._features import CommentVectorizer
from analyzer.model._pipeline import ToneModel

__all__ = ["Explanation", "explain", "top_features"]


@dataclass
class Explanation:
    """The tone of one comment and the features behind it.

    Examples
    --------
    >>> from analyzer.model import explain
    >>> e = explain(["Hävetkää!"])[0]
    >>> e.tone, isinstance(e.reasons, list)
    ('criticism', True)
    """

    text: str
    tone: str
    proba: dict[str, float]
    reasons: list[tuple[str, float]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "text": self.text,
            "tone": self.tone,
            "proba": self.proba,
            "reasons": [{"feature": f, "weight": w} for f, w in self.reasons],
        }


def _linear_parts(model: ToneModel) -> tuple[CommentVectorizer, np.ndarray]:
    """The vectoriser and the centred weight matrix (n_classes, n_features)."""
    vec = model.pipeline.named_steps["features"]
    clf = model.pipeline.named_steps["clf"]
    if hasattr(clf, "calibrated_classifiers_"):
        clf = clf.calibrated_classifiers_[0].estimator
    coef = np.asarray(clf.coef_, dtype=np.float64)
    if coef.shape[0] == 1:  # binary: one row for the positive class
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
    return vec, coef - coef.mean(axis=0, keepdims=True)


def explain(
    texts: Sequence[str], model: ToneModel | None = None, *, top: int = 8
) -> list[Explanation]:
    """Explain the tone of each text.

    Parameters
    ----------
    texts : sequence of str
        Comments.
    model : ToneModel, optional
        Default: :func:`~analyzer.model.load_model`.
    top : int, default=8
        How many reasons to keep per comment (strongest first; a negative
        weight pushes away from the predicted tone).

    Returns
    -------
    list of Explanation

    Examples
    --------
    >>> from analyzer.model import explain
    >>> e = explain(["Kiitos hyvästä anteeksipyynnöstä"])[0]
    >>> e.tone, "lemma:kiitos" in dict(e.reasons)
    ('understanding', True)
    """
    from analyzer.model._persist import load_model

    model = model or load_model()
    texts = [str(t) for t in texts]
    vec, coef = _linear_parts(model)
    X = vec.transform(texts).tocsr()
    names = vec.get_feature_names_out()
    proba = model.predict_proba(texts)
    labels = model.labels
    char_start = len(vec.word_vocabulary_) if vec.word_ngram_range is not None else 0
    char_stop = char_start + (len(vec.char_vocabulary_) if vec.char_ngram_range else 0)
    out = []
    for i, text in enumerate(texts):
        k = int(proba[i].argmax())
        row = X.getrow(i)
        contrib: dict[str, float] = {}
        char_push: dict[int, float] = {}
        for j, v in zip(row.indices, row.data, strict=True):
            push = float(v * coef[k, j])
            if char_start <= j < char_stop:
                char_push[j] = push
            else:
                contrib[str(names[j])] = contrib.get(str(names[j]), 0.0) + push
        if char_push:
            per_word = vec.char_columns(text)
            counts: dict[int, int] = {}
            for _, js in per_word:
                for j in js:
                    counts[j] = counts.get(j, 0) + 1
            for w, js in per_word:
                push = sum(char_push.get(j, 0.0) / counts[j] for j in js)
                contrib["word:" + w] = contrib.get("word:" + w, 0.0) + push
        reasons = sorted(contrib.items(), key=lambda kv: -abs(kv[1]))[:top]
        out.append(
            Explanation(
                text=text,
                tone=labels[k],
                proba={c: round(float(proba[i, j]), 4) for j, c in enumerate(labels)},
                reasons=[(f, round(w, 4)) for f, w in reasons],
            )
        )
    return out


def top_features(
    model: ToneModel | None = None,
    *,
    top: int = 15,
    kinds: Sequence[str] = ("lemma", "style", "polarity"),
) -> pd.DataFrame:
    """The globally strongest features of each tone.

    Parameters
    ----------
    model : ToneModel, optional
        Default: :func:`~analyzer.model.load_model`.
    top : int, default=15
        Features per tone.
    kinds : sequence of str, default=("lemma", "style", "polarity")
        Which feature kinds to list (``"char"`` adds character n-grams).

    Returns
    -------
    pandas.DataFrame
        Columns ``tone, feature, weight``, strongest first within each tone.

    Examples
    --------
    >>> from analyzer.model import top_features
    >>> sorted(top_features(top=3)["tone"].unique())
    ['criticism', 'neutral', 'understanding']
    """
    from analyzer.model._persist import load_model

    model = model or load_model()
    vec, coef = _linear_parts(model)
    names = vec.get_feature_names_out()
    keep = np.array([str(n).split(":", 1)[0] in kinds for n in names])
    rows = []
    for k, label in enumerate(model.labels):
        w = np.where(keep, coef[k], -np.inf)
        for j in np.argsort(-w)[:top]:
            if np.isfinite(w[j]):
                rows.append(
                    {"tone": label, "feature": str(names[j]), "weight": round(float(w[j]), 4)}
                )
    return pd.DataFrame(rows, columns=["tone", "feature", "weight"])

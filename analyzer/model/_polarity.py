"""Comment-level polarity signals from a hand-written Finnish lexicon.

The tone classifier learns words from its training comments; a word it has
never seen there says nothing to it. The lexicon ``polarity_fi.tsv`` (written
by this project's team, about Finnish words in general: emotions, evaluation,
insults, service and company criticism, support) gives every listed lemma a
valence from -3 to +3, so that a comment full of unseen but clearly negative
words still leans negative.

:func:`polarity_row` turns the lemma features of one comment (as
:func:`analyzer.text.token_features` gives them, ``NEG_`` marks included)
into a few dense signals (:data:`POLARITY_FEATURES`); a word in the scope of
a negation counts towards the ``negated_*`` signals instead of its own side
(``ei hyvä`` is not praise, ``ei huono`` not blame).
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources

import numpy as np

from analyzer.text import NEG_PREFIX

__all__ = [
    "POLARITY_FEATURES",
    "feature_valences",
    "polarity_lexicon",
    "polarity_row",
    "polarity_rows",
]

#: names of the polarity columns, in order
POLARITY_FEATURES = (
    "positive",
    "negative",
    "negated_positive",
    "negated_negative",
    "strongest_positive",
    "strongest_negative",
    "last",
    "balance",
)

_VS16 = "\ufe0f"


@functools.cache
def polarity_lexicon() -> Mapping[str, int]:
    """The bundled lexicon: lemma → valence (-3 … +3).

    Emoji are listed with and without the variation selector U+FE0F, as
    comments write both.

    Returns
    -------
    Mapping of str to int

    Examples
    --------
    >>> from analyzer.model import polarity_lexicon
    >>> lex = polarity_lexicon()
    >>> lex["ihana"] > 0 > lex["häpeä"]
    True
    """
    out: dict[str, int] = {}
    source = resources.files("analyzer.model").joinpath("polarity_fi.tsv")
    with source.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            lemma = row["lemma"].strip().lower()
            value = int(row["valence"])
            if lemma and value:
                out[lemma] = value
                if _VS16 in lemma:
                    out.setdefault(lemma.replace(_VS16, ""), value)
                elif not lemma.isalpha():
                    out.setdefault(lemma + _VS16, value)
    return out


def polarity_row(features: Sequence[str], lexicon: Mapping[str, int] | None = None) -> list[float]:
    """The polarity signals of one comment, each in [-1, 1].

    Parameters
    ----------
    features : sequence of str
        Lower-cased lemma features of the comment in text order, ``NEG_``
        marking words in the scope of a negation (compound parts left out).
    lexicon : mapping, optional
        Lemma → valence; the bundled :func:`polarity_lexicon` by default.

    Returns
    -------
    list of float
        One value per name in :data:`POLARITY_FEATURES`: summed positive and
        negative valence (saturating at 6), the same for negated words
        (saturating at 3), the strongest positive and negative word, the
        valence of the last polar word, and (pos - neg) / (pos + neg + 1).

    Examples
    --------
    >>> from analyzer.model import polarity_row
    >>> row = polarity_row(["hävetä", "!", "surkea", "palvelu"])
    >>> row[1] > 0 and row[0] == 0 and row[6] < 0
    True
    >>> polarity_row(["ei", "NEG_hyvä"])[2] > 0
    True
    """
    valence, negated = feature_valences(features, lexicon)
    doc = np.zeros(len(valence), dtype=np.int64)
    return polarity_rows(valence, negated, doc, 1)[0].tolist()


def feature_valences(
    features: Iterable[str], lexicon: Mapping[str, int] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Valence of each distinct feature string, as :func:`polarity_rows` reads it.

    Returns
    -------
    valence, negated : ndarray of int64
        ``valence[i]`` is the lexicon value of feature ``i`` (0 when absent);
        ``negated[i]`` that of the word behind a ``NEG_`` feature that is not
        itself in the lexicon (0 otherwise).

    Examples
    --------
    >>> from analyzer.model._polarity import feature_valences
    >>> v, n = feature_valences(["surkea", "NEG_hyvä", "palvelu"])
    >>> v.tolist()[0] < 0, n.tolist()[1] > 0, v.tolist()[2], n.tolist()[2]
    (True, True, 0, 0)
    """
    lex = polarity_lexicon() if lexicon is None else lexicon
    val: list[int] = []
    neg: list[int] = []
    for f in features:
        v = lex.get(f)
        val.append(v or 0)
        negated = v is None and f.startswith(NEG_PREFIX)
        neg.append(lex.get(f[len(NEG_PREFIX) :], 0) if negated else 0)
    return np.array(val, dtype=np.int64), np.array(neg, dtype=np.int64)


def polarity_rows(
    valence: np.ndarray, negated: np.ndarray, doc: np.ndarray, n_docs: int
) -> np.ndarray:
    """The polarity signals of many comments at once, from per-token arrays.

    The one computation of the polarity block (:func:`polarity_row` is this
    for one comment).

    Parameters
    ----------
    valence, negated : ndarray of int
        Per token, in text order: its lexicon valence and, for a negated word,
        the valence of the word itself (see :func:`feature_valences`).
    doc : ndarray of int
        Per token, the comment it belongs to (non-decreasing).
    n_docs : int
        Number of comments.

    Returns
    -------
    ndarray of shape (n_docs, len(POLARITY_FEATURES))
        Equal to stacking :func:`polarity_row` of each comment.

    Examples
    --------
    >>> import numpy as np
    >>> from analyzer.model._polarity import feature_valences, polarity_rows
    >>> feats = [["hävetä", "!", "surkea"], ["ei", "NEG_hyvä"], []]
    >>> v, n = feature_valences([f for fs in feats for f in fs])
    >>> doc = np.repeat(np.arange(3), [len(fs) for fs in feats])
    >>> rows = polarity_rows(v, n, doc, 3)
    >>> bool(rows[0, 1] > 0 and rows[1, 2] > 0 and not rows[2].any())
    True
    """
    v = np.asarray(valence, dtype=np.int64)
    nv = np.asarray(negated, dtype=np.int64)
    doc = np.asarray(doc, dtype=np.int64)

    def total(x: np.ndarray) -> np.ndarray:
        return np.bincount(doc, weights=x, minlength=n_docs)

    pos, neg = total(np.maximum(v, 0)), total(np.maximum(-v, 0))
    npos, nneg = total(np.maximum(nv, 0)), total(np.maximum(-nv, 0))
    top_pos = np.zeros(n_docs)
    top_neg = np.zeros(n_docs)
    np.maximum.at(top_pos, doc, np.maximum(v, 0))
    np.maximum.at(top_neg, doc, np.maximum(-v, 0))
    # the last polar word: its own valence, or a negated word's lean to the other side
    lean = np.where(v != 0, v, np.where(nv > 0, -nv // 2, (-nv + 1) // 2))
    polar = np.flatnonzero((v != 0) | (nv != 0))
    last_at = np.full(n_docs, -1, dtype=np.int64)
    np.maximum.at(last_at, doc[polar], polar)
    last = np.where(last_at >= 0, lean[np.maximum(last_at, 0)] if len(v) else 0, 0)
    return np.column_stack(
        [
            np.minimum(pos, 6) / 6,
            np.minimum(neg, 6) / 6,
            np.minimum(npos, 3) / 3,
            np.minimum(nneg, 3) / 3,
            top_pos / 3,
            top_neg / 3,
            last / 3,
            (pos - neg) / (pos + neg + 1),
        ]
    )

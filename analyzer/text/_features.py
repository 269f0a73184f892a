"""Comment-level views: analysed tokens and the classifier's lemma features.

Built from the same blocks as the batch path of
:class:`~analyzer.model.CommentVectorizer`: :func:`~analyzer.text.lookup`
entries, :func:`context_feature` for words whose lemma depends on the
neighbours and :func:`~analyzer.text.negation_scope`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.text._cache import _CACHE, _lookup
from analyzer.text._context import choose
from analyzer.text._entry import NEGATOR, Entry
from analyzer.text._negation import NEG_PREFIX, negation_scope
from analyzer.text._tokenize import tokenize

__all__ = ["Token", "analyze", "context_feature", "lemma_features", "token_features"]


@dataclass(frozen=True, slots=True)
class Token:
    """One analysed token of a comment.

    Attributes
    ----------
    surface : str
        The token as written (after normalisation; placeholders for URLs etc.).
    lemma : str
        Its lemma (see :func:`analyzer.text.lemmatize` for the conventions).
    pos : str
        Universal POS guess (``NOUN``, ``VERB``, ..., ``PROPN``; ``SYM`` for
        emoji, ``PUNCT``, ``NUM``; ``X`` when unknown).
    negated : bool
        Whether the token is in the scope of a negation verb.
    parts : tuple of str
        Compound parts (``asiakaspalvelu`` -> ``("asiakas", "palvelu")``).
    known : bool
        Whether Voikko or the spoken-Finnish table knew the word.

    Examples
    --------
    >>> from analyzer.text import Token
    >>> Token("kylpylään", "kylpylä", "NOUN", False, (), True).lemma
    'kylpylä'
    """

    surface: str
    lemma: str
    pos: str
    negated: bool
    parts: tuple[str, ...]
    known: bool


def analyze(text: str) -> list[Token]:
    """Tokenise, lemmatise and mark negation in one comment.

    Parameters
    ----------
    text : str
        Raw comment text.

    Returns
    -------
    list of Token
        One :class:`Token` per token of :func:`analyzer.text.tokenize`.

    Examples
    --------
    >>> from analyzer.text import analyze
    >>> [(t.lemma, t.negated) for t in analyze("Ei oo kivaa 🙄")]
    [('ei', False), ('olla', True), ('kiva', True), ('🙄', False)]
    """
    tokens = tokenize(text)
    entries = [_lookup(t) for t in tokens]
    neg = negation_scope([e.flags for e in entries]).tolist()
    out = []
    for i, e in enumerate(entries):
        lemma = choose(i, tokens, entries)
        k = e.lemmas.index(lemma) if lemma in e.lemmas else 0
        out.append(Token(tokens[i], lemma, e.pos[k], neg[i], e.parts, e.known))
    return out


def lemma_features(text: str, *, negation: bool = True, compounds: bool = False) -> list[str]:
    """The classifier's view of one comment: lower-case lemmas and tone tokens.

    Every token of :func:`analyzer.text.tokenize` gives one feature: words
    their lower-cased lemma, emoji, punctuation runs (``!!!``), numbers and
    placeholders (``<url>``, ``<user>``, ``<hashtag>``, ``<email>``)
    themselves. With ``negation=True`` words in the scope of a negation verb
    (:func:`~analyzer.text.negation_scope`: the next
    :data:`~analyzer.text.NEG_SCOPE` (3) tokens after ``ei en et ... älä``,
    ended early by punctuation or a clause opener) are prefixed ``NEG_``. With
    ``compounds=True`` the compound parts of every compound word are appended
    at the end. The Voikko work is done once per distinct surface form (cached
    per process).

    Parameters
    ----------
    text : str
        Raw comment text.
    negation : bool, default=True
        Prefix words in negation scope with ``NEG_``.
    compounds : bool, default=False
        Append compound parts.

    Returns
    -------
    list of str
        The features, in text order (compound parts last).

    Examples
    --------
    >>> from analyzer.text import lemma_features
    >>> lemma_features("Asiakaspalvelu ei vastannut!!! 😤", compounds=True)
    ['asiakaspalvelu', 'ei', 'NEG_vastata', '!!!', '😤', 'asiakas', 'palvelu']
    """
    return token_features(tokenize(text), negation=negation, compounds=compounds)


def token_features(
    tokens: Sequence[str], *, negation: bool = True, compounds: bool = False
) -> list[str]:
    """:func:`lemma_features` of an already tokenised comment.

    Examples
    --------
    >>> from analyzer.text import token_features, tokenize
    >>> token_features(tokenize("Ei oo kivaa"))
    ['ei', 'NEG_olla', 'NEG_kiva']
    """
    if not tokens:
        return []
    get = _CACHE.data.get
    entries = [get(t) or _lookup(t) for t in tokens]
    feats = [e.feature for e in entries]
    if None in feats:  # ambiguous words: choose by context
        for i, f in enumerate(feats):
            if f is None:
                feats[i] = context_feature(i, tokens, entries)
    if negation:
        flags = [e.flags for e in entries]
        if any(f & NEGATOR for f in flags):
            for i in negation_scope(flags).nonzero()[0].tolist():
                feats[i] = NEG_PREFIX + feats[i]  # type: ignore[operator]
    if compounds:
        for e in entries:
            if e.parts:
                feats.extend(e.parts)
    return feats  # type: ignore[return-value]


def context_feature(i: int, tokens: Sequence[str], entries: Sequence[Entry]) -> str:
    """The feature of ``tokens[i]`` when its entry has none of its own (``feature is None``).

    The lower-cased lemma chosen by the neighbours (:func:`~analyzer.text.choose`,
    which looks only within :data:`~analyzer.text.CONTEXT`), before any
    ``NEG_`` prefix. ``entries`` are the :func:`~analyzer.text.lookup` entries
    of ``tokens``.

    Examples
    --------
    >>> from analyzer.text import context_feature, lookup, tokenize
    >>> toks = tokenize("Hyvä, sillä se toimii")
    >>> entries = [lookup(t) for t in toks]
    >>> entries[2].feature is None, context_feature(2, toks, entries)
    (True, 'sillä')
    """
    return choose(i, tokens, entries).lower()

"""Comment-level views: analysed tokens and the classifier's lemma features."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.text._lemmatize import _CACHE, NEGATOR, SCOPE_END, WORD, Entry, _choose, _lookup
from analyzer.text._lexicon import CLAUSE_OPENERS, NEGATION
from analyzer.text._tokenize import tokenize

__all__ = ["NEG_PREFIX", "NEG_SCOPE", "Token", "analyze", "context_feature", "lemma_features"]

#: Prefix of tokens in the scope of a negation verb.
NEG_PREFIX = "NEG_"
#: At most this many tokens after the negation verb are in its scope.
NEG_SCOPE = 3
# A negation scope also ends at punctuation and at these clause openers.
_CLAUSE = CLAUSE_OPENERS


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


def _negated(tokens: list[str], kinds: list[str]) -> list[bool]:
    out = [False] * len(tokens)
    left = 0
    for i, t in enumerate(tokens):
        low = t.lower()
        if low in NEGATION:
            left = NEG_SCOPE
            continue
        if left:
            if kinds[i] == "punct" or low in _CLAUSE:
                left = 0
                continue
            out[i] = True
            left -= 1
    return out


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
    kinds = [e.kind for e in entries]
    neg = _negated(tokens, kinds)
    out = []
    for i, e in enumerate(entries):
        lemma = _choose(e, i, tokens, entries)
        k = e.lemmas.index(lemma) if lemma in e.lemmas else 0
        out.append(Token(tokens[i], lemma, e.pos[k], neg[i] and e.kind == "word", e.parts, e.known))
    return out


def lemma_features(text: str, *, negation: bool = True, compounds: bool = False) -> list[str]:
    """The classifier's view of one comment: lower-case lemmas and tone tokens.

    Every token of :func:`analyzer.text.tokenize` gives one feature: words
    their lower-cased lemma, emoji, punctuation runs (``!!!``), numbers and
    placeholders (``<url>``, ``<user>``, ``<hashtag>``, ``<email>``)
    themselves. With ``negation=True`` words in the scope of a negation verb
    (``ei en et emme ette eivät älä ...`` and spoken ``eiks``) are prefixed
    ``NEG_``; the scope is the next :data:`NEG_SCOPE` (3) tokens, ended early by
    punctuation or a clause opener (``ja mutta vaan että koska kun ...``).
    The negation verb itself is not prefixed. With ``compounds=True`` the
    compound parts of every compound word are appended at the end. The
    Voikko work is done once per distinct surface form (cached per process).

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
                feats[i] = _choose(entries[i], i, tokens, entries).lower()
    if negation:
        left = 0
        for i, e in enumerate(entries):
            flags = e.flags
            if flags & NEGATOR:
                left = NEG_SCOPE
            elif left:
                if flags & SCOPE_END:
                    left = 0
                else:
                    if flags & WORD:
                        feats[i] = NEG_PREFIX + feats[i]
                    left -= 1
    if compounds:
        for e in entries:
            if e.parts:
                feats.extend(e.parts)
    return feats  # type: ignore[return-value]


def context_feature(i: int, tokens: Sequence[str], entries: Sequence[Entry]) -> str:
    """The feature of ``tokens[i]`` when its entry has none of its own (``feature is None``).

    The lower-cased lemma chosen by the neighbours, as in :func:`token_features`
    (before any ``NEG_`` prefix). ``entries`` are the :func:`~analyzer.text.lookup`
    entries of ``tokens``.

    Examples
    --------
    >>> from analyzer.text import lookup, tokenize
    >>> from analyzer.text._features import context_feature
    >>> toks = tokenize("Hyvä, sillä se toimii")
    >>> entries = [lookup(t) for t in toks]
    >>> entries[2].feature is None, context_feature(2, toks, entries)
    (True, 'sillä')
    """
    return _choose(entries[i], i, tokens, entries).lower()

"""The scope of a negation verb: which words of a comment are negated."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from analyzer.text._entry import NEGATOR, SCOPE_END, WORD

__all__ = ["NEG_PREFIX", "NEG_SCOPE", "negation_scope"]

#: Prefix of tokens in the scope of a negation verb.
NEG_PREFIX = "NEG_"
#: At most this many tokens after the negation verb are in its scope.
NEG_SCOPE = 3


def negation_scope(
    flags: Sequence[int] | np.ndarray, starts: np.ndarray | None = None
) -> np.ndarray:
    """Which words are in the scope of a negation verb, for one comment or many at once.

    A negation verb (:data:`~analyzer.text.NEGATOR` in :attr:`Entry.flags`:
    ``ei en et ... älä``, spoken ``eiks``) opens a scope over the next
    :data:`NEG_SCOPE` tokens; punctuation or a clause opener
    (:data:`~analyzer.text.SCOPE_END`: ``ja mutta vaan että koska kun ...``)
    ends it early; a new negation verb opens a new one. Only words
    (:data:`~analyzer.text.WORD`) are marked, but every token counts toward the
    scope's length; the negation verb itself is not marked.

    Parameters
    ----------
    flags : sequence of int
        :attr:`~analyzer.text.Entry.flags` of the tokens (of many comments, one
        after the other, when ``starts`` is given).
    starts : ndarray of int, optional
        For each token, the index of its comment's first token: a scope never
        crosses into the next comment. Default: all tokens are one comment.

    Returns
    -------
    ndarray of bool
        One entry per token.

    Examples
    --------
    >>> from analyzer.text import lookup, negation_scope, tokenize
    >>> toks = tokenize("Ei oo kivaa, mutta ok")
    >>> [t for t, neg in zip(toks, negation_scope([lookup(t).flags for t in toks])) if neg]
    ['oo', 'kivaa']
    """
    f = np.asarray(flags, dtype=np.int64)
    idx = np.arange(len(f), dtype=np.int64)
    neg = (f & NEGATOR) != 0
    end = ((f & SCOPE_END) != 0) & ~neg
    last_neg = np.maximum.accumulate(np.where(neg, idx, -1))
    last_end = np.maximum.accumulate(np.where(end, idx, -1))
    first = 0 if starts is None else starts
    return (
        ~neg
        & ~end
        & ((f & WORD) != 0)
        & (last_neg >= first)
        & (idx - last_neg <= NEG_SCOPE)
        & (last_end < last_neg)
    )

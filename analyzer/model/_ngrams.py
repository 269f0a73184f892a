"""Word and character n-grams: the one definition both feature paths use."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

__all__ = ["char_grams", "word_grams"]


def char_grams(word: str, lo: int, hi: int) -> list[str]:
    """Character ``lo``..``hi``-grams of a word padded with a space on each side.

    Like scikit-learn's ``analyzer="char_wb"`` for one word.

    Examples
    --------
    >>> from analyzer.model._ngrams import char_grams
    >>> char_grams("hyvä", 4, 5)
    [' hyv', 'hyvä', 'yvä ', ' hyvä', 'hyvä ']
    """
    padded = f" {word} "
    size = len(padded)
    return [padded[i : i + n] for n in range(lo, min(hi, size) + 1) for i in range(size - n + 1)]


def word_grams(tokens: Sequence[str], lo: int, hi: int) -> list[str]:
    """Word ``lo``..``hi``-grams of a token sequence, joined by spaces, unigrams first.

    Examples
    --------
    >>> from analyzer.model._ngrams import word_grams
    >>> word_grams(["ei", "NEG_hyvä", "!"], 1, 2)
    ['ei', 'NEG_hyvä', '!', 'ei NEG_hyvä', 'NEG_hyvä !']
    """
    grams = list(tokens) if lo <= 1 else []
    if hi >= 2 and lo <= 2:  # the common case, bigrams, without slicing
        grams.extend([f"{a} {b}" for a, b in itertools.pairwise(tokens)])
    for n in range(max(lo, 3), hi + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams

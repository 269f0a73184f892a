"""Tokenising many texts at once: each distinct space-separated piece once.

:func:`split_pieces` turns each text into pieces whose tokens, one piece after
the other, are the text's :func:`~analyzer.text.tokenize` tokens;
:func:`piece_tokens` tokenises one piece. A caller that keeps the tokens of
every distinct piece (the batch path of :class:`~analyzer.model.CommentVectorizer`)
tokenises each piece once, however often it occurs.
"""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.text._normalize import is_clean, normalize, squeeze_elongations
from analyzer.text._tokenize import tokenize_normalized

__all__ = ["piece_is_raw", "piece_tokens", "split_pieces"]

# A piece is either a stretch of a clean raw text (see is_clean), "\x00" + a
# piece of a normalised text, or "\n" + a whole normalised text with white
# space other than spaces.
_NORMALISED = ("\x00", "\n")


def split_pieces(texts: Sequence[str]) -> tuple[list[str], list[int], list[int]]:
    """The pieces of all texts, how many each text has, and which texts were not clean.

    Parameters
    ----------
    texts : sequence of str
        Raw comment texts.

    Returns
    -------
    pieces : list of str
        All texts' pieces, text after text.
    counts : list of int
        The number of pieces of each text.
    changed : list of int
        Indices of the texts that :func:`~analyzer.text.normalize` changes
        beyond spaces and elongations (mojibake, Unicode form, control
        characters): their pieces are pieces of the normalised text, not of
        the raw one (:func:`piece_is_raw` is false).

    Examples
    --------
    >>> from analyzer.text import piece_tokens, split_pieces
    >>> pieces, counts, changed = split_pieces(["Ei oo kivaa!!", "ok", "a\\tb"])
    >>> counts, changed
    ([3, 1, 2], [2])
    >>> [t for p in pieces[:3] for t in piece_tokens(p)]
    ['Ei', 'oo', 'kivaa', '!!']
    """
    pieces: list[str] = []
    counts: list[int] = []
    changed: list[int] = []
    add = pieces.extend
    for k, text in enumerate(texts):
        if is_clean(text):
            # normalize() would only drop spaces and squeeze elongations
            ps = text.split()
            add(ps)
            counts.append(len(ps))
            continue
        changed.append(k)
        norm = normalize(text)
        if norm.isprintable():  # then a space is its only white space
            ps = ["\x00" + p for p in norm.split()]
            add(ps)
            counts.append(len(ps))
        else:
            pieces.append("\n" + norm)
            counts.append(1)
    return pieces, counts, changed


def piece_tokens(piece: str) -> list[str]:
    """The tokens of one piece of :func:`split_pieces`.

    Examples
    --------
    >>> from analyzer.text import piece_tokens
    >>> piece_tokens("Ihaaaan!!!")
    ['Ihaan', '!!!']
    """
    if piece[:1] in _NORMALISED:
        return tokenize_normalized(piece[1:])
    return tokenize_normalized(squeeze_elongations(piece))


def piece_is_raw(piece: str) -> bool:
    """Whether a piece of :func:`split_pieces` is a stretch of the raw text as written.

    Examples
    --------
    >>> from analyzer.text import piece_is_raw, split_pieces
    >>> [piece_is_raw(p) for p in split_pieces(["ok", "a\\tb"])[0]]
    [True, False, False]
    """
    return piece[:1] not in _NORMALISED

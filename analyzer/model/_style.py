"""The style signals of a comment (the ``style`` block of :class:`CommentVectorizer`).

Every signal is a count or a yes/no of something that cannot span a space
(emoji, runs of capitals, ``!``/``?`` runs, ellipses), so a comment's signals
can also be put together from those of its space-separated pieces:
:func:`piece_style` gives a piece's (or a whole comment's) counts and flags,
:func:`style_rows` the comments' rows from their pieces' sums and bitwise ors,
their token counts and whether they mention someone.
"""

from __future__ import annotations

import math
import re

import numpy as np

__all__ = ["STYLE_FEATURES", "piece_style", "style_rows"]

#: names of the style columns, in order (the one table both feature paths use)
STYLE_FEATURES = (
    "emoji",
    "exclaim_run",
    "question_run",
    "caps_words",
    "log_length",
    "mention",
    "ellipsis",
)

_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u3030\u303d\u3297\u3299\ufe0f\u200d]"
)
_CAPS = re.compile(r"\b[A-ZÅÄÖ]{3,}\b")
_HAS_UPPER_RUN = re.compile(r"[A-ZÅÄÖ]{3}")

# piece flags
_EXCLAIM2, _EXCLAIM, _QUESTION2, _QUESTION, _ELLIPSIS = 1, 2, 4, 8, 16


def piece_style(piece: str) -> tuple[int, int, int]:
    """Emoji count, count of capitalised words and flags of one piece (or a whole text)."""
    n_emoji = len(_EMOJI.findall(piece)) if not piece.isascii() else 0
    n_caps = len(_CAPS.findall(piece)) if _HAS_UPPER_RUN.search(piece) else 0
    flags = 0
    if "!" in piece:
        flags |= _EXCLAIM | (_EXCLAIM2 if "!!" in piece else 0)
    if "?" in piece:
        flags |= _QUESTION | (_QUESTION2 if "??" in piece else 0)
    if "..." in piece or "…" in piece:
        flags |= _ELLIPSIS
    return n_emoji, n_caps, flags


def style_rows(
    n_emoji: np.ndarray,
    n_caps: np.ndarray,
    flags: np.ndarray,
    n_tokens: np.ndarray,
    mention: np.ndarray,
) -> np.ndarray:
    """The style block: one row per comment, the columns of :data:`STYLE_FEATURES`.

    Parameters
    ----------
    n_emoji, n_caps, flags : ndarray of int
        Per comment: the sums of the first two and the bitwise or of the last
        value of :func:`piece_style` over its pieces.
    n_tokens : ndarray of int
        Per comment: its number of tokens.
    mention : ndarray of bool
        Per comment: whether a token is ``<user>``.

    Examples
    --------
    >>> import numpy as np
    >>> from analyzer.model._style import STYLE_FEATURES, piece_style, style_rows
    >>> e, c, f = piece_style("HUONOA palvelua!! 😡")
    >>> row = style_rows(*np.array([[e], [c], [f], [4]]), np.array([False]))
    >>> dict(zip(STYLE_FEATURES, row[0].round(3).tolist()))["exclaim_run"]
    1.0
    """
    uniq, inv = np.unique(n_tokens, return_inverse=True)
    columns = {
        "emoji": np.minimum(n_emoji, 10) / 10,
        "exclaim_run": np.where(flags & _EXCLAIM2, 1.0, np.where(flags & _EXCLAIM, 0.5, 0.0)),
        "question_run": np.where(flags & _QUESTION2, 1.0, np.where(flags & _QUESTION, 0.5, 0.0)),
        "caps_words": np.minimum(n_caps, 5) / 5,
        "log_length": np.array([math.log1p(k) / 5 for k in uniq.tolist()], dtype=np.float64)[inv],
        "mention": np.where(mention, 1.0, 0.0),
        "ellipsis": np.where(flags & _ELLIPSIS, 1.0, 0.0),
    }
    out = np.empty((len(n_emoji), len(STYLE_FEATURES)), dtype=np.float64)
    for j, name in enumerate(STYLE_FEATURES):
        out[:, j] = columns[name]
    return out

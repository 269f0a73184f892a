"""The style signals of a comment (the ``style`` block of :class:`CommentVectorizer`).

Every signal is a count or a yes/no of something that cannot span a space
(emoji, runs of capitals, ``!``/``?`` runs, ellipses), so a comment's signals
can also be put together from those of its space-separated pieces:
:func:`piece_style` gives a piece's counts and flags, :func:`style_rows` the
comments' rows from their pieces' sums and bitwise ors.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

__all__ = ["piece_style", "style_row", "style_rows"]

_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u3030\u303d\u3297\u3299\ufe0f\u200d]"
)
_CAPS = re.compile(r"\b[A-ZÅÄÖ]{3,}\b")
_HAS_UPPER_RUN = re.compile(r"[A-ZÅÄÖ]{3}")

# piece flags
_EXCLAIM2, _EXCLAIM, _QUESTION2, _QUESTION, _ELLIPSIS = 1, 2, 4, 8, 16


def style_row(text: str, tokens: Sequence[str]) -> list[float]:
    """The style signals of one comment, from its text and its tokens."""
    n_emoji = len(_EMOJI.findall(text)) if not text.isascii() else 0
    return [
        min(n_emoji, 10) / 10,
        1.0 if "!!" in text else (0.5 if "!" in text else 0.0),
        1.0 if "??" in text else (0.5 if "?" in text else 0.0),
        min(len(_CAPS.findall(text)), 5) / 5 if _HAS_UPPER_RUN.search(text) else 0.0,
        math.log1p(len(tokens)) / 5,
        1.0 if "<user>" in tokens else 0.0,
        1.0 if "..." in text or "…" in text else 0.0,
    ]


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
    """Rows of :func:`style_row` from per-comment sums (emoji, caps) and ors (flags)."""
    out = np.empty((len(n_emoji), 7), dtype=np.float64)
    out[:, 0] = np.minimum(n_emoji, 10) / 10
    out[:, 1] = np.where(flags & _EXCLAIM2, 1.0, np.where(flags & _EXCLAIM, 0.5, 0.0))
    out[:, 2] = np.where(flags & _QUESTION2, 1.0, np.where(flags & _QUESTION, 0.5, 0.0))
    out[:, 3] = np.minimum(n_caps, 5) / 5
    uniq, inv = np.unique(n_tokens, return_inverse=True)
    out[:, 4] = np.array([math.log1p(k) / 5 for k in uniq.tolist()], dtype=np.float64)[inv]
    out[:, 5] = np.where(mention, 1.0, 0.0)
    out[:, 6] = np.where(flags & _ELLIPSIS, 1.0, 0.0)
    return out

"""Label-independent surface noise for training: the writers' habits made random.

The team's corpus was written under one guideline, and its surface habits
predict the label (a final period ends 43 % of criticism comments but 1 % of
neutral ones; typos and missing ä/ö are almost absent). :func:`augment` makes
a copy of each training comment with those habits varied at random,
independently of the label: the final period added or removed, the first
letter's case flipped, ä/ö/å written as a/o/a, a typo, all lower case, the
emoji left out, or an emoji added. The added emoji is drawn uniformly from the
emoji types that occur in at least two of the training comments, whatever the
comment's label: a rare emoji seen under one label only (six comments in the
corpus carry 😢, five of them neutral) would otherwise carry a large weight of
its own and turn the label of any comment it is added to. A
model trained on both the originals and the copies can no longer tell the
labels apart by the habits alone.

Deterministic for a given ``random_state``.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence

from analyzer.text import EMOJI

__all__ = ["ADD_EMOJI", "augment", "emoji_pool", "vary"]

_DEACCENT = str.maketrans("äöåÄÖÅ", "aoaAOA")
_EMOJI_RUN = re.compile(rf"\s*(?:{EMOJI})+")
_WORD = re.compile(r"[A-Za-zÅÄÖåäö]{4,}")
_ONE_EMOJI = re.compile(EMOJI)
#: probability that a copy gets an emoji added
ADD_EMOJI = 0.15
#: an emoji type must occur in this many training comments to be added to copies
EMOJI_MIN_DF = 2


def _flip_period(text: str, rng: random.Random) -> str:
    stripped = text.rstrip()
    if stripped.endswith("."):
        if stripped.endswith(".."):  # an ellipsis is a different signal: leave it
            return text
        return stripped[:-1]
    if stripped and stripped[-1].isalnum():
        return stripped + "."
    return text


def _flip_case(text: str, rng: random.Random) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            flipped = ch.lower() if ch.isupper() else ch.upper()
            return text[:i] + flipped + text[i + 1 :]
    return text


def _typo(text: str, rng: random.Random) -> str:
    words = list(_WORD.finditer(text))
    if not words:
        return text
    m = words[rng.randrange(len(words))]
    w = m.group()
    i = rng.randrange(1, len(w) - 1)
    kind = rng.randrange(3)
    if kind == 0:  # swap two neighbours
        w2 = w[: i - 1] + w[i] + w[i - 1] + w[i + 1 :]
    elif kind == 1:  # drop a letter
        w2 = w[:i] + w[i + 1 :]
    else:  # double a letter
        w2 = w[:i] + w[i] + w[i:]
    return text[: m.start()] + w2 + text[m.end() :]


def emoji_pool(texts: Sequence[str], min_df: int = EMOJI_MIN_DF) -> tuple[str, ...]:
    """The emoji types found in at least ``min_df`` of ``texts``, sorted.

    Examples
    --------
    >>> from analyzer.model._augment import emoji_pool
    >>> emoji_pool(["Hyvä 👍", "Ok 👍👍", "Huh 😢"])
    ('👍',)
    """
    df = Counter(e for t in texts for e in set(_ONE_EMOJI.findall(t)))
    return tuple(sorted(e for e, n in df.items() if n >= min_df))


def vary(
    text: str, rng: random.Random, emoji: Sequence[str] = (), add_emoji: float = ADD_EMOJI
) -> str:
    """One noisy copy of ``text``: each habit changed at random.

    The final period and the first letter's case change with probability one
    half each, ä/ö/å, a typo and the emoji with 0.3, all lower case with 0.1;
    with ``emoji`` (see :func:`emoji_pool`) one of them, drawn uniformly, is
    added at the end with probability ``add_emoji``. At least one change
    is tried; a text none of them applies to comes back as it was.

    Examples
    --------
    >>> import random
    >>> from analyzer.model._augment import vary
    >>> vary("Tämä ei käy.", random.Random(1))
    'Tää ei käy'
    """
    for _ in range(4):
        out = text
        if rng.random() < 0.5:
            out = _flip_period(out, rng)
        if rng.random() < 0.5:
            out = _flip_case(out, rng)
        if rng.random() < 0.3:
            out = out.translate(_DEACCENT)
        if rng.random() < 0.3:
            out = _typo(out, rng)
        if rng.random() < 0.1:
            out = out.lower()
        if rng.random() < 0.3:
            out = _EMOJI_RUN.sub("", out)
        if emoji and add_emoji and rng.random() < add_emoji:
            out = out.rstrip() + " " + rng.choice(emoji)
        if out != text:
            return out
    return text


def augment(
    texts: Sequence[str], copies: int = 1, random_state: int = 0, add_emoji: float = ADD_EMOJI
) -> tuple[list[str], list[int]]:
    """``copies`` noisy copies of every text, and the index of each copy's original.

    Parameters
    ----------
    texts : sequence of str
        Training comments.
    copies : int, default=1
        Copies per comment.
    random_state : int, default=0
        Seed; the same seed gives the same copies.
    add_emoji : float, default=ADD_EMOJI (0.15)
        Share of the copies that get an emoji added (:func:`vary`); 0 for none.

    Returns
    -------
    list of str, list of int
        The copies, and for each the position of its original in ``texts``
        (so that its label and group can be looked up).

    Examples
    --------
    >>> from analyzer.model._augment import augment
    >>> augment(["Hävetkää.", "Kiitos"], random_state=0)[1]
    [0, 1]
    """
    rng = random.Random(random_state)
    emoji = emoji_pool(texts)
    out: list[str] = []
    src: list[int] = []
    for _ in range(copies):
        for i, t in enumerate(texts):
            out.append(vary(t, rng, emoji, add_emoji))
            src.append(i)
    return out, src

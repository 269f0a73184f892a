"""Mojibake (``HyvÃ¤`` for ``Hyvä``): one rule, for the data reader and for normalisation.

:mod:`analyzer.io` repairs every text cell it reads with :func:`fix_mojibake`
(public there as :func:`analyzer.io.fix_mojibake`), and
:func:`analyzer.text.normalize` repairs a text with the same function, so a
text the reader repaired is never changed again, and a text read some other
way is repaired in the same way. This module sits below both (it needs
neither pandas nor the text layer; ftfy is imported on first use).

The rule: a text is changed only when ftfy judges it to be mojibake
(:func:`ftfy.badness.is_bad`), and then as :func:`ftfy.fix_encoding` changes
it. Cheaper tests come first. Mojibake of UTF-8 read as latin-1/cp1252 shows a
lead byte (``Ã``, ``Â``, ``â``, ``Å``, ``ð``…) followed by a continuation byte
shown as a latin-1 symbol, a C1 control or a cp1252 punctuation sign
(:data:`SUSPECT`); text without one is never mojibake, and text without any
continuation sign (:data:`CONTINUATION`, a cheaper scan) has none.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

__all__ = ["CONTINUATION", "SUSPECT", "fix_mojibake", "fix_suspect", "may_be_mojibake"]

_CONT = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122"
)
#: a UTF-8 continuation byte as latin-1 or cp1252 shows it (a necessary sign of mojibake)
CONTINUATION = re.compile(f"[{_CONT}]")
#: a UTF-8 lead byte followed by a continuation byte, both as latin-1/cp1252 show them
SUSPECT = re.compile(f"[\u00c2-\u00f4][{_CONT}]")


def may_be_mojibake(text: str) -> bool:
    """Whether ``text`` shows the signs :func:`fix_mojibake` looks for (cheap; no ftfy).

    False means that :func:`fix_mojibake` returns ``text`` unchanged.

    Examples
    --------
    >>> from analyzer._mojibake import may_be_mojibake
    >>> may_be_mojibake("HyvÃ¤"), may_be_mojibake("Tämä ”lainaus”"), may_be_mojibake("Hyvä")
    (True, False, False)
    """
    return CONTINUATION.search(text) is not None and SUSPECT.search(text) is not None


def fix_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-latin-1 mojibake; leave correct text alone.

    Text is changed only when ftfy judges it to be mojibake
    (:func:`ftfy.badness.is_bad`), and then as :func:`ftfy.fix_encoding`
    changes it; clean text, even text that could be the mojibake of something
    (``'VÄ\u00a0HÄ\u00a0!'``), is kept as it is. Cheaper tests come first: text
    without a lead byte followed by a continuation-byte sign (``Ã¤``, ``â€``)
    is never mojibake, and text that is entirely latin-1 with valid UTF-8
    bytes (Facebook's exports: every ``ä`` written as ``Ã¤``) is decoded
    directly, as ftfy's first step would; the result goes back to ftfy only
    if it passes both tests again (mojibake of mojibake), as ftfy's full test
    of clean text costs about fifty times the decoding.

    Examples
    --------
    >>> from analyzer.io import fix_mojibake
    >>> fix_mojibake("HyvÃ¤ pÃ¤ivÃ¤"), fix_mojibake("Hyvä päivä")
    ('Hyvä päivä', 'Hyvä päivä')
    >>> fix_mojibake("VÄ\u00a0HÄ\u00a0!")  # clean, though it decodes as UTF-8
    'VÄ\xa0HÄ\xa0!'
    """
    if not may_be_mojibake(text):
        return text
    return fix_suspect(text)


@functools.cache
def _ftfy() -> tuple[Callable[[str], str], Callable[[str], bool]]:
    """ftfy's ``fix_encoding`` and ``is_bad``, imported on first use."""
    from ftfy import fix_encoding
    from ftfy.badness import is_bad

    return fix_encoding, is_bad


def fix_suspect(text: str) -> str:
    """:func:`fix_mojibake` of a text known to match :data:`SUSPECT` (the cheap test skipped).

    Examples
    --------
    >>> from analyzer._mojibake import fix_suspect
    >>> fix_suspect("KylpylÃ¤ssÃ¤"), fix_suspect("VÄ\u00a0HÄ\u00a0!")
    ('Kylpylässä', 'VÄ\xa0HÄ\xa0!')
    """
    fix_encoding, is_bad = _ftfy()
    if not is_bad(text):
        return text
    try:
        fixed = text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return fix_encoding(text)
    # ftfy repeats its step until the text stops changing (mojibake of mojibake); the
    # cheap pattern first, as ftfy's full check of clean text costs 50 times the decoding
    return fix_encoding(fixed) if SUSPECT.search(fixed) and is_bad(fixed) else fixed

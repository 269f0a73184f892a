"""Text normalisation for Finnish comments: one string in, one string out."""

from __future__ import annotations

import re
import unicodedata

from analyzer._mojibake import CONTINUATION, SUSPECT, fix_mojibake

__all__ = ["is_clean", "normalize", "squeeze_elongations"]

# Control characters (NUL included) except tab/newline, plus bidi controls and BOM.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Three or more of the same letter never occur in standard Finnish: "ihaaaan".
_ELONGATED = re.compile(r"(?![wW]{3}\.)([^\W\d_])\1{2,}")  # not the "www." of a URL
# Cheap pre-check for _ELONGATED: any character three times in a row.
_TRIPLE = re.compile(r"(?s)(.)\1\1")
# bound once: these run on every text
_has_triple = _TRIPLE.search
_continuation = CONTINUATION.search
_suspect = SUSPECT.search
_is_normalized = unicodedata.is_normalized


def squeeze_elongations(text: str) -> str:
    """Letters repeated three or more times shortened to two (the last step of :func:`normalize`).

    It works within runs of letters, so it can be applied to the space-separated
    pieces of a text one by one.

    Examples
    --------
    >>> from analyzer.text._normalize import squeeze_elongations
    >>> squeeze_elongations("ihaaaan"), squeeze_elongations("www.x.fi")
    ('ihaan', 'www.x.fi')
    """
    if _has_triple(text) is not None:
        return _ELONGATED.sub(r"\1\1", text)
    return text


def is_clean(text: str) -> bool:
    """Whether :func:`normalize` would change ``text`` only in its spaces and elongations.

    True when the text has no control or other non-printing characters (tabs,
    newlines and odd spaces included), no sign of mojibake (the cheap test of
    :func:`analyzer.io.fix_mojibake`, the one mojibake rule) and is in Unicode
    NFC. Then ``normalize(text)`` is the text's space-separated pieces, each
    with :func:`squeeze_elongations`, joined by single spaces.

    Examples
    --------
    >>> from analyzer.text import is_clean
    >>> is_clean("Ihaaaan  kivaa 👍"), is_clean("rivi\\nrivi"), is_clean("KylpylÃ¤")
    (True, False, False)
    """
    return text.isprintable() and (
        text.isascii()
        or (
            _is_normalized("NFC", text)
            # may_be_mojibake, inlined: the first scan alone clears almost every text
            and (_continuation(text) is None or _suspect(text) is None)
        )
    )


def normalize(text: str) -> str:
    """Clean one comment: mojibake, Unicode form, controls, spaces, elongations.

    Steps, in order: mojibake repair by the data reader's rule
    (:func:`analyzer.io.fix_mojibake`: only where ftfy judges the text to be
    UTF-8 decoded as Latin-1, so a text the reader repaired is left as it is);
    Unicode NFC; removal of
    control characters, NUL bytes and bidirectional-override marks; runs of
    spaces collapsed to one; letters repeated three or more times (which
    never happens in standard Finnish) shortened to two, so ``ihaaaan``
    becomes ``ihaan``; the lemmatiser then resolves ``ihaan`` to ``ihan``
    with Voikko. Case, emoji, URLs and punctuation are left alone: the
    tokenizer handles them.

    Parameters
    ----------
    text : str
        Raw comment text.

    Returns
    -------
    str
        The normalised text.

    Examples
    --------
    >>> from analyzer.text import normalize
    >>> normalize("Ihaaaan   mahtavaa!! KylpylÃ¤ssÃ¤ oli kivaa")
    'Ihaan mahtavaa!! Kylpylässä oli kivaa'
    """
    if not text:
        return ""
    clean = is_clean(text)
    if not clean and not text.isascii():
        text = fix_mojibake(text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    if (clean or text.isprintable()) and "  " not in text:
        # fast path for clean text: no controls, tabs, odd spaces or double spaces
        return squeeze_elongations(text).strip(" ")
    text = _CONTROL.sub("", text)
    text = _SPACE.sub(" ", text)
    text = _ELONGATED.sub(r"\1\1", text)
    return text.strip()

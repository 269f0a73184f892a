"""Tokenisation suited to Finnish social-media comments."""

from __future__ import annotations

import re

from analyzer.text._normalize import normalize

__all__ = ["PLACEHOLDERS", "token_kind", "tokenize", "tokenize_normalized"]

#: Placeholder tokens that replace variable material. ``<url>`` web addresses,
#: ``<email>`` e-mail addresses, ``<user>`` @mentions, ``<hashtag>`` #tags.
PLACEHOLDERS = ("<url>", "<email>", "<user>", "<hashtag>")

_PICTO = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u25fe"
    "\u2600-\u27bf\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299"
    "\U0001f000-\U0001f1e5\U0001f200-\U0001f3fa\U0001f400-\U0001faff"
)
_MOD = "\ufe0f\ufe0e\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f\u20e3"
_EMOJI_ATOM = (
    r"(?:[\U0001f1e6-\U0001f1ff]{2}|[0-9#*]\ufe0f?\u20e3"
    rf"|[{_PICTO}][{_MOD}]*|[\U0001f3fb-\U0001f3ff])"
)
EMOJI = rf"{_EMOJI_ATOM}(?:\u200d{_EMOJI_ATOM})*"

_ABBREVIATIONS = (
    "esim|ym|jne|mm|yms|tms|jms|ns|vrt|ks|ts|huom|kpl|milj|mrd|prof|tri|nk|ao|em|ko|yo|tjsp|"
    "tmv|ma|ti|ke|to|pe|la|su|klo|n|s|v|os|mt|jr|ed|kok|vas|vihr|sdp|kesk|rkp|kd|ps"
)
_W = r"[^\W_]"  # letter or digit
# A common abbreviation keeps its full stop when the stop ends the word ("esim.").
_ABBR_RE = rf"(?<![\w-])(?i:{_ABBREVIATIONS})\.(?=[ ,]|\Z)"
# URLs, e-mail addresses, @mentions and #hashtags: replaced by placeholders.
_SPECIAL = re.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'])
  | (?P<email>[\w.+-]+@[\w-]+\.[\w.-]*\w)
  | (?P<user>(?<!\w)@\w+)
  | (?P<hashtag>(?<![\w&])\#{_W}\w*)
    """,
    re.VERBOSE,
)
# Runs of one punctuation character (":))" -> ":", "))"), other than !?. runs.
_RUNS = "|".join(re.escape(c) + "{2,}" for c in "-*~)(:;,=+/\\'\"<>^%&|[]{}$@#`’”“–—")
# Plain text (no capturing groups, so ``findall`` returns the tokens). The
# abbreviation alternative is costly, so it is only used when a short word
# ends in a full stop (see _SHORT_DOT).
_FAST_HEAD = r"[0-9#*]\ufe0f?\u20e3|(?<!\w)[-+]?\d+(?:[.,:]\d+)*(?:%|€|\$)?(?![\w-])"
_FAST_TAIL = (
    rf"|(?:(?<![\w-])-(?={_W}))?{_W}+(?:(?:[-'’:&]|\.(?=\w))(?=\w)\w+)*(?:-(?=\s|$))?"
    rf"|{EMOJI}"
    rf"|[!?.][!?.]+|…+|{_RUNS}|[^\s]"
)
_FAST = re.compile(_FAST_HEAD + _FAST_TAIL)
_FAST_ABBR = re.compile(rf"{_FAST_HEAD}|{_ABBR_RE}{_FAST_TAIL}")
_SHORT_DOT = re.compile(r"(?<![\w-])[^\W\d_]\w{0,3}\.(?=[ ,]|\Z)")


def _plain(text: str, pos: int, end: int) -> list[str]:
    """Tokens of ``text[pos:end]``, a stretch without placeholder material."""
    if _SHORT_DOT.search(text, pos, end) is not None:
        return _FAST_ABBR.findall(text, pos, end)
    return _FAST.findall(text, pos, end)


def tokenize(text: str) -> list[str]:
    """Split a comment into tokens, after :func:`normalize`.

    Words keep their clitics (``onko``, ``mäkin``) and internal hyphens,
    colons and apostrophes (``aamu-unisille``, ``EU:ssa``, ``H&M:n``);
    a leading or trailing hyphen of a shared compound part stays on the word
    (``teatteri-``, ``-musikaaliin``). Common abbreviations keep their full
    stop (``esim.``, ``ym.``). Numbers (``12,5``, ``12:30``, ``50%``) are one
    token. Emoji sequences, including ZWJ sequences, skin tones and flags, are
    one token each. Runs of ``!``/``?``/``.`` (``!!!``, ``?!``, ``...``) are one
    token. URLs, e-mail addresses, @mentions and #hashtags become the
    placeholders ``<url>``, ``<email>``, ``<user>`` and ``<hashtag>``. Case is
    kept (it is the proper-noun signal).

    Parameters
    ----------
    text : str
        Raw comment text.

    Returns
    -------
    list of str
        The tokens, in order.

    Examples
    --------
    >>> from analyzer.text import tokenize
    >>> tokenize("Ihaaan mahtavaa, esim. EU:ssa!!! 👍🏽 @firma #fail https://x.fi")
    ['Ihaan', 'mahtavaa', ',', 'esim.', 'EU:ssa', '!!!', '👍🏽', '<user>', '<hashtag>', '<url>']
    """
    return tokenize_normalized(normalize(text))


def tokenize_normalized(text: str) -> list[str]:
    """:func:`tokenize` of a text that is already :func:`normalize`-d.

    No token contains a space and every lookaround of the token patterns sees
    a space like the start or end of the text, so the tokens of a normalised
    text without other white space are the tokens of its space-separated
    pieces, one after the other (which lets callers tokenise each distinct
    piece once).

    Examples
    --------
    >>> from analyzer.text._tokenize import tokenize_normalized
    >>> tokenize_normalized("esim. EU:ssa!!!")
    ['esim.', 'EU:ssa', '!!!']
    """
    if "@" not in text and "#" not in text and "://" not in text and "www." not in text:
        if "." in text and _SHORT_DOT.search(text) is not None:
            return _FAST_ABBR.findall(text)
        return _FAST.findall(text)
    out: list[str] = []
    pos = 0
    for m in _SPECIAL.finditer(text):
        if m.start() > pos:
            out += _plain(text, pos, m.start())
        out.append(f"<{m.lastgroup}>")
        pos = m.end()
    out += _plain(text, pos, len(text))
    return out


_KIND_EMOJI = re.compile(rf"(?:{EMOJI})+\Z")


def token_kind(token: str) -> str:
    """Classify one token: ``word``, ``number``, ``emoji``, ``placeholder`` or ``punct``.

    Examples
    --------
    >>> from analyzer.text import token_kind
    >>> [token_kind(t) for t in ["kylpylä", "12,5", "❤️", "<url>", "!!!"]]
    ['word', 'number', 'emoji', 'placeholder', 'punct']
    """
    if not token:
        return "punct"
    if token in PLACEHOLDERS:
        return "placeholder"
    if any(c.isalpha() for c in token):
        return "word"
    if _KIND_EMOJI.match(token):
        return "emoji"
    if any(c.isdigit() for c in token):
        return "number"
    return "punct"

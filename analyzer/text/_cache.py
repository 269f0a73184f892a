"""The per-process cache of :class:`~analyzer.text._entry.Entry` by surface form.

:func:`lookup` is the way in: a form is looked up once per process
(:func:`_compute`: non-words, abbreviations, Voikko's analyses in
:mod:`analyzer.text._analysis`, else the guesser of :mod:`analyzer.text._guesser`)
and finished with its classifier feature and negation flags (:func:`_finish`).
"""

from __future__ import annotations

import threading

from analyzer.text._analysis import _from_analyses
from analyzer.text._context import _PHRASE_WORDS, _context_free
from analyzer.text._entry import NEGATOR, PHRASE, SCOPE_END, WORD, Entry, _single
from analyzer.text._guesser import _guess, _spoken_entry
from analyzer.text._lexicon import (
    ABBREVIATION_LEMMA,
    CLAUSE_OPENERS,
    NEGATION,
    SPOKEN_OVERRIDE,
)
from analyzer.text._tokenize import token_kind
from analyzer.text._voikko import get_morphology

__all__ = ["cache_info", "clear_cache", "lookup"]

_MAXSIZE = 500_000


def _finish(surface: str, e: Entry) -> Entry:
    """Add the precomputed classifier feature and negation flags to an entry."""
    low = surface.lower()
    flags = (NEGATOR if low in NEGATION else 0) | (WORD if e.kind == "word" else 0)
    if e.kind == "punct" or low in CLAUSE_OPENERS:
        flags |= SCOPE_END
    feature = e.lemmas[0].lower() if len(e.lemmas) == 1 or _context_free(e, low) else None
    if low in _PHRASE_WORDS:
        flags |= PHRASE
        feature = None
    return Entry(e.lemmas, e.pos, e.scores, e.known, e.parts, e.kind, feature, flags)


class _Cache:
    """A bounded, thread-safe surface-form cache with hit/miss counters."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self.data: dict[str, Entry] = {}
        self.hits = 0
        self.misses = 0
        self.lock = threading.Lock()

    def put(self, key: str, value: Entry) -> None:
        with self.lock:
            if len(self.data) >= self.maxsize:
                # drop the oldest tenth (dicts keep insertion order)
                for k in list(self.data)[: max(1, self.maxsize // 10)]:
                    del self.data[k]
            self.data[key] = value


_CACHE = _Cache(_MAXSIZE)


def cache_info() -> dict[str, int]:
    """Statistics of the per-process surface-form cache.

    Returns
    -------
    dict
        ``hits``, ``misses``, ``size`` and ``maxsize``.

    Examples
    --------
    >>> from analyzer.text import cache_info, clear_cache, lemmatize
    >>> clear_cache()
    >>> _ = lemmatize(["talo", "talo"])
    >>> cache_info()["size"]
    1
    """
    return {
        "hits": _CACHE.hits,
        "misses": _CACHE.misses,
        "size": len(_CACHE.data),
        "maxsize": _CACHE.maxsize,
    }


def clear_cache() -> None:
    """Empty the surface-form cache and reset its counters.

    Examples
    --------
    >>> from analyzer.text import cache_info, clear_cache
    >>> clear_cache()
    >>> cache_info()["size"]
    0
    """
    with _CACHE.lock:
        _CACHE.data.clear()
        _CACHE.hits = 0
        _CACHE.misses = 0


def _lookup(surface: str) -> Entry:
    cache = _CACHE.data
    e = cache.get(surface)
    if e is not None:
        _CACHE.hits += 1
        return e
    _CACHE.misses += 1
    e = _finish(surface, _compute(surface))
    _CACHE.put(surface, e)
    return e


def _compute(surface: str) -> Entry:
    kind = token_kind(surface)
    if kind != "word":
        return _single(surface, {"number": "NUM", "emoji": "SYM"}.get(kind, "PUNCT"), True, kind)
    low = surface.lower()
    abbr = ABBREVIATION_LEMMA.get(low)
    if abbr is not None:
        return _single(abbr, "ADV", True)
    analyze = get_morphology().analyze
    if low in SPOKEN_OVERRIDE:
        return _spoken_entry(low, analyze)
    if len(surface) > 100:
        return _single(low[:100])
    e = _from_analyses(analyze(surface), surface)
    if e is None and surface.endswith("."):  # abbreviation with its full stop
        e = _from_analyses(analyze(surface[:-1]), surface[:-1])
        if e is None:
            return _single(low, "ABBR", True)
    if e is None:
        e = _guess(surface, analyze)
    return e


def lookup(surface: str) -> Entry:
    """The cached :class:`Entry` for one surface form (work done once per form).

    Examples
    --------
    >>> from analyzer.text import lookup
    >>> lookup("kylpylään").lemmas[0]
    'kylpylä'
    """
    return _lookup(surface)

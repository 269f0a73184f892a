"""Voikko lemmatisation with disambiguation, UD conventions and a guesser."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from analyzer.text._lexicon import (
    FIXED_FORMS,
    NEGATION,
    PRONOUN_LEMMA,
    SPOKEN,
    SPOKEN_OVERRIDE,
    VERB_FIRST,
    VOIKKO_CLASS_POS,
)
from analyzer.text._tokenize import token_kind
from analyzer.text._voikko import get_morphology

__all__ = ["Entry", "cache_info", "clear_cache", "lemmatize", "lookup"]

_MAXSIZE = 500_000

_XBASE = re.compile(r"\[X[a-z]\][^\[]*\[X\]")
_TAG = re.compile(r"\[[^\]]*\]")
_VERB_BASE = re.compile(r"\[Lt\]\[Xp\]([^\[]+)\[X\]")
_RARE_CASES = {"keinonto": 1.2, "seuraneto": 0.6, "vajanto": 0.3, "kerrontosti": 0.0}
_CASE_ENDINGS = sorted(
    (
        "issa issä ista istä illa illä ilta iltä ille iksi ineen iin ihin ien jen den ten "
        "tten iden itten ssa ssä sta stä lla llä lta ltä lle ksi tta ttä na nä ta tä ja jä "
        "ia iä in n a ä t"
    ).split(),
    key=len,
    reverse=True,
)
_NAME_ENDINGS = sorted(
    "ssa ssä sta stä lla llä lta ltä lle ksi iin in en na nä".split(), key=len, reverse=True
)
_VOWELS = set("aeiouyäöå")
_MINEN = re.compile(r"(.*m)i(?:nen|s)")


@dataclass(frozen=True, slots=True)
class Entry:
    """Everything known about one surface form, computed once and cached.

    Attributes
    ----------
    lemmas : tuple of str
        Candidate lemmas in UD convention, best prior first (at least one).
    pos : tuple of str
        Universal POS guess for each candidate (``"X"`` when unknown).
    scores : tuple of float
        Prior score of each candidate.
    known : bool
        Whether Voikko (or the spoken-Finnish table) knew the word.
    parts : tuple of str
        Compound parts of the best analysis (empty when not a compound).
    kind : str
        ``word``, ``number``, ``emoji``, ``placeholder`` or ``punct``.
    """

    lemmas: tuple[str, ...]
    pos: tuple[str, ...]
    scores: tuple[float, ...]
    known: bool
    parts: tuple[str, ...]
    kind: str


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


# -- one Voikko analysis -> (lemma, pos, score, parts) ------------------------


def _surface_parts(fst: str) -> list[str]:
    """Surface strings of the compound parts in a Voikko FSTOUTPUT."""
    pieces = fst.split("[Bc]")
    return [_TAG.sub("", _XBASE.sub("", p)) for p in pieces]


def _convert(a: dict[str, Any], surface: str, index: int) -> tuple[str, str, float, tuple]:
    base = a.get("BASEFORM") or surface
    cls = a.get("CLASS", "")
    pos = VOIKKO_CLASS_POS.get(cls, "X")
    fst = a.get("FSTOUTPUT", "")
    score = -0.05 * index
    lemma = base
    if a.get("PARTICIPLE") or a.get("MOOD") in ("MA-infinitive", "E-infinitive"):
        m = _VERB_BASE.search(fst)
        if (m and a.get("PARTICIPLE") != "agent") or (m and pos != "NOUN"):
            lemma = m.group(1)
            pos = "VERB"
        elif m:
            lemma = m.group(1)
            pos = "VERB"
            score -= 0.3
    elif a.get("MOOD") == "MINEN-infinitive":
        m = _MINEN.match(surface.lower())
        if m:
            lemma = m.group(1) + "inen"
            pos = "NOUN"
    elif pos == "PRON":
        lemma = PRONOUN_LEMMA.get(base, base)
        score += 0.5
    elif pos in ("ADV", "ADP"):
        lemma = surface.lower()
    if lemma == surface.lower():
        score += 0.15
    if pos == "VERB" and surface.lower() in VERB_FIRST:
        score += 0.5
    if "[Ssti]" in fst:
        lemma = surface.lower()
        pos = "ADV"
    case = a.get("SIJAMUOTO")
    if case in _RARE_CASES:
        score -= _RARE_CASES[case]
    if a.get("POSSESSIVE"):
        score -= 0.2
    if pos == "PROPN":
        lemma = lemma[:1].upper() + lemma[1:]
        if surface[:1].islower():
            score -= 2.0
    elif surface[:1].isupper() and surface[1:2].islower():
        score -= 0.05
    if pos == "ABBR":
        score -= 0.5
    parts: tuple[str, ...] = ()
    ncomp = fst.count("[Bc]")
    if ncomp:
        score -= 0.3 * ncomp
        surf = _surface_parts(fst)
        head = "".join(surf[:-1]).lower()
        low = lemma.lower()
        if low.startswith(head) and len(low) > len(head):
            parts = (*[s.lower() for s in surf[:-1] if s], low[len(head) :])
    return lemma, pos, score, parts


def _from_analyses(analyses: list[dict[str, Any]], surface: str) -> Entry | None:
    if not analyses:
        return None
    best: dict[str, tuple[str, float, tuple]] = {}
    for i, a in enumerate(analyses):
        lemma, pos, score, parts = _convert(a, surface, i)
        old = best.get(lemma)
        if old is None or score > old[1]:
            best[lemma] = (pos, score, parts)
    low = surface.lower()
    if low in FIXED_FORMS:
        best[low] = ("ADV", 1.0, ())
    ranked = sorted(best.items(), key=lambda kv: -kv[1][1])
    return Entry(
        lemmas=tuple(k for k, _ in ranked),
        pos=tuple(v[0] for _, v in ranked),
        scores=tuple(v[1] for _, v in ranked),
        known=True,
        parts=ranked[0][1][2],
        kind="word",
    )


# -- unknown words --------------------------------------------------------------


def _single(lemma: str, pos: str = "X", known: bool = False, kind: str = "word") -> Entry:
    return Entry((lemma,), (pos,), (0.0,), known, (), kind)


def _spoken_candidates(w: str) -> list[str]:
    """Standard spellings a spoken or elongated form may stand for."""
    out: list[str] = []
    # elongation leftovers: "ihaan" -> "ihan", "kiitoos" -> "kiitos"
    for i in range(len(w) - 1):
        if w[i] == w[i + 1] and w[i].isalpha():
            out.append(w[:i] + w[i + 1 :])
    if w.endswith(("ks", "kö")) and len(w) > 4:
        out += [w[:-2] + "ko", w[:-2] + "kö", w[:-2]]
    if w.endswith("is") and len(w) > 4:  # pitäis -> pitäisi
        out.append(w + "i")
    if w.endswith("ki") and len(w) > 4:  # mäki(n) clitic
        out.append(w + "n")
    if w[-1:] in _VOWELS and len(w) > 3:  # dropped final n: "tänää", "siihe"
        out.append(w + "n")
    if len(w) > 3 and w[-1] == w[-2] and w[-1] in _VOWELS:  # "kattoo" -> "kattoa"?
        out.append(w[:-1] + "a")
    if w.endswith(("ee", "ää")) and len(w) > 4:  # "sanoo" etc.
        out.append(w[:-2] + "ea")
    return out


def _guess(surface: str, analyze) -> Entry:
    """Lemma for a word Voikko does not know."""
    low = surface.lower()
    if low in SPOKEN:
        return _single(SPOKEN[low], known=True)
    if ":" in surface:  # EU:ssa, H&M:n
        head = surface.split(":", 1)[0]
        return _single(head, "PROPN" if head[:1].isupper() else "X")
    if surface.startswith("-") and len(surface) > 1:
        return _lookup(surface[1:])
    if "-" in surface.strip("-"):
        head, _, tail = surface.strip("-").rpartition("-")
        sub = _lookup(tail)
        if sub.known:
            return Entry(
                lemmas=tuple(
                    f"{head}-{x}".lower() if x[:1].islower() else f"{head}-{x}"
                    for x in sub.lemmas[:1]
                ),
                pos=sub.pos[:1],
                scores=(0.0,),
                known=True,
                parts=(head.lower(), sub.lemmas[0].lower()),
                kind="word",
            )
    for cand in _spoken_candidates(low):
        e = _from_analyses(analyze(cand), cand)
        if e is not None:
            return e
    capital = surface[:1].isupper()
    # compound with an unknown first part: longest known tail
    if not capital and len(low) >= 7:
        for i in range(3, len(low) - 3):
            tail = low[i:]
            e = _from_analyses(analyze(tail), tail)
            if e is not None and e.pos[0] in ("NOUN", "ADJ", "VERB"):
                head = low[:i]
                return Entry(
                    lemmas=tuple(head + x.lower() for x in e.lemmas),
                    pos=e.pos,
                    scores=e.scores,
                    known=False,
                    parts=(head, e.lemmas[0].lower()),
                    kind="word",
                )
    # strip one case ending
    stem = surface
    for end in _NAME_ENDINGS if capital else _CASE_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 3:
            stem = surface[: -len(end)]
            break
    if capital and stem is not surface and len(stem) > 3:
        if stem[-1] == "i" and stem[-2].lower() not in _VOWELS:
            stem = stem[:-1]  # Showroomilla -> Showroom
        elif stem.endswith("kse"):
            stem = stem[:-3] + "s"  # Kalymnoksen -> Kalymnos
        return _single(stem, "PROPN")
    if capital:
        return _single(surface, "PROPN")
    return _single(stem.lower())


def _lookup(surface: str) -> Entry:
    cache = _CACHE.data
    e = cache.get(surface)
    if e is not None:
        _CACHE.hits += 1
        return e
    _CACHE.misses += 1
    e = _compute(surface)
    _CACHE.put(surface, e)
    return e


def _compute(surface: str) -> Entry:
    kind = token_kind(surface)
    if kind != "word":
        return _single(surface, {"number": "NUM", "emoji": "SYM"}.get(kind, "PUNCT"), True, kind)
    low = surface.lower()
    if low in SPOKEN_OVERRIDE:
        return _single(SPOKEN[low], "PRON", True)
    analyze = get_morphology().analyze
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


# -- context -------------------------------------------------------------------


def _choose(e: Entry, i: int, tokens: Sequence[str], entries: Sequence[Entry]) -> str:
    """Pick one candidate using the neighbours."""
    best = e.lemmas[0]
    if len(e.lemmas) == 1:
        return best
    scores = list(e.scores)
    prev = tokens[i - 1].lower() if i > 0 else ""
    surface = tokens[i]
    low = surface.lower()
    if low == "sillä" and (i == 0 or prev in (",", ";", "-", "–")):
        return "sillä"
    if low == "et" and "ei" in e.lemmas:
        nxt = entries[i + 1] if i + 1 < len(entries) else None
        return "ei" if nxt is not None and "VERB" in nxt.pos else "että"
    for j, pos in enumerate(e.pos):
        if prev in NEGATION and pos == "VERB":
            scores[j] += 0.5
        if pos == "PROPN" and surface[:1].isupper():
            scores[j] += 0.8 if i > 0 and tokens[i - 1] not in (".", "!", "?", ":") else 0.0
        if i > 0 and pos in ("NOUN", "ADJ") and entries[i - 1].pos[0] == "ADJ":
            scores[j] += 0.1
    k = max(range(len(scores)), key=scores.__getitem__)
    return e.lemmas[k]


def lemmatize(tokens: Sequence[str]) -> list[str]:
    """One lemma per token, in order; the sequence is the context.

    Lemmas follow Universal Dependencies conventions: participles and
    infinitives give the verb (``tehty`` -> ``tehdä``), plural pronouns the
    singular (``me`` -> ``minä``, ``ne`` -> ``se``), comparatives the positive,
    ``-sti`` adverbs themselves. Lemmas are lower-case except proper nouns,
    which keep their capital (``Helsingissä`` -> ``Helsinki``). Spoken forms
    map to standard lemmas (``mä`` -> ``minä``, ``oon`` -> ``olla``). Unknown
    words are guessed by stripping a case ending; non-words (emoji,
    punctuation, numbers, placeholders) are returned unchanged.

    Parameters
    ----------
    tokens : sequence of str
        Tokens of one sentence or comment (e.g. from :func:`tokenize`).

    Returns
    -------
    list of str
        Exactly ``len(tokens)`` lemmas.

    Examples
    --------
    >>> from analyzer.text import lemmatize
    >>> lemmatize(["Me", "oltiin", "kylpylässä", "Helsingissä", "😤"])
    ['minä', 'olla', 'kylpylä', 'Helsinki', '😤']
    """
    entries = [_lookup(t) if t else _single("", "X") for t in tokens]
    return [_choose(e, i, tokens, entries) for i, e in enumerate(entries)]

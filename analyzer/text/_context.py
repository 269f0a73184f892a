"""Choosing one lemma of an ambiguous word from its neighbours.

:func:`choose` is the one place that decides: it hands :func:`_choose` only the
tokens within :data:`CONTEXT` of the word, so a choice depends on nothing else
and callers may cache it by those tokens (the batch path of
:class:`~analyzer.model.CommentVectorizer` does).
"""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.text._analysis import _CONJ_READING
from analyzer.text._entry import NEGATOR, PHRASE, SCOPE_END, Entry
from analyzer.text._lexicon import SPOKEN_AMBIGUOUS
from analyzer.text._voikko import get_morphology

__all__ = ["CONTEXT", "choose"]

_TWO_NAMES = ("PROPN", "PROPN")

_NOMINAL = frozenset(("NOUN", "ADJ", "PRON", "NUM", "PROPN"))
_SENTENCE_END = frozenset((".", "!", "?", ":"))

# Forms whose choice depends on the neighbours (never cached context-free).
_CONTEXT_FORMS = frozenset((*_CONJ_READING, *SPOKEN_AMBIGUOUS, "voi"))
# "voi" is the interjection before these (and before punctuation): "voi ei", "voi että"
_VOI_INTJ_NEXT = frozenset(
    "ei että et ku kun vitsi voi miten kuinka harmi jumalauta luoja ihanaa apua".split()
)

_TOTA_BEFORE = frozenset(("no", "niin", "nii", "ja", "mut", "mutta", "ni", ","))
_TOTA_AFTER = frozenset(("noin", "niin", "nii", ",", "..."))
_SUBJECT_PRONOUNS = frozenset("mä mää mie minä sä sää sie sinä hän me te".split())
_SITA_NEXT = frozenset(("paitsi", "mukaa"))

# after "mut" these start a new clause: "mut" is then "mutta"
_MUTTA_NEXT = frozenset(
    "sit sitte sitten nyt silti kuitenkin kuitenki turhaan ehkä kyllä kyl vaan vaa "
    "onneks onneksi no nii niin joo se ne mä sä".split()
)
_YOU = frozenset(("sä", "sää", "sie", "sinä"))
# spoken forms that follow a negation: "en oo", "et tiiä"
_SPOKEN_CONNEG = frozenset(
    "oo tiiä tiijä tuu mee nää viiti jaksa tarvi tajuu osaa haluu pysty kehtaa".split()
)
_QUESTION = ("ko", "kö", "ks", "kos", "kös")

# Fixed two-word adverbs whose words UD lemmatises as themselves.
_PHRASES = {
    ("itse", "asiassa"): ("itse", "asiassa"),
    ("ite", "asiassa"): ("itse", "asiassa"),
    ("ite", "asias"): ("itse", "asiassa"),
    ("itse", "asias"): ("itse", "asiassa"),
    ("ennen", "muuta"): ("ennen", "muuta"),
    ("ennen", "kaikkea"): ("ennen", "kaikkea"),
    ("muun", "muassa"): ("muun", "muassa"),
    ("muiden", "muassa"): ("muiden", "muassa"),
}
_PHRASE_WORDS = frozenset(w for pair in _PHRASES for w in pair)


def _max_bonus(pos: str) -> float:
    """The largest score :func:`_choose` can add to a candidate of this POS."""
    if pos == "VERB":
        return 0.5
    if pos in _NOMINAL:
        return 1.5 + (0.8 if pos == "PROPN" else 0.1)
    return 0.0


def _context_free(e: Entry, low: str) -> bool:
    """Whether no context can overturn the best candidate (so it can be cached)."""
    if low in _CONTEXT_FORMS or e.pos == _TWO_NAMES:
        return False
    top = e.scores[0]
    return all(
        top - sc > _max_bonus(p) + 1e-6 for p, sc in zip(e.pos[1:], e.scores[1:], strict=True)
    )


# -- context -------------------------------------------------------------------


_CONNEG: dict[str, tuple[bool, bool]] = {}


def _connegative(surface: str, strict: bool = False) -> bool:
    """Whether a verb form can follow the negation verb (``tiedä``, spoken ``oo``).

    Unknown forms count unless ``strict``.
    """
    hit = _CONNEG.get(surface)
    if hit is None:
        low = surface.lower()
        verbs = [a for a in get_morphology().analyze(surface) if a.get("CLASS") == "teonsana"]
        # unknown forms and forms Voikko allows after a negation count; only a
        # form that is affirmative in every reading ("on", "tulee") does not
        sure = low in _SPOKEN_CONNEG or any(a.get("NEGATIVE") != "false" for a in verbs)
        hit = (sure or not verbs, sure)
        if len(_CONNEG) < 100_000:
            _CONNEG[surface] = hit
    return hit[1] if strict else hit[0]


#: How many tokens before and after ``tokens[i]`` :func:`choose` shows
#: :func:`_choose`: all it can see, so a choice may be cached by them.
CONTEXT = (2, 2)


def choose(i: int, tokens: Sequence[str], entries: Sequence[Entry]) -> str:
    """The lemma of ``tokens[i]``, chosen among its entry's candidates by the neighbours.

    Only the tokens within :data:`CONTEXT` of ``tokens[i]`` (and of the same
    comment) are looked at. ``entries`` are the :func:`~analyzer.text.lookup`
    entries of ``tokens``.

    Examples
    --------
    >>> from analyzer.text import choose, lookup, tokenize
    >>> toks = tokenize("Hyvä, sillä se toimii")
    >>> choose(2, toks, [lookup(t) for t in toks])
    'sillä'
    """
    e = entries[i]
    if len(e.lemmas) == 1 and not e.flags & PHRASE:
        return e.lemmas[0]
    before, after = CONTEXT
    lo = max(0, i - before)
    return _choose(e, i - lo, tokens[lo : i + after + 1], entries[lo : i + after + 1])


def _choose(e: Entry, i: int, tokens: Sequence[str], entries: Sequence[Entry]) -> str:
    """Pick one candidate using the neighbours (at most :data:`CONTEXT` of them)."""
    lemmas = e.lemmas
    if len(lemmas) == 1 and not e.flags & PHRASE:
        return lemmas[0]
    n = len(tokens)
    surface = tokens[i]
    low = surface.lower()
    if e.flags & PHRASE:
        if i > 0 and (tokens[i - 1].lower(), low) in _PHRASES:
            return _PHRASES[tokens[i - 1].lower(), low][1]
        if i + 1 < n and (low, tokens[i + 1].lower()) in _PHRASES:
            return _PHRASES[low, tokens[i + 1].lower()][0]
        if len(lemmas) == 1:
            return lemmas[0]
    if low in _CONTEXT_FORMS:
        if low == "sillä":
            if i > 0 and tokens[i - 1] in (",", ";", "-", "–"):
                return "sillä"
        elif low == "sitä":  # "sitä paitsi", "sitä enemmän": the adverb
            nxt_low = tokens[i + 1].lower() if i + 1 < n else ""
            if nxt_low in _SITA_NEXT or nxt_low.endswith(("mpi", "mmän", "mmin", "mpaa")):
                return "sitä"
            return "se"
        elif low == "voi":
            if i + 1 < n and (
                entries[i + 1].kind == "punct" or tokens[i + 1].lower() in _VOI_INTJ_NEXT
            ):
                return "voi"
        elif low == "tota":  # "no tota", "tota noin": the hesitation particle
            prev_low = tokens[i - 1].lower() if i > 0 else ""
            nxt_low = tokens[i + 1].lower() if i + 1 < n else ""
            if prev_low in _TOTA_BEFORE or nxt_low in _TOTA_AFTER:
                return lemmas[1]
            return lemmas[0]
        elif low == "mut":  # "minut" right after a verb, unless a clause follows
            if i > 0 and entries[i - 1].pos[0] == "VERB":
                nxt_e = entries[i + 1] if i + 1 < n else None
                if nxt_e is None or not (
                    (nxt_e.flags & (NEGATOR | SCOPE_END) and nxt_e.kind == "word")
                    or nxt_e.pos[0] in ("VERB", "AUX", "PRON")
                    or tokens[i + 1].lower() in _MUTTA_NEXT
                ):
                    return lemmas[1]
            return lemmas[0]
        elif "ei" in lemmas:  # "et": the negation verb before a verb, else "että"
            if i + 1 < n and entries[i + 1].pos[0] == "VERB":
                # ... but not before a question ("et ootteko te") or a form
                # that cannot follow a negation ("et on", "et tulee")
                nxt = tokens[i + 1]
                return "ei" if _connegative(nxt) and not nxt.endswith(_QUESTION) else "että"
            if (
                i + 2 < n
                and tokens[i + 1].lower() in _YOU
                and _connegative(tokens[i + 2], strict=True)
            ):
                return "ei"  # "et sä tiiä"
            return "että"
    if e.pos == _TWO_NAMES and not e.known:
        # an unknown name in -n: a genitive when a lower-case noun or adposition follows
        if (
            i + 1 < n
            and entries[i + 1].pos[0] in ("NOUN", "ADP", "ADJ")
            and tokens[i + 1][:1].islower()
        ):
            return lemmas[1]
        return lemmas[0]
    prev = entries[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < n else ""
    # "samalla tavalla": a reading in the same case as the next word
    agree = len(nxt) > 3 and len(low) > 3 and nxt[-3:].lower() == low[-3:]
    negated = (prev is not None and prev.flags & NEGATOR) or (
        i > 1 and entries[i - 2].flags & NEGATOR
    )
    prev_pos = prev.pos[0] if prev is not None else ""
    after_verb = prev_pos in ("VERB", "AUX")
    after_subject = i > 0 and tokens[i - 1].lower() in _SUBJECT_PRONOUNS
    capital_inside = surface[:1].isupper() and i > 0 and tokens[i - 1] not in _SENTENCE_END
    scores = list(e.scores)
    for j, pos in enumerate(e.pos):
        if pos == "VERB":
            if negated:
                scores[j] += 0.5
            elif after_verb:
                scores[j] += 0.25
            elif after_subject:
                scores[j] += 0.3  # "mä soitin", "hän koski": a finite verb
        elif pos in _NOMINAL:
            if agree:
                scores[j] += 1.5  # same case as the next word
            if pos == "PROPN":
                if capital_inside:
                    scores[j] += 0.8
            elif prev_pos == "ADJ" and pos in ("NOUN", "ADJ"):
                scores[j] += 0.1
    k = max(range(len(scores)), key=scores.__getitem__)
    return lemmas[k]

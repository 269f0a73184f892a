"""Voikko lemmatisation with disambiguation, UD conventions and a guesser."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any

from analyzer.text._lexicon import (
    ABBREVIATION_LEMMA,
    ADVERB_LEMMA,
    CLAUSE_OPENERS,
    COMMON_LEMMAS,
    FIXED_FORMS,
    FOREIGN,
    LEXICAL_PARTICIPLES,
    NEGATION,
    PLURALE_TANTUM,
    PRONOUN_LEMMA,
    SPOKEN,
    SPOKEN_AMBIGUOUS,
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
_VERB_DERIVED = re.compile(r"([^\[]+)\[Xj\]([^\[]+[aä])\[X\]")
_VERB_BASE = re.compile(r"\[Lt\](?:\[I[a-z]+\])*\[Xp\]([^\[]+)\[X\]")
_RARE_CASES = {"keinonto": 1.2, "seuraneto": 0.6, "vajanto": 0.3, "kerrontosti": 0.0}
# Case endings of unknown lower-case words. Loanwords take a stem vowel -i
# (spammi, spammissa), so the ending is stripped without the i.
_CASE_ENDINGS = sorted(
    (
        "ssa ssä sta stä lla llä lta ltä lle ksi ineen iden itten jen den ten tten "
        "tta ttä ita itä ja jä na nä ta tä n a ä t"
    ).split(),
    key=len,
    reverse=True,
)
_NAME_ENDINGS = sorted("ssa ssä sta stä lla llä lta ltä lle ksi iin".split(), key=len, reverse=True)
_VOWELS = set("aeiouyäöå")
# Conjunction readings Voikko lacks; chosen by context in :func:`_choose`.
_TWO_NAMES = ("PROPN", "PROPN")
_LAUGH = re.compile(r"(?:[hj][aeiouäö]){2,}h?|(?:ha|he|hi)h+")
_LEXICAL_NOUN = 0.2
_OVERRIDE_POS = {"kiitti": "INTJ"}
_OVERRIDE_PRON = frozenset(("minä", "sinä", "tämä", "tuo"))
_NOMINAL = frozenset(("NOUN", "ADJ", "PRON", "NUM", "PROPN"))
_SENTENCE_END = frozenset((".", "!", "?", ":"))
_CONJ_READING = {"sillä": "sillä", "et": "että", "sitä": "sitä"}
# Forms whose choice depends on the neighbours (never cached context-free).
_CONTEXT_FORMS = frozenset((*_CONJ_READING, *SPOKEN_AMBIGUOUS, "voi"))
# "voi" is the interjection before these (and before punctuation): "voi ei", "voi että"
_VOI_INTJ_NEXT = frozenset(
    "ei että et ku kun vitsi voi miten kuinka harmi jumalauta luoja ihanaa apua".split()
)
_ELONGATION = re.compile(r"([^\W\d_])\1{2,}")
_D_DROP = re.compile(r"(?<=h)(?=[aeiouyäö])")
# Unknown verbs of the -ata/-ätä type (loan verbs: postata, bannata): past
# tense, participles and passive forms, longest ending first.
_LOAN_VERB = re.compile(
    r"(.{3,}?)(?:a|ä)(?:sin|sit|si|simme|sitte|sivat|ttiin|ttu|tty|taan|tään|nnut|nnyt|nnu|nny)"
)
_CLITICS = ("kin", "kaan", "kään", "han", "hän")
# Fixed forms that are also the stem of other words with these endings.
_NO_CLITIC_BASE = frozenset(("kuin", "yli", "ohi", "alla", "eli", "kesken"))
_TOTA_BEFORE = frozenset(("no", "niin", "nii", "ja", "mut", "mutta", "ni", ","))
_TOTA_AFTER = frozenset(("noin", "niin", "nii", ",", "..."))
_SUBJECT_PRONOUNS = frozenset("mä mää mie minä sä sää sie sinä hän me te".split())
_SITA_NEXT = frozenset(("paitsi", "mukaa"))
_SPOKEN_CLITICS = ("kin", "ki", "kaan", "kään", "kaa", "kää", "han", "hän", "ha", "hä")
_NEGATIVE_PRONOUN = {"kuka": "kukaan", "mikä": "mikään"}
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
# -us/-ys nouns of (loan) verbs in their -ukse-/-ykse- forms: postauksen -> postaus
_US_NOUN = re.compile(r"(.{3,}[aeiouyäö][uy])ks(?:e[nt]|i[aä]|e[a-zäö]{2,}|i[a-zäö]{2,})")
# frequentative -ailla/-äillä verbs: hengailen, chillailtiin
_AILLA_VERB = re.compile(r"(.{3,}[aä]il)(?:la|lä|en|et|ee|in|it|i|laan|lään|tiin|lu|ly|lut|lyt)")
_PRONOUN_LEMMAS = frozenset(("minä", "sinä", "hän", "se", "tämä", "tuo", "mikä", "kuka", "jokin"))
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
    feature : str or None
        The lower-cased lemma when there is only one candidate (the
        classifier's feature, no context needed); ``None`` otherwise.
    flags : int
        Bit set for the negation scope: :data:`NEGATOR` (a negation verb),
        :data:`SCOPE_END` (punctuation or a clause opener), :data:`WORD`.
    """

    lemmas: tuple[str, ...]
    pos: tuple[str, ...]
    scores: tuple[float, ...]
    known: bool
    parts: tuple[str, ...]
    kind: str
    feature: str | None = None
    flags: int = 0


#: :attr:`Entry.flags` bit: the surface form is a negation verb (``ei``, ``en``, ...).
NEGATOR = 1
#: :attr:`Entry.flags` bit: punctuation or a clause opener, which ends a negation scope.
SCOPE_END = 2
#: :attr:`Entry.flags` bit: the token is a word.
WORD = 4
#: :attr:`Entry.flags` bit: the word may be part of a fixed two-word adverb
#: (``itse asiassa``, ``muun muassa``), so its lemma depends on a neighbour.
PHRASE = 8

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


# -- one Voikko analysis -> (lemma, pos, score, parts) ------------------------


def _surface_parts(fst: str) -> list[str]:
    """Surface strings of the compound parts in a Voikko FSTOUTPUT."""
    pieces = fst.split("[Bc]")
    return [_TAG.sub("", _XBASE.sub("", p)) for p in pieces]


def _pronoun(base: str, low: str, a: dict[str, Any]) -> str:
    """UD lemma of a pronoun: indefinite clitic pronouns, plural to singular."""
    b = base.lower()
    if b in ("kuka", "ken"):
        if low.endswith(("an", "än", "aa", "ää")):
            return "kukaan"
        return "kukin" if a.get("FOCUS") == "kin" else "kuka"
    if b == "mikä":
        if low.endswith(("an", "än", "aa", "ää")):
            return "mikään"
        return "mikin" if a.get("FOCUS") == "kin" else "mikä"
    if b == "joka" and a.get("FOCUS") == "kin":
        return "jokin"
    return PRONOUN_LEMMA.get(base, base)


def _comparative_adverb(base: str, low: str) -> str:
    """``tehokkaammin`` -> ``tehokkaasti``: UD lemma of a comparative adverb."""
    if base == "hyvä":
        return "hyvin"
    if base == "usea":
        return "usein"
    stem = low
    for suffix in ("immin", "mmin", "iten"):
        if low.endswith(suffix):
            stem = low[: -len(suffix)]
            break
    if stem.endswith("e") and base[-1:] in ("a", "ä"):
        stem = stem[:-1] + base[-1]  # laajemmin -> laaja
    return stem + "sti"


def _convert(a: dict[str, Any], surface: str, index: int) -> tuple[str, str, float, tuple]:
    base = a.get("BASEFORM") or surface
    cls = a.get("CLASS", "")
    pos = VOIKKO_CLASS_POS.get(cls, "X")
    fst = a.get("FSTOUTPUT", "")
    low = surface.lower()
    score = -0.05 * index
    lemma = base
    participle = a.get("PARTICIPLE")
    mood = a.get("MOOD")
    if participle == "negation" or (
        participle
        and (
            base.lower() in LEXICAL_PARTICIPLES
            or base.endswith(("vainen", "väinen"))
            # epäluotettava, epämiellyttävä: no verb *epäluottaa behind them
            or (participle.startswith("present") and base.lower().startswith("epä"))
        )
    ):
        pos = "ADJ"  # uskomaton, merkittävä: lexicalised adjectives in UD
    elif participle or mood in ("MA-infinitive", "E-infinitive"):
        m = _VERB_BASE.search(fst)
        if m:
            # a derived verb keeps its derivation: valmistelemaan -> valmistella
            d = _VERB_DERIVED.match(fst, m.end())
            lemma = d.group(1) + d.group(2) if d else m.group(1)
            if participle == "agent" and pos == "NOUN":
                score -= 0.3
            pos = "VERB"
    elif mood == "MINEN-infinitive":
        m = _MINEN.match(low)
        if m:
            lemma = m.group(1) + "inen"
            pos = "NOUN"
    elif pos == "PRON":
        lemma = _pronoun(base, low, a)
        score += 0.5
    elif pos in ("ADV", "ADP"):
        b = base.lower()
        if a.get("POSSESSIVE") or a.get("FOCUS") or a.get("KYSYMYSLIITE") or low.startswith(b):
            lemma = b  # vieläkin -> vielä, kanssani -> kanssa
        else:
            lemma = low
        lemma = ADVERB_LEMMA.get(lemma, lemma)
    elif pos == "VERB":
        if mood == "imperative" and a.get("PERSON") == "2":
            score -= 0.3  # "vastusta": far more often a noun's partitive/elative
        elif mood == "A-infinitive":
            score -= 0.2  # "hyötyä", "leikkiä": usually a noun's partitive
    case = a.get("SIJAMUOTO")
    if case == "keinonto" and cls == "laatusana":
        if a.get("COMPARISON") in ("comparative", "superlative"):
            lemma = _comparative_adverb(base.lower(), low)
            pos = "ADV"
            case = None
        elif base.endswith("inen") and low.endswith("isin"):
            lemma = low  # aamuisin, syksyisin
            pos = "ADV"
            case = None
    if lemma == low:
        score += 0.15
    if lemma in COMMON_LEMMAS:
        score += 0.25
    if pos == "VERB" and low in VERB_FIRST:
        score += 0.5
    if "[Ssti]" in fst:
        lemma = low
        if a.get("KYSYMYSLIITE") and lemma.endswith(("ko", "kö")):
            lemma = lemma[:-2]
        focus = a.get("FOCUS")
        if focus and lemma.endswith((focus, focus.replace("a", "ä"))):
            lemma = lemma[: -len(focus)]  # selvästikin -> selvästi, -kään too
        pos = "ADV"
        score += 0.2
    if case in _RARE_CASES:
        score -= _RARE_CASES[case]
    if a.get("POSSESSIVE"):
        score -= 0.2
    if "[Ll][Xj]inen" in fst and low.endswith(("sta", "stä")):
        score -= 0.25  # polyesteristä: elative of a noun, not partitive of an -inen derivation
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
        llow = lemma.lower()
        if llow.startswith(head) and len(llow) > len(head):
            firsts = [p.lower().strip("-") for p in surf[:-1]]
            parts = (*[f for f in firsts if f], llow[len(head) :])
    if a.get("NUMBER") == "plural" and pos in ("NOUN", "PROPN", "ADJ", "PRON"):
        llow = lemma.lower()
        plural = PLURALE_TANTUM.get(llow)
        if plural is None and ncomp:
            for sg, pl in PLURALE_TANTUM.items():
                if llow.endswith(sg):
                    plural = llow[: -len(sg)] + pl
                    break
        if plural is not None:
            lemma = plural[:1].upper() + plural[1:] if lemma[:1].isupper() else plural
            score += 0.1
    if "-" in lemma and pos != "PROPN":
        # UD Finnish writes a hyphenated compound's lemma without the hyphen
        lemma = lemma.replace("-", "") or lemma
    return lemma, pos, score, parts


def _fixed_form(low: str) -> str | None:
    """UD lemma of a lexicalised adverb or adposition, also with a clitic (``todellakin``)."""
    if low in FIXED_FORMS or low in ADVERB_LEMMA:
        return ADVERB_LEMMA.get(low, low)
    for clitic in _CLITICS:
        if low.endswith(clitic) and len(low) > len(clitic) + 2:
            base = low[: -len(clitic)]
            if base in FIXED_FORMS and base not in _NO_CLITIC_BASE:
                return ADVERB_LEMMA.get(base, base)
    return None


def _from_analyses(analyses: list[dict[str, Any]], surface: str) -> Entry | None:
    if not analyses:
        return None
    best: dict[str, tuple[str, float, tuple]] = {}
    nouns = {a.get("BASEFORM") for a in analyses if a.get("CLASS") == "nimisana"}
    for i, a in enumerate(analyses):
        lemma, pos, score, parts = _convert(a, surface, i)
        if pos == "VERB" and a.get("PARTICIPLE") and a.get("BASEFORM") in nouns:
            score -= _LEXICAL_NOUN  # tehtävä, juoma: a noun in its own right
        old = best.get(lemma)
        if old is None or score > old[1]:
            best[lemma] = (pos, score, parts)
    low = surface.lower()
    if len(best) > 1 and low.endswith(("sta", "stä")):
        # "asiakaspalvelusta": elative of -palvelu, not partitive of -palvelus
        for lemma, (pos, score, parts) in list(best.items()):
            if lemma.endswith("s") and lemma[:-1] in best:
                best[lemma] = (pos, score - 0.1, parts)
    if low in best and low.endswith("isin") and best[low][0] == "ADV":
        if any(a.get("MOOD") == "conditional" for a in analyses):
            pos, score, parts = best[low]
            best[low] = (pos, score - 0.4, parts)  # voisin, tulisin: the verb, not an adverb
    fixed = _fixed_form(low)
    if fixed is not None:
        best[fixed] = ("ADV", 1.0, ())
    elif low in _CONJ_READING and _CONJ_READING[low] not in best:
        best[_CONJ_READING[low]] = ("SCONJ", -1.0, ())
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


def _spoken_entry(low: str, analyze) -> Entry:
    """Entry of a form of the spoken-Finnish tables, with the POS of its lemma."""
    amb = SPOKEN_AMBIGUOUS.get(low)
    if amb is not None:
        (l1, p1), (l2, p2) = amb
        return Entry((l1, l2), (p1, p2), (0.0, -1.0), True, (), "word")
    lemma = SPOKEN[low]
    if lemma in _PRONOUN_LEMMAS or lemma in _OVERRIDE_PRON:
        pos = "PRON"
    elif lemma in _OVERRIDE_POS:
        pos = _OVERRIDE_POS[lemma]
    else:
        a = analyze(lemma)
        pos = VOIKKO_CLASS_POS.get(a[0].get("CLASS", ""), "X") if a else "X"
    return _single(lemma, pos, True)


def _diacritic_candidates(w: str) -> list[str]:
    """``paiva`` -> ``päivä``: a word typed without ä/ö (all, then one at a time)."""
    if not w.isascii() or len(w) < 3:
        return []
    idx = [i for i, c in enumerate(w) if c in "ao"]
    if not idx or len(idx) > 6:
        return []
    front = {"a": "ä", "o": "ö"}
    out = ["".join(front.get(c, c) for c in w)]
    if len(idx) > 1:
        for i in idx:
            out.append(w[:i] + front[w[i]] + w[i + 1 :])
    return out


def _verb_guess(low: str) -> str | None:
    """Lemma of an unknown derived or loan verb or ``-us`` noun.

    ``postasin`` -> ``postata``, ``hengailin`` -> ``hengailla``,
    ``postauksia`` -> ``postaus``.
    """
    m = _US_NOUN.fullmatch(low)
    if m is not None:
        return m.group(1) + "s"
    m = _AILLA_VERB.fullmatch(low)
    if m is not None:
        return m.group(1) + ("la" if any(c in "aou" for c in low) else "lä")
    m = _LOAN_VERB.fullmatch(low)
    if m is None:
        return None
    stem = m.group(1)
    if stem[-1] in _VOWELS:
        return None
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] in "kpt":
        stem = stem[:-1]  # consonant gradation: tsekkasin -> tsekata
    a = "a" if any(c in "aou" for c in low) else "ä"
    return stem + a + "t" + a


def _spoken_candidates(w: str) -> list[str]:
    """Standard spellings a spoken or elongated form may stand for."""
    out: list[str] = []
    # elongation leftovers: "ihaan" -> "ihan", "kiitoos" -> "kiitos"
    for i in range(len(w) - 1):
        if w[i] == w[i + 1] and w[i].isalpha():
            out.append(w[:i] + w[i + 1 :])
    if w.endswith(("ks", "kö")) and len(w) > 4:
        out += [w[:-2] + "ko", w[:-2] + "kö", w[:-2]]
    if len(w) > 4 and w[-1] == "s" and w[-2] in "aiouyäö":  # pitäis -> pitäisi, hajos -> hajosi
        out.append(w + "i")
    if w.endswith("ks") and len(w) > 4:  # valmiiks -> valmiiksi
        out.append(w + "i")
    if w.endswith("ki") and len(w) > 4:  # mäki(n) clitic
        out.append(w + "n")
    if w[-1:] in _VOWELS and len(w) > 3:  # dropped final n: "tänää", "siihe"
        out.append(w + "n")
    if len(w) > 3 and w[-1] == w[-2] and w[-1] in _VOWELS:  # "kattoo" -> "kattoa"?
        out.append(w[:-1] + "a")
    if w.endswith(("ee", "ää")) and len(w) > 4:  # "sanoo" etc.
        out.append(w[:-2] + "ea")
    if len(w) > 4 and w[-1] == "s" and w[-2] in "aiouyäö":
        out.append(w[:-1])  # clitic -s: kuinkas -> kuinka, kokeilkaas -> kokeilkaa
    return out


def _more_spoken_candidates(w: str) -> list[str]:
    """Standard spellings for common sound changes of spoken Finnish."""
    out: list[str] = []
    back = any(c in "aou" for c in w)
    a = "a" if back else "ä"
    n = len(w)
    if "ot" in w[1:-1]:
        i = w.find("ot", 1)
        out.append(w[:i] + "oit" + w[i + 2 :])  # kirjottaa -> kirjoittaa, tarkotan
    if n > 4 and w[-1] == "i" and w[-2] in _VOWELS:
        # spoken partitive plural: ihmisii -> ihmisiä, juttui -> juttuja
        out.append(w[:-1] + (a if w[-2] == "i" else "j" + a))
    if w[-2:] in ("aa", "ää", "ii"):
        out.append(w + "n")  # tänää -> tänään, mitää -> mitään, puhuttii -> puhuttiin
    if n > 3 and w[-1] in "uy" and w[-2] in "nlrs":
        out.append(w + "t")  # tehny -> tehnyt, sanonu -> sanonut
    if n >= 3 and w[-1] == "l":
        out.append(w + "l" + a)  # siel -> siellä, meil -> meillä
    if 3 <= n <= 5 and w[-1] not in _VOWELS:
        out.append(w + a)  # siit -> siitä, täss -> tässä
    if w.endswith("ks") and n > 4 and w[-3] != w[-4]:
        # translative: lopuks -> lopuksi; after a long vowel the question
        # clitic comes first (lähteeks -> lähtee, not lähteeksi)
        out.append(w + "i")
    if w.endswith(("sä", "sää", "ko", "kö", "ks")) and n > 4:
        out.append(w[: -3 if w.endswith("sää") else -2])  # ootsä -> oot, ootko -> oot
    if "ee" in w:
        i = w.rfind("ee")
        out.append(w[:i] + "e" + a + w[i + 2 :])  # kauheeta -> kauheata
    if "tt" in w:
        i = w.find("tt")
        out.append(w[:i] + "ts" + w[i + 2 :])  # kattomaan -> katsomaan
    if w.startswith("oot") and n > 5:
        out.append("odot" + w[3:])  # ootettiin -> odotettiin
    if "hää" in w or "haa" in w:
        out.append(w.replace("hää", "hdää").replace("haa", "hdaa"))  # tehään -> tehdään
    if n > 4 and w[-1] == "s" and (w[-2] in "aiouyäö" or w.endswith("ees")):
        out.append(w + "s" + a)  # koulus -> koulussa, periaattees -> periaatteessa
    if n > 4 and w[-1] == "t" and w[-2] in "sl":
        out.append(w + a)  # koulust -> koulusta, kaupalt -> kaupalta
    if n > 3 and "h" in w[1:]:
        out.append(_D_DROP.sub("d", w, count=1))  # tehä -> tehdä, kahen -> kahden
    for long, short in (("uu", "ua"), ("yy", "yä"), ("oo", "oa"), ("öö", "öä")):
        i = w.rfind(long)
        if 0 < i < n - 2:
            out.append(w[:i] + short + w[i + 2 :])  # haluut -> haluat
    if "uis" in w or "yis" in w:
        out.append(w.replace("uis", "uais").replace("yis", "yäis"))  # haluis -> haluais
    for end in ("nen", "sen", "set", "sta", "stä", "sia", "siä", "sen"):
        if w.endswith(end) and n > len(end) + 2 and w[-len(end) - 1] in "oaäöe":
            i = n - len(end)  # semmonen -> semmoinen, sellasta -> sellaista
            out.append(w[:i] + "i" + w[i:])
            break
    return out


def _noun_stem(low: str) -> str:
    """Guessed nominative of an unknown lower-case word (``spammiksi`` -> ``spammi``)."""
    n = len(low)
    if n > 5 and low[-1] == "n" and low[-2] == low[-3] and low[-2] in _VOWELS:
        return low[:-2]  # illative: deprivaatioon -> deprivaatio
    for end in _CASE_ENDINGS:
        if low.endswith(end) and n - len(end) >= 3:
            stem = low[: -len(end)]
            if end in ("n", "t", "a", "ä", "ta", "tä") and stem[-1] not in _VOWELS:
                continue  # "ticket", "kyrsä": no ending
            if end == "t" and (len(stem) < 4 or stem.endswith("ee")):
                continue  # "shit", "tweet": no plural
            if end in ("ja", "jä") and stem[-1] == "i":
                continue  # "faija": no plural partitive
            if stem.endswith("ei"):
                stem = stem[:-2] + "i"  # plural: plugeilla -> plugi
            return stem
    return low


def _name_stem(name: str) -> str:
    """Nominative of an unknown (foreign) name from a Finnish case form.

    Returns ``name`` itself (the same object) when no ending is recognised.
    """
    low = name.lower()
    n = len(low)
    if n < 5:
        return name
    for end in _NAME_ENDINGS:
        if low.endswith(end) and n - len(end) >= 3:
            stem = name[: -len(end)]
            break
    else:
        if low.endswith("in") and low[-3] not in _VOWELS:
            return name[:-2]  # genitive: Beckhamin -> Beckham
        if low.endswith("ksen"):
            return name[:-4] + "s"  # genitive: Kalymnoksen -> Kalymnos
        if low[-1] == "n" and low[-2] in _VOWELS and low[-2] == low[-3]:
            return name[:-2]  # illative: Arduinoon -> Arduino
        if low[-1] in "aä" and low[-2] in "ouyö":
            return name[:-1]  # partitive: Gokua -> Goku
        elif low.endswith(("aa", "ää")) and low[-3] in _VOWELS:
            return name[:-1]  # Hypatiaa -> Hypatia
        else:
            return name
    sl = stem.lower()
    if sl.endswith("kse"):
        return stem[:-3] + "s"  # Kalymnoksen -> Kalymnos
    if sl.endswith("ee") and len(sl) > 5:
        return stem[:-1] + "s"  # Simonideelle -> Simonides
    if len(sl) > 3 and sl[-1] == "i" and sl[-2] not in _VOWELS and name[-1:] != "n":
        return stem[:-1]  # Showroomilla -> Showroom
    return stem


def _guess(surface: str, analyze) -> Entry:
    """Lemma for a word Voikko does not know."""
    low = surface.lower()
    if low in SPOKEN:
        return _spoken_entry(low, analyze)
    if "://" in surface or low.startswith("www.") or _LAUGH.fullmatch(low):
        return _single(surface, "X")  # a URL or laughter ("hahaha") stays as it is
    if surface[:1] == "@" and len(surface) > 1:
        return _single(surface, "X")  # a mention stays as it is
    if surface[:1] == "#" and len(surface) > 1 and surface[1:2] != "#":
        # A hashtag's lemma is its word as written, without the "#": in UD
        # Finnish lemmas "#" marks compound boundaries, and compared with the
        # marks removed, "#aihe" can only match as "aihe".
        return _single(surface[1:], "X")
    if low in FOREIGN:
        return _single(low, "X")
    if _ELONGATION.search(surface) is not None:
        return _lookup(_ELONGATION.sub(r"\1\1", surface))  # kiitooos -> kiitoos
    if ":" in surface:  # EU:ssa, H&M:n
        head = surface.split(":", 1)[0]
        if not head.strip("-"):
            return _single(surface, "SYM")  # emoticon ":D"
        return _single(head, "PROPN" if head[:1].isupper() else "X")
    if surface.startswith("-") and len(surface) > 1:
        return _lookup(surface[1:])
    if "-" in surface.strip("-"):
        head, _, tail = surface.strip("-").rpartition("-")
        sub = _lookup(tail)
        if sub.known:
            # UD Finnish drops the hyphen of a compound (yo-valvonta -> yovalvonta)
            return Entry(
                lemmas=tuple(
                    f"{head}{x}".lower() if sub.pos[0] != "PROPN" else f"{head}-{x}"
                    for x in sub.lemmas[:1]
                ),
                pos=sub.pos[:1],
                scores=(0.0,),
                known=True,
                parts=(head.lower(), sub.lemmas[0].lower()),
                kind="word",
            )
    if low.endswith(("ki", "kaa", "kää")) and low + "n" in FIXED_FORMS:
        return _single(low + "n", "ADV", True)  # ainaki -> ainakin
    for clitic in _SPOKEN_CLITICS:
        # a clitic on a spoken form: mullaki -> mulla, tääkää -> tää, nytki -> nyt
        if low.endswith(clitic) and len(low) - len(clitic) >= 2:
            e = _lookup(low[: -len(clitic)])
            if e.known and e.kind == "word":
                if clitic[1] in "aä" and e.lemmas[0] in _NEGATIVE_PRONOUN:
                    return _single(_NEGATIVE_PRONOUN[e.lemmas[0]], "PRON", True)  # kelläkää
                return e
    name_reading = None
    # typed without ä/ö (lower-case words only: names keep their letters); the
    # all-front spelling is tried first (taalla -> täällä, not talla)
    diacritics = _diacritic_candidates(low) if surface[:1].islower() else []
    if diacritics:
        cand = diacritics[0]
        if cand in SPOKEN:
            return _spoken_entry(cand, analyze)
        e = _from_analyses(analyze(cand), cand)
        if e is not None and e.pos[0] != "PROPN":
            return e
    for cand in (*_more_spoken_candidates(low), *_spoken_candidates(low)):
        if cand in SPOKEN:
            return _spoken_entry(cand, analyze)
        e = _from_analyses(analyze(cand), cand)
        if e is not None:
            if e.pos[0] != "PROPN" or surface[:1].isupper():
                return e
            name_reading = name_reading or e  # kanssas: not "Kansas" before other readings
    if len(low) > 4 and low[-1] in "oöuy" and low[-2] not in _VOWELS:
        e = _from_analyses(analyze(low + "i"), low + "i")  # laitto -> laittoi
        if e is not None and e.pos[0] == "VERB":
            return e
    capital = surface[:1].isupper()
    for cand in diacritics[1:]:
        if cand in SPOKEN:
            return _spoken_entry(cand, analyze)
        e = _from_analyses(analyze(cand), cand)
        if e is not None and e.pos[0] != "PROPN":
            return e
    if not capital:
        verb = _verb_guess(low)
        if verb is not None:
            return _single(verb, "VERB")
    if name_reading is not None:
        return name_reading
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
    if capital and _US_NOUN.fullmatch(low):
        stem = _US_NOUN.fullmatch(low).group(1)
        return _single(surface[: len(stem)] + "s", "NOUN")  # Kolvaukset -> Kolvaus
    if capital:
        stem = _name_stem(surface)
        if stem is not surface:
            return _single(stem, "PROPN")
        if len(low) > 4 and low[-1] == "n" and low[-2] in _VOWELS:
            # "Theron" or the genitive of "Ronaldo": decided by the next word
            return Entry(
                (surface, surface[:-1]), ("PROPN", "PROPN"), (0.0, -0.1), False, (), "word"
            )
        return _single(surface, "PROPN")
    return _single(_noun_stem(low))


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


_entry_fields = attrgetter(*(f.name for f in fields(Entry)))


def lookup_many(surfaces: Iterable[str]) -> list[tuple[str, tuple]]:
    """Look up many surface forms; their entries as plain tuples for another process.

    A process that looked up part of a text's words hands them to others
    with :func:`remember`, so that each distinct word is analysed once
    however many processes score the text. The tuples are the fields of
    :class:`Entry` in order (a tuple pickles several times faster than the
    dataclass).

    Parameters
    ----------
    surfaces : iterable of str
        Surface forms (tokens), looked up through this process's cache.

    Returns
    -------
    list of (str, tuple)
        Each distinct surface form with the fields of its entry.

    Examples
    --------
    >>> from analyzer.text import clear_cache, lookup_many, remember, lookup
    >>> items = lookup_many(["kylpylään", "kylpylään", "😤"])
    >>> [s for s, _ in items]
    ['kylpylään', '😤']
    >>> clear_cache()
    >>> remember(items)
    2
    >>> lookup("kylpylään").lemmas[0]
    'kylpylä'
    """
    out: dict[str, tuple] = {}
    for s in surfaces:
        if s and s not in out:
            e = _lookup(s)
            out[s] = _entry_fields(e)
    return list(out.items())


def remember(items: Iterable[tuple[str, tuple]]) -> int:
    """Put entries from :func:`lookup_many` of another process into this cache.

    Forms already cached are left alone. Returns how many were added.
    """
    cache = _CACHE.data
    added = 0
    for surface, values in items:
        if surface not in cache:
            _CACHE.put(surface, Entry(*values))
            added += 1
    return added


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


#: How many tokens before and after ``tokens[i]`` :func:`_choose` may look at
#: (its choice is cached by them: keep this in step when changing ``_choose``).
CONTEXT = (2, 2)


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


def lemmatize(tokens: Sequence[str]) -> list[str]:
    """One lemma per token, in order; the sequence is the context.

    Lemmas follow UD Finnish conventions: participles and infinitives give
    the verb (``tehty`` -> ``tehdä``, derived verbs kept: ``valmistelemaan``
    -> ``valmistella``) unless lexicalised as adjectives (``merkittävä``,
    ``uskomaton``); plural pronouns give the singular (``me`` -> ``minä``,
    ``ne`` -> ``se``), clitic pronouns the indefinite (``jotakin`` ->
    ``jokin``); comparatives give the positive, comparative adverbs the
    ``-sti`` adverb (``tehokkaammin`` -> ``tehokkaasti``); ``-sti`` adverbs and
    lexicalised case forms (``puolesta``, ``aamuisin``) are themselves;
    plural-only nouns keep the plural (``markkinat``); hyphenated compounds
    lose the hyphen (``raaka-aine`` -> ``raakaaine``). Ambiguous forms are
    resolved by context (negation, a preceding verb or adjective, case
    agreement with the next word, ``sillä`` after a comma, ``et`` before a
    verb). Lemmas are lower-case except proper nouns,
    which keep their capital (``Helsingissä`` -> ``Helsinki``). Spoken forms
    map to standard lemmas (``mä`` -> ``minä``, ``oon`` -> ``olla``). Unknown
    words are guessed by stripping a case ending; a hashtag gives its word as
    written without the ``#`` (``#Kesäkumu`` -> ``Kesäkumu``; in UD lemmas
    ``#`` marks compound boundaries), a mention stays as it is; non-words
    (emoji, punctuation, numbers, placeholders) are returned unchanged.

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

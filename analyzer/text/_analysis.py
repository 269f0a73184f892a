"""Voikko's analyses of a known word -> candidate lemmas in UD conventions, with priors.

:func:`_from_analyses` turns the analyses of one surface form into an
:class:`~analyzer.text._entry.Entry`: each analysis gives a lemma (participles
and infinitives give the verb, plural pronouns the singular, comparative
adverbs the ``-sti`` adverb, ...), a POS and a prior score (:func:`_convert`).
"""

from __future__ import annotations

import re
from typing import Any

from analyzer.text._entry import Entry
from analyzer.text._lexicon import (
    ADVERB_LEMMA,
    COMMON_LEMMAS,
    FIXED_FORMS,
    LEXICAL_PARTICIPLES,
    PLURALE_TANTUM,
    PRONOUN_LEMMA,
    VERB_FIRST,
    VOIKKO_CLASS_POS,
)

_XBASE = re.compile(r"\[X[a-z]\][^\[]*\[X\]")
_TAG = re.compile(r"\[[^\]]*\]")
_VERB_DERIVED = re.compile(r"([^\[]+)\[Xj\]([^\[]+[aä])\[X\]")
_VERB_BASE = re.compile(r"\[Lt\](?:\[I[a-z]+\])*\[Xp\]([^\[]+)\[X\]")
_RARE_CASES = {"keinonto": 1.2, "seuraneto": 0.6, "vajanto": 0.3, "kerrontosti": 0.0}

_LEXICAL_NOUN = 0.2

# Conjunction readings Voikko lacks; chosen by context in :func:`~analyzer.text._context._choose`.

_CONJ_READING = {"sillä": "sillä", "et": "että", "sitä": "sitä"}

_CLITICS = ("kin", "kaan", "kään", "han", "hän")
# Fixed forms that are also the stem of other words with these endings.
_NO_CLITIC_BASE = frozenset(("kuin", "yli", "ohi", "alla", "eli", "kesken"))

_MINEN = re.compile(r"(.*m)i(?:nen|s)")

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

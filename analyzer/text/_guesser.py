"""Lemmas of words Voikko does not know: spoken Finnish, typos, loans, names.

:func:`_guess` tries, in order: the spoken-Finnish tables, URLs, mentions and
hashtags, foreign words, elongations, ``EU:ssa``-style suffixes, hyphenated
compounds, clitics on spoken forms, spellings without ä/ö, common spoken sound
changes, loan verbs, compounds with an unknown first part, and finally strips
one case ending (:func:`_noun_stem`, :func:`_name_stem`).
"""

from __future__ import annotations

import re

from analyzer.text._analysis import _from_analyses
from analyzer.text._entry import Entry, _single
from analyzer.text._lexicon import (
    FIXED_FORMS,
    FOREIGN,
    SPOKEN,
    SPOKEN_AMBIGUOUS,
    VOIKKO_CLASS_POS,
)

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

_LAUGH = re.compile(r"(?:[hj][aeiouäö]){2,}h?|(?:ha|he|hi)h+")

_OVERRIDE_POS = {"kiitti": "INTJ"}
_OVERRIDE_PRON = frozenset(("minä", "sinä", "tämä", "tuo"))

_ELONGATION = re.compile(r"([^\W\d_])\1{2,}")
_D_DROP = re.compile(r"(?<=h)(?=[aeiouyäö])")
# Unknown verbs of the -ata/-ätä type (loan verbs: postata, bannata): past
# tense, participles and passive forms, longest ending first.
_LOAN_VERB = re.compile(
    r"(.{3,}?)(?:a|ä)(?:sin|sit|si|simme|sitte|sivat|ttiin|ttu|tty|taan|tään|nnut|nnyt|nnu|nny)"
)

_SPOKEN_CLITICS = ("kin", "ki", "kaan", "kään", "kaa", "kää", "han", "hän", "ha", "hä")
_NEGATIVE_PRONOUN = {"kuka": "kukaan", "mikä": "mikään"}

# -us/-ys nouns of (loan) verbs in their -ukse-/-ykse- forms: postauksen -> postaus
_US_NOUN = re.compile(r"(.{3,}[aeiouyäö][uy])ks(?:e[nt]|i[aä]|e[a-zäö]{2,}|i[a-zäö]{2,})")
# frequentative -ailla/-äillä verbs: hengailen, chillailtiin
_AILLA_VERB = re.compile(r"(.{3,}[aä]il)(?:la|lä|en|et|ee|in|it|i|laan|lään|tiin|lu|ly|lut|lyt)")
_PRONOUN_LEMMAS = frozenset(("minä", "sinä", "hän", "se", "tämä", "tuo", "mikä", "kuka", "jokin"))


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
    from analyzer.text._cache import _lookup  # the cache calls the guesser: imported here

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

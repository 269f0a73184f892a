"""Hand-written lexical knowledge: UD lemma conventions and spoken Finnish.

The lists themselves are data files in ``analyzer/text/lexicon/`` (one
``.tsv`` per name below, ``#`` lines are comments), read once when this module
is first imported. Everything in them was written by the project's authors from
general knowledge of Finnish; nothing is copied from any annotated corpus.

Three shapes: word sets (one word per line) become ``frozenset``; two-column
tables (``key<TAB>value``) become ``dict`` in file order; ``spoken_ambiguous``
has five columns (form, lemma and POS of two readings).

Examples
--------
>>> from analyzer.text._lexicon import NEGATION, SPOKEN
>>> "eiks" in NEGATION, SPOKEN["mä"]
(True, 'minä')
"""

from __future__ import annotations

from importlib.resources import files

__all__ = [
    "ABBREVIATION_LEMMA",
    "ADVERB_LEMMA",
    "CLAUSE_OPENERS",
    "COMMON_LEMMAS",
    "FIXED_FORMS",
    "FOREIGN",
    "LEXICAL_PARTICIPLES",
    "NEGATION",
    "PLURALE_TANTUM",
    "PRONOUN_LEMMA",
    "SPOKEN",
    "SPOKEN_AMBIGUOUS",
    "SPOKEN_OVERRIDE",
    "VERB_FIRST",
    "VOIKKO_CLASS_POS",
]


def _rows(name: str) -> list[list[str]]:
    """The tab-separated rows of ``lexicon/<name>.tsv`` (comment lines skipped)."""
    text = files("analyzer.text").joinpath("lexicon", f"{name}.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(row[0] for row in _rows(name))


def _table(name: str) -> dict[str, str]:
    return {key: value for key, value in _rows(name)}


#: Voikko's CLASS values mapped to Universal POS tags.
VOIKKO_CLASS_POS = _table("voikko_class_pos")
#: Plural personal and demonstrative pronouns -> their singular (UD).
PRONOUN_LEMMA = _table("pronoun_lemma")
#: Forms of the negation verb (standard and spoken) and their clitic forms.
NEGATION = _words("negation")
#: Clause openers: a negation's scope ends at them (and at punctuation).
CLAUSE_OPENERS = _words("clause_openers")
#: Spoken-Finnish forms Voikko does not know -> their standard lemma.
SPOKEN = _table("spoken")
#: Spoken forms that are also standard words but almost always the spoken word.
SPOKEN_OVERRIDE = _words("spoken_override")
#: Adverbs and adpositions UD keeps as their own lemma.
FIXED_FORMS = _words("fixed_forms")
#: Frequent forms where a verb reading usually beats a noun reading.
VERB_FIRST = _words("verb_first")
#: Participles that UD Finnish treats as lexicalised adjectives.
LEXICAL_PARTICIPLES = _words("lexical_participles")
#: Plural-only nouns: Voikko's singular base form -> the plural lemma (in order).
PLURALE_TANTUM = _table("plurale_tantum")
#: Very frequent nouns and adjectives whose forms collide with rare readings.
COMMON_LEMMAS = _words("common_lemmas")
#: Adverb forms whose UD lemma is another adverb or a verb.
ADVERB_LEMMA = _table("adverb_lemma")
#: Spoken forms with two readings ``((lemma, pos), (lemma, pos))``, chosen by context.
SPOKEN_AMBIGUOUS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    form: ((l1, p1), (l2, p2)) for form, l1, p1, l2, p2 in _rows("spoken_ambiguous")
}
#: Frequent English words the guesser would otherwise take for Finnish forms.
FOREIGN = _words("foreign")
#: Common abbreviations -> their UD lemma (with the full stop).
ABBREVIATION_LEMMA = _table("abbreviation_lemma")

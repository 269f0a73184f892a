"""The lexicon data files load into the structures the lemmatiser reads."""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files

from analyzer.text import _lexicon

# Written once from the Python lexicon the data files were built from: the
# number of entries of each structure and a digest of all their contents.
SIZES = {
    "ABBREVIATION_LEMMA": 11,
    "ADVERB_LEMMA": 5,
    "CLAUSE_OPENERS": 13,
    "COMMON_LEMMAS": 12,
    "FIXED_FORMS": 226,
    "FOREIGN": 93,
    "LEXICAL_PARTICIPLES": 109,
    "NEGATION": 28,
    "PLURALE_TANTUM": 29,
    "PRONOUN_LEMMA": 8,
    "SPOKEN": 574,
    "SPOKEN_AMBIGUOUS": 2,
    "SPOKEN_OVERRIDE": 50,
    "VERB_FIRST": 23,
    "VOIKKO_CLASS_POS": 17,
}
DIGEST = "f69fb6164b780b5f90bb405bd261af2821b99ad3d974bf4beb79687b1ac97f8d"


def _canonical(value: object) -> object:
    if isinstance(value, frozenset):
        return sorted(value)
    assert isinstance(value, dict)
    return list(value.items())


def test_lexicon_equals_the_python_tables_it_replaced() -> None:
    names = _lexicon.__all__
    assert {n: len(getattr(_lexicon, n)) for n in names} == SIZES
    blob = json.dumps(
        {n: _canonical(getattr(_lexicon, n)) for n in names}, ensure_ascii=False, sort_keys=True
    )
    # dict order matters (PLURALE_TANTUM is searched in order), and json keeps it
    assert hashlib.sha256(blob.encode()).hexdigest() == DIGEST


def test_every_data_file_is_read_and_well_formed() -> None:
    folder = files("analyzer.text").joinpath("lexicon")
    tsv = sorted(p.name for p in folder.iterdir() if p.name.endswith(".tsv"))
    assert tsv == sorted(f"{n.lower()}.tsv" for n in _lexicon.__all__)
    for name in tsv:
        rows = [
            line
            for line in folder.joinpath(name).read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")
        ]
        assert rows and all(r and r == r.strip() for r in rows), name
        widths = {len(r.split("\t")) for r in rows}
        assert len(widths) == 1, name  # one shape per file


def test_shapes() -> None:
    assert _lexicon.SPOKEN_AMBIGUOUS["mut"] == (("mutta", "CCONJ"), ("minä", "PRON"))
    assert isinstance(_lexicon.NEGATION, frozenset) and "ei" in _lexicon.NEGATION
    assert next(iter(_lexicon.PLURALE_TANTUM)) == "markkina"

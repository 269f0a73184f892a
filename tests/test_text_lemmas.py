"""UD-convention lemmas, context rules, spoken Finnish and tokenizer fast paths."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.text import analyze, lemmatize, token_features, tokenize


def lem(word: str) -> str:
    return lemmatize([word])[0].lower()


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        # hyphenated compounds lose the hyphen (UD Finnish), shared parts too
        ("raaka-aineita", "raakaaine"),
        ("1980-luvulla", "1980luku"),
        ("-ohjelmaa", "ohjelma"),
        # lexicalised participles and -maton adjectives keep their own lemma
        ("merkittävä", "merkittävä"),
        ("seuraavana", "seuraava"),
        ("uskomaton", "uskomaton"),
        ("tyytyväinen", "tyytyväinen"),
        # other participles give the verb, derived verbs keep their derivation
        ("halunnut", "haluta"),
        ("pidettävä", "pitää"),
        ("valmistelemaan", "valmistella"),
        ("kohdistunut", "kohdistua"),
        # pronouns with clitics, plural-only nouns
        ("jotakin", "jokin"),
        ("mistään", "mikään"),
        ("kenellekään", "kukaan"),
        ("markkinoilla", "markkinat"),
        ("sisämarkkinoiden", "sisämarkkinat"),
        ("aivoissa", "aivot"),
        # adverbs: clitics and possessives off, comparatives to the positive
        ("vieläkin", "vielä"),
        ("kanssani", "kanssa"),
        ("tehokkaammin", "tehokkaasti"),
        ("paremmin", "hyvin"),
        ("aamuisin", "aamuisin"),
        ("puolesta", "puolesta"),
        ("lähtien", "lähtien"),
        # frequent words beat rare homographs
        ("vuoteen", "vuosi"),
        ("päivää", "päivä"),
        ("asiakaspalvelusta", "asiakaspalvelu"),
    ],
)
def test_ud_conventions(word: str, lemma: str) -> None:
    assert lem(word) == lemma


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("siel", "siellä"),
        ("meil", "minä"),
        ("mitää", "mikään"),
        ("tehny", "tehdä"),
        ("sanonu", "sanoa"),
        ("semmonen", "semmoinen"),
        ("sellasta", "sellainen"),
        ("ootko", "olla"),
        ("tänää", "tänään"),
        ("kiitti", "kiitti"),
    ],
)
def test_spoken_forms(word: str, lemma: str) -> None:
    assert lem(word) == lemma


def test_context_rules() -> None:
    # conjunction "sillä" after a comma, pronoun elsewhere
    assert lemmatize(["Lähdin", ",", "sillä", "satoi"])[2] == "sillä"
    assert lemmatize(["Sillä", "on", "koira"])[0].lower() == "se"
    # "et" before a verb is the negation verb, otherwise spoken "että"
    assert lemmatize(["sä", "et", "tiedä"])[1] == "ei"
    assert lemmatize(["sano", "et", "huomenna"])[1] == "että"
    # a fixed adverb agrees with a following word in the same case
    assert lemmatize(["samalla", "tavalla"])[0] == "sama"
    assert lemmatize(["Samalla", "hän", "lähti"])[0] == "samalla"


def test_unknown_names() -> None:
    assert lemmatize(["Iglesiaksen"]) == ["Iglesias"]
    assert lemmatize(["Arduinoon"]) == ["Arduino"]
    assert lemmatize(["Beckhamin"]) == ["Beckham"]
    # vowel + n: a genitive only before a noun
    assert lemmatize(["Gokun", "hiukset"])[0] == "Goku"
    assert lemmatize(["Theron", "lähti"])[0] == "Theron"


def test_token_features_match_analyze() -> None:
    texts = [
        "Ei oo kivaa 🙄 @firma #fail https://x.fi",
        "En tykkää tästä yhtään, mutta kiitos. Sillä ei ole väliä!",
        "Asiakaspalvelu ei vastannut esim. sähköpostiin ym. koskaan",
    ]
    for t in texts:
        want = [("NEG_" if x.negated else "") + x.lemma.lower() for x in analyze(t)]
        assert token_features(tokenize(t)) == want


def test_tokenize_repeated_punctuation_same_on_both_paths() -> None:
    assert tokenize("kiitti :)) lol--") == ["kiitti", ":", "))", "lol", "--"]
    assert tokenize("kiitti :)) lol-- @x") == ["kiitti", ":", "))", "lol", "--", "<user>"]
    assert tokenize("katso www.firma.fi nyt") == ["katso", "<url>", "nyt"]


_PLAIN = st.text(alphabet="aeikstnäöAEKS .,!?:-'()12 ", max_size=40)


@settings(max_examples=200, deadline=None)
@given(_PLAIN)
def test_placeholder_path_agrees_with_fast_path(text: str) -> None:
    # the same plain text tokenises alike with or without a mention after it
    assert tokenize(text + " @firma") == [*tokenize(text), "<user>"]


_WORDS = st.sampled_from(
    "ei en et ala kuulu asu samalla tavalla sillä , . ! Gokun hiukset Theron lähti "
    "vuoteen päivää uusi kuusi voi tuli ja mutta 😤 mä oon tosi pettyny".split()
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=12))
def test_cached_features_equal_context_choice(words: list[str]) -> None:
    # token_features skips the context step for unambiguous forms; the result
    # must equal the full context choice of analyze()
    text = " ".join(words)
    want = [("NEG_" if x.negated else "") + x.lemma.lower() for x in analyze(text)]
    assert token_features(tokenize(text)) == want

"""Tests of analyzer.text with real Voikko (native backend by default)."""

from __future__ import annotations

import pickle

import pytest
from _fixtures import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer

from analyzer import errors
from analyzer.text import (
    LemmaTransformer,
    analyze,
    cache_info,
    clear_cache,
    lemma_features,
    lemmatize,
    normalize,
    tokenize,
    voikko_info,
)


def lem(word: str) -> str:
    return lemmatize([word])[0].lower()


# -- normalisation ------------------------------------------------------------


def test_normalize_nfc_mojibake_controls_spaces() -> None:
    assert normalize("Kylpyla\u0308a\u0308n") == "Kylpylään"
    assert normalize("KylpylÃ¤ssÃ¤ oli kivaa") == "Kylpylässä oli kivaa"
    assert normalize("a\x00b\u202e c   d") == "ab c d"
    assert normalize("") == ""


def test_elongation() -> None:
    assert normalize("ihaaaaan") == "ihaan"
    assert lemmatize(tokenize("Ihaaaan"))[0].lower() == "ihan"
    assert normalize("Kiitos!!!!!") == "Kiitos!!!!!"  # punctuation runs are kept


# -- tokenisation ---------------------------------------------------------------


def test_tokenize_placeholders_and_emoji() -> None:
    toks = tokenize("Katso https://esim.fi/x?y=1, @Firma #boikotti 👏🏽👨‍👩‍👧 🇫🇮 ❤️ s@p.fi")
    assert toks == [
        "Katso",
        "<url>",
        ",",
        "<user>",
        "<hashtag>",
        "👏🏽",
        "👨\u200d👩\u200d👧",
        "🇫🇮",
        "❤️",
        "<email>",
    ]


def test_tokenize_finnish_words() -> None:
    toks = tokenize("teatteri- ja -musikaaliin, esim. EU:ssa ym. onko 2010-luvulla 12,5 %")
    assert "teatteri-" in toks and "-musikaaliin" in toks
    assert "esim." in toks and "ym." in toks and "EU:ssa" in toks
    assert "onko" in toks and "2010-luvulla" in toks and "12,5" in toks


def test_tokenize_punctuation_runs() -> None:
    assert tokenize("Mitä?!? Ei!!! no...") == ["Mitä", "?!?", "Ei", "!!!", "no", "..."]


# -- lemmatisation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("kylpylään", "kylpylä"),
        ("kylpylässä", "kylpylä"),
        ("kylpylöitä", "kylpylä"),
        ("tehty", "tehdä"),
        ("olevan", "olla"),
        ("me", "minä"),
        ("he", "hän"),
        ("nämä", "tämä"),
        ("ne", "se"),
        ("isompi", "iso"),
        ("nopeasti", "nopeasti"),
        ("paljon", "paljon"),
        ("muuttamisesta", "muuttaminen"),
        ("mä", "minä"),
        ("sä", "sinä"),
        ("oon", "olla"),
        ("oot", "olla"),
        ("tää", "tämä"),
        ("noi", "tuo"),
        ("mun", "minä"),
        ("sun", "sinä"),
        ("onks", "olla"),
        ("pitäis", "pitää"),
    ],
)
def test_hard_cases(word: str, lemma: str) -> None:
    assert lem(word) == lemma


def test_context_ei_oo_and_proper_nouns() -> None:
    assert [x.lower() for x in lemmatize(["ei", "oo", "toi"])] == ["ei", "olla", "tuo"]
    assert lemmatize(["Matkalla", "Helsingissä"])[1] == "Helsinki"


def test_unknown_words_group_inflections() -> None:
    # capitalised unknown names keep their capital; case endings are stripped
    assert lemmatize(["Zyxorilla"]) == ["Zyxor"]
    assert lem("Zyxorissa") == lem("Zyxorilla")
    assert lemmatize(["H&M:n"]) == ["H&M"]


def test_compound_parts_and_negation() -> None:
    toks = analyze("Asiakaspalvelu ei vastannut, mutta nyt toimii")
    assert toks[0].parts == ("asiakas", "palvelu")
    assert [t.negated for t in toks] == [False, False, True, False, False, False, False]
    feats = lemma_features("En tykkää tästä yhtään. Kiitos 👏", compounds=False)
    assert feats[:3] == ["ei", "NEG_tykätä", "NEG_tämä"]
    assert feats[-2:] == ["kiitos", "👏"]
    assert "NEG_tykätä" not in lemma_features("En tykkää", negation=False)


def test_cache_counts_distinct_words() -> None:
    clear_cache()
    lemmatize(["talo", "talo", "talossa"])
    info = cache_info()
    assert info["size"] == 2 and info["misses"] == 2 and info["hits"] == 1


# -- edge cases ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\x00\x00", "שלום עולם مرحبا", "😤😤😤🙄", "a" * 1_000_000, "ä" * 300],
)
def test_edge_inputs(text: str) -> None:
    toks = tokenize(text)
    assert len(lemmatize(toks)) == len(toks)
    assert len(lemma_features(text)) == len(toks)


def test_emoji_only_comment() -> None:
    assert lemma_features("👏👏 ❤️") == ["👏", "👏", "❤️"]


def test_megabyte_of_words() -> None:
    text = "kylpylässä oli kivaa mutta ei oo enää. " * 26_000  # ~1 MB
    assert len(text) > 1_000_000
    feats = lemma_features(text)
    assert feats[:3] == ["kylpylä", "olla", "kiva"]


@settings(max_examples=examples(150), deadline=None)
@given(st.text())
def test_random_unicode_never_crashes(text: str) -> None:
    toks = tokenize(text)
    assert len(lemmatize(toks)) == len(toks)
    assert isinstance(lemma_features(text, compounds=True), list)


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(st.text(max_size=12), max_size=8))
def test_one_lemma_per_token(tokens: list[str]) -> None:
    assert len(lemmatize(tokens)) == len(tokens)


# -- transformer and backends ----------------------------------------------------


def _identity(x):
    return x


def test_transformer_pickles_and_works_in_pipeline() -> None:
    t = LemmaTransformer(compounds=True)
    t2 = pickle.loads(pickle.dumps(t))
    assert t2.get_params() == {"negation": True, "compounds": True}
    pipe = make_pipeline(t2, FunctionTransformer(_identity))
    out = pipe.fit_transform(["Ei toimi 🙄", "Asiakaspalvelu oli hyvä"])
    assert out[0] == ["ei", "NEG_toimia", "🙄"]
    assert out[1][-2:] == ["asiakas", "palvelu"]
    with pytest.raises(errors.AnalyzerError):
        t.transform("one string")


def test_voikko_info_native() -> None:
    info = voikko_info()
    assert info["backend"] == "native"
    assert info["sample"] == "kylpylään → kylpylä"


def test_python_backend_agrees_on_basics() -> None:
    from analyzer.text import Morphology

    m = Morphology("python")
    assert m.active == "python"
    a = m.analyze("kylpylään")[0]
    assert a["BASEFORM"] == "kylpylä" and a["CLASS"] == "nimisana"
    assert pickle.loads(pickle.dumps(m)).backend == "python"

"""The bundled model matches this installation's text pipeline and data."""

from __future__ import annotations

from analyzer.data import load_blind, load_corpus
from analyzer.model import data_hash, evaluate, load_model, text_fingerprint


def test_bundled_model_was_trained_with_this_text_pipeline():
    meta = load_model().meta
    assert meta.get("text_fingerprint") == text_fingerprint(), (
        "the text pipeline changed since models/tone-fi.npz was trained: run `make model`"
    )


def test_bundled_model_was_trained_on_the_bundled_corpus():
    corpus = load_corpus()
    meta = load_model().meta
    assert meta["n"] == len(corpus)
    assert meta["data_hash"] == data_hash(corpus["text"], corpus["label"])


def test_bundled_model_meets_the_cross_validation_target():
    cv = load_model().meta["cv"]
    assert cv["scheme"] == "leave-one-group-out"
    # issue #13's target (models/README.md, "Figures": 0.841 in session 9, 14,506 comments of 31
    # scenarios; 0.836 on 12,372 of 26 in session 8, 0.835 on 9,924 of 20 in session 7): the
    # shipped model also learns from real Suomi24 text (FinnSentiment, weight 0.16, soft
    # general-text gate over 0.3-0.9)
    assert cv["macro_f1"] >= 0.82
    assert set(cv["per_group"]) == set(load_corpus()["scenario"])


def test_bundled_model_on_the_demo_thread():
    # issue #13's target: 0.85 on the demo thread's 670 gold labels (data/demo_gold.csv); 0.845
    # with the model of session 8, 0.852 with that of session 9 (model card, "Figures")
    from analyzer.data import load_demo, load_demo_gold

    demo = load_demo().merge(load_demo_gold(), on="comment_id")
    figures = evaluate(load_model(), demo["text"], demo["label"])
    assert figures["macro_f1"] >= 0.85


def test_bundled_model_on_the_blind_thread():
    # 300 comments nobody who wrote the corpus wrote (data/README.md); measured 0.882
    # on 2026-12-01, 0.867 with the model of session 7, 0.879 with that of session 8, 0.884
    # with that of session 9 (model card). A drop below 0.85 means the model got worse on new
    # writing.
    blind = load_blind()
    figures = evaluate(load_model(), blind["text"], blind["label"])
    assert figures["macro_f1"] >= 0.85
    assert min(c["recall"] for c in figures["per_class"].values()) >= 0.75

"""analyzer.model margin / least_confident: picking the comments to label next."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analyzer.errors import AnalyzerError
from analyzer.model import least_confident, load_model, margin

PROBA = pd.DataFrame(
    {
        "text": ["a", "b", "c", "d"],
        "p_criticism": [0.90, 0.45, 0.40, 0.34],
        "p_neutral": [0.06, 0.40, 0.35, 0.33],
        "p_understanding": [0.04, 0.15, 0.25, 0.33],
    },
    index=["c1", "c2", "c3", "c4"],
)


def test_margin_is_top_minus_runner_up_and_ignores_other_columns():
    m = margin(PROBA)
    assert m.name == "margin"
    assert m.index.tolist() == ["c1", "c2", "c3", "c4"]
    np.testing.assert_allclose(m.to_numpy(), [0.84, 0.05, 0.05, 0.01], atol=1e-12)


def test_least_confident_orders_least_sure_first():
    assert least_confident(PROBA, 4).tolist() == ["c4", "c2", "c3", "c1"]  # c2/c3 tie: frame order
    assert least_confident(PROBA, 2, by="max").tolist() == ["c4", "c3"]
    assert least_confident(PROBA, 10).tolist() == ["c4", "c2", "c3", "c1"]
    assert least_confident(PROBA, 0).tolist() == []


def test_least_confident_with_two_labels():
    p = pd.DataFrame({"p_negative": [0.2, 0.55, 0.9], "p_positive": [0.8, 0.45, 0.1]})
    assert least_confident(p, 1).tolist() == [1]


@pytest.mark.parametrize(
    ("frame", "kwargs", "message"),
    [
        (PROBA[["text", "p_criticism"]], {"n": 1}, "two p_<label>"),
        (PROBA.to_numpy(), {"n": 1}, "DataFrame"),
        (PROBA, {"n": -1}, "non-negative"),
        (PROBA, {"n": 1.5}, "non-negative"),
        (PROBA, {"n": 1, "by": "entropy"}, "unknown by"),
    ],
)
def test_bad_input_is_one_clear_error(frame, kwargs, message):
    with pytest.raises(AnalyzerError, match=message):
        least_confident(frame, **kwargs)


def test_picks_from_a_real_model_are_the_least_sure_comments():
    texts = [
        "Hävetkää!!! Ei ikinä enää teidän kylpylään",
        "Kiitos anteeksipyynnöstä ❤️ hyvä että myönsitte virheen",
        "@Minna katso tätä",
        "Ihmiset kommentoi tänne ilman et tietää mitä oikeesti tapahtu",
        "No joo. Katsotaan",
        "Hyvää työtä. Ihan oikeesti",
    ]
    scored = load_model().score_frame(texts, index=[f"c{i}" for i in range(len(texts))])
    picked = least_confident(scored, 2)
    m = margin(scored)
    assert len(picked) == 2
    assert m[picked].max() <= m.drop(picked).min()
    assert picked[0] == m.idxmin()


def test_suggest_to_label_and_adapt_one_round():
    import pandas as pd

    from analyzer.errors import AnalyzerError
    from analyzer.model import adapt, least_confident, load_model, suggest_to_label, train

    model = load_model()
    texts = pd.Series(
        ["Hävetkää!", "Kiitos anteeksipyynnöstä", "Onkohan tää nyt ihan näin", "Milloin auki?"],
        index=["a", "b", "c", "d"],
    )
    sheet = suggest_to_label(model, texts, 2)
    proba = model.score_frame(texts.tolist(), index=texts.index)
    assert sheet.index.tolist() == least_confident(proba, 2).tolist()
    assert sheet["text"].tolist() == texts[sheet.index].tolist() and set(sheet["label"]) == {""}
    corpus = pd.DataFrame(
        {
            "text": ["Hävetkää", "Kiitos", "Milloin auki?"] * 6,
            "label": ["criticism", "understanding", "neutral"] * 6,
        }
    )
    sheet["label"] = ["criticism", ""]  # an unlabelled row is left out
    base = train(corpus["text"], corpus["label"], cv=None, min_df=1, augment=1)
    adapted = adapt(sheet["text"], sheet["label"], model=base, corpus=corpus)
    assert adapted.meta["n"] == len(corpus) + 1
    assert adapted.meta["adapted"] == {"labelled": 1, "corpus": len(corpus)}
    # the base model's recipe, not the plain pipeline's defaults
    assert adapted.meta["params"] == base.meta["params"] and adapted.meta["params"]["min_df"] == 1
    assert adapted.meta["augment"] == 1
    with pytest.raises(AnalyzerError, match="2 texts but 1 labels"):
        adapt(sheet["text"], ["criticism"], model=base, corpus=corpus)


def test_training_recipe_of_the_bundled_model():
    from analyzer.model import load_model, training_recipe

    meta = load_model().meta
    recipe = training_recipe(meta)
    assert recipe["augment"] == meta["augment"]
    assert recipe["augment_emoji"] == meta["augment_emoji"]["p"]
    assert recipe["extra_weight"] == meta["extra"]["weight"]
    assert len(recipe["extra_texts"]) == len(recipe["extra_labels"]) == meta["extra"]["n"]
    for key, value in meta["params"].items():
        assert recipe[key] == (tuple(value) if isinstance(value, list) else value)


def test_adapt_without_finnsentiment_says_what_is_lost(tmp_path):
    import pandas as pd

    from analyzer.errors import AnalyzerWarning
    from analyzer.model import adapt, train

    corpus = pd.DataFrame(
        {
            "text": ["Hävetkää", "Kiitos", "Milloin auki?"] * 6,
            "label": ["criticism", "understanding", "neutral"] * 6,
        }
    )
    general = ["Sataa taas", "Ihana ilma", "Huono päivä"] * 4
    base = train(
        corpus["text"],
        corpus["label"],
        cv=None,
        min_df=1,
        extra_texts=general,
        extra_labels=["neutral", "understanding", "criticism"] * 4,
        extra_weight=0.5,
        extra_info={"name": "FinnSentiment 1.1", "splits": [1, 2]},
    )
    assert base.meta["extra"]["n"] == 12
    with pytest.warns(AnalyzerWarning, match="neutral chatter as criticism far more often"):
        adapted = adapt(
            ["Surkeaa"], ["criticism"], model=base, corpus=corpus,
            finnsentiment=tmp_path / "missing.tsv",
        )  # fmt: skip
    assert "extra" not in adapted.meta and adapted.meta["n"] == len(corpus) + 1

"""The tone model: features, training, safe model files, explanations, the bundled model.

Everything here is real: Voikko lemmas, scikit-learn fits on the small
hand-written fixture in ``tests/_fixtures.py`` and model files in ``tmp_path``
(the safety of model files: ``tests/test_model_files.py``).
"""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from _fixtures import (
    BUNDLED_CLEAR,
    POSNEG_ROWS,
    TINY_CLEAR,
    TONE_GROUPS,
    TONE_HELD_OUT,
    TONE_LABELS,
    TONE_TEXTS,
)
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.utils.estimator_checks import (
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

from analyzer.errors import AnalyzerError
from analyzer.model import (
    POLARITY_FEATURES,
    STYLE_FEATURES,
    CommentVectorizer,
    Explanation,
    ToneModel,
    build_pipeline,
    classification_figures,
    cross_validate,
    data_hash,
    default_model_path,
    evaluate,
    explain,
    load_model,
    polarity_lexicon,
    polarity_row,
    save_model,
    top_features,
    train,
)

TONES = ["criticism", "neutral", "understanding"]
UNSEEN = ["Xyzzy qwörtti plämä", "", "🙂🙂", "Kylpylähotellin asiakaspalvelutiski!!"]


# --------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def tiny() -> ToneModel:
    """The default pipeline trained on the tone fixture, with 3-fold CV."""
    return train(TONE_TEXTS, TONE_LABELS, cv=3)


@pytest.fixture(scope="module")
def tiny_file(tiny, tmp_path_factory) -> Path:
    return save_model(tiny, tmp_path_factory.mktemp("model") / "tiny.npz")


@pytest.fixture(scope="module")
def bundled() -> ToneModel:
    return load_model()


# ------------------------------------------------------------ CommentVectorizer
def test_vectorizer_shapes_and_feature_names():
    vec = CommentVectorizer(min_df=2)
    X = vec.fit_transform(TONE_TEXTS)
    assert sp.issparse(X) and X.format == "csr" and X.dtype == np.float64
    names = vec.get_feature_names_out()
    assert X.shape == (len(TONE_TEXTS), len(names)) == (len(TONE_TEXTS), vec.n_features_out_)
    assert len(set(names.tolist())) == len(names)
    kinds = [n.split(":", 1)[0] for n in names]
    # blocks in order: lemma, char, style, polarity
    assert kinds == sorted(kinds, key=["lemma", "char", "style", "polarity"].index)
    assert names[-len(POLARITY_FEATURES) :].tolist() == [f"polarity:{s}" for s in POLARITY_FEATURES]
    assert f"style:{STYLE_FEATURES[0]}" in names
    assert "lemma:hävetä" in names and "lemma:kiitos" in names
    assert "char:kiit" in names
    # min_df=2: a lemma of one comment only is not kept
    assert "lemma:kiemurtelu" not in names
    # fit then transform equals fit_transform
    again = CommentVectorizer(min_df=2).fit(TONE_TEXTS).transform(TONE_TEXTS)
    assert (abs(again - X) > 1e-12).nnz == 0
    # lemma and char blocks are unit length per row (TF-IDF, l2)
    n_lemma = kinds.count("lemma")
    n_char = kinds.count("char")
    lemma_norms = sp.linalg.norm(X[:, :n_lemma], axis=1)
    char_norms = sp.linalg.norm(X[:, n_lemma : n_lemma + n_char], axis=1)
    assert np.allclose(char_norms, 1.0)
    assert np.all((np.isclose(lemma_norms, 1.0)) | (lemma_norms == 0))


def test_vectorizer_transforms_unseen_and_odd_input():
    vec = CommentVectorizer().fit(TONE_TEXTS)
    X = vec.transform([*UNSEEN, None, float("nan"), 12345])
    assert X.shape == (len(UNSEEN) + 3, vec.n_features_out_)
    assert np.isfinite(X.data).all()
    names = vec.get_feature_names_out()
    empty = X.getrow(1)
    assert empty.nnz == 0  # "" has no feature at all, not even length
    emoji = dict(zip(names[X.getrow(2).indices], X.getrow(2).data, strict=True))
    assert emoji.get("style:emoji", 0) > 0
    assert X.getrow(len(UNSEEN)).nnz == 0  # None reads as ""
    with pytest.raises(ValueError, match="not one string"):
        vec.transform("Hävetkää!")
    with pytest.raises(NotFittedError):
        CommentVectorizer().transform(["Hävetkää!"])
    with pytest.raises(NotFittedError):
        CommentVectorizer().get_feature_names_out()


@pytest.mark.parametrize(
    ("params", "kinds"),
    [
        ({"word_ngram_range": None}, {"char", "style", "polarity"}),
        ({"char_ngram_range": None}, {"lemma", "style", "polarity"}),
        ({"style_weight": 0}, {"lemma", "char", "polarity"}),
        ({"polarity_weight": 0}, {"lemma", "char", "style"}),
        (
            {
                "word_ngram_range": (1, 1),
                "char_ngram_range": None,
                "style_weight": 0,
                "polarity_weight": 0,
            },
            {"lemma"},
        ),
    ],
)
def test_vectorizer_blocks_can_be_left_out(params, kinds):
    vec = CommentVectorizer(**params)
    X = vec.fit_transform(TONE_TEXTS)
    names = vec.get_feature_names_out()
    assert {n.split(":", 1)[0] for n in names} == kinds
    assert X.shape[1] == len(names)
    assert vec.transform(UNSEEN).shape == (len(UNSEEN), len(names))
    if params.get("word_ngram_range") == (1, 1):
        assert not any(" " in n for n in names)  # no bigrams


def test_vectorizer_vocabulary_limits():
    with pytest.raises(ValueError, match="at least one"):
        CommentVectorizer(word_ngram_range=None, char_ngram_range=None).fit(TONE_TEXTS)
    small = CommentVectorizer(max_features=10, style_weight=0).fit(TONE_TEXTS)
    assert len(small.word_vocabulary_) == 10 and len(small.char_vocabulary_) == 10
    loose = CommentVectorizer(min_df=1).fit(TONE_TEXTS)
    strict = CommentVectorizer(min_df=3).fit(TONE_TEXTS)
    assert len(loose.word_vocabulary_) == len(CommentVectorizer().fit(TONE_TEXTS).word_vocabulary_)
    assert len(loose.word_vocabulary_) > len(
        CommentVectorizer(min_df=2).fit(TONE_TEXTS).word_vocabulary_
    )
    assert set(strict.word_vocabulary_) < set(loose.word_vocabulary_)
    assert "kiemurtelu" in loose.word_vocabulary_.tolist()
    # style weight scales the style block only, polarity weight the polarity block only
    w1 = CommentVectorizer(style_weight=1.0).fit(TONE_TEXTS)
    w2 = CommentVectorizer(style_weight=2.5, polarity_weight=0.5).fit(TONE_TEXTS)
    X1, X2 = w1.transform(TONE_TEXTS).toarray(), w2.transform(TONE_TEXTS).toarray()
    k = len(POLARITY_FEATURES)
    s = len(STYLE_FEATURES) + k
    assert np.allclose(X2[:, -k:], 0.5 * X1[:, -k:])
    assert np.allclose(X2[:, -s:-k], 2.5 * X1[:, -s:-k])
    assert np.allclose(X2[:, :-s], X1[:, :-s])
    assert np.abs(X1[:, -k:]).sum() > 0  # the lexicon knows words of these comments


def test_polarity_signals_follow_the_lexicon_and_negation():
    lex = polarity_lexicon()
    assert lex["ihana"] > 0 and lex["surkea"] < 0 and "palvelu" not in lex
    assert all(-3 <= v <= 3 and v != 0 for v in lex.values())
    names = list(POLARITY_FEATURES)
    blame = dict(zip(names, polarity_row(["surkea", "palvelu", "hävetä"]), strict=True))
    praise = dict(zip(names, polarity_row(["ihana", "hotelli", "kiitos"]), strict=True))
    assert blame["negative"] > 0 == blame["positive"] and blame["last"] < 0 < praise["last"]
    assert praise["positive"] > 0 == praise["negative"] and praise["balance"] > 0 > blame["balance"]
    # a negated word counts on its own side of the ledger, and leans the other way
    negated = dict(zip(names, polarity_row(["ei", "NEG_hyvä"]), strict=True))
    assert negated["negated_positive"] > 0 and negated["positive"] == 0 and negated["last"] < 0
    # the vectoriser reads it through the lemmatiser: inflected forms and NEG_ marks
    vec = CommentVectorizer(min_df=1).fit(["Ihana kylpylä", "Surkeaa palvelua"])
    X = vec.transform(["Ihanaa!", "Palvelu ei ollut hyvää", "Kello on kaksi"]).toarray()
    pol = dict(zip(names, X[:, -len(names) :].T, strict=True))
    assert pol["positive"][0] > 0 and pol["negated_positive"][1] > 0
    assert not X[2, -len(names) :].any()
    # all values bounded
    rows = [polarity_row(["surkea"] * 50 + ["NEG_hyvä"] * 50), polarity_row([])]
    assert all(-1 <= v <= 1 for r in rows for v in r) and not any(rows[1])


def test_vectorizer_state_from_before_the_polarity_block_loads_without_it():
    vec = CommentVectorizer(polarity_weight=0).fit(TONE_TEXTS)
    state = CommentVectorizer().fit(TONE_TEXTS).__getstate__()
    state.pop("polarity_weight")  # as in model files written before it existed
    old = CommentVectorizer.__new__(CommentVectorizer)
    old.__setstate__(state)
    assert old.polarity_weight == 0.0
    X, Y = old.transform(UNSEEN), vec.transform(UNSEEN)
    assert X.shape == Y.shape and (abs(X - Y) > 1e-12).nnz == 0


def test_vectorizer_negation_and_compounds_change_lemmas():
    texts = ["Ei ole hyvä palvelu", "Ei ollut hyvä kokemus", "Hyvä palvelu", "Hyvä kokemus"]
    neg = CommentVectorizer(min_df=1, char_ngram_range=None).fit(texts)
    plain = CommentVectorizer(min_df=1, char_ngram_range=None, negation=False).fit(texts)
    assert "NEG_hyvä" in neg.word_vocabulary_.tolist()
    assert not any(g.startswith("NEG_") for g in plain.word_vocabulary_.tolist())
    comp = ["Kylpylähotelli suljettiin", "Kylpylähotelli avattiin"]
    with_parts = CommentVectorizer(min_df=1, char_ngram_range=None).fit(comp)
    without = CommentVectorizer(min_df=1, char_ngram_range=None, compounds=False).fit(comp)
    assert set(without.word_vocabulary_) < set(with_parts.word_vocabulary_)


def test_vectorizer_clone_keeps_parameters_verbatim():
    params = {
        "word_ngram_range": (1, 3),
        "char_ngram_range": (3, 4),
        "negation": False,
        "compounds": False,
        "min_df": 1,
        "max_features": 1234,
        "style_weight": 0.25,
        "polarity_weight": 0.5,
        "fold": True,
        "gate": 0.7,
        "gate_C": 2.0,
        "gate_band": (0.3, 0.9),
        "foreign_as_comment": False,
    }
    vec = CommentVectorizer(**params)
    assert vec.get_params() == params
    twin = clone(vec)
    assert twin is not vec and twin.get_params() == params
    assert type(twin.get_params()["word_ngram_range"]) is tuple
    fitted = CommentVectorizer(min_df=1).fit(TONE_TEXTS)
    fresh = clone(fitted)
    assert not hasattr(fresh, "n_features_out_")
    assert fresh.get_params() == fitted.get_params()
    # clone inside a pipeline keeps vectoriser params too
    pipe = build_pipeline(min_df=1, char_ngram_range=(2, 3))
    assert clone(pipe).named_steps["features"].get_params()["char_ngram_range"] == (2, 3)


def test_vectorizer_sklearn_api_checks():
    # check_estimator itself does not apply: its checks feed 2-D numeric arrays,
    # and this transformer reads an iterable of texts (its tags say so:
    # string input, no 2-D arrays). The checks below need no data and do apply.
    name = "CommentVectorizer"
    check_parameters_default_constructible(name, CommentVectorizer())
    check_no_attributes_set_in_init(name, CommentVectorizer())
    check_get_params_invariance(name, CommentVectorizer())
    check_set_params(name, CommentVectorizer())
    tags = CommentVectorizer().__sklearn_tags__()
    assert tags.input_tags.string and not tags.input_tags.two_d_array


def test_vectorizer_pickles_without_caches():
    vec = CommentVectorizer().fit(TONE_TEXTS)
    before = vec.transform(UNSEEN + TONE_TEXTS[:5])
    assert "_char_cache" in vec.__dict__  # filled by transform
    blob = pickle.dumps(vec)
    back = pickle.loads(blob)
    for key in ("_word_index", "_char_index", "_char_cache"):
        assert key not in back.__dict__
    after = back.transform(UNSEEN + TONE_TEXTS[:5])
    assert (before != after).nnz == 0
    assert back.get_params() == vec.get_params()
    assert (back.get_feature_names_out() == vec.get_feature_names_out()).all()
    # refitting on other texts drops the old caches: new vocabulary is used
    refit = back.fit([t for t, _ in POSNEG_ROWS])
    X = refit.transform(["Loistava ruoka"])
    assert X.shape[1] == len(refit.get_feature_names_out()) != len(vec.get_feature_names_out())
    assert X.nnz > len(STYLE_FEATURES) - 5


# ------------------------------------------------------------------- pipeline
def test_build_pipeline_choices():
    pipe = build_pipeline()
    assert [n for n, _ in pipe.steps] == ["features", "clf"]
    assert type(pipe.named_steps["clf"]).__name__ == "CalibratedClassifierCV"
    assert type(pipe.named_steps["clf"].estimator).__name__ == "LinearSVC"
    assert pipe.named_steps["clf"].estimator.C == 0.3
    lr = build_pipeline(classifier="logreg", calibration=None, C=2.0, min_df=1)
    assert type(lr.named_steps["clf"]).__name__ == "LogisticRegression"
    assert lr.named_steps["clf"].C == 2.0
    assert lr.named_steps["features"].min_df == 1
    with pytest.raises(AnalyzerError, match="unknown classifier"):
        build_pipeline(classifier="forest")
    with pytest.raises(AnalyzerError, match="no probabilities"):
        build_pipeline(classifier="svm", calibration=None)
    nb = build_pipeline(classifier="nbsvm", random_state=3).named_steps["clf"].estimator
    assert type(nb).__name__ == "NBLinearSVC"
    assert (nb.C, nb.class_weight, nb.random_state) == (1.0, "balanced", 3)
    with pytest.raises(AnalyzerError, match="no probabilities"):
        build_pipeline(classifier="nbsvm", calibration=None)


def test_nbsvm_is_an_svm_on_log_count_ratio_scaled_columns():
    """The weights are those of a LinearSVC on columns scaled by smoothed log-count ratios."""
    from sklearn.svm import LinearSVC
    from sklearn.utils.estimator_checks import check_estimator

    from analyzer.model import NBLinearSVC

    vec = CommentVectorizer().fit(TONE_TEXTS)
    X = vec.transform(TONE_TEXTS)
    y = np.asarray(TONE_LABELS)
    clf = NBLinearSVC(alpha=0.5, max_df=0.5, random_state=0).fit(X, y)
    assert clf.classes_.tolist() == TONES and clf.coef_.shape == (3, X.shape[1])
    names = vec.get_feature_names_out()
    dense = np.array([n.startswith(("style:", "polarity:")) for n in names])
    # n-grams in at most half the rows are scaled; signals in most rows or signed are not
    common = X.getnnz(axis=0) > 0.5 * X.shape[0]
    assert clf.scaled_[~dense & ~common].all() and not clf.scaled_[common].any()
    assert dense.sum() == 15 and (common[dense] | (X[:, dense].min(axis=0).toarray()[0] < 0)).any()
    occurs = (X > 0).toarray()
    for k, tone in enumerate(TONES):
        pos = y == tone
        p, q = 0.5 + occurs[pos].sum(axis=0), 0.5 + occurs[~pos].sum(axis=0)
        s = clf.scaled_
        r = np.ones(X.shape[1])
        r[s] = np.log((p[s] / p[s].sum()) / (q[s] / q[s].sum()))
        svm = LinearSVC(C=1.0, random_state=0).fit(X @ sp.diags(r), pos)
        assert np.allclose(clf.coef_[k], svm.coef_[0] * r)
        assert np.allclose(
            X @ clf.coef_[k] + clf.intercept_[k], svm.decision_function(X @ sp.diags(r))
        )
    # a word only criticism uses gets a larger criticism weight than from a plain SVM
    plain = LinearSVC(C=1.0, random_state=0).fit(X, y)
    j = list(names).index("lemma:hävetä")
    assert clf.coef_[0, j] > plain.coef_[0, j] > 0
    # liblinear's solution is not exactly that of repeated rows (LinearSVC fails the same check)
    xfail = "liblinear: weights are not exactly repeated rows, as for LinearSVC"
    check_estimator(
        NBLinearSVC(),
        expected_failed_checks={
            "check_sample_weight_equivalence_on_dense_data": xfail,
            "check_sample_weight_equivalence_on_sparse_data": xfail,
        },
    )


# ------------------------------------------------------------------- training
def test_train_predicts_clear_examples(tiny):
    assert tiny.labels == TONES
    texts = list(TINY_CLEAR)
    assert tiny.predict(texts).tolist() == list(TINY_CLEAR.values())
    proba = tiny.predict_proba(texts)
    assert proba.shape == (len(texts), 3)
    assert np.allclose(proba.sum(axis=1), 1.0)
    # the right tone wins clearly, not by a hair
    for row, want in zip(proba, TINY_CLEAR.values(), strict=True):
        assert row[TONES.index(want)] > 0.5
    frame = tiny.score_frame(texts, index=pd.Index([10, 11, 12]))
    assert list(frame.columns) == ["tone", "p_criticism", "p_neutral", "p_understanding"]
    assert frame.index.tolist() == [10, 11, 12]
    assert frame["tone"].tolist() == list(TINY_CLEAR.values())
    assert np.allclose(frame.iloc[:, 1:].to_numpy(), proba, atol=5e-5)
    pf = tiny.predict_proba_frame(texts)
    assert list(pf.columns) == ["p_criticism", "p_neutral", "p_understanding"]
    assert np.array_equal(pf.to_numpy(), proba)


def test_train_metadata(tiny):
    meta = tiny.meta
    assert meta["n"] == len(TONE_TEXTS)
    assert meta["data_hash"] == data_hash(TONE_TEXTS, TONE_LABELS)
    assert meta["data_hash"] != data_hash(TONE_TEXTS, TONE_LABELS[::-1])
    assert meta["data_hash"].startswith("sha256:") and len(meta["data_hash"]) == 7 + 64
    assert {"analyzer", "scikit-learn", "numpy"} <= set(meta["versions"])
    cv = meta["cv"]
    assert cv["scheme"] == "stratified-3-fold"
    assert cv["n"] == len(TONE_TEXTS) and cv["labels"] == TONES
    assert 0.6 <= cv["macro_f1"] <= 1.0  # easy fixture: out-of-fold figures are high
    assert sum(m["support"] for m in cv["per_class"].values()) == len(TONE_TEXTS)
    assert np.sum(cv["confusion"]["matrix"]) == len(TONE_TEXTS)
    assert 0 <= cv["brier"] <= 2 and 0 <= cv["ece"] <= 1
    assert "per_group" not in cv
    json.dumps(meta)  # metadata is plain JSON


def test_train_is_deterministic_and_cv_optional(tiny):
    again = train(TONE_TEXTS, TONE_LABELS, cv=None)
    assert "cv" not in again.meta
    probe = UNSEEN + list(TINY_CLEAR)
    assert np.array_equal(again.predict_proba(probe), tiny.predict_proba(probe))


def test_train_other_label_set_positive_negative():
    texts = [t for t, _ in POSNEG_ROWS]
    labels = [y for _, y in POSNEG_ROWS]
    model = train(texts, labels, cv=3, classifier="logreg")
    assert model.labels == ["negative", "positive"]
    assert model.meta["cv"]["labels"] == ["negative", "positive"]
    assert set(model.meta["cv"]["per_class"]) == {"negative", "positive"}
    got = model.predict(["Loistava ja herkullinen ruoka!", "Kamala ja huono kahvi."])
    assert got.tolist() == ["positive", "negative"]
    # explanations of a binary model: one weight row, both directions
    e_pos, e_neg = explain(["Loistava ruoka", "Kamala kahvi"], model)
    assert (e_pos.tone, e_neg.tone) == ("positive", "negative")
    assert set(e_pos.proba) == {"negative", "positive"}
    assert dict(e_pos.reasons).get("lemma:loistaa", dict(e_pos.reasons).get("word:loistava")) > 0
    assert dict(e_neg.reasons)["lemma:kamala"] > 0
    glob = top_features(model, top=3)
    assert sorted(glob["tone"].unique()) == ["negative", "positive"]
    lemmas = top_features(model, top=50, kinds=("lemma",)).set_index(["tone", "feature"])
    assert lemmas.loc[("negative", "lemma:huono"), "weight"] > 0
    # the lexicon's signals point the right way in a model trained on other labels
    w = top_features(model, top=len(POLARITY_FEATURES), kinds=("polarity",))
    w = w.set_index(["tone", "feature"])["weight"]
    assert w["negative", "polarity:negative"] > 0 and w["positive", "polarity:positive"] > 0


def test_cross_validate_grouped_and_errors():
    cv = cross_validate(TONE_TEXTS, TONE_LABELS, groups=TONE_GROUPS, cv=3)
    assert cv["scheme"] == "leave-one-group-out"
    assert set(cv["per_group"]) == {"hotelli", "pankki", "lento"}
    assert all(g["n"] == 24 and 0 <= g["macro_f1"] <= 1 for g in cv["per_group"].values())
    with pytest.raises(AnalyzerError, match="two groups"):
        cross_validate(TONE_TEXTS, TONE_LABELS, groups=["yksi"] * len(TONE_TEXTS))
    with pytest.raises(AnalyzerError, match="two different labels"):
        train(TONE_TEXTS, ["criticism"] * len(TONE_TEXTS), cv=None)
    with pytest.raises(AnalyzerError, match="differ in length"):
        train(TONE_TEXTS, TONE_LABELS[:-1], cv=None)


def test_cross_validation_folds_in_parallel_processes_give_the_same_figures():
    """``n_jobs=2`` fits the folds in two worker processes (real Voikko in each)."""
    kw = {"groups": TONE_GROUPS, "augment": 1, "fold": True}
    one = cross_validate(TONE_TEXTS, TONE_LABELS, n_jobs=1, **kw)
    try:
        two = cross_validate(TONE_TEXTS, TONE_LABELS, n_jobs=2, **kw)
    finally:  # joblib keeps its worker processes for reuse: end them for the other tests
        from joblib.externals.loky import get_reusable_executor

        get_reusable_executor().shutdown(wait=True)
    assert one["heldout"] == two["heldout"]
    assert one["macro_f1"] == two["macro_f1"] and one["per_group"] == two["per_group"]


def test_grouped_training_calibrates_on_held_out_groups():
    """With groups, each class's sigmoid is fitted on scores of groups the SVM never saw."""
    from sklearn.calibration import _SigmoidCalibration
    from sklearn.model_selection import GroupKFold

    model = train(TONE_TEXTS, TONE_LABELS, groups=TONE_GROUPS, cv=None)
    vec, clf = model.pipeline.named_steps["features"], model.pipeline[-1]
    X = vec.transform(TONE_TEXTS)
    y, g = np.asarray(TONE_LABELS), np.asarray(TONE_GROUPS)
    scores = np.zeros((len(y), 3))
    for train_rows, test in GroupKFold(n_splits=3).split(X, y, g):
        est = clone(clf.estimator).fit(X[train_rows], y[train_rows])
        scores[test] = est.decision_function(X[test])
    cc = clf.calibrated_classifiers_[0]
    assert [str(c) for c in cc.estimator.classes_] == TONES
    for k, (cal, tone) in enumerate(zip(cc.calibrators, TONES, strict=True)):
        ref = _SigmoidCalibration().fit(scores[:, k], (y == tone).astype(float))
        assert (cal.a_, cal.b_) == pytest.approx((ref.a_, ref.b_), rel=1e-6)
    # without groups (or with group_calibration=False) the folds mix the groups: other sigmoids
    plain = train(TONE_TEXTS, TONE_LABELS, cv=None).pipeline[-1].calibrated_classifiers_[0]
    assert plain.calibrators[0].a_ != pytest.approx(cc.calibrators[0].a_, rel=1e-3)
    off = train(TONE_TEXTS, TONE_LABELS, groups=TONE_GROUPS, cv=None, group_calibration=False)
    assert off.meta["group_calibration"] is False and model.meta["group_calibration"] is True
    assert np.array_equal(
        off.predict_proba(TONE_TEXTS),
        train(TONE_TEXTS, TONE_LABELS, cv=None).predict_proba(TONE_TEXTS),
    )


def test_classification_figures_by_hand():
    proba = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.6, 0.3, 0.1], [0.2, 0.2, 0.6]])
    gold = ["a", "b", "b", "c"]
    f = classification_figures(gold, proba, ["a", "b", "c"])
    assert f["n"] == 4 and f["accuracy"] == 0.75
    assert f["confusion"]["matrix"] == [[1, 0, 0], [1, 1, 0], [0, 0, 1]]
    assert f["per_class"]["a"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "support": 1}
    assert f["per_class"]["b"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert f["macro_f1"] == round((0.6667 + 0.6667 + 1.0) / 3, 4)
    brier = np.mean(
        [0.09 + 0.04 + 0.01, 0.01 + 0.04 + 0.01, 0.36 + 0.49 + 0.01, 0.04 + 0.04 + 0.16]
    )
    assert f["brier"] == round(brier, 4)


def test_evaluate_held_out_and_unknown_labels(tiny):
    texts = [t for t, _ in TONE_HELD_OUT]
    gold = [y for _, y in TONE_HELD_OUT]
    fig = evaluate(tiny, texts, gold)
    assert fig["n"] == len(texts) and fig["labels"] == TONES
    assert fig["accuracy"] >= 5 / 6
    pred = tiny.predict(texts)
    assert fig["accuracy"] == round(float(np.mean(pred == np.array(gold, dtype=object))), 4)
    # a label the model does not know counts as an error
    mixed = evaluate(tiny, texts[:2], ["sarcasm", "criticism"])
    assert mixed["n"] == 2
    assert mixed["accuracy"] == (0.5 if pred[1] == "criticism" else 0.0)
    assert np.sum(mixed["confusion"]["matrix"]) == 1  # the unknown gold label has no row


def test_evaluate_with_only_unknown_labels(tiny):
    # e.g. the tone model evaluated on a positive/negative file: documented as errors
    fig = evaluate(tiny, ["Loistava ruoka", "Kamala kahvi"], ["positive", "negative"])
    assert fig["n"] == 2 and fig["accuracy"] == 0.0


# ---------------------------------------------------------------- explanations
def test_explain_reasons_are_words_lemmas_and_style(tiny):
    exps = explain(["Hävetkää!", "Kiitos hyvästä anteeksipyynnöstä"], tiny, top=5)
    assert [e.tone for e in exps] == ["criticism", "understanding"]
    for e in exps:
        assert isinstance(e, Explanation)
        assert 0 < len(e.reasons) <= 5
        assert all(
            f.split(":", 1)[0] in {"lemma", "word", "style", "polarity"} for f, _ in e.reasons
        )
        weights = [abs(w) for _, w in e.reasons]
        assert weights == sorted(weights, reverse=True)
        assert np.isclose(sum(e.proba.values()), 1.0, atol=1e-3)
        assert e.proba[e.tone] == max(e.proba.values())
        d = e.to_dict()
        assert json.loads(json.dumps(d, ensure_ascii=False)) == d
        assert set(d) == {"text", "tone", "proba", "reasons"}
    shame = dict(exps[0].reasons)
    assert shame.get("lemma:hävetä", 0) > 0 or shame.get("word:hävetkää", 0) > 0
    thanks = dict(exps[1].reasons)
    lexicon_push = sum(w for f, w in thanks.items() if f.startswith("polarity:"))
    assert thanks.get("lemma:kiitos", 0) > 0 or lexicon_push > 0
    assert not any(f.startswith("char:") for e in exps for f, _ in e.reasons)


def test_top_features(tiny):
    df = top_features(tiny, top=4)
    assert list(df.columns) == ["tone", "feature", "weight"]
    assert sorted(df["tone"].unique()) == TONES
    assert df.groupby("tone").size().tolist() == [4, 4, 4]
    for _, g in df.groupby("tone"):
        assert g["weight"].tolist() == sorted(g["weight"], reverse=True)
    assert df["feature"].str.match(r"^(lemma|style|polarity):").all()
    with_char = top_features(tiny, top=50, kinds=("char",))
    assert with_char["feature"].str.startswith("char:").all()


# ----------------------------------------------------------- safe model files
def test_save_load_round_trip_identical_probabilities(tiny, tiny_file):
    loaded = load_model(tiny_file)
    probe = TONE_TEXTS + UNSEEN + list(TINY_CLEAR)
    assert np.array_equal(loaded.predict_proba(probe), tiny.predict_proba(probe))
    assert loaded.labels == tiny.labels
    assert loaded.meta["labels"] == TONES
    assert loaded.meta["data_hash"] == tiny.meta["data_hash"]
    assert loaded.meta["cv"] == json.loads(json.dumps(tiny.meta["cv"]))
    assert "created" in loaded.meta
    vec = loaded.pipeline.named_steps["features"]
    assert vec.get_params() == tiny.pipeline.named_steps["features"].get_params()
    umask = os.umask(0)
    os.umask(umask)
    assert tiny_file.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tiny_file.parent.iterdir()] == [tiny_file.name]  # no temp left


@pytest.mark.parametrize(
    "params",
    [
        {"classifier": "logreg", "calibration": None},
        {"classifier": "logreg", "calibration": "isotonic"},
        {"classifier": "svm", "calibration": "isotonic"},
        {"classifier": "nbsvm", "calibration": "sigmoid"},
    ],
    ids=["logreg-raw", "logreg-isotonic", "svm-isotonic", "nbsvm-sigmoid"],
)
def test_every_pipeline_variant_round_trips(params, tmp_path):
    model = train(TONE_TEXTS, TONE_LABELS, cv=None, **params)
    back = load_model(save_model(model, tmp_path / "m.npz"))
    assert np.array_equal(back.predict_proba(TONE_TEXTS), model.predict_proba(TONE_TEXTS))
    assert back.meta["params"] == params


def test_save_model_errors(tiny, tmp_path):
    with pytest.raises(AnalyzerError, match="does not exist"):
        save_model(tiny, tmp_path / "ei-ole" / "m.npz")
    with pytest.raises(AnalyzerError, match="not found"):
        load_model(tmp_path / "nope.npz")


def test_default_model_path_and_env_override(tiny, tiny_file, monkeypatch):
    monkeypatch.delenv("ANALYZER_MODEL", raising=False)
    default = default_model_path()
    assert default.name == "tone-fi.npz" and default.parent.name == "_bundled"
    assert default.is_file()
    monkeypatch.setenv("ANALYZER_MODEL", str(tiny_file))
    assert default_model_path() == tiny_file
    assert load_model().meta["data_hash"] == tiny.meta["data_hash"]
    assert explain(["Hävetkää!"])[0].tone == "criticism"  # explain defaults to it too
    missing = tiny_file.with_name("poissa.npz")
    monkeypatch.setenv("ANALYZER_MODEL", str(missing))
    with pytest.raises(AnalyzerError, match="not found"):
        load_model()


# -------------------------------------------------------------- bundled model
def test_bundled_model(bundled):
    assert bundled.labels == TONES
    meta = bundled.meta
    assert meta["labels"] == TONES
    assert meta["cv"]["macro_f1"] >= 0.77  # the real-text trade-off, models/README.md
    assert meta["data_hash"].startswith("sha256:") and len(meta["data_hash"]) == 71
    assert meta["n"] > 1000
    texts = list(BUNDLED_CLEAR)
    assert bundled.predict(texts).tolist() == list(BUNDLED_CLEAR.values())
    proba = bundled.predict_proba(texts)
    for row, want in zip(proba, BUNDLED_CLEAR.values(), strict=True):
        assert row[TONES.index(want)] > 0.5
    glob = top_features(bundled, top=10)
    assert sorted(glob["tone"].unique()) == TONES

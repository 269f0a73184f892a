"""Real Finnish text: FinnSentiment as training data, and the bundled model's dev figures.

The dev check reads FinnSentiment 1.1 from ``../shared/eval/finnsentiment/``
(never from the repository) and is skipped, in one line, when it is absent.
The loader tests write their own tiny table in FinnSentiment's layout, with
sentences written for the test.
"""

from __future__ import annotations

import csv
import subprocess
import sys

import numpy as np
import pytest

from analyzer.errors import AnalyzerError
from analyzer.model import (
    FINNSENTIMENT_URL,
    cross_validate,
    default_finnsentiment_path,
    fold_surface,
    load_finnsentiment,
    load_model,
    parse_splits,
    train,
)
from analyzer.model._augment import ADD_EMOJI, augment, emoji_pool
from analyzer.model._train import training_set

DEV_SPLITS = (13, 14, 15, 16)


def _fs_available() -> bool:
    return default_finnsentiment_path().is_file()


# ----------------------------------------------------------------- dev figures
#: the bundled model before issue #13 (models/README.md): what every later model must beat
BEFORE = {"neutral_as_criticism": 0.577, "macro_f1": 0.342}
#: issue #13's targets
TARGETS = {"neutral_as_criticism": 0.10, "negative_as_criticism": 0.70, "macro_f1": 0.70}
_NO_FS = "FinnSentiment dev check skipped: ../shared/eval/finnsentiment is absent"


@pytest.fixture(scope="module")
def dev_figures() -> dict[str, float]:
    if not _fs_available():
        pytest.skip(_NO_FS)
    from sklearn.metrics import f1_score

    model = load_model()
    extra = model.meta.get("extra") or {}
    if extra:  # honest dev: a model trained on FinnSentiment never saw splits 13-16
        assert extra.get("name") == "FinnSentiment 1.1"
        assert not set(extra["splits"]) & set(DEV_SPLITS)
    dev = load_finnsentiment(splits=DEV_SPLITS, unanimous=True)
    assert len(dev) == 3374
    pred = model.predict(dev["text"])
    gold = dev["label"].to_numpy(dtype=object)
    fig = {
        "neutral_as_criticism": float((pred[gold == "neutral"] == "criticism").mean()),
        "negative_as_criticism": float((pred[gold == "criticism"] == "criticism").mean()),
        "macro_f1": float(f1_score(gold, pred, average="macro")),
    }
    print(
        f"\nFinnSentiment dev: neutral called criticism {fig['neutral_as_criticism']:.1%}, "
        f"negative called criticism {fig['negative_as_criticism']:.1%}, "
        f"macro-F1 {fig['macro_f1']:.3f}"
    )
    return fig


def test_bundled_model_on_finnsentiment_dev_beats_the_old_model(dev_figures):
    """Unanimous sentences of splits 13-16, tones mapped: far better than before issue #13.

    Measured with the shipped model (session 8: NB-SVM calibrated on held-out scenarios,
    12,372 comments of 26 scenarios, FinnSentiment splits 1-12 at weight 0.16, soft general-text
    gate over 0.3-0.9, no thread weight): neutral called criticism 8.9 %, negative called
    criticism 71.5 %, macro-F1 0.748 (session 7, 9,924 comments, weight 0.35 and the hard gate
    0.7: 7.6 %, 65.6 %, 0.735; before issue #13: 57.7 %, 78.8 %, 0.342). The floors below guard
    that level with a margin.
    """
    assert dev_figures["neutral_as_criticism"] <= 0.12
    assert dev_figures["negative_as_criticism"] >= 0.66
    assert dev_figures["macro_f1"] >= 0.72


def test_bundled_model_meets_the_finnsentiment_targets(dev_figures):
    """Issue #13's three real-text targets, met by the shipped model (8.9 %, 71.5 %, 0.748).

    Negative -> criticism was 65.6 % with the hard gate of session 7; the soft gate and a lower
    FinnSentiment weight raised it (models/README.md, "Session 8").
    """
    assert dev_figures["neutral_as_criticism"] <= TARGETS["neutral_as_criticism"]
    assert dev_figures["negative_as_criticism"] >= TARGETS["negative_as_criticism"]
    assert dev_figures["macro_f1"] >= TARGETS["macro_f1"]


# -------------------------------------------------------------------- loader
ROWS = [  # (annotators A, B, C, majority, split, sentence): our own sentences
    (-1, -1, -1, -1, 1, "Tää on ihan surkea juttu."),
    (0, 0, 0, 0, 1, "Bussi lähtee kello viisi."),
    (1, 1, 0, 1, 2, 'Kiva kuulla "hyviä" uutisia'),
    (1, 1, 1, 1, 13, "Ihana päivä tänään!"),
    (0, -1, 0, 0, 14, "Mä en tiiä mitä siitä ajattelis"),
]


@pytest.fixture
def fs_file(tmp_path):
    path = tmp_path / "fs.tsv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for a, b, c, m, split, text in ROWS:
            cols = [a, b, c, m, 3] + [""] * 11 + [split, 1, f"x.vrt {split}", text]
            fh.write("\t".join(map(str, cols)) + "\n")
    return path


def test_load_finnsentiment_reads_the_table(fs_file):
    df = load_finnsentiment(fs_file)
    assert df["text"].tolist() == [r[5] for r in ROWS]  # quotes are text (QUOTE_NONE)
    assert df["label"].tolist() == [
        "criticism", "neutral", "understanding", "understanding", "neutral"
    ]  # fmt: skip
    assert df["unanimous"].tolist() == [True, True, False, True, False]
    assert load_finnsentiment(fs_file, splits=(1, 2), unanimous=True)["split"].tolist() == [1, 1]
    with pytest.raises(AnalyzerError, match="no split 7"):
        load_finnsentiment(fs_file, splits=(7,))


def test_load_finnsentiment_errors_are_one_line(tmp_path):
    with pytest.raises(AnalyzerError) as exc:
        load_finnsentiment(tmp_path / "poissa.tsv")
    msg = str(exc.value)
    assert "\n" not in msg and FINNSENTIMENT_URL in msg and "FinnSentiment 1.1" in msg
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n", encoding="utf-8")
    with pytest.raises(AnalyzerError, match=r"not FinnSentiment 1\.1"):
        load_finnsentiment(bad)


def test_parse_splits():
    assert parse_splits("1-12") == tuple(range(1, 13))
    assert parse_splits(" 3, 1-2 ") == (1, 2, 3)
    assert parse_splits("all") == tuple(range(1, 21))
    for bad in ("0-3", "12-1", "x", "1-21"):
        with pytest.raises(AnalyzerError):
            parse_splits(bad)


def test_cli_train_without_finnsentiment_fails_in_one_line(tmp_path):
    table = tmp_path / "t.csv"
    with open(table, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["text", "label"], ["Hyvä", "a"], ["Huono", "b"]])
    missing = tmp_path / "ei" / "fs.tsv"
    cmd = [sys.executable, "-m", "analyzer", "train", str(table), "--cv", "0",
           "--finnsentiment", str(missing), "-o", str(tmp_path / "m.skops")]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and FINNSENTIMENT_URL in lines[0] and str(missing) in lines[0]
    assert not (tmp_path / "m.skops").exists()  # never silently another model


# ------------------------------------------------------- training with extras
TEXTS = ["Hävetkää!", "Kiitos paljon.", "Missä tää oli?", "Ihan kamalaa palvelua"] * 10
LABELS = ["criticism", "understanding", "neutral", "criticism"] * 10
GROUPS = [f"g{i % 3}" for i in range(40)]
EXTRA = ["Bussi lähtee viideltä.", "Ihana ilma tänään", "Tää on surkeeta", "Sataa taas"] * 3
EXTRA_Y = ["neutral", "understanding", "criticism", "neutral"] * 3


def test_training_set_balances_each_data_set():
    y = np.asarray(LABELS, dtype=object)
    t, yy, w = training_set(
        TEXTS, y, extra_texts=EXTRA, extra_labels=np.asarray(EXTRA_Y), extra_weight=0.5,
        augment=1,
    )  # fmt: skip
    n = len(TEXTS)
    assert len(t) == len(yy) == len(w) == 2 * n + len(EXTRA)
    assert t[:n] == TEXTS and t[2 * n :] == EXTRA
    main, extra = w[: 2 * n], w[2 * n :]
    assert main.sum() == pytest.approx(n) and extra.sum() == pytest.approx(0.5 * n)
    for part, labels in ((main, yy[: 2 * n]), (extra, yy[2 * n :])):
        per_class = {c: part[labels == c].sum() for c in set(labels)}
        assert max(per_class.values()) == pytest.approx(min(per_class.values()))
    assert training_set(TEXTS, y)[2] is None  # nothing extra: the classifier balances


def test_augment_is_deterministic_and_label_free():
    a = augment(TEXTS, copies=2, random_state=3)
    assert a == augment(TEXTS, copies=2, random_state=3)
    assert a != augment(TEXTS, copies=2, random_state=4)
    copies, src = a
    assert src == list(range(len(TEXTS))) * 2
    assert sum(c != TEXTS[i] for c, i in zip(copies, src, strict=True)) > len(copies) // 2


def test_augment_adds_emoji_seen_twice_whatever_the_label():
    texts = ["Hävetkää 🤡", "Kiitos 🤡", "Missä tämä on", "Upeaa 😢"] * 30
    assert emoji_pool(texts) == ("😢", "🤡")  # each in 30 comments
    assert emoji_pool(["Upeaa 😢", "Hävetkää 🤡", "Kiitos 🤡"]) == ("🤡",)  # 😢 once
    copies, src = augment(texts, copies=2, random_state=0)
    added = [
        texts[i] for c, i in zip(copies, src, strict=True) if c.count("🤡") > texts[i].count("🤡")
    ]
    # a clown added to comments of every label, emoji-free ones too, in some of the copies
    assert set(added) >= {"Missä tämä on", "Upeaa 😢", "Kiitos 🤡"}
    assert 0.02 < len(added) / len(copies) < ADD_EMOJI
    plain = augment(["Ei emojeja tässä"] * 50)[0]
    assert not any("🤡" in c or "😢" in c for c in plain)  # nothing to draw from
    none_added = augment(texts, copies=2, random_state=0, add_emoji=0)[0]
    assert all(c.count("🤡") <= t.count("🤡") for c, t in zip(none_added, texts * 2, strict=True))


def test_train_records_the_emoji_share(tmp_path):
    m = train(TEXTS, LABELS, cv=None, augment=1, augment_emoji=0, min_df=1)
    assert m.meta["augment_emoji"]["p"] == 0.0
    assert (
        train(TEXTS, LABELS, cv=None, augment=1, min_df=1).meta["augment_emoji"]["p"] == ADD_EMOJI
    )


@pytest.mark.parametrize(
    "flags", [["--augment", "1", "--augment-emoji", "2"], ["--augment-emoji", "0.2"]]
)
def test_cli_augment_emoji_errors(tmp_path, flags):
    table = tmp_path / "t.csv"
    with open(table, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["text", "label"], ["Hyvä", "a"], ["Huono", "b"]])
    cmd = [sys.executable, "-m", "analyzer", "train", str(table), "--cv", "0", *flags,
           "-o", str(tmp_path / "m.npz")]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "--augment-emoji needs --augment" in lines[0], proc.stderr
    assert not (tmp_path / "m.npz").exists()


def test_fold_surface_removes_only_habits():
    assert fold_surface("Ai jaa.").strip() == fold_surface("AI JAA").strip() == "ai jaa"
    assert fold_surface("Miksi?? Oikeesti!!").split() == ["miksi", "oikeesti"]
    assert fold_surface("Klo 1.2.2026 https://a.fi/b.html") == "klo 1.2.2026 https://a.fi/b.html"


def test_cross_validation_holds_out_only_the_main_texts():
    cv = cross_validate(
        TEXTS, LABELS, groups=GROUPS, extra_texts=EXTRA, extra_labels=EXTRA_Y,
        extra_weight=0.5, augment=1, min_df=1, fold=True,
    )  # fmt: skip
    assert cv["n"] == len(TEXTS) and cv["scheme"] == "leave-one-group-out"
    assert set(cv["per_group"]) == set(GROUPS)
    assert sum(sum(row) for row in cv["confusion"]["matrix"]) == len(TEXTS)


def test_train_with_extra_data_keeps_its_texts_out_of_the_model(tmp_path):
    from analyzer.model import data_hash, save_model

    m = train(
        TEXTS, LABELS, cv=None, extra_texts=EXTRA, extra_labels=EXTRA_Y, extra_weight=0.5,
        augment=1, extra_info={"name": "testi"}, min_df=1, fold=True,
    )  # fmt: skip
    assert m.meta["n"] == len(TEXTS) and m.meta["data_hash"] == data_hash(TEXTS, LABELS)
    assert m.meta["extra"]["name"] == "testi" and m.meta["extra"]["n"] == len(EXTRA)
    assert m.meta["extra"]["data_hash"] == data_hash(EXTRA, EXTRA_Y)
    assert m.meta["augment"] == 1
    assert m.predict(["Hävetkää!"]).tolist() == ["criticism"]
    proba = m.predict_proba(TEXTS)
    assert np.allclose(proba.sum(axis=1), 1.0)
    path = save_model(m, tmp_path / "m.skops")
    import zipfile

    with zipfile.ZipFile(path) as z:
        blob = b"".join(z.read(n) for n in z.namelist())
    assert "Bussi lähtee".encode() not in blob  # no extra sentence in the file


def test_augmentation_alone_trains_and_cross_validates():
    cv = cross_validate(TEXTS, LABELS, groups=GROUPS, augment=1, min_df=1)
    assert cv["n"] == len(TEXTS)
    m = train(TEXTS, LABELS, cv=None, augment=1, min_df=1)
    assert "extra" not in m.meta and m.meta["augment"] == 1
    assert m.predict(["Hävetkää!"]).tolist() == ["criticism"]


def test_cli_train_with_finnsentiment_file(fs_file, tmp_path):
    table = tmp_path / "t.csv"
    with open(table, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "label"])
        w.writerows(zip(TEXTS, LABELS, strict=True))
    out = tmp_path / "m.skops"
    cmd = [sys.executable, "-m", "analyzer", "train", str(table), "--cv", "0", "--fold",
           "--finnsentiment", str(fs_file), "--finnsentiment-splits", "all",
           "--finnsentiment-all", "--finnsentiment-weight", "0.5", "-o", str(out)]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    meta = load_model(out).meta
    assert meta["n"] == len(TEXTS) and meta["params"]["fold"] is True
    extra = meta["extra"]
    assert extra["name"] == "FinnSentiment 1.1" and extra["license"] == "CC BY 4.0"
    assert extra["splits"] == [1, 2, 13, 14] and extra["n"] == len(ROWS)
    assert extra["weight"] == 0.5 and not extra["unanimous_only"]


def test_general_text_gate_reads_general_text_with_its_own_weights(tmp_path):
    """``gate``: general (extra) text gets a second copy of the columns and its own weights."""
    from analyzer.model import save_model

    m = train(
        TEXTS, LABELS, groups=GROUPS, cv=3, extra_texts=EXTRA, extra_labels=EXTRA_Y,
        extra_weight=0.5, augment=1, min_df=1, fold=True, gate=0.5,
    )  # fmt: skip
    vec = m.pipeline.named_steps["features"]
    names = vec.get_feature_names_out()
    assert len(names) == vec.transform(["Sataa taas"]).shape[1]
    assert names[-2:].tolist() == ["gate:thread", "gate:general"]
    half = (len(names) - 2) // 2
    assert all(n == "general:" + b for b, n in zip(names[:half], names[half:-2], strict=True))
    p = vec.general_proba(["Sataa taas", "Hävetkää!"])
    assert p[0] > vec.gate > p[1]  # the extra data's sentence is general text, the comment not
    X = vec.transform(["Sataa taas", "Hävetkää!"]).toarray()
    assert X[0, :half].sum() == 0 and X[0, half:-2].sum() > 0 and X[0, -1] == 1
    assert X[1, half:-2].sum() == 0 and X[1, :half].sum() > 0 and X[1, -2] == 1
    assert m.meta["cv"]["n"] == len(TEXTS)
    assert m.predict(["Hävetkää!"]).tolist() == ["criticism"]
    back = load_model(save_model(m, tmp_path / "gate.skops"))
    assert np.allclose(back.predict_proba(TEXTS), m.predict_proba(TEXTS))
    with pytest.raises(AnalyzerError, match="gate"):
        train(TEXTS, LABELS, cv=None, min_df=1, gate=0.5)  # nothing general to learn from
    both = train(
        TEXTS, LABELS, cv=None, extra_texts=EXTRA, extra_labels=EXTRA_Y, extra_weight=0.5,
        thread_weight=0.2, min_df=1, fold=True, gate=0.5,
    )  # fmt: skip
    assert both.meta["extra"]["thread_weight"] == 0.2
    assert both.predict(["Hävetkää!"]).tolist() == ["criticism"]


def test_soft_gate_band_splits_a_text_between_the_two_sides(tmp_path):
    """``gate_band``: a text between LO and HI is read by both sides, in proportion."""
    from analyzer.model import CommentVectorizer, save_model

    texts = [*TEXTS, *EXTRA]
    domain = [False] * len(TEXTS) + [True] * len(EXTRA)
    hard = CommentVectorizer(min_df=1, gate=0.5).fit(texts, domain=domain)
    soft = CommentVectorizer(min_df=1, gate=0.5, gate_band=(0.2, 0.8)).fit(texts, domain=domain)
    probe = ["Sataa taas", "Hävetkää!", "Kiitos, sataa taas"]
    p = soft.general_proba(probe)
    assert np.allclose(p, hard.general_proba(probe))  # the same gate; only the routing differs
    X, base = soft.transform(probe).toarray(), hard.as_thread(hard.transform(probe)).toarray()
    half = (X.shape[1] - 2) // 2
    w = np.clip((p - 0.2) / 0.6, 0, 1)
    assert np.allclose(X[:, -1], w) and np.allclose(X[:, -2], 1 - w)
    assert np.allclose(X[:, :half], (1 - w)[:, None] * base[:, :half])
    assert np.allclose(X[:, half:-2], w[:, None] * base[:, :half])
    assert np.allclose(soft.as_thread(soft.transform(probe)).toarray(), base)
    # fit_transform and fit().transform agree (scikit-learn's contract)
    again = CommentVectorizer(min_df=1, gate=0.5, gate_band=(0.2, 0.8))
    assert np.allclose(again.fit_transform(texts, domain=domain).toarray(),
                       soft.transform(texts).toarray())  # fmt: skip
    with pytest.raises(ValueError, match="gate_band"):
        CommentVectorizer(min_df=1, gate=0.5, gate_band=(0.8, 0.2)).fit(texts, domain=domain)
    m = train(
        TEXTS, LABELS, cv=None, extra_texts=EXTRA, extra_labels=EXTRA_Y, extra_weight=0.5,
        min_df=1, fold=True, gate=0.5, gate_band=(0.2, 0.8),
    )  # fmt: skip
    assert m.meta["params"]["gate_band"] == [0.2, 0.8]
    assert m.predict(["Hävetkää!"]).tolist() == ["criticism"]
    back = load_model(save_model(m, tmp_path / "soft.npz"))
    assert back.pipeline.named_steps["features"].gate_band == (0.2, 0.8)
    assert np.allclose(back.predict_proba(TEXTS), m.predict_proba(TEXTS))


def test_detect_languages_marks_english_and_swedish_comments_only():
    """Every English and Swedish hard case of the contrast set, and no Finnish comment."""
    import pandas as pd

    from analyzer.config import data_dir
    from analyzer.text import detect_languages

    contrast = pd.read_csv(data_dir() / "contrast.csv")
    lang = detect_languages(contrast.text)
    foreign = contrast.category.isin(["english", "swedish"]).to_numpy()
    assert (lang[foreign] != "fi").all()
    assert (lang[contrast.category.eq("english").to_numpy()] == "en").all()
    assert (lang[~foreign] == "fi").all()
    demo = pd.read_csv(data_dir() / "demo_thread.csv")
    assert (detect_languages(demo.text) == "fi").all()
    assert detect_languages(["", "😡😡", "ok", "paska firma"]).tolist() == ["fi"] * 4


def test_gate_reads_foreign_language_comments_as_comments(tmp_path):
    """``foreign_as_comment``: English or Swedish never goes to the (Finnish) general side."""
    from analyzer.model import CommentVectorizer, save_model

    texts = [*TEXTS, *EXTRA]
    domain = [False] * len(TEXTS) + [True] * len(EXTRA)
    kw = {"min_df": 1, "gate": 0.5, "gate_band": (0.0, 1.0)}  # every text partly general
    check = CommentVectorizer(**kw).fit(texts, domain=domain)
    free = CommentVectorizer(**kw, foreign_as_comment=False).fit(texts, domain=domain)
    probe = ["It keeps raining again", "Det regnar igen idag", "Sataa taas"]
    w_check = check.transform(probe).toarray()[:, -1]
    w_free = free.transform(probe).toarray()[:, -1]
    assert np.allclose(w_free, check.general_proba(probe)) and (w_free > 0).all()
    assert w_check[:2].tolist() == [0.0, 0.0] and w_check[2] == pytest.approx(w_free[2])
    # a model file keeps the setting; files written before it existed read without the check
    m = train(
        TEXTS, LABELS, cv=None, extra_texts=EXTRA, extra_labels=EXTRA_Y, extra_weight=0.5,
        min_df=1, fold=True, gate=0.5, gate_band=(0.2, 0.8), foreign_as_comment=False,
    )  # fmt: skip
    back = load_model(save_model(m, tmp_path / "free.npz"))
    assert back.pipeline.named_steps["features"].foreign_as_comment is False
    state = dict(check.__dict__)
    del state["foreign_as_comment"]
    old = CommentVectorizer.__new__(CommentVectorizer)
    old.__setstate__(state)
    assert old.foreign_as_comment is False


@pytest.mark.parametrize(
    ("band", "message"),
    [("0.9,0.3", "0 <= LO < HI <= 1"), ("x", "LO,HI"), ("0.3,0.9,1", "LO,HI")],
)
def test_cli_gate_band_errors(tmp_path, band, message):
    table = tmp_path / "t.csv"
    with open(table, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["text", "label"], ["Hyvä", "a"], ["Huono", "b"]])
    cmd = [sys.executable, "-m", "analyzer", "train", str(table), "--cv", "0",
           "--gate-band", band, "-o", str(tmp_path / "m.npz")]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], proc.stderr
    assert not (tmp_path / "m.npz").exists()


def test_cli_language_check_needs_the_gate(tmp_path):
    table = tmp_path / "t.csv"
    with open(table, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["text", "label"], ["Hyvä", "a"], ["Huono", "b"]])
    cmd = [sys.executable, "-m", "analyzer", "train", str(table), "--cv", "0",
           "--no-language-check", "-o", str(tmp_path / "m.npz")]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "--no-language-check needs --gate" in lines[0], proc.stderr
    assert not (tmp_path / "m.npz").exists()


def test_cli_gate_needs_finnsentiment(tmp_path):
    table = tmp_path / "t.csv"
    with open(table, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["text", "label"], ["Hyvä", "a"], ["Huono", "b"]])
    cmd = [sys.executable, "-m", "analyzer", "train", str(table), "--cv", "0", "--gate", "0.8",
           "-o", str(tmp_path / "m.skops")]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "--gate" in lines[0] and "--finnsentiment" in lines[0]
    assert not (tmp_path / "m.skops").exists()

"""Checks of the bundled data: the tone corpus, the second annotation and the demo thread.

The figures these tests guard are documented in ``data/README.md`` (datasheet) and
``data/DEMO.md``.
"""

from __future__ import annotations

import collections
import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import cohen_kappa_score

from analyzer.data import (
    CONTRAST_CATEGORIES,
    CONTRAST_COLUMNS,
    CONTRAST_VARIATIONS,
    CORPUS_COLUMNS,
    LABELS,
    PHASES,
    load_blind,
    load_contrast,
    load_corpus,
    load_demo,
    load_demo_events,
    load_demo_gold,
)
from analyzer.errors import AnalyzerError

#: the repository's data folder (the source of truth; the package bundles copies of some files)
REPO_DATA = Path(__file__).resolve().parents[1] / "data"

DEMO_COLUMNS = ["comment_id", "author", "timestamp", "likes", "text"]
DEMO_OUTPUTS = ("demo_thread.csv", "demo_events.csv", "demo_gold.csv")
EVENT_KINDS = ["incident", "statement", "deletion", "apology"]

MIN_COMMENTS = 3000
MIN_SCENARIOS = 8
MIN_PER_SCENARIO = 250
MIN_LABEL_SHARE = 0.15
NEAR_DUP_COSINE = 0.9
MAX_NEAR_DUP_SHARE = 0.01
MAX_OPENING_SHARE = 0.01
MIN_SECOND_PASS = 300
MIN_KAPPA = 0.6
MIN_CONTRAST = 300
MIN_PAIRS = 120
MIN_PER_CATEGORY = 12


def _key(text: str) -> str:
    """Case-insensitive, whitespace-normalised form used for exact-duplicate checks."""
    return " ".join(text.split()).casefold()


def _opening(text: str) -> str | None:
    """The first three words (lower case, punctuation and emoji dropped), if any."""
    words = re.sub(r"\W+", " ", text.lower()).split()
    return " ".join(words[:3]) if len(words) >= 3 else None


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return load_corpus()


@pytest.fixture(scope="module")
def demo() -> pd.DataFrame:
    return load_demo()


@pytest.fixture(scope="module")
def nearest_similarity(corpus: pd.DataFrame) -> np.ndarray:
    """For each comment, the highest char 3-5-gram TF-IDF cosine to any other comment."""
    x = TfidfVectorizer(analyzer="char", ngram_range=(3, 5)).fit_transform(corpus["text"])
    best = np.zeros(x.shape[0])
    for start in range(0, x.shape[0], 512):  # dense blocks: fast, and memory stays small
        block = (x[start : start + 512] @ x.T).toarray()
        rows = np.arange(block.shape[0])
        block[rows, start + rows] = 0.0  # ignore each comment's similarity to itself
        best[start : start + block.shape[0]] = block.max(axis=1)
    return best


# --- corpus schema ---------------------------------------------------------------------


def test_corpus_columns(corpus: pd.DataFrame) -> None:
    assert list(corpus.columns) == list(CORPUS_COLUMNS)
    assert list(CORPUS_COLUMNS) == ["id", "scenario", "phase", "text", "label"]


def test_corpus_header_on_disk() -> None:
    with open(REPO_DATA / "tone_corpus.csv", encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == list(CORPUS_COLUMNS)


def test_labels_and_phases(corpus: pd.DataFrame) -> None:
    assert set(corpus["label"]) == set(LABELS) == {"criticism", "understanding", "neutral"}
    assert set(corpus["phase"]) == set(PHASES) == {"incident", "explanation", "apology"}


def test_ids_unique_and_well_formed(corpus: pd.DataFrame) -> None:
    assert corpus["id"].is_unique
    prefix = corpus["id"].str.extract(r"^([a-z]+)-\d{4}$")[0]
    assert prefix.notna().all()
    assert (prefix == corpus["scenario"]).all()


def test_no_empty_texts(corpus: pd.DataFrame) -> None:
    assert (corpus["text"].str.strip() != "").all()


def test_size_and_scenarios(corpus: pd.DataFrame) -> None:
    assert len(corpus) >= MIN_COMMENTS
    counts = corpus["scenario"].value_counts()
    assert len(counts) >= MIN_SCENARIOS
    assert (counts >= MIN_PER_SCENARIO).all(), counts.to_dict()
    phases = corpus.groupby("scenario")["phase"].agg(set)
    missing = {s: set(PHASES) - p for s, p in phases.items() if set(PHASES) - p}
    assert not missing


def test_every_label_at_least_15_percent(corpus: pd.DataFrame) -> None:
    shares = corpus["label"].value_counts(normalize=True)
    assert set(shares.index) == set(LABELS)
    assert (shares >= MIN_LABEL_SHARE).all(), shares.to_dict()


# --- corpus quality ----------------------------------------------------------------------


def test_no_exact_duplicates(corpus: pd.DataFrame) -> None:
    keys = corpus["text"].map(_key)
    assert not keys.duplicated().any(), corpus.loc[keys.duplicated(keep=False), "id"].tolist()


def test_near_duplicates_under_one_percent(
    corpus: pd.DataFrame, nearest_similarity: np.ndarray
) -> None:
    near = nearest_similarity >= NEAR_DUP_COSINE
    assert near.mean() < MAX_NEAR_DUP_SHARE, corpus.loc[near, "id"].tolist()


def test_three_word_openings_rare(corpus: pd.DataFrame) -> None:
    openings = collections.Counter(o for o in map(_opening, corpus["text"]) if o)
    opening, count = openings.most_common(1)[0]
    assert count / len(corpus) <= MAX_OPENING_SHARE, (opening, count)


# --- writing-habit cues (issue #13) ------------------------------------------------------


def _final_period(text: str) -> bool:
    text = text.strip()
    return text.endswith(".") and not text.endswith("..")


def test_final_period_does_not_predict_the_label(corpus: pd.DataFrame) -> None:
    shares = corpus.groupby("label")["text"].agg(lambda t: t.map(_final_period).mean())
    assert shares.max() - shares.min() <= 0.05, shares.to_dict()


def test_cue_openers_and_tags_spread_over_labels(corpus: pd.DataFrame) -> None:
    text = corpus["text"].str.strip()
    cues = {
        "@-tag": text.str.contains("@"),
        "Onko/Onks opener": text.str.lower().str.match(r"onko?s?\b"),
        "Ja opener": text.str.lower().str.match(r"ja\b"),
        "Kiitos opener": text.str.lower().str.match(r"kiitos\b"),
        "15 characters or fewer": text.str.len() <= 15,
    }
    for name, mask in cues.items():
        labels = corpus.loc[mask, "label"].value_counts(normalize=True)
        assert set(labels.index) == set(LABELS), name  # every cue occurs with every label
        assert labels.max() <= 0.70, (name, labels.to_dict())


def test_punctuation_edits_recorded(corpus: pd.DataFrame) -> None:
    edits = pd.read_csv(REPO_DATA / "annotation" / "punctuation_2026-12.csv", dtype=str)
    assert list(edits.columns) == ["id", "change"] and edits["id"].is_unique
    text = corpus.set_index("id")["text"].loc[edits["id"]].map(_final_period)
    added = (edits["change"] == "final period added").to_numpy()
    assert set(edits["change"]) == {"final period added", "final period removed"}
    assert text[added].all() and not text[~added].any()
    # the texts of the agreement study stayed as they were annotated
    second = pd.read_csv(REPO_DATA / "annotation" / "second_pass.csv", dtype=str)
    assert not edits["id"].isin(second["id"]).any()


# --- second annotation and relabels ------------------------------------------------------


def _relabels() -> pd.DataFrame:
    """All later label corrections (``annotation/relabel_*.csv``: id, old, new, reason)."""
    files = sorted((REPO_DATA / "annotation").glob("relabel_*.csv"))
    frames = [pd.read_csv(f, dtype=str, keep_default_na=False) for f in files]
    return pd.concat(frames, ignore_index=True).set_index("id")


def test_relabels_well_formed(corpus: pd.DataFrame) -> None:
    relabel = _relabels()
    assert list(relabel.columns) == ["old", "new", "reason"]
    assert relabel.index.is_unique and relabel.index.isin(corpus["id"]).all()
    assert set(relabel["old"]) | set(relabel["new"]) <= set(LABELS)
    assert (relabel["old"] != relabel["new"]).all()
    assert (relabel["reason"].str.len() > 10).all()
    # December 2026: management blamed while front-line staff are defended -> criticism
    dec = pd.read_csv(REPO_DATA / "annotation" / "relabel_2026-12.csv", dtype=str)
    assert len(dec) >= 10 and set(dec["new"]) == {"criticism"}
    for example in ("ravintola-0064", "ravintola-0112", "ravintola-0139", "mainos-0182"):
        assert example in set(dec["id"])
    labels = corpus.set_index("id")["label"]
    assert labels["ravintola-0032"] == labels["junat-0290"] == "criticism"


@pytest.fixture(scope="module")
def first_and_second(corpus: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The first annotator's labels (before adjudication) and the second annotator's."""
    folder = REPO_DATA / "annotation"
    second = pd.read_csv(folder / "second_pass.csv", dtype=str, keep_default_na=False)
    adjudication = pd.read_csv(folder / "adjudication.csv", dtype=str, keep_default_na=False)
    assert second["id"].is_unique
    assert second["id"].isin(corpus["id"]).all()
    # the labels at the time of the study: later relabels (relabel_*.csv) undone
    relabel = _relabels()
    labels = corpus.set_index("id")["label"].copy()
    assert (labels[relabel.index] == relabel["new"]).all()  # the corpus holds the new label
    labels[relabel.index] = relabel["old"]
    first = labels.loc[second["id"]].copy()
    for row in adjudication.itertuples():
        assert labels[row.id] == row.final  # the corpus held the adjudicated label
        first[row.id] = row.label_a
    return first, second.set_index("id")["label_b"].loc[first.index]


def test_second_pass_size(first_and_second: tuple[pd.Series, pd.Series]) -> None:
    first, second = first_and_second
    assert len(first) >= MIN_SECOND_PASS
    assert set(second) <= set(LABELS)


def test_adjudication_lists_exactly_the_disagreements(
    first_and_second: tuple[pd.Series, pd.Series],
) -> None:
    first, second = first_and_second
    adjudication = pd.read_csv(REPO_DATA / "annotation" / "adjudication.csv", dtype=str)
    disagreements = set(first.index[first.to_numpy() != second.to_numpy()])
    assert disagreements == set(adjudication["id"])
    assert (
        adjudication.set_index("id").loc[sorted(disagreements), "label_b"]
        == second[sorted(disagreements)]
    ).all()


def test_kappa(first_and_second: tuple[pd.Series, pd.Series]) -> None:
    first, second = first_and_second
    assert cohen_kappa_score(first.to_numpy(), second.to_numpy()) >= MIN_KAPPA


def test_second_pass_of_the_six_new_scenarios(corpus: pd.DataFrame) -> None:
    """50 comments of each December 2026 scenario (23: three rounds of six, one of five), blind."""
    sp = pd.read_csv(
        REPO_DATA / "annotation" / "second_pass_2026-12.csv", dtype=str, keep_default_na=False
    )
    assert list(sp.columns) == ["id", "label_a", "label_b", "final", "note"]
    assert sp["id"].is_unique and len(sp) == 1150
    scenario = corpus.set_index("id")["scenario"]
    assert (scenario[sp["id"]].value_counts() == 50).all()
    assert scenario[sp["id"]].nunique() == 23
    assert set(sp[["label_a", "label_b", "final"]].to_numpy().ravel()) <= set(LABELS)
    # the corpus holds the adjudicated label; every disagreement says why
    assert (corpus.set_index("id")["label"][sp["id"]].to_numpy() == sp["final"]).all()
    disagree = sp[sp["label_a"] != sp["label_b"]]
    assert disagree["note"].str.contains("adjudicated: ").all()
    agree = sp[sp["label_a"] == sp["label_b"]]
    assert (agree["final"] == agree["label_a"]).all()
    for _, part in sp.groupby(sp.index // 300):  # each round on its own
        assert cohen_kappa_score(part["label_a"], part["label_b"]) >= MIN_KAPPA


def test_second_pass_of_the_evaluation_threads() -> None:
    """Every demo and blind-thread comment labelled blind again; gold = the adjudicated label."""
    sp = pd.read_csv(
        REPO_DATA / "annotation" / "second_pass_eval_2026-12.csv", dtype=str, keep_default_na=False
    )
    assert list(sp.columns) == ["id", "thread", "label_a", "label_b", "final", "note"]
    assert sp["id"].is_unique
    assert set(sp[["label_a", "label_b", "final"]].to_numpy().ravel()) <= set(LABELS)
    gold = {
        "demo": pd.read_csv(REPO_DATA / "demo_gold.csv", dtype=str),
        "blind": pd.read_csv(REPO_DATA / "blind_thread.csv", dtype=str),
    }
    for thread, g in gold.items():
        part = sp[sp["thread"] == thread]
        # every comment of the thread, and the thread holds the adjudicated label
        assert sorted(part["id"]) == sorted(g["comment_id"])
        assert (g.set_index("comment_id")["label"][part["id"]].to_numpy() == part["final"]).all()
        disagree = part[part["label_a"] != part["label_b"]]
        assert len(disagree) and disagree["note"].str.startswith("adjudicated: ").all()
        assert cohen_kappa_score(part["label_a"], part["label_b"]) >= 0.9


# --- demo thread -------------------------------------------------------------------------


def test_demo_thread_header_on_disk() -> None:
    with open(REPO_DATA / "demo_thread.csv", encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == DEMO_COLUMNS


def test_demo_thread(demo: pd.DataFrame) -> None:
    assert len(demo) >= 600
    assert set(DEMO_COLUMNS) <= set(demo.columns)
    assert demo["comment_id"].is_unique
    times = demo["timestamp"]
    assert isinstance(times.dtype, pd.DatetimeTZDtype)
    assert times.notna().all()
    assert times.is_monotonic_increasing
    assert demo.attrs["stats"].rows_rejected == 0


def test_demo_events() -> None:
    events = load_demo_events()
    assert [e.kind for e in events] == EVENT_KINDS
    times = [e.time for e in events]
    assert all(t.tzinfo is not None for t in times)
    assert times == sorted(times) and len(set(times)) == len(times)


def test_demo_comments_after_first_event(demo: pd.DataFrame) -> None:
    first_event = min(e.time for e in load_demo_events())
    assert (demo["timestamp"] >= first_event).all()


def test_demo_gold_covers_every_comment_once(demo: pd.DataFrame) -> None:
    gold = load_demo_gold()
    assert list(gold.columns) == ["comment_id", "label", "segment"]
    assert gold["comment_id"].is_unique
    assert set(gold["comment_id"]) == set(demo["comment_id"])
    assert set(gold["label"]) == set(LABELS)


def test_demo_texts_not_in_corpus(corpus: pd.DataFrame) -> None:
    corpus_keys = set(corpus["text"].map(_key))
    with open(REPO_DATA / "demo_source.jsonl", encoding="utf-8") as f:
        demo_keys = {_key(json.loads(line)["text"]) for line in f if line.strip()}
    shared = demo_keys & corpus_keys
    assert not shared
    # the thread itself carries the same texts as its source
    assert set(load_demo()["text"].map(_key)) == demo_keys


def test_build_demo_is_deterministic(tmp_path: Path) -> None:
    # build_demo.py reads and writes next to itself (Path(__file__).parent), so run a
    # copy in tmp_path/data and compare its outputs with the committed files.
    src = REPO_DATA
    work = tmp_path / "data"
    work.mkdir()
    for name in ("build_demo.py", "demo_source.jsonl"):
        shutil.copy2(src / name, work / name)
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "data/build_demo.py"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        for name in DEMO_OUTPUTS:
            assert (work / name).read_bytes() == (src / name).read_bytes(), name


def test_blind_thread(corpus: pd.DataFrame) -> None:
    blind = load_blind()
    assert list(blind.columns) == ["comment_id", "phase", "text", "label"]
    assert len(blind) == 300 and blind["comment_id"].is_unique
    assert set(blind["label"]) == set(LABELS) and set(blind["phase"]) == set(PHASES)
    assert blind["text"].str.strip().str.len().gt(0).all()
    keys = blind["text"].map(_key)
    assert keys.is_unique
    # a scenario of its own: it shares only stock short comments ("Hävetkää", "🙏",
    # "Liian vähän, liian myöhään.") with the corpus and the demo thread
    others = set(corpus["text"].map(_key)) | set(load_demo()["text"].map(_key))
    shared = set(keys) & others
    assert len(shared) <= 10 and all(len(t.split()) <= 4 for t in shared), shared
    # the tone moves with the phases, as in a real thread
    shares = pd.crosstab(blind["phase"], blind["label"], normalize="index")
    assert shares.loc["apology", "understanding"] > 2 * shares.loc["explanation", "understanding"]


# --- contrast set ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def contrast() -> pd.DataFrame:
    return load_contrast()


def test_contrast_schema(contrast: pd.DataFrame) -> None:
    with open(REPO_DATA / "contrast.csv", encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == list(CONTRAST_COLUMNS)
    assert list(contrast.columns) == list(CONTRAST_COLUMNS)
    assert len(contrast) >= MIN_CONTRAST
    assert contrast["id"].is_unique and contrast["id"].str.fullmatch(r"c\d{4}").all()
    assert set(contrast["kind"]) == {"pair", "hard"}
    assert set(contrast["label"]) == set(LABELS)
    # written for the first eight scenarios; the six of December 2026 came later
    assert set(contrast["scenario"]) <= set(load_corpus()["scenario"])
    assert contrast["scenario"].nunique() == 8
    assert (contrast["text"].str.strip() != "").all()
    assert not contrast["text"].duplicated().any()  # exact text; case variants are pairs


def test_contrast_pairs(contrast: pd.DataFrame) -> None:
    pairs = contrast[contrast["kind"] == "pair"]
    assert (pairs["category"] == "").all()
    assert pairs["pair"].str.fullmatch(r"p\d{3}").all()
    assert set(pairs["variation"]) == set(CONTRAST_VARIATIONS)
    groups = pairs.groupby("pair")
    assert len(groups) >= MIN_PAIRS
    assert (groups["variation"].apply(lambda v: (v == "base").sum()) == 1).all()
    assert (groups.size() >= 2).all()
    assert (groups["label"].nunique() == 1).all()
    assert (groups["scenario"].nunique() == 1).all()
    # spread: every label about a third of the pairs, every variation used often
    base = pairs[pairs["variation"] == "base"]["label"].value_counts(normalize=True)
    assert (base.between(0.28, 0.39)).all(), base.to_dict()
    variants = pairs.loc[pairs["variation"] != "base", "variation"].value_counts()
    assert (variants >= 18).all(), variants.to_dict()
    # each variant differs from its base comment (and only in surface form)
    texts = pairs.set_index(["pair", "variation"])["text"]
    for (pair, variation), text in texts.items():
        if variation != "base":
            assert text != texts[(pair, "base")], pair


def test_contrast_hard_cases(contrast: pd.DataFrame) -> None:
    hard = contrast[contrast["kind"] == "hard"]
    assert (hard["pair"] == "").all() and (hard["variation"] == "").all()
    counts = hard["category"].value_counts()
    assert set(counts.index) == set(CONTRAST_CATEGORIES)
    assert (counts >= MIN_PER_CATEGORY).all(), counts.to_dict()
    labels = hard.groupby("category")["label"].agg(set)
    # the new guideline rule: management blamed, staff defended -> criticism
    assert labels["staff_defended_management_blamed"] == {"criticism"}
    for category in ("sarcasm_unmarked", "stance_tag", "reply_to_commenter", "english", "swedish"):
        assert len(labels[category]) >= 2, category  # mixed labels where the category allows
    assert hard.loc[hard["category"] == "stance_tag", "text"].str.startswith("@").all()


def test_contrast_texts_new(contrast: pd.DataFrame, corpus: pd.DataFrame) -> None:
    corpus_keys = set(corpus["text"].map(_key))
    shared = [t for t in contrast["text"] if _key(t) in corpus_keys]
    assert not shared
    blind_keys = set(load_blind()["text"].map(_key)) | set(load_demo()["text"].map(_key))
    assert not [t for t in contrast["text"] if _key(t) in blind_keys]


def test_load_contrast_kind() -> None:
    assert set(load_contrast("pair")["kind"]) == {"pair"}
    assert set(load_contrast("hard")["kind"]) == {"hard"}
    with pytest.raises(AnalyzerError):
        load_contrast("pairs")

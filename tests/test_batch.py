"""The batch paths give exactly what the per-comment code gives (no timing here)."""

from __future__ import annotations

import io
import random

import numpy as np
import pandas as pd
import pytest

from analyzer.io._csvtext import csv_rows
from analyzer.model import CommentVectorizer
from analyzer.text import (
    CONTEXT,
    choose,
    is_clean,
    lookup,
    negation_scope,
    normalize,
    piece_tokens,
    split_pieces,
    tokenize,
)
from analyzer.text._context import _choose
from analyzer.text._normalize import squeeze_elongations

ODD = [
    "",
    "   ",
    "!!!",
    "a",
    "@x #y https://a.fi/b?c=1, www.b.fi. e@mail.fi:)",
    "ÄÄÄÄ KYLLÄ!!! 😡😡😡 ... … ?? ?!",
    "esim. ym. jne. Ei oo kivaa, et sä tiedä",
    "Kalymnoksen Theron Beckhamin raaka-aine -ohjelmaa teatteri- sillä , sillä et mene",
    "1.2.2026 klo 12:30 50% 12,5 :D :)) -- ~~~ 👍🏽 🇫🇮 1\ufe0f\u20e3",
    "rivi yksi\nrivi kaksi\tsarkain\u00a0nbsp  kaksi  väliä",
    "KylpylÃ¤ssÃ¤ oli kivaa",
    "e\u0301 yhdistävä merkki \u200b nollaleveys",
    "Ihaaaaan mahtavaa wwww.x.fi www.y.fi",
    "<user> <url> ei ei ei ei ole ollut koskaan näin huonoa",
    None,
    float("nan"),
]


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    from analyzer.data import load_corpus

    texts = load_corpus()["text"].tolist()
    return texts[:1200] + ODD[:-2]


def _same(a, b) -> None:
    assert a.shape == b.shape
    assert np.array_equal(a.indptr, b.indptr)
    assert np.array_equal(a.indices, b.indices)
    assert np.array_equal(a.data, b.data)  # bit for bit, in the same order


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"char_ngram_range": None},
        {"word_ngram_range": None, "char_ngram_range": (1, 4)},
        {"word_ngram_range": None, "polarity_weight": 0},
        {"polarity_weight": 0},
        {"polarity_weight": 2.5, "style_weight": 0, "negation": False},
        {"negation": False, "compounds": False, "style_weight": 0.5, "max_features": 3000},
        {"word_ngram_range": (2, 2), "style_weight": 0},
        {"word_ngram_range": (1, 1), "char_ngram_range": (3, 3), "min_df": 1},
        {"fold": True},
    ],
)
def test_batch_transform_is_the_per_comment_matrix(corpus, params):
    vec = CommentVectorizer(**params).fit(corpus[::2])
    texts = corpus[1::2] + ODD
    _same(vec.transform(texts), vec._fit_transform(texts, fit=False, per_comment=True))
    # again, with the per-process tables warm, and in odd-sized pieces
    for part in (texts[:7], texts[7:500], texts[500:]):
        _same(vec.transform(part), vec._fit_transform(part, fit=False, per_comment=True))


def test_context_covers_what_the_choice_looks_at(corpus):
    """``choose`` shows ``_choose`` only ``CONTEXT``: that is all it needs."""
    before, after = CONTEXT
    checked = 0
    for text in corpus:
        toks = tokenize(text)
        entries = [lookup(t) for t in toks]
        for i, e in enumerate(entries):
            if e.feature is not None:
                continue
            # the whole comment, not just the window
            assert choose(i, toks, entries) == _choose(e, i, toks, entries), (text, i)
            checked += 1
    assert checked > 100
    assert before >= 1 and after >= 1


def test_negation_scope_of_many_comments_is_that_of_each(corpus):
    flags = [[lookup(t).flags for t in tokenize(text)] for text in corpus[:500]]
    lengths = np.array([len(f) for f in flags])
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    together = negation_scope(np.concatenate([np.array(f, dtype=np.int64) for f in flags]), starts)
    alone = np.concatenate([negation_scope(f) for f in flags])
    assert together.tolist() == alone.tolist()
    assert 50 < together.sum() < len(together)  # the corpus has negated words


def test_clean_texts_normalise_piece_by_piece(corpus):
    clean = [t for t in corpus if is_clean(t)]
    assert 0 < len(clean) < len(corpus) + len(ODD)
    for text in [*clean, "Ihaaaan  kivaa", "  x  "]:
        if is_clean(text):
            assert normalize(text) == " ".join(squeeze_elongations(p) for p in text.split())
    assert not any(is_clean(t) for t in ["a\tb", "KylpylÃ¤ssÃ¤", "e\u0301", "a\u200eb"])


def test_pieces_tokenise_like_the_whole_text(corpus):
    rng = random.Random(0)
    alphabet = [
        *list("aäöAÄÖkEUesim.,:;-'’&@#/!?()…*~ 09%€ hH"),
        "esim.",
        "https://x.fi",
        "www.",
        "@u",
        "#t",
        "a@b.fi",
        "😀",
        "👍🏽",
        ":D",
        ":))",
        "--",
        "x-",
        "-x",
        "EU:ssa",
        "  ",
        "aaa",
    ]
    fuzz = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20))) for _ in range(3000)]
    texts = corpus + fuzz + [t for t in ODD if isinstance(t, str)]
    pieces, counts, changed = split_pieces(texts)
    ends = np.cumsum(counts)
    for k, text in enumerate(texts):
        mine = pieces[ends[k] - counts[k] : ends[k]]
        assert [t for p in mine for t in piece_tokens(p)] == tokenize(text), text
    assert changed == [k for k, t in enumerate(texts) if not is_clean(t)]


def test_csv_rows_are_pandas_bytes():
    rng = random.Random(1)
    alphabet = [*list("ab ,;\t\"\r\n'=äö😀\\"), "", "xyz"]

    def cell() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))

    floats = [0.5, 1e-5, 0.1234, 1.0, 0.0, -0.0, float("nan"), 1e20, -2.5, float("inf")]
    for _ in range(400):
        n = rng.randint(1, 5)
        frame = pd.DataFrame(
            {
                "t": pd.Series([cell() for _ in range(n)], dtype=object),
                "p": [rng.choice(floats) for _ in range(n)],
                "u": pd.Series([cell() for _ in range(n)], dtype=object),
            }
        )
        for sep in (",", ";", "\t"):
            want = io.StringIO()
            frame.to_csv(want, sep=sep, lineterminator="\r\n", header=False, index=False)
            assert csv_rows(frame, sep) == want.getvalue()
    mixed = pd.DataFrame({"t": pd.Series(["a", None], dtype=object), "p": [1.0, 2.0]})
    assert csv_rows(mixed, ",") is None  # pandas' own rules for missing values
    assert csv_rows(pd.DataFrame({"n": [1, 2], "t": ["a", "b"]}), ",") is None


def test_tables_start_again_when_full(corpus, monkeypatch):
    import analyzer.model._batch as batch

    vec = CommentVectorizer().fit(corpus[::2])
    texts = corpus[1::2]
    monkeypatch.setattr(batch, "MAX_PIECES", 50)
    monkeypatch.setattr(batch, "MAX_CHOICES", 5)
    first = vec.transform(texts[:300])
    tables = vec.__dict__["_batch_tables"]
    _same(vec.transform(texts[300:]), vec._fit_transform(texts[300:], fit=False, per_comment=True))
    assert vec.__dict__["_batch_tables"] is not tables  # rebuilt from empty
    _same(first, vec._fit_transform(texts[:300], fit=False, per_comment=True))


def test_batch_transform_is_thread_safe(corpus):
    # a Dask worker runs several threads on one loaded model: the per-process
    # tables must not be mutated by two of them at once
    from concurrent.futures import ThreadPoolExecutor

    vec = CommentVectorizer().fit(corpus[::2])
    parts = [corpus[1::2][k::8] for k in range(8)]
    want = [vec._fit_transform(p, fit=False, per_comment=True) for p in parts]
    for _ in range(2):  # cold tables, then warm ones
        vec.__dict__.pop("_batch_tables", None)
        with ThreadPoolExecutor(max_workers=8) as pool:
            got = list(pool.map(vec.transform, parts))
        for g, w in zip(got, want, strict=True):
            _same(g, w)

"""Turn comments into the sparse features the tone classifier reads.

:class:`CommentVectorizer` joins three views of a comment:

``lemma``
    Voikko lemma uni- and bigrams from :func:`analyzer.text.lemma_features`
    (negation scope marked ``NEG_``, compound parts optional), so
    ``kylpylään``, ``kylpylässä`` and ``kylpylöitä`` count as one word.
``char``
    character 2–5-grams inside each word of the normalised text (like
    scikit-learn's ``analyzer="char_wb"``); they catch spelling variants,
    typos and spoken forms Voikko does not know.
``style``
    a few cheap signals of tone: emoji, ``!``/``?`` runs, capitals, length.
``polarity``
    valence sums of the comment's lemmas in a hand-written Finnish lexicon
    (:mod:`analyzer.model._polarity`), negation-aware: knowledge of words the
    training comments may never show.

Character n-grams of a word depend on the word alone, so they are computed
once per distinct word and kept in a per-process cache as arrays of column
indices: a document's character block is the concatenation of its words'
arrays. This is what makes batch scoring fast; the naive vectoriser
recomputes every n-gram of every occurrence.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from analyzer.model._batch import BatchTables
from analyzer.model._ngrams import char_grams, word_grams
from analyzer.model._polarity import (
    POLARITY_FEATURES,
    feature_valences,
    polarity_lexicon,
    polarity_rows,
)
from analyzer.model._style import STYLE_FEATURES, piece_style, style_rows
from analyzer.text import detect_languages, token_features, tokenize

__all__ = ["STYLE_FEATURES", "CommentVectorizer", "fold_surface"]

# runs of sentence-final punctuation: before white space or at the end
_FINAL_PUNCT = re.compile(r"[.!?…]+(?=\s|\Z)")

_CHAR_CACHE_LIMIT = 500_000
_BATCH_LOCK = threading.Lock()
# per-process caches of a fitted vectoriser: never serialised, dropped by fit
_CACHES = ("_word_index", "_char_index", "_char_cache", "_batch_tables")


def fold_surface(text: str) -> str:
    """``text`` without the surface habits that say nothing about tone toward the company.

    Lower case, and no sentence-final ``.``, ``!``, ``?`` or ``…`` runs
    (each becomes a space): a comment reads the same with or without a final
    period, in capitals or not, with ``?`` or ``??``. Punctuation inside a
    token (``1.2.2026``, ``esim.`` before a digit, URLs) is kept.

    Examples
    --------
    >>> from analyzer.model import fold_surface
    >>> fold_surface("Ai jaa. MITÄ IHMETTÄ?!")
    'ai jaa  mitä ihmettä '
    """
    return _FINAL_PUNCT.sub(" ", text.lower())


class CommentVectorizer(TransformerMixin, BaseEstimator):
    """Lemma n-grams + character n-grams + style signals of Finnish comments.

    Each block is weighted with TF-IDF (sublinear term frequency) and
    normalised to unit length; the style block is scaled by ``style_weight``.

    Parameters
    ----------
    word_ngram_range : tuple of int, default=(1, 2)
        Lemma n-gram sizes. ``None`` leaves the lemma block out.
    char_ngram_range : tuple of int, default=(2, 5)
        Character n-gram sizes within words. ``None`` leaves the block out.
    negation : bool, default=True
        Mark lemmas in the scope of a negation verb with ``NEG_``.
    compounds : bool, default=True
        Add the parts of compound words as extra lemmas.
    min_df : int, default=1
        Keep n-grams that occur in at least this many training comments (1
        keeps all: on our corpus and on XED polarity it scored as well as or
        better than 2, see ``docs/benchmarks.md``).
    max_features : int or None, default=200000
        Keep at most this many n-grams per block (the most frequent).
    style_weight : float, default=1.0
        Multiplier of the style block; ``0`` leaves it out.
    polarity_weight : float, default=1.0
        Multiplier of the lexicon polarity block (:data:`POLARITY_FEATURES`);
        ``0`` leaves it out.
    fold : bool, default=False
        Read every text through :func:`fold_surface` first (lower case, no
        sentence-final ``.``/``!``/``?``), so that these writing habits cannot
        be read as tone; the capitals and ``!``/``?`` style signals are then
        always 0.
    gate : float or None, default=None
        Learn a *general-text gate* at fit time (which needs ``domain=``): a
        logistic regression on the features above that tells general text
        (``domain`` True, e.g. FinnSentiment's forum sentences) from comments
        under a company's post (``domain`` False). A text whose probability
        of being general text exceeds ``gate`` gets its features in a second
        copy of every column (prefix ``general:``), any other text in the
        first; two indicator columns (``gate:thread``, ``gate:general``) give
        each side its own intercept. A linear classifier on top then learns
        two sets of weights: one for comments about the company, one for
        general chatter, which is how "a calm statement" can be criticism
        under a crisis post and neutral elsewhere. ``None`` (default): no gate.
    gate_C : float, default=1.0
        Inverse regularisation strength of the gate's logistic regression.
    gate_band : tuple of float (low, high) or None, default=None
        With ``gate``: a *soft* gate instead of the threshold. A text whose
        probability ``p`` of being general text is at most ``low`` is read as
        a comment, one above ``high`` as general text, and one in between by
        both sides in proportion: its features go to the general side times
        ``w = (p - low) / (high - low)`` and to the comment side times
        ``1 - w``, so that the linear classifier's score is the same mixture
        of the two sides' scores. A text the gate is unsure about then no
        longer falls wholly to one side; on FinnSentiment's held-out training
        sentences the band ``(0.3, 0.9)`` scored higher than the threshold
        0.7 (``models/README.md``). ``None`` (default): the hard threshold.
    foreign_as_comment : bool, default=True
        With ``gate``: a text that :func:`analyzer.text.detect_languages`
        calls English or Swedish is read wholly as a comment, whatever the
        gate says. The general side learnt from Finnish forum text and knows
        nothing of other languages, so it can only blur such a comment's
        tone (``models/README.md``, "Foreign-language comments"). Only the
        texts the gate would send (partly) to the general side are checked.

    Attributes
    ----------
    word_vocabulary_ : ndarray of str
        The kept lemma n-grams; column ``i`` of the lemma block is entry ``i``.
    char_vocabulary_ : ndarray of str
        The kept character n-grams.
    word_tfidf_, char_tfidf_ : TfidfTransformer
        The fitted weightings of each block.
    gate_coef_, gate_intercept_ : ndarray of shape (n_base,), float
        The gate's weights over the ungated columns (only with ``gate``).

    Examples
    --------
    >>> from analyzer.model import CommentVectorizer
    >>> vec = CommentVectorizer(min_df=1).fit(["Hävetkää!", "Kiitos hyvästä palvelusta"])
    >>> X = vec.transform(["Hävetkää nyt"])
    >>> X.shape[0], X.shape[1] == len(vec.get_feature_names_out())
    (1, True)
    """

    def __init__(
        self,
        word_ngram_range: tuple[int, int] | None = (1, 2),
        char_ngram_range: tuple[int, int] | None = (2, 5),
        negation: bool = True,
        compounds: bool = True,
        min_df: int = 1,
        max_features: int | None = 200_000,
        style_weight: float = 1.0,
        polarity_weight: float = 1.0,
        fold: bool = False,
        gate: float | None = None,
        gate_C: float = 1.0,
        gate_band: tuple[float, float] | None = None,
        foreign_as_comment: bool = True,
    ) -> None:
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.negation = negation
        self.compounds = compounds
        self.min_df = min_df
        self.max_features = max_features
        self.style_weight = style_weight
        self.polarity_weight = polarity_weight
        self.fold = fold
        self.gate = gate
        self.gate_C = gate_C
        self.gate_band = gate_band
        self.foreign_as_comment = foreign_as_comment

    # -- per-process caches, never serialised ---------------------------------
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        for key in _CACHES:
            state.pop(key, None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        # model files written before the polarity block existed had none: keep it that way
        state.setdefault("polarity_weight", 0.0)
        state.setdefault("fold", False)  # nor folded surfaces
        state.setdefault("gate", None)  # nor a general-text gate
        state.setdefault("gate_C", 1.0)
        state.setdefault("gate_band", None)  # nor a soft one
        state.setdefault("foreign_as_comment", False)  # nor a language check
        super().__setstate__(state)  # BaseEstimator's own handling of the state

    def _index(self, name: str) -> dict[str, int]:
        key = f"_{name}_index"
        idx = self.__dict__.get(key)
        if idx is None:
            vocab = getattr(self, f"{name}_vocabulary_")
            idx = {g: i for i, g in enumerate(vocab.tolist())}
            self.__dict__[key] = idx
        return idx

    # -- analysis of one document --------------------------------------------
    def _analyse(
        self, texts: list[str]
    ) -> tuple[list[list[str]], list[list[str]], np.ndarray | None, np.ndarray | None]:
        """Lemma n-grams, lower-cased tokens, style block and polarity rows of each text.

        Each text is tokenised once.
        """
        grams: list[list[str]] = []
        words: list[list[str]] = []
        polar_feats: list[list[str]] = []
        style_parts: list[tuple[int, int, int, int, bool]] = []
        wr = self.word_ngram_range
        style = bool(self.style_weight)
        pw = self.polarity_weight
        lex = polarity_lexicon() if pw else None
        for text in texts:
            toks = tokenize(text)
            if style:
                style_parts.append((*piece_style(text), len(toks), "<user>" in toks))
            if wr is not None or pw:
                feats = token_features(toks, negation=self.negation, compounds=self.compounds)
                if wr is not None:
                    grams.append(word_grams(feats, wr[0], wr[1]))
                if pw:
                    polar_feats.append(feats[: len(toks)])
            words.append([t.lower() for t in toks])
        rows = None
        if style:
            cols = np.array(style_parts, dtype=np.int64).reshape(len(texts), 5).T
            rows = style_rows(cols[0], cols[1], cols[2], cols[3], cols[4] != 0)
        polarity = None
        if pw:
            valence, negated = feature_valences([f for fs in polar_feats for f in fs], lex)
            doc = np.repeat(np.arange(len(texts)), [len(fs) for fs in polar_feats])
            polarity = polarity_rows(valence, negated, doc, len(texts))
        return grams, words, rows, polarity

    def char_columns(self, text: str) -> list[tuple[str, list[int]]]:
        """Each word of ``text`` with the output columns of its character n-grams.

        What an explanation needs to hand the weight of the character block
        back to the words it came from: the words are the lower-cased tokens
        of :func:`analyzer.text.tokenize`, the columns those of
        :meth:`get_feature_names_out` (a column once per occurrence of its
        n-gram in the word). Empty without a character block.

        Examples
        --------
        >>> from analyzer.model import CommentVectorizer
        >>> vec = CommentVectorizer(char_ngram_range=(3, 3)).fit(["Hyvä!", "Huono"])
        >>> [(w, [str(vec.get_feature_names_out()[j]) for j in js])
        ...  for w, js in vec.char_columns("hyvä")]
        [('hyvä', ['char: hy', 'char:hyv', 'char:yvä', 'char:vä '])]
        """
        check_is_fitted(self, "n_features_out_")
        if self.char_ngram_range is None:
            return []
        lo, hi = self.char_ngram_range
        index = self._index("char")
        start = len(self.word_vocabulary_) if self.word_ngram_range is not None else 0
        return [
            (w, [index[g] + start for g in char_grams(w, lo, hi) if g in index])
            for w in self._words(text)
        ]

    def _words(self, text: str) -> list[str]:
        return [t.lower() for t in tokenize(fold_surface(text) if self.fold else text)]

    @staticmethod
    def _raw_texts(X: Iterable[Any]) -> list[str]:
        if isinstance(X, str):
            raise ValueError("CommentVectorizer expects an iterable of texts, not one string")
        return ["" if x is None or (isinstance(x, float) and math.isnan(x)) else str(x) for x in X]

    def _check_texts(self, X: Iterable[Any]) -> list[str]:
        texts = self._raw_texts(X)
        return [fold_surface(t) for t in texts] if self.fold else texts

    def _fit_vocabulary(self, docs: Iterable[list[str]]) -> np.ndarray:
        df: dict[str, int] = {}
        for grams in docs:
            for g in set(grams):
                df[g] = df.get(g, 0) + 1
        kept = [(c, g) for g, c in df.items() if c >= self.min_df]
        kept.sort(key=lambda cg: (-cg[0], cg[1]))
        if self.max_features is not None:
            kept = kept[: self.max_features]
        return np.array(sorted(g for _, g in kept), dtype=str)

    # -- scikit-learn API -------------------------------------------------------
    def fit(self, X: Iterable[Any], y: Any = None, domain: Any = None) -> CommentVectorizer:
        """Learn the n-gram vocabularies and IDF weights from texts.

        ``domain`` (one bool per text, True for general text) is needed with
        ``gate`` and ignored without it.
        """
        self.fit_transform(X, domain=domain)
        return self

    def fit_transform(
        self, X: Iterable[Any], y: Any = None, domain: Any = None, **fit_params: Any
    ) -> sp.csr_matrix:
        """Fit on ``X`` (and the gate on ``domain``) and return its feature matrix."""
        if self.gate_band is not None:
            band = tuple(self.gate_band)
            if self.gate is None or len(band) != 2 or not 0 <= band[0] < band[1] <= 1:
                raise ValueError("gate_band needs gate and two probabilities low < high")
        texts = self._raw_texts(X)
        base = self._fit_transform(texts, fit=True)
        if self.gate is None:
            return base
        d = None if domain is None else np.asarray(domain, dtype=bool)
        if d is None or len(d) != base.shape[0] or d.all() or not d.any():
            raise ValueError(
                "a gate needs domain= at fit: one bool per text, True for general text, "
                "with both kinds present"
            )
        gate = LogisticRegression(C=self.gate_C, class_weight="balanced", max_iter=2000)
        gate.fit(base, d)
        self.gate_coef_ = gate.coef_.ravel().astype(np.float64)
        self.gate_intercept_ = float(gate.intercept_[0])
        out = self._route(base, texts)
        self.n_features_out_ = out.shape[1]
        return out

    def transform(self, X: Iterable[Any]) -> sp.csr_matrix:
        """The feature matrix of texts, one row per text."""
        check_is_fitted(self, "n_features_out_")
        texts = self._raw_texts(X)
        base = self._fit_transform(texts, fit=False)
        return base if self.gate is None else self._route(base, texts)

    def general_proba(self, X: Iterable[Any]) -> np.ndarray:
        """The gate's probability that each text is general text, not a comment on a company.

        Examples
        --------
        >>> from analyzer.model import CommentVectorizer
        >>> vec = CommentVectorizer(gate=0.5).fit(
        ...     ["Hävetkää!", "Kiitos teille", "Sataa taas", "Kissa nukkuu"],
        ...     domain=[False, False, True, True])
        >>> p = vec.general_proba(["Kissa nukkuu taas", "Hävetkää te"])
        >>> bool(p[0] > 0.5 > p[1])
        True
        >>> vec.transform(["Kissa nukkuu taas"]).shape[1] == len(vec.get_feature_names_out())
        True
        """
        check_is_fitted(self, "gate_coef_")
        return self._general(self._fit_transform(X, fit=False))

    def as_thread(self, X: sp.spmatrix) -> sp.csr_matrix:
        """Rows of this vectoriser's (gated) output moved to the thread-comment columns.

        What :func:`~analyzer.model.train` uses to let the weights for comments
        learn from general text too (``thread_weight``).

        Examples
        --------
        >>> from analyzer.model import CommentVectorizer
        >>> vec = CommentVectorizer(gate=0.5).fit(
        ...     ["Hävetkää!", "Kiitos teille", "Sataa taas", "Kissa nukkuu"],
        ...     domain=[False, False, True, True])
        >>> X = vec.transform(["Kissa nukkuu"])
        >>> moved = vec.as_thread(X).toarray()[0]
        >>> half = (len(moved) - 2) // 2
        >>> bool(X.toarray()[0, half:-2].any()), bool(moved[half:-2].any()), moved[-2:].tolist()
        (True, False, [1.0, 0.0])
        """
        check_is_fitted(self, "gate_coef_")
        X = sp.csr_matrix(X)
        half = (X.shape[1] - 2) // 2
        base = X[:, :half] + X[:, half : 2 * half]
        ones = np.ones((X.shape[0], 1))
        return sp.hstack(
            [base, sp.csr_matrix((X.shape[0], half)), sp.csr_matrix(np.hstack([ones, 0 * ones]))],
            format="csr",
            dtype=np.float64,
        )

    def _general(self, base: sp.csr_matrix) -> np.ndarray:
        z = base @ self.gate_coef_ + self.gate_intercept_
        return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64).ravel()))

    def _route(self, base: sp.csr_matrix, texts: list[str]) -> sp.csr_matrix:
        """``[base * (1 - w), base * w, 1 - w, w]``, ``w`` each text's share of general text."""
        p = self._general(base)
        if self.gate_band is None:
            g = (p > self.gate).astype(np.float64)
        else:
            low, high = (float(v) for v in self.gate_band)
            g = np.clip((p - low) / (high - low), 0.0, 1.0)
        if self.foreign_as_comment:
            ask = np.flatnonzero(g > 0)
            if ask.size:
                foreign = detect_languages([texts[i] for i in ask]) != "fi"
                g[ask[foreign]] = 0.0
        blocks = [
            sp.diags(1.0 - g) @ base,
            sp.diags(g) @ base,
            sp.csr_matrix(np.column_stack([1.0 - g, g])),
        ]
        return sp.hstack(blocks, format="csr", dtype=np.float64)

    def _fit_transform(
        self, X: Iterable[Any], *, fit: bool, per_comment: bool = False
    ) -> sp.csr_matrix:
        texts = self._check_texts(X)
        wr = self.word_ngram_range
        # the batch path builds lemma uni/bigrams, and polarity from the lemmas
        batch_ok = wr[1] <= 2 if wr is not None else not self.polarity_weight
        if not fit and not per_comment and batch_ok:
            return self._transform_batch(texts)
        if fit:
            if self.word_ngram_range is None and self.char_ngram_range is None:
                raise ValueError("at least one of word_ngram_range, char_ngram_range is needed")
            for k in _CACHES:
                self.__dict__.pop(k, None)
        blocks: list[sp.csr_matrix] = []
        grams, words, style, polarity = self._analyse(texts)
        if self.word_ngram_range is not None:
            if fit:
                self.word_vocabulary_ = self._fit_vocabulary(grams)
            counts = self._count(grams, self._index("word"))
            if fit:
                self.word_tfidf_ = TfidfTransformer(sublinear_tf=True).fit(counts)
            blocks.append(self.word_tfidf_.transform(counts))
        if self.char_ngram_range is not None:
            if fit:
                lo, hi = self.char_ngram_range
                self.char_vocabulary_ = self._fit_vocabulary(
                    [g for w in ws for g in char_grams(w, lo, hi)] for ws in words
                )
            counts = self._char_counts(words)
            if fit:
                self.char_tfidf_ = TfidfTransformer(sublinear_tf=True).fit(counts)
            blocks.append(self.char_tfidf_.transform(counts))
        if style is not None:
            blocks.append(sp.csr_matrix(style * self.style_weight))
        if polarity is not None:
            blocks.append(sp.csr_matrix(polarity * self.polarity_weight))
        out = sp.hstack(blocks, format="csr", dtype=np.float64)
        if fit:
            self.n_features_out_ = out.shape[1]
        return out

    def _transform_batch(self, texts: list[str]) -> sp.csr_matrix:
        """:meth:`transform` by arrays over the distinct pieces and tokens (``_batch``).

        The same matrix as the per-comment path of :meth:`_fit_transform`.
        """
        # the tables are shared per process and mutated while reading a chunk: one
        # thread at a time (a Dask worker runs several threads on one model)
        with _BATCH_LOCK:
            return self._transform_batch_locked(texts)

    def _transform_batch_locked(self, texts: list[str]) -> sp.csr_matrix:
        tables = self.__dict__.get("_batch_tables")
        if tables is None or tables.full():
            tables = BatchTables(
                self._index("word") if self.word_ngram_range is not None else None,
                self._index("char") if self.char_ngram_range is not None else None,
                self.char_ngram_range,
            )
            self.__dict__["_batch_tables"] = tables
        tids, ptr, style_sums = tables.tokenize(texts)
        blocks: list[sp.csr_matrix] = []
        if self.word_ngram_range is not None:
            feats, doc = tables.lemma_features(tids, ptr, self.negation)
            counts = tables.word_counts(
                tids, ptr, feats, doc, self.word_ngram_range, self.compounds
            )
            blocks.append(self.word_tfidf_.transform(counts, copy=False))
        if self.char_ngram_range is not None:
            counts = tables.char_counts(tids, ptr)
            blocks.append(self.char_tfidf_.transform(counts, copy=False))
        if self.style_weight:
            n_tokens = np.diff(ptr)
            user = tables.tok_id.get("<user>")
            mention = np.zeros(len(texts), dtype=bool)
            if user is not None:
                docs = np.repeat(np.arange(len(texts)), n_tokens)
                mention[docs[tids == user]] = True
            style = style_rows(
                style_sums[:, 0], style_sums[:, 1], style_sums[:, 2], n_tokens, mention
            )
            blocks.append(sp.csr_matrix(style * self.style_weight))
        if self.polarity_weight:
            # the batch path is only taken with the lemma block when polarity is on
            assert self.word_ngram_range is not None
            rows = polarity_rows(*tables.valences(feats), doc, len(texts))
            blocks.append(sp.csr_matrix(rows * self.polarity_weight))
        return sp.hstack(blocks, format="csr", dtype=np.float64)

    @staticmethod
    def _count(docs: list[list[str]], index: dict[str, int]) -> sp.csr_matrix:
        indptr = [0]
        indices: list[int] = []
        get = index.get
        for grams in docs:
            js = list(map(get, grams))
            indices.extend([j for j in js if j is not None])
            indptr.append(len(indices))
        return _csr_counts(indices, indptr, len(index))

    def _char_counts(self, words: list[list[str]]) -> sp.csr_matrix:
        index = self._index("char")
        cache: dict[str, np.ndarray] = self.__dict__.setdefault("_char_cache", {})
        lo, hi = self.char_ngram_range  # type: ignore[misc]
        pieces: list[np.ndarray] = []
        append = pieces.append
        get = cache.get
        for ws in words:
            for w in ws:
                arr = get(w)
                if arr is None:
                    arr = np.fromiter(
                        (j for j in map(index.get, char_grams(w, lo, hi)) if j is not None),
                        dtype=np.int32,
                    )
                    if len(cache) >= _CHAR_CACHE_LIMIT:
                        cache.clear()
                    cache[w] = arr
                append(arr)
        # row i spans the pieces of its words: cumulative piece lengths at word boundaries
        piece_end = np.zeros(len(pieces) + 1, dtype=np.int64)
        np.cumsum(
            np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces)), out=piece_end[1:]
        )
        word_end = np.zeros(len(words) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, words), dtype=np.int64, count=len(words)), out=word_end[1:])
        indptr = piece_end[word_end]
        indices = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int32)
        return _csr_counts(indices, indptr, len(index))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the output columns: ``lemma:…``, ``char:…``, ``style:…``, ``polarity:…``."""
        check_is_fitted(self, "n_features_out_")
        names: list[str] = []
        if self.word_ngram_range is not None:
            names.extend("lemma:" + g for g in self.word_vocabulary_.tolist())
        if self.char_ngram_range is not None:
            names.extend("char:" + g for g in self.char_vocabulary_.tolist())
        if self.style_weight:
            names.extend("style:" + s for s in STYLE_FEATURES)
        if self.polarity_weight:
            names.extend("polarity:" + s for s in POLARITY_FEATURES)
        if self.gate is not None:
            names = [*names, *("general:" + n for n in names), "gate:thread", "gate:general"]
        return np.array(names, dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags


def _csr_counts(indices: Any, indptr: Any, n_cols: int) -> sp.csr_matrix:
    indices = np.asarray(indices, dtype=np.int32)
    indptr = np.asarray(indptr, dtype=np.int64)
    data = np.ones(len(indices), dtype=np.float64)
    m = sp.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, max(n_cols, 1)))
    m.sum_duplicates()
    return m

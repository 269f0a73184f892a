"""Batch transform of a fitted :class:`~analyzer.model.CommentVectorizer`, array by array.

The text work of a comment is done once per *distinct* piece of text, not per
occurrence: a comment is split into space-separated pieces
(:func:`analyzer.text.split_pieces`), each distinct piece is tokenised once
(:func:`analyzer.text.piece_tokens`), each distinct token gets an integer id
and a record (its lemma feature, negation flags, compound parts and character
n-gram columns), and a chunk of comments becomes one flat array of token ids.
The feature matrices are then built with numpy and scipy from those ids:

* lemma block: feature ids per token (context-dependent lemmas chosen with
  :func:`analyzer.text.context_feature`, negation scope by
  :func:`analyzer.text.negation_scope` over all comments at once), compound
  parts appended per comment, unigram columns from a table, bigram
  columns from a sorted table of the vocabulary's bigrams keyed by pairs of
  feature ids, counts by one ``np.unique``;
* character block: the comment × token count matrix times the token ×
  n-gram count matrix, computed transposed so that the conversion back gives
  rows with sorted columns;
* style block: per distinct piece (:func:`analyzer.model._style.piece_style`),
  summed over each comment's pieces.

Every matrix is the one the per-comment code of ``CommentVectorizer``
produces: same columns in the same (sorted) order, same counts; so TF-IDF,
normalisation and the classifier give bit-identical results.
The tables belong to one process and one fitted vectoriser and are never
saved nor copied; they are rebuilt from scratch when they grow past fixed limits, so
memory stays flat on any amount of text.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import Any

import numpy as np
import scipy.sparse as sp

from analyzer.model._ngrams import char_grams
from analyzer.model._polarity import feature_valences
from analyzer.model._style import piece_style
from analyzer.text import (
    CONTEXT,
    NEG_PREFIX,
    context_feature,
    lookup,
    negation_scope,
    piece_is_raw,
    piece_tokens,
    split_pieces,
)

__all__ = ["BatchTables"]

#: distinct pieces / tokens after which the tables start again from empty
MAX_PIECES = 300_000
MAX_TOKENS = 200_000
MAX_CHOICES = 200_000
_EMPTY = np.zeros(0, dtype=np.int32)


def _expand(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Indices ``starts[k] .. starts[k] + lengths[k] - 1`` for every ``k``, concatenated."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(lengths)
    shift = np.repeat(starts - (ends - lengths), lengths)
    return np.arange(total, dtype=np.int64) + shift


class _Growing:
    """A numpy array (int32 unless told) that grows by appending (amortised doubling)."""

    def __init__(self, dtype: Any = np.int32) -> None:
        self.data = np.zeros(1024, dtype=dtype)
        self.n = 0

    def extend(self, values: Sequence[int] | np.ndarray) -> None:
        k = len(values)
        if self.n + k > len(self.data):
            new = np.zeros(max(2 * len(self.data), self.n + k), dtype=self.data.dtype)
            new[: self.n] = self.data[: self.n]
            self.data = new
        self.data[self.n : self.n + k] = values
        self.n += k

    def view(self) -> np.ndarray:
        return self.data[: self.n]


class BatchTables:
    """Per-process lookup tables of one fitted vectoriser; see the module docstring.

    Parameters
    ----------
    word_index, char_index : dict or None
        The vectoriser's n-gram -> column maps (``None`` for a block left out).
    char_range : tuple of int or None
        ``char_ngram_range`` of the vectoriser.
    """

    def __init__(
        self,
        word_index: dict[str, int] | None,
        char_index: dict[str, int] | None,
        char_range: tuple[int, int] | None,
    ) -> None:
        self.word_index = word_index
        self.char_index = char_index
        self.char_range = char_range
        # feature strings (lemma features, NEG_ forms, compound parts) -> id
        self.fs_id: dict[str, int] = {}
        self.fs_str: list[str] = []
        self.fs_col: list[int] = []  # unigram column, -1 when not in the vocabulary
        self.fs_neg: dict[int, int] = {}  # id -> id of its NEG_ form
        # tokens -> id, and what each token contributes
        self.tok_id: dict[str, int] = {}
        self.tok_str: list[str] = []
        self.tok_entry: list[Any] = []
        self.tok_fs: list[int] = []  # context-free feature id, -1 when context decides
        self.tok_flags: list[int] = []
        self.tok_parts: list[tuple[int, ...]] = []
        # token x n-gram counts as CSR arrays, rows appended as tokens come
        self._t_indptr = _Growing(np.int64)
        self._t_indptr.extend([0])
        self._t_indices = _Growing()
        self._t_counts = _Growing(np.float64)
        self._chars_done = 0
        # pieces (space-separated parts of normalised comments) -> their token ids
        self.piece_id: dict[str, int] = {}
        self.piece_start: list[int] = []
        self.piece_len: list[int] = []
        self.piece_style: list[tuple[int, int, int]] = []
        self.piece_store = _Growing()
        # (token ids around an ambiguous word) -> id of the chosen feature
        self.choices: dict[tuple[int, ...], int] = {}
        names = ["piece_start", "piece_len", "flags"]
        if word_index is not None:
            names += ["fs", "n_parts", "parts_start", "parts"]
        self._arrays: dict[str, np.ndarray] = {n: np.zeros(0, dtype=np.int64) for n in names}
        self._arrays["piece_style"] = np.zeros((0, 3), dtype=np.int64)
        # polarity valence per feature id (filled lazily by valences())
        self._val: list[int] = []
        self._nval: list[int] = []
        self._val_arrays = (_EMPTY.astype(np.int64), _EMPTY.astype(np.int64))
        self._arrays_at = (0, 0)  # tokens and pieces already in self._arrays
        self._char_t: sp.csr_matrix | None = None
        self._char_t_at = -1
        self.bigram_keys = np.zeros(0, dtype=np.int64)
        self.bigram_cols = np.zeros(0, dtype=np.int64)
        if word_index is not None:
            self._bigram_table()

    # -- tables -------------------------------------------------------------------
    def full(self) -> bool:
        """Whether the tables have grown past their limits (time to start again)."""
        return len(self.piece_id) > MAX_PIECES or len(self.tok_id) > MAX_TOKENS

    def _fs(self, s: str) -> int:
        i = self.fs_id.get(s)
        if i is None:
            i = self.fs_id[s] = len(self.fs_col)
            self.fs_str.append(s)
            col = self.word_index.get(s) if self.word_index is not None else None
            self.fs_col.append(-1 if col is None else col)
        return i

    def _bigram_table(self) -> None:
        """Sorted ``(id(a) << 32) | id(b)`` keys of every vocabulary bigram ``"a b"``.

        A feature may itself contain a space, so every split of a bigram at a
        space is entered: a pair of features matches exactly when the two
        joined by a space are a vocabulary bigram.
        """
        keys: list[int] = []
        cols: list[int] = []
        assert self.word_index is not None
        for g, col in self.word_index.items():
            start = g.find(" ")
            while start != -1:
                keys.append((self._fs(g[:start]) << 32) | self._fs(g[start + 1 :]))
                cols.append(col)
                start = g.find(" ", start + 1)
        k = np.array(keys, dtype=np.int64)
        order = np.argsort(k, kind="stable")
        self.bigram_keys = k[order]
        self.bigram_cols = np.array(cols, dtype=np.int64)[order]

    def _add_token(self, tok: str, entry: Any = None) -> int:
        tid = self.tok_id[tok] = len(self.tok_str)
        e = lookup(tok) if entry is None else entry
        self.tok_str.append(tok)
        self.tok_entry.append(e)
        self.tok_flags.append(e.flags)
        if self.word_index is not None:
            self.tok_fs.append(-1 if e.feature is None else self._fs(e.feature))
            self.tok_parts.append(tuple(self._fs(p) for p in e.parts))
        return tid

    def _char_rows(self) -> None:
        """Character n-gram columns of the tokens added since the last call (all at once)."""
        todo = self.tok_str[self._chars_done :]
        if not todo or self.char_index is None:
            self._chars_done = len(self.tok_str)
            return
        lo, hi = self.char_range  # type: ignore[misc]
        per_token = [char_grams(t.lower(), lo, hi) for t in todo]
        grams = [g for gs in per_token for g in gs]  # every word after the other
        per_word = np.fromiter(map(len, per_token), np.int64, len(per_token))
        cols = np.fromiter(map(self.char_index.get, grams, repeat(-1)), np.int64, len(grams))
        toks = np.repeat(np.arange(len(todo), dtype=np.int64), per_word)
        keep = cols >= 0
        # one entry per (token, n-gram), counting a gram's repeats within the word,
        # columns in increasing order within each token's row
        n_cols = max(len(self.char_index), 1)
        key, counts = np.unique(toks[keep] * n_cols + cols[keep], return_counts=True)
        row_nnz = np.bincount(key // n_cols, minlength=len(todo))
        self._t_indptr.extend(self._t_indptr.view()[-1] + np.cumsum(row_nnz))
        self._t_indices.extend(key % n_cols)
        self._t_counts.extend(counts)
        self._chars_done = len(self.tok_str)

    def _add_piece(self, key: str) -> int:
        toks = piece_tokens(key)
        # pieces of a normalised text: their comments get the style of the raw text
        style = piece_style(key) if piece_is_raw(key) else (0, 0, 0)
        get = self.tok_id.get
        ids = []
        for t in toks:
            i = get(t)
            ids.append(i if i is not None else self._add_token(t))
        pid = self.piece_id[key] = len(self.piece_start)
        self.piece_start.append(self.piece_store.n)
        self.piece_len.append(len(ids))
        self.piece_style.append(style)
        self.piece_store.extend(ids)
        return pid

    def arrays(self) -> dict[str, np.ndarray]:
        """numpy copies of the per-token and per-piece lists, extended by what was added.

        The lists only grow (until the tables start again from empty), so only
        their new tails are converted; the arrays so far are kept.
        """
        n_tok, n_piece = len(self.tok_str), len(self.piece_start)
        done_tok, done_piece = self._arrays_at
        if (n_tok, n_piece) == (done_tok, done_piece):
            return self._arrays
        a = self._arrays

        def grow(name: str, tail: np.ndarray) -> None:
            a[name] = np.concatenate([a[name], tail])

        if n_piece > done_piece:
            grow("piece_start", np.array(self.piece_start[done_piece:], dtype=np.int64))
            grow("piece_len", np.array(self.piece_len[done_piece:], dtype=np.int64))
            style = np.array(self.piece_style[done_piece:], dtype=np.int64).reshape(-1, 3)
            grow("piece_style", style)
        if n_tok > done_tok:
            grow("flags", np.array(self.tok_flags[done_tok:], dtype=np.int64))
            if self.word_index is not None:
                grow("fs", np.array(self.tok_fs[done_tok:], dtype=np.int64))
                new_parts = self.tok_parts[done_tok:]
                n_parts = np.fromiter(map(len, new_parts), np.int64, len(new_parts))
                before = len(a["parts"])
                grow("n_parts", n_parts)
                grow("parts_start", before + np.cumsum(n_parts) - n_parts)
                grow(
                    "parts",
                    np.fromiter((f for p in new_parts for f in p), np.int64, int(n_parts.sum())),
                )
        self._arrays_at = (n_tok, n_piece)
        return a

    def fs_cols(self) -> np.ndarray:
        """Unigram column of every feature id (-1: not in the vocabulary)."""
        return np.array(self.fs_col, dtype=np.int64)

    # -- one chunk ----------------------------------------------------------------
    def tokenize(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Token ids of all texts concatenated, each text's offsets into them, style sums.

        The tokens are those of :func:`analyzer.text.tokenize` of each text; the
        style sums the columns ``n_emoji, n_caps, flags`` of
        :func:`analyzer.model._style.piece_style` of each text.
        """
        pieces, counts, changed = split_pieces(texts)
        get = self.piece_id.get
        pids = list(map(get, pieces, repeat(-1)))
        for k, p in enumerate(pids):
            if p == -1:
                p = get(pieces[k], -1)
                pids[k] = p if p != -1 else self._add_piece(pieces[k])
        a = self.arrays()
        pid = np.array(pids, dtype=np.int64)
        lens = a["piece_len"][pid]
        tids = self.piece_store.view()[_expand(a["piece_start"][pid], lens)].astype(np.int64)
        piece_ptr = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(np.array(counts, dtype=np.int64), out=piece_ptr[1:])
        tok_cum = np.zeros(len(pid) + 1, dtype=np.int64)
        np.cumsum(lens, out=tok_cum[1:])
        ptr = tok_cum[piece_ptr]
        # style: sums and ors over each text's pieces
        n = len(counts)
        piece_doc = np.repeat(np.arange(n, dtype=np.int64), counts)
        ps = a["piece_style"][pid]
        n_emoji = np.bincount(piece_doc, weights=ps[:, 0], minlength=n).astype(np.int64)
        n_caps = np.bincount(piece_doc, weights=ps[:, 1], minlength=n).astype(np.int64)
        flags = np.zeros(n, dtype=np.int64)
        for bit in (1, 2, 4, 8, 16):
            has = np.bincount(piece_doc, weights=(ps[:, 2] & bit) != 0, minlength=n) > 0
            flags |= np.where(has, bit, 0)
        for k in changed:
            n_emoji[k], n_caps[k], flags[k] = piece_style(texts[k])
        return tids, ptr, np.column_stack([n_emoji, n_caps, flags])

    def lemma_features(
        self, tids: np.ndarray, ptr: np.ndarray, negation: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """Feature id of every token (lemma, ``NEG_`` when negated) and its comment.

        The ids of :func:`~analyzer.text.token_features` without compound parts.
        """
        assert self.word_index is not None
        n_docs = len(ptr) - 1
        n = len(tids)
        lens = np.diff(ptr)
        doc = np.repeat(np.arange(n_docs, dtype=np.int64), lens)
        a = self.arrays()
        feats = a["fs"][tids]
        todo = np.flatnonzero(feats < 0)
        if len(todo):  # words whose lemma depends on the neighbours
            feats[todo] = self._choices(tids, todo, ptr[doc[todo]], ptr[doc[todo] + 1])
        if negation and n:
            scoped = np.flatnonzero(negation_scope(a["flags"][tids], ptr[doc]))
            if len(scoped):
                feats[scoped] = self._negated(feats[scoped])
        return feats, doc

    def valences(self, feats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Lexicon valence of each feature id, and of the word behind a ``NEG_`` id.

        See :func:`analyzer.model._polarity.feature_valences`; cached per id.
        """
        if len(self._val) < len(self.fs_str):
            v, nv = feature_valences(self.fs_str[len(self._val) :])
            self._val.extend(v.tolist())
            self._nval.extend(nv.tolist())
            self._val_arrays = (
                np.array(self._val, dtype=np.int64),
                np.array(self._nval, dtype=np.int64),
            )
        val, nval = self._val_arrays
        return val[feats], nval[feats]

    def word_counts(
        self,
        tids: np.ndarray,
        ptr: np.ndarray,
        feats: np.ndarray,
        doc: np.ndarray,
        ngram_range: tuple[int, int],
        compounds: bool,
    ) -> sp.csr_matrix:
        """Lemma uni-/bigram counts, as ``CommentVectorizer._count`` of ``token_features``.

        ``feats`` and ``doc`` are :meth:`lemma_features` of ``tids``.
        """
        assert self.word_index is not None
        n_docs = len(ptr) - 1
        n = len(tids)
        a = self.arrays()
        if compounds:
            n_parts = a["n_parts"][tids]
            parts = a["parts"][_expand(a["parts_start"][tids], n_parts)]
            per_doc = np.bincount(doc, weights=n_parts, minlength=n_docs).astype(np.int64)
            before = np.cumsum(per_doc) - per_doc
            seq = np.empty(n + len(parts), dtype=np.int64)
            seq[np.arange(n, dtype=np.int64) + before[doc]] = feats
            part_doc = np.repeat(doc, n_parts)
            seq[np.arange(len(parts), dtype=np.int64) + ptr[part_doc + 1]] = parts
            sptr = ptr + np.concatenate(([0], np.cumsum(per_doc)))
            seq_doc = np.repeat(np.arange(n_docs, dtype=np.int64), np.diff(sptr))
        else:
            seq, seq_doc = feats, doc
        lo, hi = ngram_range
        rows: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        if lo <= 1:
            uni = self.fs_cols()[seq]
            keep = uni >= 0
            rows.append(seq_doc[keep])
            cols.append(uni[keep])
        if hi >= 2 and len(seq) > 1 and len(self.bigram_keys):
            same = np.flatnonzero(seq_doc[:-1] == seq_doc[1:])
            keys = (seq[same] << 32) | seq[same + 1]
            at = np.searchsorted(self.bigram_keys, keys)
            at[at == len(self.bigram_keys)] = 0
            hit = self.bigram_keys[at] == keys
            rows.append(seq_doc[same[hit]])
            cols.append(self.bigram_cols[at[hit]])
        n_cols = max(len(self.word_index), 1)
        return _counts(rows, cols, n_docs, n_cols)

    def _choices(
        self, tids: np.ndarray, at: np.ndarray, starts: np.ndarray, ends: np.ndarray
    ) -> list[int]:
        """Feature ids of the ambiguous tokens ``tids[at]``, chosen by their neighbours.

        :func:`~analyzer.text.context_feature` sees only the tokens of the
        comment within :data:`~analyzer.text.CONTEXT` of the word, so its
        choice is cached by their ids.
        """
        before, after = CONTEXT
        n = len(tids)
        cols = []
        for off in range(-before, after + 1):
            j = at + off
            ok = (j >= starts) & (j < ends)
            cols.append(np.where(ok, tids[np.clip(j, 0, n - 1)], -1).tolist())
        keys = list(zip(*cols, strict=True))
        cache = self.choices
        if len(cache) > MAX_CHOICES:
            cache.clear()
        get = cache.get
        out = list(map(get, keys, repeat(-1)))
        for k, v in enumerate(out):
            if v == -1:
                key = keys[k]
                v = get(key, -1)
                if v == -1:
                    window = [t for t in key if t != -1]
                    i = sum(1 for t in key[:before] if t != -1)
                    toks = [self.tok_str[t] for t in window]
                    ents = [self.tok_entry[t] for t in window]
                    v = cache[key] = self._fs(context_feature(i, toks, ents))
                out[k] = v
        return out

    def _negated(self, feats: np.ndarray) -> np.ndarray:
        uniq, inv = np.unique(feats, return_inverse=True)
        get = self.fs_neg.get
        out = []
        for f in uniq.tolist():
            g = get(f)
            if g is None:
                g = self.fs_neg[f] = self._fs(NEG_PREFIX + self.fs_str[f])
            out.append(g)
        return np.array(out, dtype=np.int64)[inv]

    def char_counts(self, tids: np.ndarray, ptr: np.ndarray) -> sp.csr_matrix:
        """Character n-gram counts, as ``CommentVectorizer._char_counts``."""
        assert self.char_index is not None
        n_docs = len(ptr) - 1
        n_cols = max(len(self.char_index), 1)
        n_tok = len(self.tok_str)
        if len(tids) == 0:
            return sp.csr_matrix((n_docs, n_cols), dtype=np.float64)
        if self._char_t_at != n_tok:
            self._char_rows()
            tok_grams = sp.csr_matrix(
                (self._t_counts.view(), self._t_indices.view(), self._t_indptr.view()),
                shape=(n_tok, n_cols),
            )
            # n-gram x token counts, CSR: a linear-time transpose of the appended rows
            self._char_t = tok_grams.T.tocsr()
            self._char_t_at = n_tok
        docs = sp.csr_matrix((np.ones(len(tids)), tids, ptr), shape=(n_docs, self._char_t.shape[1]))
        # (n-gram x token) @ (token x comment): its CSC form is the comment x n-gram
        # matrix with every row's columns in increasing order
        prod = (self._char_t @ docs.T.tocsr()).tocsc()
        return sp.csr_matrix((prod.data, prod.indices, prod.indptr), shape=(n_docs, n_cols))


def _counts(
    rows: list[np.ndarray], cols: list[np.ndarray], n_docs: int, n_cols: int
) -> sp.csr_matrix:
    """CSR of how often each ``(row, col)`` pair occurs, columns sorted within rows."""
    if rows:
        key = np.concatenate(rows) * n_cols + np.concatenate(cols)
    else:
        key = np.zeros(0, dtype=np.int64)
    uniq, counts = np.unique(key, return_counts=True)
    r = uniq // n_cols
    indptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(np.bincount(r, minlength=n_docs), out=indptr[1:])
    return sp.csr_matrix(
        (counts.astype(np.float64), (uniq - r * n_cols).astype(np.int32), indptr),
        shape=(n_docs, n_cols),
    )

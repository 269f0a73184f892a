"""Batch scoring: exports in, the same rows with tones out.

:func:`score` returns a DataFrame for notebooks; :func:`score_file` streams
any size of file chunk by chunk to an output file with flat memory. Chunks
are scored in parallel processes (``jobs``, this one included) or on a Dask cluster
(``engine="dask"``); either way every input row gives exactly one output row,
in the input order, and rows that cannot be read go to a rejects file.

Workers receive the model as a model file's bytes and load it once, from memory, so
the same code serves local processes and remote Dask workers alike.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analyzer.config import DEFAULT_TZ
from analyzer.errors import AnalyzerError

__all__ = ["ScoreSummary", "model_info", "score", "score_file"]

_MODELS: dict[str, Any] = {}
#: texts per predict_proba call inside a chunk
_BATCH = 10_000


def _fork_context() -> Any:
    """``fork`` where the platform has it (Linux; Python 3.14 no longer defaults to it).

    Workers that fork inherit this process's warm caches; elsewhere the default
    start method gives the same results, only colder.
    """
    import multiprocessing

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def _model_from_bytes(blob: bytes) -> Any:
    """Load (once per process) the model held in a model file's bytes, from memory."""
    key = hashlib.sha256(blob).hexdigest()
    model = _MODELS.get(key)
    if model is None:
        from analyzer.model import model_from_bytes

        model = model_from_bytes(blob)
        _MODELS.clear()
        _MODELS[key] = model
    return model


def _score_texts(texts: list[str], blob: bytes, with_lemmas: bool) -> dict[str, Any]:
    """Worker task: tones, probabilities (and lemmas) of a list of texts."""
    model = _model_from_bytes(blob)
    if not texts:  # an empty chunk (header-only file, every row rejected)
        proba = np.zeros((0, len(model.labels)))
    else:
        # a few thousand texts at a time: the feature matrices of a whole chunk
        # would dominate the process's memory (the rows do not depend on each other)
        proba = np.concatenate(
            [model.predict_proba(texts[i : i + _BATCH]) for i in range(0, len(texts), _BATCH)]
        )
    out: dict[str, Any] = {
        "labels": model.labels,
        "proba": proba.astype(np.float32),
    }
    if with_lemmas:
        from analyzer.text import lemma_features

        out["lemmas"] = [" ".join(lemma_features(t, negation=False)) for t in texts]
    return out


#: chunks queued per worker process before this process scores one itself
_QUEUE = 3


def _model_blob(model: Any) -> tuple[bytes, dict[str, Any]]:
    """The model as a model file's bytes for the workers, and its metadata."""
    from analyzer.model import ToneModel, default_model_path, load_model, model_to_bytes

    if model is None or isinstance(model, (str, os.PathLike)):
        path = Path(model) if model is not None else default_model_path()
        loaded = load_model(path)  # validates: missing, not a model, damaged, untrusted -> one line
        blob = path.read_bytes()
    elif isinstance(model, ToneModel):
        loaded = model
        blob = model_to_bytes(model)
    else:
        raise AnalyzerError(f"model must be a path or a ToneModel, not {type(model).__name__}")
    # this process, and worker processes forked from it, need not load the bytes again
    _MODELS.clear()
    _MODELS[hashlib.sha256(blob).hexdigest()] = loaded
    return blob, loaded.meta


def model_info(meta: dict[str, Any]) -> dict[str, Any]:
    """The few facts about a model that a report's caveats need.

    Examples
    --------
    >>> from analyzer.scoring import model_info
    >>> model_info({"n": 10, "cv": {"macro_f1": 0.8, "scheme": "leave-one-group-out"}})
    {'trained on': 10, 'cross-validated macro-F1': 0.8, 'validation': 'leave-one-group-out'}
    """
    info: dict[str, Any] = {}
    if "n" in meta:
        info["trained on"] = meta["n"]
    cv = meta.get("cv") or {}
    if "macro_f1" in cv:
        info["cross-validated macro-F1"] = cv["macro_f1"]
        info["validation"] = cv.get("scheme", "")
    return info


@dataclass
class ScoreSummary:
    """What a scoring run did: rows read, scored and rejected, time and speed."""

    rows_read: int = 0
    rows_scored: int = 0
    rows_rejected: int = 0
    bad_times: int = 0
    seconds: float = 0.0
    output: str | None = None
    rejects_file: str | None = None
    tones: dict[str, int] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        """Comments scored per second."""
        return self.rows_scored / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        """The one-line summary printed by ``analyzer score``."""
        s = f"rows read {self.rows_read}, scored {self.rows_scored}, rejected {self.rows_rejected}"
        if self.bad_times:
            s += f", unreadable times {self.bad_times} (kept with empty time)"
        s += f"; {self.seconds:.1f} s, {self.per_second:,.0f} comments/s"
        return s


class _Runner:
    """Runs :func:`_score_texts` over chunks in order: in-process, processes or Dask."""

    def __init__(
        self, blob: bytes, with_lemmas: bool, jobs: int, engine: str, scheduler: str | None
    ) -> None:
        self.blob = blob
        self.with_lemmas = with_lemmas
        self.engine = engine
        self.jobs = jobs
        self._pool: Any = None
        self._inflight: list[Any] = []
        self._client: Any = None
        self._cluster: Any = None
        self._blob_ref: Any = blob
        if engine == "dask":
            try:
                from distributed import Client, LocalCluster
            except ImportError:  # pragma: no cover - dependency
                raise AnalyzerError("engine 'dask' needs dask[distributed] installed") from None
            if scheduler:
                try:
                    self._client = Client(scheduler, timeout="10s")
                except OSError as exc:
                    raise AnalyzerError(f"cannot reach Dask scheduler {scheduler}: {exc}") from None
            else:
                self._cluster = LocalCluster(
                    n_workers=max(1, jobs),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=40,
                )
                try:
                    self._client = Client(self._cluster)
                except BaseException:
                    self._cluster.close()  # never leave a started cluster behind
                    raise
            try:
                self._blob_ref = self._client.scatter(blob, broadcast=True)
            except BaseException:
                self.close()
                raise
        elif engine == "local":
            # the pool is started once a second chunk exists (see submit)
            pass
        else:
            raise AnalyzerError(f"unknown engine {engine!r} (use 'local' or 'dask')")

    def submit(self, texts: list[str], more: bool = True) -> Any:
        """Score one chunk somewhere; ``more`` says whether other chunks follow it."""
        if self._client is not None:
            return self._client.submit(
                _score_texts, texts, self._blob_ref, self.with_lemmas, pure=False
            )
        workers = self.jobs - 1  # local engine: this process scores chunks too
        if self._pool is None and workers > 0 and more:
            # forked once a second chunk exists, the workers inherit the loaded
            # model and the warm cache; a one-chunk input never starts them
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=_fork_context())
        if self._pool is not None:
            self._inflight = [f for f in self._inflight if not f.done()]
            if len(self._inflight) < _QUEUE * workers:
                fut = self._pool.submit(_score_texts, texts, self.blob, self.with_lemmas)
                self._inflight.append(fut)
                return fut
            # every worker has a chunk queued: score this one here meanwhile
        fut = Future()
        fut.set_result(_score_texts(texts, self.blob, self.with_lemmas))
        return fut

    @property
    def ahead(self) -> int:
        """How many chunks may be in flight (bounds memory)."""
        if self._client is not None:
            return 2 * max(1, self.jobs)
        # the workers' queues, the chunk scored here and the one being written
        return 1 if self.jobs <= 1 else _QUEUE * (self.jobs - 1) + 2

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _attach(frame: pd.DataFrame, result: dict[str, Any]) -> pd.DataFrame:
    labels = result["labels"]
    proba = result["proba"]
    out = frame.copy()
    out["tone"] = np.asarray(labels, dtype=object)[proba.argmax(axis=1)] if len(out) else []
    for j, c in enumerate(labels):
        out[f"p_{c}"] = np.round(proba[:, j].astype(np.float64), 4)
    if "lemmas" in result:
        out["lemmas"] = result["lemmas"]
    return out


def _finish_frame(
    frame: pd.DataFrame,
    roles: Any,
    *,
    keep_authors: bool,
    salt: str | None,
    for_file: bool,
    excel_safe: bool,
    pseudonyms: Any = None,
) -> pd.DataFrame:
    """Pseudonymise names and drop private columns; for files also ISO times and safe cells."""
    from analyzer.io import prepare_output

    out = prepare_output(
        frame,
        roles,
        keep_authors=keep_authors,
        salt=salt,
        excel_safe=for_file and excel_safe,
        pseudonyms=pseudonyms,
    )
    if not for_file and roles.time:
        out[roles.time] = frame[roles.time].array  # keep tz-aware timestamps for notebooks
    return out


class _Run:
    """One scoring run over a source: its chunks scored in order, and what they add up to.

    Takes the options of :func:`score`; :func:`score` collects the frames in memory,
    :func:`score_file` streams them to a file.
    """

    def __init__(
        self,
        source: Any,
        *,
        model: Any = None,
        text_col: str | None = None,
        time_col: str | None = None,
        author_col: str | None = None,
        tz: str = DEFAULT_TZ,
        keep_authors: bool = False,
        salt: str | None = None,
        with_lemmas: bool = False,
        jobs: int | None = 1,
        chunksize: int = 20_000,
        engine: str = "local",
        scheduler: str | None = None,
    ) -> None:
        from analyzer.io import LINE_COL, ReadStats

        if isinstance(source, pd.DataFrame) and LINE_COL in source.columns:
            source = source.drop(columns=[LINE_COL])  # analyzer.io's own line numbers
        self.source = source
        self.read_options = {
            "text_col": text_col,
            "time_col": time_col,
            "author_col": author_col,
            "tz": tz,
            "chunksize": chunksize,
        }
        self.model = model
        self.keep_authors = keep_authors
        self.salt = salt
        self.with_lemmas = with_lemmas
        self.jobs = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
        self.engine = engine
        self.scheduler = scheduler
        self.stats = ReadStats()
        self.rejects: list[Any] = []
        self.roles: Any = None
        self.meta: dict[str, Any] = {}
        self.t0 = time.perf_counter()

    def frames(self, *, for_file: bool, excel_safe: bool = False) -> Iterator[pd.DataFrame]:
        """Scored chunks, authors pseudonymised; for files also ISO times and safe cells."""
        from analyzer.io import LINE_COL, iter_comments

        chunks = iter_comments(self.source, stats=self.stats, **self.read_options)
        try:
            nxt = next(chunks, None)
            blob, self.meta = _model_blob(self.model)
            runner = _Runner(blob, self.with_lemmas, self.jobs, self.engine, self.scheduler)
        except BaseException:
            chunks.close()
            raise
        pending: deque[tuple[Any, Any]] = deque()
        pseudonyms: list[Any] = []  # one for the whole run: authors known across chunks

        def finished() -> pd.DataFrame:
            chunk, fut = pending.popleft()
            self.roles = chunk.roles
            scored = _attach(chunk.frame, fut.result())
            if not self.keep_authors and not pseudonyms:
                from analyzer.io import Pseudonyms

                pseudonyms.append(Pseudonyms(self.salt))
            out = _finish_frame(
                scored,
                chunk.roles,
                keep_authors=self.keep_authors,
                salt=self.salt,
                for_file=for_file,
                excel_safe=excel_safe,
                pseudonyms=pseudonyms[0] if pseudonyms else None,
            )
            if not for_file:  # the source's row positions (0-based), for score()'s index
                out.index = pd.Index(chunk.frame[LINE_COL].to_numpy() - 1)
            return out

        try:
            while nxt is not None:
                chunk = nxt
                nxt = next(chunks, None)  # one chunk ahead: does another follow?
                self.rejects.extend(chunk.rejects)
                texts = chunk.frame[chunk.roles.text].tolist()
                pending.append((chunk, runner.submit(texts, more=nxt is not None)))
                # in order: what is done, and the oldest when too many are in flight
                while pending and (len(pending) >= runner.ahead or pending[0][1].done()):
                    yield finished()
            while pending:
                yield finished()
        finally:
            runner.close()
            chunks.close()

    def summary(
        self, rows_scored: int, tones: dict[str, int], output: str | None = None
    ) -> ScoreSummary:
        """The :class:`ScoreSummary` of the run so far."""
        return ScoreSummary(
            rows_read=self.stats.rows_read,
            rows_scored=rows_scored,
            rows_rejected=self.stats.rows_rejected,
            bad_times=self.stats.bad_times,
            seconds=time.perf_counter() - self.t0,
            output=output,
            tones=tones,
        )


def _as_source(source: Any) -> tuple[Any, pd.Index | None]:
    """What :func:`score` reads, and the index its result takes (None: ``0..n-1``)."""
    if isinstance(source, pd.Series):
        name = str(source.name) if source.name is not None else "text"
        return source.to_frame(name=name), source.index
    if isinstance(source, pd.DataFrame):
        return source, source.index
    if isinstance(source, list | tuple | np.ndarray):
        texts = list(source)
        if not all(isinstance(t, str) for t in texts):
            raise AnalyzerError("a list to score must hold comment texts (str) only")
        return pd.DataFrame({"text": pd.Series(texts, dtype=object)}), None
    if isinstance(source, str | os.PathLike):
        return source, None
    raise AnalyzerError(
        f"cannot score a {type(source).__name__}: give a file path, a DataFrame, "
        "a Series or a list of texts"
    )


def score(
    source: Any,
    *,
    model: Any = None,
    text_col: str | None = None,
    time_col: str | None = None,
    author_col: str | None = None,
    tz: str = DEFAULT_TZ,
    keep_authors: bool = False,
    salt: str | None = None,
    with_lemmas: bool = False,
    jobs: int | None = 1,
    chunksize: int = 20_000,
    engine: str = "local",
    scheduler: str | None = None,
) -> pd.DataFrame:
    """Score comments: the input rows with ``tone`` and ``p_<tone>`` columns added.

    Parameters
    ----------
    source : path, pandas.DataFrame, pandas.Series or list of str
        An export file (CSV/TSV/XLSX/JSON/JSONL/Parquet), a DataFrame, a
        Series of comment texts (its name, or ``"text"``, becomes the text
        column) or a list of texts.
    model : path or ToneModel, optional
        Default: the bundled model (:func:`analyzer.model.default_model_path`).
    text_col, time_col, author_col : str, optional
        Column names when they cannot be found automatically.
    tz : str, default="Europe/Helsinki"
        Time zone of times written without one.
    keep_authors : bool, default=False
        Keep every name as written. By default names become stable salted
        pseudonyms: the fields that identify an author, the people in titles
        ("X commented on Y's post."), @mentions of a known author or of a
        capitalised full name and known authors' full names in texts, and the
        same inside JSON cells (see :func:`analyzer.io.prepare_output` and the
        README's privacy paragraph).
    salt : str, optional
        Salt of the pseudonyms (default: ``ANALYZER_SALT`` or a per-user salt).
    with_lemmas : bool, default=False
        Add a ``lemmas`` column (space-separated Voikko lemmas).
    jobs : int or None, default=1
        Processes scoring chunks, this one included (it starts ``jobs - 1``
        workers once a second chunk exists); ``None`` or ``0`` uses all cores.
    chunksize : int, default=20000
        Rows per chunk.
    engine : {"local", "dask"}, default="local"
        ``"dask"`` scores chunks on a Dask cluster (``scheduler`` address, or a
        ``LocalCluster`` with ``jobs`` workers).
    scheduler : str, optional
        Address of a running Dask scheduler.

    Returns
    -------
    pandas.DataFrame
        Original columns in their order (time parsed to tz-aware timestamps),
        then ``tone`` and ``p_<label>``; the index of a DataFrame or Series
        source is kept (so ``df["tone"] = score(df)["tone"]`` aligns), a file
        or list gives ``0..n-1``; ``attrs["roles"]``,
        ``attrs["rejects"]`` and ``attrs["summary"]`` describe the run.

    Examples
    --------
    >>> import pandas as pd
    >>> import analyzer
    >>> df = pd.DataFrame({"kommentti": ["Hävetkää!", "Kiitos anteeksipyynnöstä ❤️"]})
    >>> analyzer.score(df)["tone"].tolist()
    ['criticism', 'understanding']
    >>> analyzer.score(pd.Series(["Kiitos!", "Hävetkää!"], index=[4, 7])).index.tolist()
    [4, 7]
    """
    if text_col is None and isinstance(source, pd.Series):
        text_col = str(source.name) if source.name is not None else "text"
    source, index = _as_source(source)
    run = _Run(
        source,
        model=model,
        text_col=text_col,
        time_col=time_col,
        author_col=author_col,
        tz=tz,
        keep_authors=keep_authors,
        salt=salt,
        with_lemmas=with_lemmas,
        jobs=jobs,
        chunksize=chunksize,
        engine=engine,
        scheduler=scheduler,
    )
    frames = list(run.frames(for_file=False))
    out = pd.concat(frames) if frames else pd.DataFrame()
    if index is not None:  # the caller's rows keep their labels
        out.index = index.take(out.index.to_numpy(dtype=np.intp))
    else:
        out = out.reset_index(drop=True)
    if out.empty:
        raise AnalyzerError(
            f"no comments to score ({run.stats.rows_read} rows read, "
            f"{run.stats.rows_rejected} rejected)"
        )
    out.attrs["roles"] = run.roles.as_dict() if run.roles is not None else {}
    out.attrs["rejects"] = run.rejects
    out.attrs["summary"] = run.summary(len(out), out["tone"].value_counts().to_dict())
    out.attrs["model_info"] = model_info(run.meta)
    return out


def score_file(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    excel: bool = False,
    excel_safe: bool = True,
    progress: bool | None = None,
    **options: Any,
) -> ScoreSummary:
    """Score an export file into an output file, streaming with flat memory.

    The output has every input column in the original order plus ``tone``
    and ``p_<label>`` (and ``lemmas`` with ``with_lemmas``), exactly one row
    per readable input row in the same order, times in ISO 8601 with offset.
    Unreadable rows go to ``OUTPUT.rejects.csv`` with line number and reason.
    Both files are written atomically.

    Parameters
    ----------
    source : path or pandas.DataFrame
        The export.
    output : path
        ``.csv``, ``.tsv``, ``.jsonl``, ``.xlsx`` or ``.parquet``.
    excel : bool, default=False
        CSV for Finnish Excel: ``;`` separated, UTF-8 with BOM. By default a
        CSV or TSV output follows the input's dialect: its delimiter, its BOM,
        and its encoding where that loses nothing (see
        :class:`~analyzer.io.TableWriter`'s ``like``).
    excel_safe : bool, default=True
        Neutralise cells a spreadsheet would run as a formula: those starting
        with ``=``, ``@``, tab or CR, and with ``+`` or ``-`` unless they are
        plain numbers (:func:`~analyzer.io.excel_safe`).
    progress : bool, optional
        Show a progress bar on stderr (default: when stderr is a terminal).
    **options
        As in :func:`score` (``model``, ``text_col``, ``time_col``, ``author_col``, ``tz``,
        ``keep_authors``, ``salt``, ``with_lemmas``, ``jobs`` — here default all cores —,
        ``chunksize``, ``engine``, ``scheduler``).

    Returns
    -------
    ScoreSummary

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from analyzer.scoring import score_file
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "in.csv").write_text("message\\nHävetkää!\\n", encoding="utf-8")
    >>> score_file(d / "in.csv", d / "out.csv", jobs=1).rows_scored
    1
    """
    from analyzer.io import TableWriter, write_rejects

    output = Path(output)
    options.setdefault("jobs", None)
    run = _Run(source, **options)
    rows = 0
    tones: dict[str, int] = {}
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(unit=" comments", file=sys.stderr, desc="scoring", dynamic_ncols=True)
    try:
        # closing(): a failed write stops the chunk generator (and its workers) at once
        with (
            TableWriter(output, excel=excel, like=run.stats) as writer,
            contextlib.closing(run.frames(for_file=True, excel_safe=excel_safe)) as frames,
        ):
            for out in frames:
                writer.write(out)
                rows += len(out)
                for k, v in out["tone"].value_counts().items():
                    tones[str(k)] = tones.get(str(k), 0) + int(v)
                if bar is not None:
                    bar.update(len(out))
    finally:
        if bar is not None:
            bar.close()
    summary = run.summary(rows, tones, output=str(output))
    if run.rejects:
        rej_path = output.with_name(output.name + ".rejects.csv")
        write_rejects(rej_path, run.rejects)
        summary.rejects_file = str(rej_path)
    return summary

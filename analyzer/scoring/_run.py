"""One scoring run: chunks read, scored in order, names pseudonymised; what they add up to."""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analyzer.errors import AnalyzerError
from analyzer.scoring._engines import Runner
from analyzer.scoring._worker import model_blob

__all__ = ["Run", "ScoreSummary", "as_source"]


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


def attach(frame: pd.DataFrame, result: dict[str, Any]) -> pd.DataFrame:
    labels = result["labels"]
    proba = result["proba"]
    out = frame.copy()
    out["tone"] = np.asarray(labels, dtype=object)[proba.argmax(axis=1)] if len(out) else []
    for j, c in enumerate(labels):
        out[f"p_{c}"] = np.round(proba[:, j].astype(np.float64), 4)
    if "lemmas" in result:
        out["lemmas"] = result["lemmas"]
    return out


def finish_frame(
    frame: pd.DataFrame, roles: Any, *, for_file: bool, excel_safe: bool
) -> pd.DataFrame:
    """Drop private columns (names are replaced already); for files also ISO times, safe cells."""
    from analyzer.io import prepare_output

    out = prepare_output(frame, roles, keep_authors=True, excel_safe=for_file and excel_safe)
    if not for_file and roles.time:
        out[roles.time] = frame[roles.time].array  # keep tz-aware timestamps for notebooks
    return out


class Run:
    """One scoring run over a source: its chunks scored in order, and what they add up to.

    Takes the options of :func:`score`, the read options as one
    :class:`~analyzer.io.ReadOptions`; :func:`score` collects the frames in memory,
    :func:`score_file` streams them to a file.
    """

    def __init__(
        self,
        source: Any,
        *,
        model: Any = None,
        options: Any = None,
        keep_authors: bool = False,
        salt: str | None = None,
        with_lemmas: bool = False,
        jobs: int | None = 1,
        chunksize: int = 20_000,
        engine: str = "local",
        scheduler: str | None = None,
    ) -> None:
        from analyzer.io import LINE_COL, ReadOptions, ReadStats

        if isinstance(source, pd.DataFrame) and LINE_COL in source.columns:
            source = source.drop(columns=[LINE_COL])  # analyzer.io's own line numbers
        self.source = source
        self.read_options = {"options": ReadOptions.of(options), "chunksize": chunksize}
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
        from analyzer.io import LINE_COL, Pseudonyms, iter_comments

        chunks = iter_comments(self.source, stats=self.stats, **self.read_options)
        try:
            nxt = next(chunks, None)
            # one for the whole run: authors known across chunks
            pseudonyms = None if self.keep_authors else Pseudonyms(self.salt)
            blob, self.meta = model_blob(self.model)
            runner = Runner(blob, self.with_lemmas, self.jobs, self.engine, self.scheduler)
        except BaseException:
            chunks.close()
            raise
        # (roles, frame with names replaced, future of its scores), in the source's order
        pending: deque[tuple[Any, pd.DataFrame, Any]] = deque()

        def finished() -> pd.DataFrame:
            roles, frame, fut = pending.popleft()
            self.roles = roles
            out = finish_frame(
                attach(frame, fut.result()), roles, for_file=for_file, excel_safe=excel_safe
            )
            if not for_file:  # the source's row positions (0-based), for score()'s index
                out.index = pd.Index(frame[LINE_COL].to_numpy() - 1)
            return out

        try:
            while nxt is not None:
                chunk = nxt
                nxt = next(chunks, None)  # one chunk ahead: does another follow?
                self.rejects.extend(chunk.rejects)
                texts = chunk.frame[chunk.roles.text].tolist()
                fut = runner.submit(texts, more=nxt is not None)
                # names in source order, here while the workers score: only the scores
                # are left to add when a chunk comes back
                frame = chunk.frame
                if pseudonyms is not None:
                    frame = pseudonyms.replace(frame, chunk.roles)
                pending.append((chunk.roles, frame, fut))
                # in order: what is done, and the oldest when too many are in flight
                while pending and (len(pending) >= runner.ahead or pending[0][2].done()):
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


def as_source(source: Any) -> tuple[Any, pd.Index | None]:
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

"""Where chunks are scored: in this process, in forked worker processes, or on Dask.

:class:`Runner` hands each chunk to :func:`~analyzer.scoring._worker.score_texts`
somewhere and gives back a future; the caller collects the futures in order.
"""

from __future__ import annotations

import sys
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from analyzer.errors import AnalyzerError
from analyzer.scoring._worker import score_texts

__all__ = ["Runner", "fork_context"]


def fork_context() -> Any:
    """``fork`` where the platform has it (Linux; Python 3.14 no longer defaults to it).

    Workers that fork inherit this process's warm caches; elsewhere the default
    start method gives the same results, only colder.
    """
    import multiprocessing

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


#: chunks queued per worker process before this process scores one itself
_QUEUE = 3


class Runner:
    """Runs :func:`score_texts` over chunks in order: in-process, processes or Dask."""

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
                score_texts, texts, self._blob_ref, self.with_lemmas, pure=False
            )
        workers = self.jobs - 1  # local engine: this process scores chunks too
        if self._pool is None and workers > 0 and more:
            # forked once a second chunk exists, the workers inherit the loaded
            # model and the warm cache; a one-chunk input never starts them
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=fork_context())
        if self._pool is not None:
            self._inflight = [f for f in self._inflight if not f.done()]
            if len(self._inflight) < _QUEUE * workers:
                fut = self._pool.submit(score_texts, texts, self.blob, self.with_lemmas)
                self._inflight.append(fut)
                return fut
            # every worker has a chunk queued: score this one here meanwhile
        fut = Future()
        fut.set_result(score_texts(texts, self.blob, self.with_lemmas))
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

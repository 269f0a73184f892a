"""Batch scoring: exports in, the same rows with tones out.

:func:`score` returns a DataFrame for notebooks; :func:`score_file` streams
any size of file chunk by chunk to an output file with flat memory. Chunks
are scored in parallel processes (``jobs``, this one included) or on a Dask cluster
(``engine="dask"``); either way every input row gives exactly one output row,
in the input order, and rows that cannot be read go to a rejects file.

Where things are:

* ``_score.py``: :func:`score` and :func:`score_file`, the entry points;
* ``_run.py``: one run (``Run``): chunks read by :mod:`analyzer.io`, scored in
  order, pseudonymised; :class:`ScoreSummary`;
* ``_engines.py``: where a chunk is scored (``Runner``): this process, forked
  workers, or a Dask cluster;
* ``_worker.py``: what is done with a chunk: the model loaded once per process
  from a model file's bytes (in memory), then the probabilities;
  :func:`model_info`.

Workers that fork (Linux) inherit this process's loaded model and warm word
cache; elsewhere they load the model from its bytes once.
"""

from analyzer.scoring._run import ScoreSummary
from analyzer.scoring._score import score, score_file
from analyzer.scoring._worker import model_info

__all__ = ["ScoreSummary", "model_info", "score", "score_file"]

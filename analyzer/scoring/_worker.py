"""What a worker does with a chunk: the model from its bytes (once per process), then tones.

Workers receive the model as a model file's bytes (:func:`model_blob` makes
them) and load it from memory once (:func:`model_from_blob`), so the same task
serves this process, forked workers and remote Dask workers alike.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.errors import AnalyzerError

__all__ = ["model_blob", "model_from_blob", "model_info", "score_texts"]

#: the model of this process, by the SHA-256 of its bytes
_MODELS: dict[str, Any] = {}
#: texts per predict_proba call inside a chunk
_BATCH = 10_000


def model_from_blob(blob: bytes) -> Any:
    """Load (once per process) the model held in a model file's bytes, from memory."""
    key = hashlib.sha256(blob).hexdigest()
    model = _MODELS.get(key)
    if model is None:
        from analyzer.model import model_from_bytes

        model = model_from_bytes(blob)
        _MODELS.clear()
        _MODELS[key] = model
    return model


def score_texts(texts: list[str], blob: bytes, with_lemmas: bool) -> dict[str, Any]:
    """Worker task: tones, probabilities (and lemmas) of a list of texts."""
    model = model_from_blob(blob)
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


def model_blob(model: Any) -> tuple[bytes, dict[str, Any]]:
    """The model as a model file's bytes for the workers, and its metadata."""
    from analyzer.model import (
        ToneModel,
        default_model_path,
        model_from_bytes,
        model_to_bytes,
        read_model_bytes,
    )

    if model is None or isinstance(model, (str, os.PathLike)):
        path = Path(model) if model is not None else default_model_path()
        blob = read_model_bytes(path)  # read once: the workers get the bytes that were checked
        loaded = model_from_bytes(blob, str(path))  # missing, damaged, untrusted -> one line
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

"""Safe model files: skops with an explicit list of trusted types.

A model file is a skops archive holding ``{"pipeline": …, "meta": {…}}``.
Loading first lists the types the file would create; a file that asks for any
type outside :data:`TRUSTED_TYPES` (or that is not a skops archive at all,
such as a pickle) is refused with a one-line :class:`~analyzer.errors.AnalyzerError`
before anything in it is executed.
"""

from __future__ import annotations

import hashlib
import importlib.metadata as md
import io
import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from analyzer._files import atomic_write
from analyzer.config import default_model_path
from analyzer.errors import AnalyzerError
from analyzer.model._cache import cached_model, remember_model
from analyzer.model._pipeline import ToneModel

__all__ = [
    "TRUSTED_TYPES",
    "data_hash",
    "default_model_path",
    "library_versions",
    "load_model",
    "save_model",
    "text_fingerprint",
]

#: Types a model file may contain besides skops' default-trusted builtins and numpy/scipy.
TRUSTED_TYPES: tuple[str, ...] = (
    "analyzer.model._features.CommentVectorizer",
    "sklearn.pipeline.Pipeline",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.isotonic.IsotonicRegression",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.svm._classes.LinearSVC",
    "sklearn.utils._bunch.Bunch",
)


def library_versions() -> dict[str, str]:
    """Versions of the libraries a model depends on.

    Examples
    --------
    >>> from analyzer.model import library_versions
    >>> sorted(library_versions())[:2]
    ['analyzer', 'libvoikko']
    """
    out = {}
    for name in ("analyzer", "libvoikko", "numpy", "scikit-learn", "scipy", "skops"):
        try:
            out[name] = md.version(name)
        except md.PackageNotFoundError:  # pragma: no cover
            out[name] = "?"
    return out


#: sentences (our own) whose features fingerprint the text pipeline a model was trained with
_PROBE = (
    "Hävetkää! Ette te oo yhtään pahoillanne, tää on ihan järkyttävää 😡😡",
    "Kiitos anteeksipyynnöstä, hyvä että henkilökunta koulutetaan uudelleen.",
    "Mä en nää tässä mitään ongelmaa, asiakaspalvelijat teki vaan työtään",
    "@Liisa Esimerkki missä kylpylässä tää tapahtu?? https://esimerkki.fi #kohu",
    "Hienoa asiakaspalvelua 👏👏 ihaaan mahtavaa, ei voi muuta sanoa...",
)


def text_fingerprint() -> str:
    """A short hash of what the text pipeline makes of a few probe sentences.

    Stored in a model's metadata at training time; when it differs at load
    time the model was trained with another lemmatiser or Voikko dictionary
    and should be retrained (``make model``).

    Examples
    --------
    >>> from analyzer.model import text_fingerprint
    >>> len(text_fingerprint())
    16
    """
    from analyzer.text import token_features, tokenize

    h = hashlib.sha256()
    for text in _PROBE:
        toks = tokenize(text)
        h.update("\x1f".join(toks).encode("utf-8"))
        h.update(b"\x1e")
        h.update("\x1f".join(token_features(toks, compounds=True)).encode("utf-8"))
        h.update(b"\x1d")
    return h.hexdigest()[:16]


def data_hash(texts: Any, labels: Any) -> str:
    """SHA-256 of the training texts and labels, in order.

    Examples
    --------
    >>> from analyzer.model import data_hash
    >>> data_hash(["a"], ["b"]) == data_hash(["a"], ["b"]) != data_hash(["a"], ["c"])
    True
    """
    h = hashlib.sha256()
    for t, y in zip(texts, labels, strict=True):
        h.update(str(t).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
        h.update(str(y).encode("utf-8", "surrogatepass"))
        h.update(b"\x1e")
    return "sha256:" + h.hexdigest()


def save_model(model: ToneModel, path: str | os.PathLike[str]) -> Path:
    """Write ``model`` to a skops file atomically; returns the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analyzer.model import load_model, save_model
    >>> m = load_model()
    >>> out = save_model(m, pathlib.Path(tempfile.mkdtemp()) / "copy.skops")
    >>> load_model(out).labels == m.labels
    True
    """
    import skops.io as sio

    path = Path(path)
    meta = dict(model.meta)
    meta.setdefault("created", datetime.now(UTC).isoformat(timespec="seconds"))
    meta.setdefault("versions", library_versions())
    meta["labels"] = model.labels
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise AnalyzerError(f"cannot write model: folder {folder} does not exist")
    try:
        with atomic_write(path, "wb") as fh:
            sio.dump(
                {"pipeline": model.pipeline, "meta": meta}, fh, compression=zipfile.ZIP_DEFLATED
            )
    except OSError as exc:
        raise AnalyzerError(f"cannot write model {path}: {exc.strerror or exc}") from None
    return path


def load_model(path: str | os.PathLike[str] | None = None) -> ToneModel:
    """Load a model file, refusing anything but trusted types.

    Parameters
    ----------
    path : path-like, optional
        The ``.skops`` file; default :func:`default_model_path`.

    Raises
    ------
    AnalyzerError
        The file is missing, is not a skops model (e.g. a pickle), is damaged,
        or contains types outside :data:`TRUSTED_TYPES`.

    Notes
    -----
    A file that passed the audit once is loaded again from a private,
    HMAC-tagged cache keyed by its SHA-256 (:mod:`analyzer.model._cache`;
    ``ANALYZER_CACHE=off`` turns it off), which skips the second or so that
    importing skops costs.

    Examples
    --------
    >>> from analyzer.model import load_model
    >>> load_model().labels
    ['criticism', 'neutral', 'understanding']
    """
    path = Path(path) if path is not None else default_model_path()
    if not path.is_file():
        hint = (
            " (run `make model` to train the default model)" if path == default_model_path() else ""
        )
        raise AnalyzerError(f"model file {path} not found{hint}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AnalyzerError(f"cannot read model file {path}: {exc.strerror or exc}") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise AnalyzerError(f"refusing {path}: not a skops model file (pickles are never loaded)")
    cached = cached_model(data)  # this very file, audited and loaded before
    if isinstance(cached, ToneModel):
        return cached
    import skops.io as sio

    try:
        untrusted = sio.get_untrusted_types(data=data)
    except Exception as exc:
        raise AnalyzerError(f"refusing {path}: damaged model file ({exc})") from None
    unknown = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if unknown:
        raise AnalyzerError(f"refusing {path}: it contains untrusted types: {', '.join(unknown)}")
    try:
        obj = sio.loads(data, trusted=list(untrusted))
    except Exception as exc:
        raise AnalyzerError(f"refusing {path}: damaged model file ({exc})") from None
    if not isinstance(obj, dict) or "pipeline" not in obj:
        raise AnalyzerError(f"refusing {path}: not an analyzer model file")
    pipeline = obj["pipeline"]
    if not hasattr(pipeline, "predict_proba"):
        raise AnalyzerError(f"refusing {path}: the model cannot give probabilities")
    model = ToneModel(pipeline, dict(obj.get("meta") or {}))
    remember_model(data, model)
    return model

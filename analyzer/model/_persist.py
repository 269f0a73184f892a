"""Model files: a fitted pipeline as JSON plus numpy arrays in one zip, never code.

A model file (``.npz``) is a zip archive that ``numpy.load`` reads as it is
(object arrays refused, numpy's default): ``model.json`` holds the format and version, the labels,
the metadata and the pipeline as a tree of parameters and fitted attributes;
every array of the pipeline (vocabularies, weights, IDF) is a ``.npy`` member
next to it (:mod:`analyzer.model._state`). Reading it makes only data and
instances of trusted classes: scikit-learn estimators and our own (any
``sklearn.base.BaseEstimator`` defined in ``sklearn`` or ``analyzer``), plus
:data:`~analyzer.model._state.EXTRA_TYPES`; a file that names anything else is
refused with a one-line :class:`~analyzer.errors.AnalyzerError` before any of
it is built. Loading takes a few tenths of a second, so no cache is needed.

Model files of earlier versions (skops archives, ``.skops``) are still read
when ``skops`` is installed, through its audit with the allow-list
:data:`TRUSTED_TYPES`; without it the error says how to convert them.
"""

from __future__ import annotations

import hashlib
import importlib.metadata as md
import io
import json
import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from analyzer._files import atomic_write
from analyzer.config import default_model_path
from analyzer.errors import AnalyzerError
from analyzer.model._pipeline import ToneModel
from analyzer.model._state import StateError, decode, encode

__all__ = [
    "FORMAT",
    "TRUSTED_TYPES",
    "data_hash",
    "default_model_path",
    "library_versions",
    "load_model",
    "model_from_bytes",
    "model_to_bytes",
    "save_model",
    "text_fingerprint",
]

#: ``format`` and ``version`` of ``model.json``
FORMAT = ("analyzer-model", 1)
_HEADER = "model.json"

#: Types an old skops model file may contain besides skops' default-trusted builtins and numpy.
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
    for name in ("analyzer", "libvoikko", "numpy", "scikit-learn", "scipy"):
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


def model_to_bytes(model: ToneModel) -> bytes:
    """The bytes of ``model``'s file (see :func:`save_model`).

    Raises
    ------
    AnalyzerError
        The pipeline holds something a model file cannot (an untrusted class, a function).

    Examples
    --------
    >>> from analyzer.model import load_model, model_from_bytes, model_to_bytes
    >>> m = load_model()
    >>> model_from_bytes(model_to_bytes(m)).meta == m.meta
    True
    """
    meta = dict(model.meta)
    meta.setdefault("created", datetime.now(UTC).isoformat(timespec="seconds"))
    meta.setdefault("versions", library_versions())
    meta["labels"] = model.labels
    try:
        pipe_tree, arrays = encode(model.pipeline)
        meta_tree, meta_arrays = encode(meta)
    except StateError as exc:
        raise AnalyzerError(f"cannot write model: {exc}") from None
    header = {
        "format": FORMAT[0],
        "version": FORMAT[1],
        "labels": model.labels,
        "versions": library_versions(),
        "pipeline": pipe_tree,
        "meta": meta_tree,
    }

    def member(name: str) -> zipfile.ZipInfo:  # no time stamps: the same model, the same bytes
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        text = json.dumps(header, ensure_ascii=False, separators=(",", ":"))
        zf.writestr(member(_HEADER), text.encode("utf-8"))
        for prefix, group in (("", arrays), ("meta_", meta_arrays)):
            for key, arr in group.items():
                if arr.dtype.hasobject:  # pragma: no cover - encode() never gives one
                    raise AnalyzerError("cannot write model: an object array")
                with zf.open(member(f"{prefix}{key}.npy"), "w") as fh:
                    np.lib.format.write_array(fh, arr)
    return buf.getvalue()


def save_model(model: ToneModel, path: str | os.PathLike[str]) -> Path:
    """Write ``model`` to a model file (``.npz``) atomically; returns the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analyzer.model import load_model, save_model
    >>> m = load_model()
    >>> out = save_model(m, pathlib.Path(tempfile.mkdtemp()) / "copy.npz")
    >>> load_model(out).labels == m.labels
    True
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise AnalyzerError(f"cannot write model: folder {folder} does not exist")
    data = model_to_bytes(model)
    try:
        with atomic_write(path, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise AnalyzerError(f"cannot write model {path}: {exc.strerror or exc}") from None
    return path


def load_model(path: str | os.PathLike[str] | None = None) -> ToneModel:
    """Load a model file, refusing anything but data and trusted classes.

    Parameters
    ----------
    path : path-like, optional
        The model file (``.npz``, or an old ``.skops``); default :func:`default_model_path`.

    Raises
    ------
    AnalyzerError
        The file is missing, is not a model file (e.g. any other zip), is damaged,
        or names a class that is not trusted.

    Examples
    --------
    >>> from analyzer.model import load_model
    >>> load_model().labels
    ['criticism', 'neutral', 'understanding']
    """
    path = Path(path) if path is not None else default_model_path()
    return model_from_bytes(read_model_bytes(path), str(path))


def read_model_bytes(path: str | os.PathLike[str] | None = None) -> bytes:
    """A model file's bytes, read once (what :func:`load_model` reads; not yet checked).

    Raises
    ------
    AnalyzerError
        The file is missing or cannot be read.

    Examples
    --------
    >>> from analyzer.model import model_from_bytes, read_model_bytes
    >>> model_from_bytes(read_model_bytes()).labels
    ['criticism', 'neutral', 'understanding']
    """
    path = Path(path) if path is not None else default_model_path()
    if not path.is_file():
        hint = (
            " (run `make model` to train the default model)" if path == default_model_path() else ""
        )
        raise AnalyzerError(f"model file {path} not found{hint}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise AnalyzerError(f"cannot read model file {path}: {exc.strerror or exc}") from None


def model_from_bytes(data: bytes, where: str = "model") -> ToneModel:
    """The model held in a model file's bytes (as :func:`load_model`, from memory).

    Parameters
    ----------
    data : bytes
        The whole file.
    where : str, default="model"
        How errors name it.

    Examples
    --------
    >>> from analyzer.model import model_from_bytes
    >>> from analyzer.errors import AnalyzerError
    >>> try:
    ...     model_from_bytes(b"not a zip")
    ... except AnalyzerError as exc:
    ...     print(exc)
    refusing model: not an analyzer model file
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise AnalyzerError(f"refusing {where}: not an analyzer model file") from None
    if _HEADER in names:
        pipeline, meta = _read_npz(zf, names, where)
    elif "schema.json" in names:
        pipeline, meta = _read_skops(data, where)
    else:
        raise AnalyzerError(f"refusing {where}: not an analyzer model file")
    if not hasattr(pipeline, "predict_proba"):
        raise AnalyzerError(f"refusing {where}: the model cannot give probabilities")
    return ToneModel(pipeline, meta)


def _read_npz(zf: zipfile.ZipFile, names: set[str], where: str) -> tuple[Any, dict[str, Any]]:
    """Pipeline and metadata of a file written by :func:`model_to_bytes`."""
    try:
        header = json.loads(zf.read(_HEADER).decode("utf-8"))
        if not isinstance(header, dict) or header.get("format") != FORMAT[0]:
            raise StateError("not an analyzer model header")
        if header.get("version") != FORMAT[1]:
            raise AnalyzerError(
                f"refusing {where}: model file version {header.get('version')} "
                f"(this analyzer reads version {FORMAT[1]}; update analyzer or retrain)"
            )

        def arrays(prefix: str) -> dict[str, np.ndarray]:
            out = {}
            for n in names:
                key = n[len(prefix) : -4]
                if n.startswith(prefix) and n.endswith(".npy") and key[1:].isdigit():
                    with zf.open(n) as fh:
                        out[key] = np.lib.format.read_array(fh)  # object arrays refused
            return out

        pipeline = decode(header.get("pipeline"), arrays(""))
        meta = decode(header.get("meta"), arrays("meta_"))
    except AnalyzerError:
        raise
    except StateError as exc:
        if str(exc).startswith(("untrusted type", "unknown type")):
            raise AnalyzerError(f"refusing {where}: it contains an {exc}") from None
        raise AnalyzerError(f"refusing {where}: damaged model file ({exc})") from None
    except Exception as exc:  # zip, JSON, npy or a class's own state check
        raise AnalyzerError(f"refusing {where}: damaged model file ({exc})") from None
    if not isinstance(meta, dict):
        raise AnalyzerError(f"refusing {where}: damaged model file (metadata)")
    return pipeline, meta


def _read_skops(data: bytes, where: str) -> tuple[Any, dict[str, Any]]:
    """Pipeline and metadata of a model file of earlier versions (a skops archive)."""
    try:
        import skops.io as sio
    except ImportError:
        raise AnalyzerError(
            f"{where} is an old skops model file: `pip install skops`, then convert it with "
            f"`python scripts/convert_model.py {where} NEW.npz`, or retrain (`analyzer train`)"
        ) from None
    try:
        untrusted = sio.get_untrusted_types(data=data)
    except Exception as exc:
        raise AnalyzerError(f"refusing {where}: damaged model file ({exc})") from None
    unknown = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if unknown:
        raise AnalyzerError(f"refusing {where}: it contains untrusted types: {', '.join(unknown)}")
    try:
        obj = sio.loads(data, trusted=list(untrusted))
    except Exception as exc:
        raise AnalyzerError(f"refusing {where}: damaged model file ({exc})") from None
    if not isinstance(obj, dict) or "pipeline" not in obj:
        raise AnalyzerError(f"refusing {where}: not an analyzer model file")
    return obj["pipeline"], dict(obj.get("meta") or {})

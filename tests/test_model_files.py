"""Model files: JSON + numpy arrays in one zip, never a pickle; old skops files still read.

Real fits on the hand-written fixture, real files in ``tmp_path``; tampered files
are made by editing a real file's ``model.json``.
"""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from _fixtures import TINY_CLEAR, TONE_LABELS, TONE_TEXTS
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from analyzer.errors import AnalyzerError
from analyzer.model import (
    TRUSTED_TYPES,
    ToneModel,
    default_model_path,
    load_model,
    model_from_bytes,
    model_to_bytes,
    save_model,
    train,
)

ROOT = Path(__file__).resolve().parents[1]
PROBE = [*TONE_TEXTS, "Xyzzy qwörtti plämä", "", "🙂🙂", *TINY_CLEAR]


@pytest.fixture(scope="module")
def tiny() -> ToneModel:
    return train(TONE_TEXTS, TONE_LABELS, cv=3)


@pytest.fixture(scope="module")
def tiny_file(tiny: ToneModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_model(tiny, tmp_path_factory.mktemp("files") / "tiny.npz")


def _rewrite(src: Path, dst: Path, edit: Callable[[str, bytes], bytes | None]) -> Path:
    """Copy a zip member by member through ``edit`` (None drops the member)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = edit(item.filename, zin.read(item.filename))
            if data is not None:
                zout.writestr(item, data)
    return dst


def _edit_header(src: Path, dst: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    def edit(name: str, data: bytes) -> bytes:
        if name != "model.json":
            return data
        header = json.loads(data)
        change(header)
        return json.dumps(header).encode("utf-8")

    return _rewrite(src, dst, edit)


def _objects(node: Any) -> list[dict[str, Any]]:
    """Every ``{"object": …}`` node of a tree."""
    found = []
    if isinstance(node, dict):
        if "object" in node and "state" in node:
            found.append(node)
        for v in node.values():
            found.extend(_objects(v))
    elif isinstance(node, list):
        for v in node:
            found.extend(_objects(v))
    return found


def _state(header: dict[str, Any]) -> dict[str, Any]:
    """The attributes of the pipeline's first object."""
    return _objects(header["pipeline"])[0]["state"]["dict"]


def test_file_is_an_npz_of_json_and_plain_arrays(tiny_file: Path) -> None:
    with np.load(tiny_file, allow_pickle=False) as npz:  # a plain numpy archive
        arrays = {k: npz[k] for k in npz.files if k != "model.json"}
    assert arrays and not any(a.dtype.hasobject for a in arrays.values())
    with zipfile.ZipFile(tiny_file) as zf:
        header = json.loads(zf.read("model.json"))
    assert header["format"] == "analyzer-model" and header["version"] == 1
    assert header["labels"] == ["criticism", "neutral", "understanding"]
    assert {"numpy", "scikit-learn"} <= set(header["versions"])
    names = {n["object"] for n in _objects(header["pipeline"])}
    assert "analyzer.model._features.CommentVectorizer" in names
    assert "sklearn.pipeline.Pipeline" in names


def test_round_trip_gives_the_same_probabilities_and_metadata(tiny, tiny_file) -> None:
    back = load_model(tiny_file)
    assert np.array_equal(back.predict_proba(PROBE), tiny.predict_proba(PROBE))
    assert back.meta == {**tiny.meta, "labels": tiny.labels, "created": back.meta["created"]}
    assert type(back.meta["cv"]) is dict
    vec, orig = back.pipeline.named_steps["features"], tiny.pipeline.named_steps["features"]
    assert vec.get_params() == orig.get_params()
    assert vec.word_vocabulary_.dtype == orig.word_vocabulary_.dtype
    assert (vec.word_vocabulary_ == orig.word_vocabulary_).all()
    # the bytes in memory are the file, and writing them again changes nothing
    assert model_to_bytes(back) == tiny_file.read_bytes()


def test_bundled_model_round_trips_exactly() -> None:
    m = load_model()
    back = model_from_bytes(model_to_bytes(m))
    assert back.meta == m.meta  # heldout predictions, cv figures, params, versions
    assert back.meta["heldout"] == m.meta["heldout"] and "heldout" in m.meta
    assert json.dumps(back.meta, sort_keys=True) == json.dumps(m.meta, sort_keys=True)
    texts = [*TINY_CLEAR, "Hävetkää!", "Kiitos anteeksipyynnöstä"]
    assert np.array_equal(back.predict_proba(texts), m.predict_proba(texts))


def test_any_pipeline_of_sklearn_estimators_round_trips(tmp_path: Path) -> None:
    # not only today's steps: a plain sklearn pipeline with dict, set, dtype and numpy scalars
    pipe = Pipeline(
        [
            ("tfidf", TfidfVectorizer(dtype=np.float32, ngram_range=(1, 2), stop_words=["ja"])),
            ("clf", LogisticRegression(class_weight={"criticism": 2.0, "neutral": 1.0})),
        ]
    ).fit(TONE_TEXTS, TONE_LABELS)
    meta = {"tuple": (1, 2), "set": {"a", "b"}, 3: np.int64(4), "f": float("nan")}
    back = load_model(save_model(ToneModel(pipe, meta), tmp_path / "plain.npz"))
    assert np.array_equal(back.predict_proba(PROBE), pipe.predict_proba(PROBE))
    assert back.pipeline.named_steps["tfidf"].vocabulary_ == pipe.named_steps["tfidf"].vocabulary_
    assert back.pipeline.named_steps["tfidf"].dtype is np.float32
    assert back.meta["tuple"] == (1, 2) and back.meta["set"] == {"a", "b"}
    assert back.meta[3] == 4 and type(back.meta[3]) is np.int64 and np.isnan(back.meta["f"])


def test_untrusted_objects_cannot_be_written(tiny, tmp_path: Path) -> None:
    with pytest.raises(AnalyzerError, match="cannot write model: cannot store"):
        save_model(ToneModel(tiny.pipeline, {"f": len}), tmp_path / "f.npz")
    assert not (tmp_path / "f.npz").exists()


@pytest.mark.parametrize(
    "name",
    [
        "builtins.eval",
        "os.system",
        "subprocess.Popen",
        "sklearn.utils._joblib.Parallel",  # in sklearn, but not an estimator
        "analyzer._files.atomic_write",  # our own, but a function
        "sklearn.base.__class__",
        "analyzer.model..CommentVectorizer",
    ],
)
def test_a_file_naming_an_untrusted_type_is_refused_before_anything_runs(
    tiny_file: Path, tmp_path: Path, name: str
) -> None:
    def change(header: dict[str, Any]) -> None:
        _objects(header["pipeline"])[-1]["object"] = name

    bad = _edit_header(tiny_file, tmp_path / "evil.npz", change)
    before = set(sys.modules)
    with pytest.raises(AnalyzerError, match=r"untrusted type|unknown type") as info:
        load_model(bad)
    assert "\n" not in str(info.value) and str(bad) in str(info.value)
    assert not {"subprocess", "os.system"} & (set(sys.modules) - before)


def test_pickle_renamed_as_a_model_is_refused_without_running_it(tiny, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"

    class Boom:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    for name in ("model.npz", "model.skops"):
        fake = tmp_path / name
        fake.write_bytes(pickle.dumps({"pipeline": tiny.pipeline, "boom": Boom()}))
        with pytest.raises(AnalyzerError, match="not an analyzer model file") as info:
            load_model(fake)
        assert "\n" not in str(info.value)
    assert not marker.exists()


def test_an_array_member_holding_a_pickle_is_refused(tiny_file: Path, tmp_path: Path) -> None:
    import io

    buf = io.BytesIO()
    np.lib.format.write_array(buf, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    first = {"name": ""}

    def edit(name: str, data: bytes) -> bytes:
        if name.endswith(".npy") and not first["name"]:
            first["name"] = name
            return buf.getvalue()
        return data

    bad = _rewrite(tiny_file, tmp_path / "objarray.npz", edit)
    with pytest.raises(AnalyzerError, match="damaged model file") as info:
        load_model(bad)
    assert "object arrays" in str(info.value).lower() and "\n" not in str(info.value)


def test_damaged_model_files_are_refused(tiny_file: Path, tmp_path: Path) -> None:
    data = tiny_file.read_bytes()
    cases = {
        "truncated": data[: len(data) // 2],
        "garbage": b"PK\x03\x04" + bytes(range(256)) * 8,
        "empty": b"",
    }
    paths = []
    for name, content in cases.items():
        paths.append(tmp_path / f"{name}.npz")
        paths[-1].write_bytes(content)
    edits: dict[str, Callable[[str, bytes], bytes | None]] = {
        "badjson": lambda n, d: b"{not json" if n == "model.json" else d,
        "noheader": lambda n, d: None if n == "model.json" else d,
        "noarrays": lambda n, d: None if n.endswith(".npy") else d,
        "badarray": lambda n, d: d[:20] if n.endswith(".npy") else d,
    }
    for name, edit in edits.items():
        paths.append(_rewrite(tiny_file, tmp_path / f"{name}.npz", edit))

    def mangle(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
        return lambda header: header.__setitem__(key, value)

    for name, change in {
        "format": mangle("format", "other"),
        "tree": mangle("pipeline", {"nonsense": 1}),
        "meta": mangle("meta", [1, 2]),
        "strings": lambda h: _state(h).__setitem__("x", {"strings": "a0", "n": 5}),
        "extra": lambda h: _objects(h["pipeline"])[0]["state"].__setitem__("x", 1),
        "class": lambda h: _state(h).__setitem__("steps", {"object": 5, "state": 6}),
    }.items():
        paths.append(_edit_header(tiny_file, tmp_path / f"{name}.npz", change))
    other = tmp_path / "other.npz"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("hello.txt", "moi")
    paths.append(other)
    for path in paths:
        with pytest.raises(AnalyzerError, match="refusing") as info:
            load_model(path)
        assert "\n" not in str(info.value), path.name


def test_a_newer_file_version_says_so(tiny_file: Path, tmp_path: Path) -> None:
    newer = _edit_header(tiny_file, tmp_path / "v2.npz", lambda h: h.__setitem__("version", 2))
    with pytest.raises(AnalyzerError, match=r"version 2 .*update analyzer or retrain"):
        load_model(newer)


# ------------------------------------------------------- old skops model files
def _skops_file(model: ToneModel, path: Path) -> Path:
    """A model file as analyzer wrote them before (a skops archive)."""
    sio = pytest.importorskip("skops.io")
    meta = {**model.meta, "labels": model.labels}
    sio.dump({"pipeline": model.pipeline, "meta": meta}, path, compression=zipfile.ZIP_DEFLATED)
    return path


def test_old_skops_files_still_load_and_convert(tiny, tmp_path: Path) -> None:
    old = _skops_file(tiny, tmp_path / "old.skops")
    loaded = load_model(old)
    assert np.array_equal(loaded.predict_proba(PROBE), tiny.predict_proba(PROBE))
    new = tmp_path / "new.npz"
    res = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "convert_model.py"), str(old), str(new)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip().endswith(": same")
    back = load_model(new)
    assert back.meta == {**loaded.meta, "created": back.meta["created"]}
    assert np.array_equal(back.predict_proba(PROBE), tiny.predict_proba(PROBE))


def test_old_skops_file_with_an_untrusted_type_is_refused(tiny, tmp_path: Path) -> None:
    old = _skops_file(tiny, tmp_path / "old.skops")

    def edit(name: str, data: bytes) -> bytes:
        if name != "schema.json":
            return data
        text = data.decode("utf-8")
        return (
            text.replace('"LinearSVC"', '"system"')
            .replace('"sklearn.svm._classes"', '"os"')
            .encode("utf-8")
        )

    bad = _rewrite(old, tmp_path / "evil.skops", edit)
    assert "os.system" not in TRUSTED_TYPES
    with pytest.raises(AnalyzerError, match=r"untrusted types: os\.system") as info:
        load_model(bad)
    assert "\n" not in str(info.value)


def test_old_skops_file_without_skops_says_how_to_convert(tiny, tmp_path, monkeypatch) -> None:
    old = _skops_file(tiny, tmp_path / "old.skops")
    monkeypatch.setitem(sys.modules, "skops", None)  # as if it were not installed
    monkeypatch.setitem(sys.modules, "skops.io", None)
    with pytest.raises(AnalyzerError, match=r"pip install skops.*convert_model\.py") as info:
        load_model(old)
    assert "\n" not in str(info.value)


# --------------------------------------------------------------- no pickle
def test_no_pickle_and_no_model_cache_in_the_package() -> None:
    hits = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in sorted((ROOT / "analyzer").rglob("*.py"))
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"(?i)pickl|ANALYZER_CACHE", line)
    ]
    assert hits == []
    assert not (ROOT / "analyzer" / "model" / "_cache.py").exists()


def test_bundled_model_is_the_new_format() -> None:
    path = default_model_path()
    assert path.suffix == ".npz"
    with zipfile.ZipFile(path) as zf:
        header = json.loads(zf.read("model.json"))
    assert header["format"] == "analyzer-model"

"""The cache of audited model files: used again, never trusted blindly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from analyzer.model import cache_dir, cached_model, default_model_path, load_model, remember_model
from analyzer.model._cache import _entry

PROBE = (
    "import sys; from analyzer.model import load_model; m = load_model(); "
    "p = m.predict_proba(['Hävetkää!', 'Kiitos anteeksipyynnöstä'])[0]; "
    "print('skops.io' in sys.modules, ' '.join(f'{x:.12f}' for x in p))"
)


def _probe(folder) -> tuple[bool, str]:
    env = {**os.environ, "ANALYZER_CACHE": str(folder)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    ).stdout.split(maxsplit=1)
    return out[0] == "True", out[1]


def test_second_load_skips_skops_and_gives_the_same_model(tmp_path):
    used_skops, first = _probe(tmp_path / "c")
    assert used_skops  # audited the first time
    used_skops, again = _probe(tmp_path / "c")
    assert not used_skops and again == first
    assert len(list((tmp_path / "c" / "models").glob("*.pickle"))) == 1
    assert ((tmp_path / "c" / "models").stat().st_mode & 0o777) == 0o700


def test_tampered_entry_is_ignored_and_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYZER_CACHE", str(tmp_path))
    data = default_model_path().read_bytes()
    model = load_model()
    entry = _entry(tmp_path / "models", data)
    assert cached_model(data) is not None
    raw = bytearray(entry.read_bytes())
    raw[-10] ^= 0xFF  # one flipped byte in the pickle
    entry.write_bytes(bytes(raw))
    assert cached_model(data) is None
    assert load_model().labels == model.labels  # audited again, and cached again
    assert cached_model(data) is not None
    entry.write_bytes(entry.read_bytes()[:100])  # truncated
    assert cached_model(data) is None


def test_entry_of_other_bytes_is_never_used(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYZER_CACHE", str(tmp_path))
    assert remember_model(b"file one", {"model": 1}) is not None
    assert cached_model(b"file one") == {"model": 1}
    assert cached_model(b"file one ") is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_folder_writable_by_others_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYZER_CACHE", str(tmp_path))
    assert remember_model(b"data", "model") is not None
    (tmp_path / "models").chmod(0o777)
    assert cached_model(b"data") is None
    assert remember_model(b"other", "model") is None


def test_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYZER_CACHE", "off")
    assert cache_dir() is None
    assert remember_model(b"data", "model") is None
    assert cached_model(b"data") is None
    load_model()  # still loads, through skops


def test_unwritable_cache_folder_does_not_stop_loading(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ANALYZER_CACHE", str(blocker))
    assert remember_model(b"data", "model") is None
    assert load_model().labels

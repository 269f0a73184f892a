"""A per-user cache of model files that have already passed the skops audit.

Loading a model file safely is slow to start: ``import skops.io`` imports every
scikit-learn estimator to list the trusted types (about a second), and the
audit walks the archive. Most runs load the same file again (the bundled model,
or a team's model), so once a file has been audited and loaded, the loaded
model is kept as a pickle under a key made of the file's SHA-256 and the
versions of the code that built it. The next load of a byte-identical file
reads that pickle instead; any other file, or another version of scikit-learn,
numpy, Python or ``analyzer.model``, goes through the full audit again.

The cache never loads a pickle it did not write itself:

* its folder must belong to the current user and be writable by nobody else
  (checked before every read and write; otherwise the cache is skipped);
* every entry carries an HMAC-SHA256 tag under a random key kept in that folder
  (mode 0600), checked before the bytes are unpickled, so a copied, truncated
  or edited entry is ignored and rebuilt;
* model files given by a user are still only ever read through skops.

Folder: ``$ANALYZER_CACHE`` if set (``off`` turns the cache off), else
``$XDG_CACHE_HOME/analyzer`` or ``~/.cache/analyzer``; entries live in its
``models`` subfolder and are written atomically. A cache that cannot be read
or written is skipped without a word: it only ever saves time.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import pickle
import stat
import sys
from pathlib import Path
from typing import Any

from analyzer._files import atomic_write
from analyzer.config import CACHE_ENV, env, user_dir

__all__ = ["CACHE_ENV", "cache_dir", "cached_model", "remember_model"]

_MAGIC = b"analyzer-model-cache 1\n"
_TAG = 32  # bytes of an HMAC-SHA256 tag


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` when ``$ANALYZER_CACHE`` is ``off``.

    Examples
    --------
    >>> import os
    >>> from analyzer.model import cache_dir
    >>> saved = dict(os.environ)
    >>> os.environ["ANALYZER_CACHE"] = "off"
    >>> cache_dir() is None
    True
    >>> os.environ["ANALYZER_CACHE"] = "/srv/cache"
    >>> str(cache_dir())
    '/srv/cache'
    >>> os.environ.clear(); os.environ.update(saved)
    """
    value = env(CACHE_ENV)
    if value.lower() in {"off", "0", "no", "false"}:
        return None
    if value:
        return Path(value).expanduser()
    return user_dir("cache") / "analyzer"


def _private(path: Path) -> bool:
    """Whether ``path`` is a folder of this user that nobody else may write."""
    try:
        st = path.stat()
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if hasattr(os, "getuid") and (
        st.st_uid != os.getuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    ):
        return False
    return True


def _folder(create: bool) -> Path | None:
    """The ``models`` folder when it is private (created, mode 0700, if asked)."""
    root = cache_dir()
    if root is None:
        return None
    folder = root / "models"
    if create:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return None
    return folder if _private(folder) else None


def _key(folder: Path, create: bool) -> bytes | None:
    """The folder's secret HMAC key (created on first use)."""
    path = folder / "key"
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    if not create:
        return None
    try:
        with atomic_write(path, "wb", perms=0o600) as fh:
            fh.write(os.urandom(32))
        key = path.read_bytes()  # another process may have won the race
    except OSError:
        return None
    return key if len(key) == 32 else None


def _place(create: bool) -> tuple[Path, bytes] | None:
    """The private ``models`` folder and its HMAC key, or ``None`` when not usable."""
    folder = _folder(create)
    if folder is None:
        return None
    key = _key(folder, create)
    return None if key is None else (folder, key)


@functools.cache
def _code_version() -> str:
    """Versions the loaded objects depend on: libraries, Python and this package's model code."""
    import numpy
    import scipy
    import sklearn

    h = hashlib.sha256()
    h.update(f"{sys.version_info[:2]} {numpy.__version__} {scipy.__version__}".encode())
    h.update(sklearn.__version__.encode())
    here = Path(__file__).resolve().parent
    for p in sorted(here.iterdir()):
        if p.suffix in {".py", ".tsv"}:
            h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def _entry(folder: Path, data: bytes) -> Path:
    digest = hashlib.sha256(data).hexdigest()
    return folder / f"{digest[:32]}-{_code_version()}.pickle"


def cached_model(data: bytes) -> Any | None:
    """The model loaded earlier from a file with exactly these bytes, or ``None``.

    Parameters
    ----------
    data : bytes
        The whole model file.

    Returns
    -------
    ToneModel or None
        ``None`` when there is no valid entry (never cached, another code
        version, a tag that does not match, an unsafe folder, cache off).

    Examples
    --------
    >>> from analyzer.model import cached_model
    >>> cached_model(b"never seen") is None
    True
    """
    place = _place(create=False)
    if place is None:
        return None
    folder, key = place
    try:
        raw = _entry(folder, data).read_bytes()
    except OSError:
        return None
    n = len(_MAGIC)
    head, tag, body = raw[:n], raw[n : n + _TAG], raw[n + _TAG :]
    if head != _MAGIC or not hmac.compare_digest(tag, hmac.digest(key, body, "sha256")):
        return None
    try:
        return pickle.loads(body)
    except Exception:  # written by this code, so only a code change gets here
        return None


def remember_model(data: bytes, model: Any) -> Path | None:
    """Keep ``model``, just loaded and audited from a file with bytes ``data``.

    Returns the entry written, or ``None`` when the cache is off or cannot be
    written (nothing else happens then).

    Examples
    --------
    >>> import os, tempfile
    >>> from analyzer.model import cached_model, remember_model
    >>> saved = dict(os.environ)
    >>> os.environ["ANALYZER_CACHE"] = tempfile.mkdtemp()
    >>> remember_model(b"file bytes", {"a": 1}) is not None
    True
    >>> cached_model(b"file bytes")
    {'a': 1}
    >>> os.environ.clear(); os.environ.update(saved)
    """
    place = _place(create=True)
    if place is None:
        return None
    folder, key = place
    try:
        body = pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return None
    path = _entry(folder, data)
    try:
        with atomic_write(path, "wb", perms=0o600) as fh:
            fh.write(_MAGIC + hmac.digest(key, body, "sha256") + body)
    except OSError:
        return None
    return path

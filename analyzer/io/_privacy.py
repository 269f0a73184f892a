"""Stable salted pseudonyms for authors."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from pathlib import Path

from analyzer._files import atomic_write
from analyzer.config import SALT_ENV, env, user_dir
from analyzer.errors import AnalyzerError

__all__ = ["pseudonymize", "resolve_salt", "salt_path"]


def salt_path() -> Path:
    """Where the machine's random salt is kept: ``$XDG_CONFIG_HOME/analyzer/salt``.

    Falls back to ``~/.config/analyzer/salt`` when ``XDG_CONFIG_HOME`` is unset.

    Examples
    --------
    >>> from analyzer.io import salt_path
    >>> salt_path().name
    'salt'
    """
    return user_dir("config") / "analyzer" / "salt"


def _stored_salt() -> str:
    path = salt_path()
    try:
        text = path.read_text(encoding="utf-8").strip()
        if text:
            return text
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise AnalyzerError(f"cannot read the salt file {path} ({exc.strerror or exc})") from exc
    new = secrets.token_hex(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # replace=False: if another process stored one first, its salt is kept
        with atomic_write(path, encoding="utf-8", perms=0o600, replace=False) as f:
            f.write(new + "\n")
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise AnalyzerError(
            f"cannot store a salt in {path} ({exc.strerror or exc}); set {SALT_ENV} instead"
        ) from exc


def resolve_salt(salt: str | None = None) -> str:
    """The salt for pseudonyms: ``salt``, else ``$ANALYZER_SALT``, else the stored one.

    The stored salt is random, created on first use in :func:`salt_path`
    (mode 0600), so pseudonyms stay the same across runs on one machine.

    Examples
    --------
    >>> from analyzer.io import resolve_salt
    >>> resolve_salt("my project salt")
    'my project salt'
    """
    if salt:
        return salt
    value = env(SALT_ENV)
    if value:
        return value
    return _stored_salt()


class _Hmac:
    """HMAC-SHA256 under one key, its padded-key states hashed once (RFC 2104)."""

    def __init__(self, key: bytes) -> None:
        if len(key) > 64:  # SHA-256's block size
            key = hashlib.sha256(key).digest()
        key = key.ljust(64, b"\0")
        self.inner = hashlib.sha256(bytes(b ^ 0x36 for b in key))
        self.outer = hashlib.sha256(bytes(b ^ 0x5C for b in key))

    def digest(self, msg: bytes) -> bytes:
        """``hmac.digest(key, msg, "sha256")``."""
        inner = self.inner.copy()
        inner.update(msg)
        outer = self.outer.copy()
        outer.update(inner.digest())
        return outer.digest()


def pseudonymize(values: Iterable[str], salt: str | None = None) -> list[str]:
    """Replace names by stable salted pseudonyms such as ``'user-3f9a1c2b'``.

    The pseudonym is an HMAC-SHA256 of the name (surrounding spaces removed,
    Unicode NFC) under the salt from :func:`resolve_salt`; the same name and
    salt always give the same pseudonym, another salt a different one.
    Empty names (``''``, None, NaN) stay ``''``. With 8 hex digits, two of
    100,000 distinct authors share a pseudonym with probability about 0.7.

    Parameters
    ----------
    values : iterable of str
        Author names.
    salt : str, optional
        Secret salt; see :func:`resolve_salt`.

    Returns
    -------
    list of str

    Examples
    --------
    >>> from analyzer.io import pseudonymize
    >>> a = pseudonymize(["Testi Henkilö", "", "Testi Henkilö"], salt="s1")
    >>> a[0] == a[2], a[1], a[0].startswith("user-"), len(a[0])
    (True, '', True, 13)
    """
    from analyzer.io._names import Pseudonyms

    return Pseudonyms(salt).identities(values, remember=False)

"""Atomic file writes: a temporary file beside the target, moved into place when complete.

Every output of the package (tables, reports, model files, the salt, cache entries) is written
this way, so an interrupted run never leaves a half-written file. The temporary file is created
with :func:`os.open` and the file's permissions (``0o666`` by default), so the process's umask
applies as it does to any new file; the umask itself is never changed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_write", "move_into_place", "temp_beside"]

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def temp_beside(path: str | os.PathLike[str], perms: int = 0o666) -> tuple[int, Path]:
    """Create a new, empty temporary file next to ``path``; returns its descriptor and path.

    The name starts with ``.{name}.`` and ends with ``.tmp``; the file's mode is
    ``perms`` less the umask.

    Examples
    --------
    >>> import os, tempfile, pathlib
    >>> from analyzer._files import temp_beside
    >>> fd, tmp = temp_beside(pathlib.Path(tempfile.mkdtemp()) / "out.csv")
    >>> os.close(fd); tmp.name.startswith(".out.csv."), tmp.suffix
    (True, '.tmp')
    """
    path = Path(path)
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, _FLAGS, perms), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {path}")


def move_into_place(tmp: Path, path: Path, replace: bool = True) -> None:
    """Move the finished temporary file ``tmp`` to ``path`` (see :func:`atomic_write`).

    Examples
    --------
    >>> import os, tempfile, pathlib
    >>> from analyzer._files import move_into_place, temp_beside
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> fd, tmp = temp_beside(out); os.close(fd); move_into_place(tmp, out)
    >>> [p.name for p in out.parent.iterdir()]
    ['out.txt']
    """
    if replace:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)  # fails when the file exists: the first writer wins
    except FileExistsError:
        pass
    except OSError:  # file systems without hard links
        if not path.exists():
            os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str],
    mode: str = "w",
    *,
    encoding: str | None = None,
    newline: str | None = None,
    perms: int = 0o666,
    replace: bool = True,
) -> Iterator[IO[Any]]:
    """Open a temporary file for writing; on success it becomes ``path``, on error it goes.

    Parameters
    ----------
    path : str or path-like
        The file to write; its folder must exist.
    mode : {"w", "wb"}
        Text or binary.
    encoding, newline : str, optional
        As for :func:`open` (text mode; the encoding defaults to UTF-8).
    perms : int, default=0o666
        The file's permissions before the umask (``0o600`` for secrets).
    replace : bool, default=True
        Replace an existing ``path``; with ``False`` an existing file is kept
        (another process wrote it first) and the new content is dropped.

    Raises
    ------
    OSError
        The folder is missing or not writable, or the disk is full; ``path``
        is left as it was and no temporary file remains.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analyzer._files import atomic_write
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
    >>> with atomic_write(out) as fh:
    ...     _ = fh.write("valmis")
    >>> out.read_text(encoding="utf-8"), [p.name for p in out.parent.iterdir()]
    ('valmis', ['note.txt'])
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"mode must be 'w' or 'wb', not {mode!r}")
    path = Path(path)
    fd, tmp = temp_beside(path, perms)
    try:
        if mode == "wb":
            fh: IO[Any] = open(fd, "wb")
        else:
            fh = open(fd, "w", encoding=encoding or "utf-8", newline=newline)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    try:
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        move_into_place(tmp, path, replace)
    finally:
        tmp.unlink(missing_ok=True)

"""One atomic write for every output: mode from the umask, nothing partial, nothing left over."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer._files import atomic_write, temp_beside


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_mode_follows_the_umask_which_is_never_changed(tmp_path: Path, umask: int) -> None:
    # in a child process: the umask is process-wide, and pytest-xdist workers share nothing
    code = f"""
import os, stat, sys
from pathlib import Path
from analyzer._files import atomic_write
os.umask({umask})
folder = Path(sys.argv[1])
with atomic_write(folder / "a.txt") as fh:
    fh.write("x")
    assert os.umask({umask}) == {umask}  # the umask was not touched while writing
with atomic_write(folder / "secret", "wb", perms=0o600) as fh:
    fh.write(b"k")
print(oct(stat.S_IMODE((folder / "a.txt").stat().st_mode)))
print(oct(stat.S_IMODE((folder / "secret").stat().st_mode)))
"""
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == [oct(0o666 & ~umask), oct(0o600 & ~umask)]


def test_a_failed_write_leaves_the_target_as_it_was_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "report.html"
    target.write_text("vanha", encoding="utf-8")
    with pytest.raises(RuntimeError, match="kesken"):
        with atomic_write(target) as fh:
            fh.write("uusi, puolikas")
            raise RuntimeError("kesken")
    assert target.read_text(encoding="utf-8") == "vanha"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    # a new file that fails is not created at all
    with pytest.raises(UnicodeEncodeError):
        with atomic_write(tmp_path / "new.csv", encoding="ascii") as fh:
            fh.write("ä")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_the_target_is_replaced_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "model.skops"
    target.write_bytes(b"old")
    with atomic_write(target, "wb") as fh:
        fh.write(b"new ")
        # while writing, readers still see the old file whole; the new bytes are elsewhere
        assert target.read_bytes() == b"old"
        (tmp,) = [p for p in tmp_path.iterdir() if p != target]
        assert tmp.name.startswith(".model.skops.") and tmp.suffix == ".tmp"
        fh.write(b"model")
    assert target.read_bytes() == b"new model"
    assert [p.name for p in tmp_path.iterdir()] == ["model.skops"]


def test_keep_existing_first_writer_wins(tmp_path: Path) -> None:
    target = tmp_path / "salt"
    with atomic_write(target, perms=0o600, replace=False) as fh:
        fh.write("first\n")
    with atomic_write(target, perms=0o600, replace=False) as fh:
        fh.write("second\n")
    assert target.read_text(encoding="utf-8") == "first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["salt"]


def test_errors_are_oserrors_and_leave_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        with atomic_write(tmp_path / "missing" / "out.csv") as fh:
            fh.write("x")
    with pytest.raises(ValueError, match="mode"):
        with atomic_write(tmp_path / "x", "a"):
            pass
    fd, tmp = temp_beside(tmp_path / "out.csv")
    os.close(fd)
    assert tmp.parent == tmp_path and tmp.stat().st_size == 0

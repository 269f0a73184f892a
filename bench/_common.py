"""Helpers shared by the benchmarks: the external XED data and the machine.

The XED Finnish data is read at run time from ``../shared/eval/xed_fi`` (the
folder beside the project's checkout). Nothing from it is ever written into the
project: benchmarks put what they derive from it in temporary folders only.
"""

from __future__ import annotations

import datetime as _dt
import os
import platform
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
XED = EVAL / "xed_fi" / "fi-annotated.tsv"

#: Plutchik labels of XED: anger 1, disgust 3, fear 4, sadness 6 -> negative;
#: joy 5, trust 8 -> positive (see ../shared/README.md).
NEGATIVE = frozenset({1, 3, 4, 6})
POSITIVE = frozenset({5, 8})


def read_xed(path: Path = XED) -> list[tuple[str, set[int]]]:
    """``(sentence, labels)`` of ``fi-annotated.tsv`` (``sentence<TAB>1, 3, 7``, CRLF)."""
    if not path.exists():
        raise SystemExit(f"missing {path}: the benchmark needs ../shared/eval beside the checkout")
    rows: list[tuple[str, set[int]]] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            try:
                text, labels = line.rsplit("\t", 1)
                rows.append((text, {int(x) for x in labels.split(",") if x.strip()}))
            except ValueError:
                raise SystemExit(f"{path}:{n}: not 'sentence<TAB>labels'") from None
    return rows


def xed_polarity(path: Path = XED) -> tuple[list[str], list[str]]:
    """Texts and ``negative``/``positive`` labels of the polarity view of XED."""
    texts: list[str] = []
    labels: list[str] = []
    for text, labs in read_xed(path):
        if labs and labs <= NEGATIVE:
            texts.append(text)
            labels.append("negative")
        elif labs and labs <= POSITIVE:
            texts.append(text)
            labels.append("positive")
    return texts, labels


def xed_sentences(path: Path = XED) -> list[str]:
    """Every annotated XED sentence (whatever its labels)."""
    return [t for t, _ in read_xed(path)]


def machine() -> str:
    """One line: CPU model, cores, memory, Python; and the load average now."""
    cpu = "?"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        m = re.search(r"Model name:\s*(.+)", out)
        cpu = m.group(1).strip() if m else cpu
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            kb = int(fh.readline().split()[1])
        mem = f"{kb / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem} RAM, Python {platform.python_version()}; "
        f"load average {load}"
    )


def today() -> str:
    return _dt.date.today().isoformat()

"""Writing-habit cues of a labelled comment file, per label (issue #13).

Usage: python data/_tools/cue_stats.py FILE.csv [FILE.csv ...]   (columns ``text`` and ``label``)

For each label: the share of comments ending in a final period (not ``..``), containing an
@-tag, ending in ``!!!``; which labels the comments opening with *Onko/Onks*, *Ja* and
*Kiitos* have; and the labels of the short comments (15 characters or fewer).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter

LABELS = ("criticism", "understanding", "neutral")


def cues(rows: list[dict[str, str]]) -> dict[str, object]:
    """The cue table of ``rows`` (dicts with ``text`` and ``label``)."""
    out: dict[str, object] = {"n": Counter(r["label"] for r in rows)}
    flags = {
        "final_period": lambda t: t.endswith(".") and not t.endswith(".."),
        "at_tag": lambda t: "@" in t,
        "triple_bang": lambda t: t.endswith("!!!"),
    }
    for name, flag in flags.items():
        out[name] = Counter(r["label"] for r in rows if flag(r["text"].strip()))
    openers = {"onko": r"^onko?s?\b", "ja": r"^ja\b", "kiitos": r"^kiitos\b"}
    for name, pattern in openers.items():
        out["opens_" + name] = Counter(
            r["label"] for r in rows if re.match(pattern, r["text"].strip().lower())
        )
    out["short"] = Counter(r["label"] for r in rows if len(r["text"].strip()) <= 15)
    return out


def report(table: dict[str, object]) -> str:
    n = table["n"]
    lines = ["cue            " + "  ".join(f"{lab:>22}" for lab in LABELS)]
    for name in ("final_period", "at_tag", "triple_bang"):
        c = table[name]
        cells = [f"{c[lab]:>5} ({c[lab] / n[lab]:5.1%} of label)" for lab in LABELS]
        lines.append(f"{name:<14} " + "  ".join(f"{x:>22}" for x in cells))
    for name in ("opens_onko", "opens_ja", "opens_kiitos", "short"):
        c = table[name]
        total = sum(c.values())
        cells = [f"{c[lab]:>5} ({c[lab] / max(total, 1):5.1%} of cue)" for lab in LABELS]
        lines.append(f"{name:<14} " + "  ".join(f"{x:>22}" for x in cells) + f"   n={total}")
    return "\n".join(lines)


if __name__ == "__main__":
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        print(f"{path}: {len(rows)} comments")
        print(report(cues(rows)))

"""Merge writers' part files (one JSONL file per new scenario) into ``tone_corpus.csv``.

Usage::

    python data/_tools/merge_parts.py PART.jsonl [PART.jsonl ...] [--write]

Each line of a part file is ``{"scenario", "phase", "text", "label"}``. The script checks every
row (known phase and label, non-empty text, one scenario per file, a scenario name that is new
to the corpus), then drops, and lists, every comment whose case- and whitespace-normalised text
already occurs in the corpus, the demo thread, the blind thread, the contrast set or earlier in
the parts (the first occurrence is kept, as in the first merge). It prints the comments whose
nearest character 3-5-gram TF-IDF cosine to any other comment is 0.9 or more (the threshold of
``tests/test_data.py``) for a person to read. Ids are ``<scenario>-0001…`` in the file's order.
Without ``--write`` nothing is written; with it the new rows are appended to the corpus
atomically (a temporary file, then a rename).
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

DATA = Path(__file__).resolve().parents[1]
PHASES = {"incident", "explanation", "apology"}
LABELS = {"criticism", "understanding", "neutral"}
COLUMNS = ["id", "scenario", "phase", "text", "label"]


def key(text: str) -> str:
    """Case-insensitive, whitespace-normalised form (as ``tests/test_data.py``)."""
    return " ".join(text.split()).casefold()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_part(path: Path) -> list[dict[str, str]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            where = f"{path}:{number}"
            if row.get("phase") not in PHASES:
                sys.exit(f"{where}: unknown phase {row.get('phase')!r}")
            if row.get("label") not in LABELS:
                sys.exit(f"{where}: unknown label {row.get('label')!r}")
            if not str(row.get("text", "")).strip():
                sys.exit(f"{where}: empty text")
            rows.append({k: str(row[k]).strip() for k in ("scenario", "phase", "text", "label")})
    if len({r["scenario"] for r in rows}) != 1:
        sys.exit(f"{path}: one scenario per part file")
    return rows


def main(argv: list[str]) -> None:
    write = "--write" in argv
    parts = [Path(a) for a in argv if a != "--write"]
    corpus = read_csv(DATA / "tone_corpus.csv")
    known = {r["scenario"] for r in corpus}
    seen = {key(r["text"]) for r in corpus}
    for name in ("demo_thread.csv", "blind_thread.csv", "contrast.csv"):
        seen |= {key(r["text"]) for r in read_csv(DATA / name)}
    new: list[dict[str, str]] = []
    for path in parts:
        rows = read_part(path)
        scenario = rows[0]["scenario"]
        if scenario in known:
            sys.exit(f"{path}: scenario {scenario!r} is already in the corpus")
        kept = 0
        for row in rows:
            k = key(row["text"])
            if k in seen:
                print(f"dropped (duplicate) {scenario}: {row['text']!r}")
                continue
            seen.add(k)
            kept += 1
            new.append({"id": f"{scenario}-{kept:04d}", **row})
        print(f"{path.name}: {len(rows)} rows, {kept} kept")
    texts = [r["text"] for r in corpus] + [r["text"] for r in new]
    x = TfidfVectorizer(analyzer="char", ngram_range=(3, 5)).fit_transform(texts)
    start = len(corpus)
    for lo in range(start, len(texts), 512):
        block = (x[lo : lo + 512] @ x.T).toarray()
        rows_ = np.arange(block.shape[0])
        block[rows_, lo + rows_] = 0.0
        for i in np.flatnonzero(block.max(axis=1) >= 0.9):
            j = int(block[i].argmax())
            print(f"near duplicate {new[lo - start + i]['id']}: {texts[lo + i]!r} ~ {texts[j]!r}")
    print(f"{len(new)} new comments")
    if write and new:
        target = DATA / "tone_corpus.csv"
        fd, tmp = tempfile.mkstemp(dir=DATA, suffix=".csv")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
            w.writeheader()
            w.writerows(corpus + new)
        os.replace(tmp, target)
        print(f"written: {target}")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Lemma accuracy on the project's own invented spoken-Finnish sentences.

Usage::

    .venv/bin/python bench/spoken.py              # accuracy
    .venv/bin/python bench/spoken.py --errors 50  # and the errors

Reads ``tests/data/spoken_fi.tsv`` (surface, gold lemma; blank line between
sentences; written by the project's authors, no external data). Scores word
tokens (not punctuation); lemmas are compared lower-cased.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "spoken_fi.tsv"


def read_sentences(path: Path = DATA) -> list[list[tuple[str, str]]]:
    """Sentences of the TSV file as lists of ``(surface, gold lemma)``."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        form, lemma = line.split("\t")
        cur.append((form, lemma))
    if cur:
        sents.append(cur)
    return sents


def evaluate(sents: list[list[tuple[str, str]]]) -> tuple[float, int, list[tuple[str, str, str]]]:
    """Accuracy, number of scored tokens and the errors ``(surface, gold, got)``."""
    from analyzer.text import lemmatize, token_kind

    good = total = 0
    errors: list[tuple[str, str, str]] = []
    for s in sents:
        pred = lemmatize([f for f, _ in s])
        for (form, gold), got in zip(s, pred, strict=True):
            if token_kind(form) != "word":
                continue
            total += 1
            if got.lower() == gold.lower():
                good += 1
            else:
                errors.append((form, gold, got.lower()))
    return good / total, total, errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", type=int, default=0, help="print the first N errors")
    args = ap.parse_args()
    sents = read_sentences()
    acc, n, errors = evaluate(sents)
    print(f"spoken dev ({len(sents)} sentences, {n} scored tokens): accuracy {acc:.4f}")
    for form, gold, got in errors[: args.errors]:
        print(f"  {form!r:18} gold={gold!r:16} got={got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

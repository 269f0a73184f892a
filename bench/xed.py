"""Tone-classifier benchmark on real Finnish text: the polarity view of XED.

Usage::

    .venv/bin/python bench/xed.py                 # analyzer (svm, logreg) + baselines
    .venv/bin/python bench/xed.py --only svm      # one classifier of ours
    .venv/bin/python bench/xed.py --no-baseline   # ours only
    .venv/bin/python bench/xed.py --only svm --no-baseline --train-args="--fold"

Data is read at run time from ``../shared/eval/xed_fi/fi-annotated.tsv``
(``sentence<TAB>labels``). A line is ``negative`` when all its Plutchik
labels are in {1, 3, 4, 6} (anger, disgust, fear, sadness), ``positive``
when all are in {5, 8} (joy, trust); other lines are left out (10,022 lines,
31.7 % positive). The table is written to a temporary folder only and removed
at the end; nothing from XED enters the project.

Ours: the real CLI, ``python -m analyzer train TMP.csv --cv 5 --json -o
TMP.skops`` (and ``--classifier logreg``) in a subprocess; its JSON gives the
out-of-fold macro-F1 of stratified 5-fold CV (shuffle, random_state 0).

Baselines, recomputed here on the same rows and the same folds:
``TfidfVectorizer(analyzer="char", ngram_range=(2, 5))`` and word uni+bigram
``TfidfVectorizer(ngram_range=(1, 2))``, each + ``LogisticRegression(
class_weight="balanced")`` (the class weights reproduce the README's figures;
unweighted, the char baseline scores 0.701).
Macro-F1 is given both pooled over the out-of-fold predictions (as the
analyzer reports it) and as the mean of the five per-fold scores.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine, today, xed_polarity

TARGET = 0.80
REFERENCE = {"char": 0.759, "word": 0.721}  # ../shared/README.md


def write_table(path: Path, texts: list[str], labels: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "label"])
        w.writerows(zip(texts, labels, strict=True))


def run_cli(table: Path, model: Path, classifier: str, extra: Sequence[str] = ()) -> dict:
    cmd = [
        sys.executable, "-m", "analyzer", "train", str(table),
        "--cv", "5", "--json", "-o", str(model), "--classifier", classifier, *extra,
    ]  # fmt: skip
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    return {
        "name": " ".join(["analyzer train --classifier", classifier, *extra]),
        "cv": out["cv"],
        "n": out["n"],
        "wall": wall,
    }


def baselines(texts: list[str], labels: list[str]) -> list[dict]:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline

    y = np.asarray(labels, dtype=object)
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(texts, y))
    x = np.asarray(texts, dtype=object)
    out = []
    for kind, vec in (
        ("char", lambda: TfidfVectorizer(analyzer="char", ngram_range=(2, 5))),
        ("word", lambda: TfidfVectorizer(ngram_range=(1, 2))),
    ):
        t0 = time.perf_counter()
        pred = np.empty(len(y), dtype=object)
        per_fold = []
        for tr, te in folds:
            pipe = make_pipeline(vec(), LogisticRegression(class_weight="balanced", max_iter=1000))
            pipe.fit(x[tr], y[tr])
            pred[te] = pipe.predict(x[te])
            per_fold.append(f1_score(y[te], pred[te], average="macro"))
        out.append(
            {
                "name": f"baseline {kind} TF-IDF + LogisticRegression",
                "kind": kind,
                "pooled": float(f1_score(y, pred, average="macro")),
                "mean": float(np.mean(per_fold)),
                "sd": float(np.std(per_fold)),
                "accuracy": float((pred == y).mean()),
                "wall": time.perf_counter() - t0,
            }
        )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=("svm", "logreg"), help="run one classifier of ours")
    ap.add_argument("--no-baseline", action="store_true", help="skip the sklearn baselines")
    ap.add_argument(
        "--train-args",
        default="",
        help="more `analyzer train` options, e.g. --train-args=--fold (the bundled model's "
        "pipeline; FinnSentiment data cannot join: its labels differ)",
    )
    args = ap.parse_args()

    t_start = time.perf_counter()
    texts, labels = xed_polarity()
    pos = labels.count("positive")
    print(f"XED polarity view: {len(texts)} lines, {pos / len(texts):.1%} positive")
    print(f"machine: {machine()}; {today()}")

    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="xed-bench-") as tmp:
        table = Path(tmp) / "xed_polarity.csv"
        write_table(table, texts, labels)
        for clf in (args.only,) if args.only else ("svm", "logreg"):
            r = run_cli(table, Path(tmp) / f"xed-{clf}.skops", clf, args.train_args.split())
            if r["n"] != len(texts):
                print(f"warning: the CLI read {r['n']} rows, not {len(texts)}", file=sys.stderr)
            cv = r["cv"]
            print(
                f"  {r['name']}: macro-F1 {cv['macro_f1']:.4f} ({cv['scheme']}), "
                f"accuracy {cv['accuracy']:.4f}, CV {cv['seconds']:.0f} s, "
                f"wall {r['wall']:.0f} s",
                flush=True,
            )
            rows.append(r)
    base = [] if args.no_baseline else baselines(texts, labels)

    print()
    print(f"{'model':<46} {'macro-F1':>8} {'per-fold mean':>14} {'accuracy':>8} {'wall s':>7}")
    for r in rows:
        cv = r["cv"]
        print(
            f"{r['name']:<46} {cv['macro_f1']:8.4f} {'':>14} {cv['accuracy']:8.4f} {r['wall']:7.0f}"
        )
    for b in base:
        print(
            f"{b['name']:<46} {b['pooled']:8.4f} {b['mean']:8.4f}±{b['sd']:.3f} "
            f"{b['accuracy']:8.4f} {b['wall']:7.0f}"
        )
    for r in rows:
        for c, m in r["cv"]["per_class"].items():
            print(f"  {r['name']}: {c} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}")
    print()
    for kind, ref in REFERENCE.items():
        print(f"reference ({kind}, ../shared/README.md): {ref}")
    char = next((b["pooled"] for b in base if b["kind"] == "char"), None)
    what = "char baseline" if char is not None else "README char reference"
    char = REFERENCE["char"] if char is None else char
    for r in rows:
        f1 = r["cv"]["macro_f1"]
        verdict = "met" if f1 >= TARGET else "NOT met"
        print(
            f"{r['name']}: {f1:.4f} vs {what} {char:.4f} ({f1 - char:+.4f}); "
            f"target >= {TARGET} {verdict}"
        )
    print(f"total wall time {time.perf_counter() - t_start:.0f} s")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())

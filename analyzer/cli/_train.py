"""``analyzer train DATA``: fit a tone model on any labelled file."""

from __future__ import annotations

import argparse
import json
from typing import Any

HELP = "train a model on labelled comments, cross-validate it and save it"


def print_figures(fig: dict[str, Any], title: str) -> None:
    """Readable macro-F1, per-class table and confusion matrix."""
    print(
        f"{title}: n={fig['n']}  macro-F1 {fig['macro_f1']:.3f}  accuracy {fig['accuracy']:.3f}"
        f"  Brier {fig['brier']:.3f}  ECE {fig['ece']:.3f}"
    )
    w = max(12, *(len(c) for c in fig["labels"]))
    print(f"  {'class':<{w}} precision  recall     F1  support")
    for c, m in fig["per_class"].items():
        print(
            f"  {c:<{w}} {m['precision']:9.3f} {m['recall']:7.3f} {m['f1']:6.3f} {m['support']:8d}"
        )
    print("  confusion (rows = gold, columns = predicted):")
    labels = fig["confusion"]["labels"]
    print("  " + " " * w + "".join(f"{c[:12]:>13}" for c in labels))
    for c, row in zip(labels, fig["confusion"]["matrix"], strict=True):
        print(f"  {c:<{w}}" + "".join(f"{v:13d}" for v in row))
    for g, m in (fig.get("per_group") or {}).items():
        print(f"  held out {g}: n={m['n']} macro-F1 {m['macro_f1']:.3f}")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", help="labelled CSV/TSV/XLSX/JSON(L)/Parquet file")
    parser.add_argument("-o", "--output", default="model.npz", help="model file to write")
    parser.add_argument("--text-col", help="column of the text")
    parser.add_argument("--label-col", help="column of the label (default: label/tone/class)")
    parser.add_argument("--group-col", help="group column for grouped CV (e.g. scenario)")
    parser.add_argument("--cv", type=int, default=5, help="CV folds; 0 skips CV (default: 5)")
    parser.add_argument(
        "--classifier", choices=("svm", "nbsvm", "logreg"), default="svm", help="linear classifier"
    )
    parser.add_argument("--C", type=float, help="inverse regularisation strength")
    real = parser.add_argument_group(
        "real text",
        "FinnSentiment 1.1 (Lindén, Jauhiainen & Hardwick 2023, CC BY 4.0, "
        "http://urn.fi/urn:nbn:fi:lb-2023012701) as extra training data: polarity -1/0/1 "
        "read as criticism/neutral/understanding; in every training fold, never held out; "
        "its sentences are not stored in the model",
    )
    real.add_argument(
        "--finnsentiment",
        nargs="?",
        const="",
        metavar="PATH",
        help="add FinnSentiment's sentences (default path: $ANALYZER_FINNSENTIMENT or "
        "../shared/eval/finnsentiment/finnsentiment_splits01-16.tsv beside the checkout)",
    )
    real.add_argument(
        "--finnsentiment-splits",
        default="1-12",
        metavar="LIST",
        help="its cross-validation splits to train on, e.g. 1-12 or all "
        "(default: 1-12; 13-16 stay a dev set)",
    )
    real.add_argument(
        "--finnsentiment-all",
        action="store_true",
        help="use every sentence, not only those all three annotators agreed on",
    )
    real.add_argument(
        "--finnsentiment-weight",
        type=float,
        default=1.0,
        metavar="W",
        help="its total weight relative to the labelled file (default: 1.0)",
    )
    real.add_argument(
        "--gate",
        type=float,
        metavar="P",
        help="learn a general-text gate (a logistic regression telling FinnSentiment's "
        "sentences from the labelled comments); a text it gives a probability above P of "
        "being general text is read by a second set of weights, learned mostly from "
        "FinnSentiment (needs --finnsentiment; default: no gate)",
    )
    real.add_argument(
        "--gate-band",
        metavar="LO,HI",
        help="with --gate: a soft gate instead of the threshold P; a text with a probability "
        "of being general text between LO and HI is read by both sets of weights in "
        "proportion (e.g. 0.3,0.9; default: the threshold)",
    )
    real.add_argument(
        "--no-language-check",
        action="store_true",
        help="with --gate: let the gate read comments in English or Swedish too (default: "
        "they are read wholly as comments, since the general side knows only Finnish)",
    )
    real.add_argument(
        "--gate-thread-weight",
        type=float,
        default=0.0,
        metavar="W",
        help="with --gate: FinnSentiment's sentences once more, read as thread comments, at "
        "total weight W relative to the labelled file (default: 0)",
    )
    parser.add_argument(
        "--augment",
        type=int,
        default=0,
        metavar="N",
        help="N noisy copies of each training comment (final period, capitals, ä/ö, typos "
        "varied independently of the label; default: 0)",
    )
    parser.add_argument(
        "--augment-emoji",
        type=float,
        metavar="P",
        help="with --augment: the share of copies that get an emoji added, drawn from the "
        "training comments' emoji whatever the label (default: 0.15; 0 for none)",
    )
    parser.add_argument(
        "--fold",
        action="store_true",
        help="read texts in lower case without sentence-final ./!/? (these habits are not tone)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="cross-validation folds fitted at once, each in its own process; -1 = one per "
        "core (default: 1; the model is the same)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _finnsentiment(args: argparse.Namespace) -> dict[str, Any]:
    """``train``'s keyword arguments for the extra FinnSentiment data (none without the flag)."""
    from analyzer.errors import AnalyzerError
    from analyzer.model import FINNSENTIMENT_URL, load_finnsentiment, parse_splits

    if args.finnsentiment is None:
        return {}
    if not args.finnsentiment_weight > 0:
        raise AnalyzerError("--finnsentiment-weight must be positive")
    every = args.finnsentiment_splits.strip().lower() == "all"
    splits = None if every else parse_splits(args.finnsentiment_splits)
    fs = load_finnsentiment(
        args.finnsentiment or None, splits=splits, unanimous=not args.finnsentiment_all
    )
    if splits is None:
        splits = tuple(sorted(set(fs["split"].tolist())))
    return {
        "extra_texts": fs["text"].tolist(),
        "extra_labels": fs["label"].tolist(),
        "extra_weight": args.finnsentiment_weight,
        "extra_info": {
            "name": "FinnSentiment 1.1",
            "source": FINNSENTIMENT_URL,
            "license": "CC BY 4.0",
            "attribution": "Lindén, Jauhiainen & Hardwick (2023), Language Resources and "
            "Evaluation",
            "splits": list(splits),
            "unanimous_only": not args.finnsentiment_all,
            "mapping": {"-1": "criticism", "0": "neutral", "1": "understanding"},
        },
    }


def _band(text: str | None, gate: float | None) -> tuple[float, float] | None:
    """``--gate-band LO,HI`` as two probabilities, or a one-line error."""
    from analyzer.errors import AnalyzerError

    if text is None:
        return None
    try:
        low, high = (float(v) for v in text.split(","))
    except ValueError:
        raise AnalyzerError(f"--gate-band wants LO,HI, two probabilities (got {text!r})") from None
    if gate is None or not 0 <= low < high <= 1:
        raise AnalyzerError("--gate-band needs --gate and two probabilities 0 <= LO < HI <= 1")
    return (low, high)


def run(args: argparse.Namespace) -> int:
    from analyzer.cli._inputs import read_labelled
    from analyzer.errors import AnalyzerError
    from analyzer.model import save_model, train

    if args.augment < 0:
        raise AnalyzerError("--augment must be 0 or more")
    if args.augment_emoji is not None and not (args.augment and 0 <= args.augment_emoji <= 1):
        raise AnalyzerError("--augment-emoji needs --augment and a share between 0 and 1")
    if args.jobs == 0 or args.jobs < -1:
        raise AnalyzerError("--jobs must be a positive number of processes or -1")
    if args.gate is not None and not (0 < args.gate < 1 and args.finnsentiment is not None):
        raise AnalyzerError("--gate needs a probability between 0 and 1 and --finnsentiment")
    if args.gate_thread_weight and (args.gate is None or args.gate_thread_weight < 0):
        raise AnalyzerError("--gate-thread-weight needs --gate and a weight of 0 or more")
    band = _band(args.gate_band, args.gate)
    if args.no_language_check and args.gate is None:
        raise AnalyzerError("--no-language-check needs --gate")
    extra = _finnsentiment(args)  # before the slow part: a missing file fails at once
    texts, labels, groups = read_labelled(args, args.data)
    model = train(
        texts,
        labels,
        groups=groups,
        cv=args.cv or None,
        classifier=args.classifier,
        C=args.C,
        augment=args.augment,
        **({"augment_emoji": args.augment_emoji} if args.augment_emoji is not None else {}),
        n_jobs=args.jobs,
        **({"fold": True} if args.fold else {}),
        **({"gate": args.gate} if args.gate is not None else {}),
        **({"gate_band": band} if band is not None else {}),
        **({"foreign_as_comment": False} if args.no_language_check else {}),
        **({"thread_weight": args.gate_thread_weight} if args.gate_thread_weight else {}),
        **extra,
    )
    model.meta["source"] = str(args.data)
    path = save_model(model, args.output)
    if args.json:
        print(
            json.dumps(
                {
                    "n": len(texts),
                    "labels": model.labels,
                    "cv": model.meta.get("cv"),
                    "model": str(path),
                },
                ensure_ascii=False,
            )
        )
        return 0
    if "cv" in model.meta:
        print_figures(model.meta["cv"], f"cross-validation ({model.meta['cv']['scheme']})")
    print(f"model saved: {path}")
    return 0

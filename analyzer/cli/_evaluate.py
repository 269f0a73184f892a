"""``analyzer evaluate MODEL DATA``: figures on held-out labelled data."""

from __future__ import annotations

import argparse
import json

HELP = "evaluate a model on held-out labelled comments"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", help="model file (.npz)")
    parser.add_argument("data", help="labelled file")
    parser.add_argument("--text-col", help="column of the text")
    parser.add_argument("--label-col", help="column of the label")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from analyzer.cli._inputs import read_labelled
    from analyzer.cli._train import print_figures
    from analyzer.model import evaluate, load_model

    model = load_model(args.model)
    texts, labels, _ = read_labelled(args, args.data)
    fig = evaluate(model, texts, labels)
    if args.json:
        print(json.dumps({"model": args.model, **fig}, ensure_ascii=False))
    else:
        print_figures(fig, f"evaluation of {args.model}")
    return 0

"""``analyzer explain "teksti"``: why a comment got its tone."""

from __future__ import annotations

import argparse
import json
import sys

HELP = "show the words and features behind the tone of comments"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("texts", nargs="*", help="comments (default: read lines from stdin)")
    parser.add_argument("--model", help="model file (default: the bundled model)")
    parser.add_argument("--top", type=int, default=8, help="reasons per comment")
    parser.add_argument(
        "--global",
        dest="global_",
        action="store_true",
        help="list the strongest features of each tone instead",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from analyzer.errors import AnalyzerError
    from analyzer.model import explain, load_model, top_features

    model = load_model(args.model)
    if args.global_:
        df = top_features(model, top=args.top)
        if args.json:
            print(df.to_json(orient="records", force_ascii=False))
        else:
            for tone, g in df.groupby("tone", sort=False):
                print(
                    f"{tone}: "
                    + ", ".join(
                        f"{f} ({w:+.2f})" for f, w in zip(g["feature"], g["weight"], strict=True)
                    )
                )
        return 0
    texts = args.texts or [ln.rstrip("\n") for ln in sys.stdin if ln.strip()]
    if not texts:
        raise AnalyzerError("give comments as arguments or on standard input")
    result = explain(texts, model, top=args.top)
    if args.json:
        print(json.dumps([e.to_dict() for e in result], ensure_ascii=False))
        return 0
    for e in result:
        probs = "  ".join(f"{k} {v:.2f}" for k, v in e.proba.items())
        print(f"{e.text}\n  → {e.tone}   ({probs})")
        for f, w in e.reasons:
            print(f"     {w:+.3f}  {f}")
    return 0

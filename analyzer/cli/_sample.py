"""``analyzer sample``: a labelling sheet of a thread's comments, random or least sure."""

from __future__ import annotations

import argparse

from analyzer.cli._inputs import add_read_arguments

HELP = (
    "write a labelling sheet: a random sample of the comments, or those the model is least sure of"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="comments file, scored or not (scored first if needed)")
    parser.add_argument("-o", "--output", required=True, help="the sheet (.csv or .xlsx)")
    parser.add_argument(
        "-n", type=int, default=200, help="how many comments (default 200; all if fewer)"
    )
    parser.add_argument(
        "--least-sure",
        action="store_true",
        help="the comments the model is least sure of instead of a random sample: labelled, "
        "they correct the shares most (`compare --labels`) and are what retraining needs; a "
        "random sample is what measures the model (`evaluate`)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the random sample")
    parser.add_argument("--model", help="model file when scoring (default: the bundled model)")
    add_read_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from analyzer.cli._inputs import read_options
    from analyzer.io import TableWriter, excel_safe
    from analyzer.timeline import read_or_score, sample_to_label

    scored = read_or_score(args.input, options=read_options(args), model=args.model)
    sheet = sample_to_label(
        scored, args.n, by="margin" if args.least_sure else "random", random_state=args.seed
    )
    with TableWriter(args.output, excel=str(args.output).lower().endswith(".csv")) as writer:
        writer.write(excel_safe(sheet))
    what = "least sure" if args.least_sure else "random"
    print(
        f"wrote {args.output}: {len(sheet)} comments ({what}) of {len(scored)}; fill in the "
        "label column (criticism, understanding or neutral), then `analyzer evaluate MODEL "
        f"{args.output}` or `analyzer compare {args.input} --labels {args.output}`"
    )
    return 0

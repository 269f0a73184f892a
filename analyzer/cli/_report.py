"""``analyzer report``: one self-contained HTML report of tone around the events."""

from __future__ import annotations

import argparse

from analyzer.cli._compare import add_event_arguments

HELP = "write one HTML report (scores the file first if needed): numbers, figures, caveats"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="comments file, scored or not")
    add_event_arguments(parser)
    parser.add_argument("-o", "--output", default="report.html", help="output HTML file")
    parser.add_argument("--freq", help="time bin width, e.g. 1h (automatic if not given)")
    parser.add_argument("--lang", choices=("fi", "en"), default="fi", help="report language")
    parser.add_argument("--title", help="report title")
    parser.add_argument("--model", help="model file when scoring (default: the bundled model)")


def run(args: argparse.Namespace) -> int:
    from analyzer.cli._inputs import read_inputs
    from analyzer.report import write_report

    df, events = read_inputs(args, args.input)
    info = df.attrs.get("model_info")
    out = write_report(
        df,
        events,
        args.output,
        title=args.title,
        lang=args.lang,
        model_info=info if isinstance(info, dict) else None,
        window=args.window,
        freq=args.freq,
        time_col=args.time_col,
        shares=args.shares,
        model=args.model,
        method=args.method,
        labels=args.labels,
    )
    print(f"report written to {out}")
    for ext in (".csv", ".xlsx"):
        print(f"scored comments beside it: {out.with_name(f'{out.stem}-scored{ext}')}")
    return 0

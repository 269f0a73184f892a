"""``analyzer compare``: tone before/after each company statement, with uncertainty."""

from __future__ import annotations

import argparse

from analyzer.cli._inputs import add_read_arguments

HELP = "compare tone shares between the segments around events (statements, apologies)"


def add_event_arguments(parser: argparse.ArgumentParser) -> None:
    """Options shared by ``compare`` and ``report``: events, window, read options, shares."""
    parser.add_argument(
        "--event",
        action="append",
        default=[],
        metavar="TIME[=LABEL]",
        help='an event, e.g. "2026-03-04T10:00=Anteeksipyyntö" or "4.3.2026 klo 10.00" '
        "(any time format the data reader accepts; without a label it is named by its time; "
        "repeatable)",
    )
    parser.add_argument(
        "--events",
        metavar="FILE",
        help="events file (CSV/XLSX): columns time[,label[,kind]], "
        "or in Finnish aika[,tapahtuma|selite[,laji]]",
    )
    parser.add_argument(
        "--window", help="limit each segment to this long around its event, e.g. 48h"
    )
    parser.add_argument(
        "--labels",
        metavar="FILE",
        action="append",
        help="your own labels for some comments (CSV/XLSX with comment_id and label columns, "
        "e.g. a sheet of `analyzer sample`, filled in): they count as labelled, and the "
        "correction is estimated on the other comments (repeatable)",
    )
    add_read_arguments(parser)
    add_shares_argument(parser)


def add_shares_argument(parser: argparse.ArgumentParser) -> None:
    """``--shares corrected|counted`` and ``--method`` (shared by compare, report and demo)."""
    parser.add_argument(
        "--shares",
        choices=("corrected", "counted"),
        default="corrected",
        help="tone shares corrected for the classifier's errors, with the counted ones beside "
        "them (default), or only counted (share of predicted labels)",
    )
    parser.add_argument(
        "--method",
        help="how the shares are corrected: emq-bcts (default), kdey, emq, pacc, acc or pcc "
        "(the model card and docs/benchmarks.md compare them)",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scored", help="comments file, scored or not (scored first if needed)")
    add_event_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--model",
        help="the model that scored the file (its held-out predictions correct the shares; "
        "default: the bundled model)",
    )


def run(args: argparse.Namespace) -> int:
    import json

    from analyzer.cli._inputs import read_inputs
    from analyzer.timeline import compare

    scored, events = read_inputs(args, args.scored)
    result = compare(
        scored,
        events,
        window=args.window,
        time_col=args.time_col,
        shares=args.shares,
        model=args.model,
        method=args.method,
        labels=args.labels,
    )
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(result.to_text())
    return 0

"""``analyzer score INPUT -o OUTPUT``: the same rows with tones."""

from __future__ import annotations

import argparse
import sys

from analyzer.cli._inputs import add_read_arguments

HELP = "score an export file: every row gets a tone and its probabilities"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="CSV/TSV/XLSX/JSON/JSONL/Parquet export")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file; format by extension (.csv .tsv .jsonl .xlsx .parquet)",
    )
    add_read_arguments(parser, author=True)
    parser.add_argument(
        "--model", help="model file (default: $ANALYZER_MODEL or the bundled tone-fi.npz)"
    )
    parser.add_argument("--with-lemmas", action="store_true", help="add a lemmas column")
    parser.add_argument(
        "--keep-authors",
        action="store_true",
        help="keep every name: authors, names in titles and @mentions (default: pseudonyms)",
    )
    parser.add_argument("--salt", help="salt of the pseudonyms (default: per-user salt)")
    parser.add_argument(
        "--excel",
        action="store_true",
        help="CSV for Finnish Excel: ';' separated with a BOM (default: as the input file)",
    )
    parser.add_argument(
        "--no-excel-safe",
        dest="excel_safe",
        action="store_false",
        help="keep cells starting with = + - @ raw (default: quoted, plain numbers left alone)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="processes scoring chunks, this one included (default: all cores)",
    )
    parser.add_argument("--chunksize", type=int, default=20_000, help="rows per chunk")
    parser.add_argument(
        "--engine", choices=("local", "dask"), default="local", help="where chunks are scored"
    )
    parser.add_argument("--scheduler", help="Dask scheduler address (default: a LocalCluster)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from analyzer.cli._inputs import read_options
    from analyzer.scoring import score_file

    if args.chunksize < 1:
        from analyzer.errors import AnalyzerError

        raise AnalyzerError("--chunksize must be at least 1")
    summary = score_file(
        args.input,
        args.output,
        model=args.model,
        options=read_options(args),
        keep_authors=args.keep_authors,
        salt=args.salt,
        with_lemmas=args.with_lemmas,
        excel=args.excel,
        excel_safe=args.excel_safe,
        jobs=args.jobs or None,
        chunksize=args.chunksize,
        engine=args.engine,
        scheduler=args.scheduler,
        progress=False if args.quiet else None,
    )
    print(summary.line(), file=sys.stderr)
    tones = ", ".join(f"{k} {v}" for k, v in sorted(summary.tones.items()))
    print(f"wrote {summary.output} ({tones})")
    if summary.rejects_file:
        print(f"rejected rows: {summary.rejects_file}")
    return 0

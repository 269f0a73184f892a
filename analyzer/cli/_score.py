"""``analyzer score INPUT -o OUTPUT``: the same rows with tones."""

from __future__ import annotations

import argparse
import sys

from analyzer.config import DEFAULT_TZ

HELP = "score an export file: every row gets a tone and its probabilities"


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """Options shared by commands that read an export (score, report)."""
    parser.add_argument("--text-col", help="column holding the comment text")
    parser.add_argument("--time-col", help="column holding the time")
    parser.add_argument("--author-col", help="column holding the author")
    parser.add_argument(
        "--tz",
        default=DEFAULT_TZ,
        help="time zone of times without one (default: %(default)s)",
    )
    parser.add_argument(
        "--model", help="model file (default: $ANALYZER_MODEL or the bundled tone-fi.npz)"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="CSV/TSV/XLSX/JSON/JSONL/Parquet export")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file; format by extension (.csv .tsv .jsonl .xlsx .parquet)",
    )
    add_input_arguments(parser)
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
    from analyzer.scoring import score_file

    if args.chunksize < 1:
        from analyzer.errors import AnalyzerError

        raise AnalyzerError("--chunksize must be at least 1")
    summary = score_file(
        args.input,
        args.output,
        model=args.model,
        text_col=args.text_col,
        time_col=args.time_col,
        author_col=args.author_col,
        tz=args.tz,
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

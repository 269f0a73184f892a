"""The ``analyzer`` command line: a thin shell over the Python API.

Each sub-command lives in its own module ``analyzer.cli._<name>`` with a
``HELP`` line, ``add_arguments(parser)`` and ``run(args) -> int``. Modules
import heavy libraries inside ``run`` so that ``--help`` stays fast.

Errors the user can fix are :class:`analyzer.errors.AnalyzerError`: printed as
one line (options named as ``--flags``), exit code 2;
:class:`analyzer.errors.AnalyzerWarning` warnings are one ``analyzer: warning:``
line each. Anything unexpected is also one line (exit code 1); ``--debug``
shows the traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings
from collections.abc import Sequence

from analyzer import __version__
from analyzer.errors import AnalyzerError, AnalyzerWarning

__all__ = ["main"]

#: sub-commands in the order ``--help`` lists them
COMMANDS = (
    "score",
    "compare",
    "report",
    "sample",
    "demo",
    "train",
    "evaluate",
    "explain",
    "doctor",
)


def _load(name: str):
    return importlib.import_module(f"analyzer.cli._{name}")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (used by ``main`` and the tests)."""
    parser = argparse.ArgumentParser(
        prog="analyzer",
        description=(
            "Tone of Finnish social-media comments (criticism / understanding / neutral) "
            "and how it moves around a company's statements."
        ),
    )
    parser.add_argument("--version", action="version", version=f"analyzer {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback on unexpected errors"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = _load(name)
        except ModuleNotFoundError as exc:
            if exc.name == f"analyzer.cli._{name}":
                continue
            raise
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def _one_line_warning(fallback):
    """A ``warnings.showwarning`` printing each :class:`AnalyzerWarning` once, on one line."""
    seen: set[str] = set()

    def show(message, category, filename, lineno, file=None, line=None):
        if not issubclass(category, AnalyzerWarning):
            return fallback(message, category, filename, lineno, file, line)
        text = " ".join(str(message).split())
        if text not in seen:
            seen.add(text)
            print(f"analyzer: warning: {text}", file=sys.stderr)
        return None

    return show


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Examples
    --------
    >>> from analyzer.cli import main
    >>> main(["doctor", "--quiet"])
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _one_line_warning(warnings.showwarning)
            return int(args._run(args) or 0)
    except AnalyzerError as exc:
        print(f"analyzer: error: {exc.cli_message()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("analyzer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # e.g. `analyzer score ... | head`: quietly stop writing
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:
        if args.debug:
            raise
        where = type(exc).__name__
        print(
            f"analyzer: internal error ({where}): {exc} — rerun with --debug and report it",
            file=sys.stderr,
        )
        return 1

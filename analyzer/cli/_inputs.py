"""What the commands read: the read options of the command line, the comments and the events."""

from __future__ import annotations

import argparse
from typing import Any

from analyzer.config import DEFAULT_TZ


def add_read_arguments(parser: argparse.ArgumentParser, *, author: bool = False) -> None:
    """``--text-col``, ``--time-col`` (``--author-col``) and ``--tz``: the read options.

    Every command that reads comments takes them from here, and
    :func:`read_options` turns them into one :class:`analyzer.io.ReadOptions`.
    """
    parser.add_argument("--text-col", help="column holding the comment text")
    parser.add_argument("--time-col", help="column holding the time")
    if author:
        parser.add_argument("--author-col", help="column holding the author")
    parser.add_argument(
        "--tz",
        default=DEFAULT_TZ,
        help="time zone of times without one (default: %(default)s)",
    )


def read_options(args: argparse.Namespace) -> Any:
    """The :class:`analyzer.io.ReadOptions` of the command's ``--text-col``, ``--time-col``…

    ``--text-col``, ``--time-col``, ``--author-col`` and ``--tz``, as far as
    the command has them: built once, the time zone checked before any work.

    Examples
    --------
    >>> import argparse
    >>> read_options(argparse.Namespace(text_col="viesti", tz="UTC"))
    ReadOptions(text_col='viesti', time_col=None, author_col=None, tz='UTC')
    """
    from analyzer.io import ReadOptions

    given = {k: getattr(args, k, None) for k in ("text_col", "time_col", "author_col", "tz")}
    return ReadOptions.of(None, **given)


def read_inputs(args: argparse.Namespace, path: str) -> tuple[Any, list[Any]]:
    """The scored comments of ``path`` and the events of ``--event``/``--events``.

    A raw export is scored first (:func:`analyzer.timeline.read_or_score`),
    so every command that compares takes what ``report`` takes.
    """
    from analyzer.timeline import parse_events, read_or_score

    options = read_options(args)
    events = parse_events(args.event, args.events, tz=options.tz)
    scored = read_or_score(path, options=options, model=getattr(args, "model", None))
    return scored, events


def read_labelled(
    args: argparse.Namespace, path: str
) -> tuple[list[str], list[str], list[str] | None]:
    """Texts, labels (and groups) of a labelled file (:func:`analyzer.io.read_labelled`).

    Read with the command's read options, ``--label-col`` and ``--group-col``.
    """
    from analyzer.io import read_labelled as read

    return read(
        path,
        options=read_options(args),
        label_col=getattr(args, "label_col", None),
        group_col=getattr(args, "group_col", None),
    )

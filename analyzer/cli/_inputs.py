"""What ``compare`` and ``report`` both read: the comments (scored if needed) and the events."""

from __future__ import annotations

import argparse
from typing import Any


def read_inputs(args: argparse.Namespace, path: str) -> tuple[Any, list[Any]]:
    """The scored comments of ``path`` and the events of ``--event``/``--events``.

    A raw export is scored first (:func:`analyzer.timeline._read.read_or_score`),
    so every command that compares takes what ``report`` takes.
    """
    from analyzer.timeline import parse_events
    from analyzer.timeline._read import read_or_score

    events = parse_events(args.event, args.events, tz=args.tz)
    scored = read_or_score(
        path,
        text_col=getattr(args, "text_col", None),
        time_col=args.time_col,
        tz=args.tz,
        model=getattr(args, "model", None),
    )
    return scored, events

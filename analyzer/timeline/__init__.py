"""Tone over time: bins, events, segments and before/after statistics."""

from analyzer.timeline._bins import auto_freq, tone_timeline
from analyzer.timeline._changepoints import change_points
from analyzer.timeline._compare import CompareResult, compare
from analyzer.timeline._data import resolve_time_col, tone_classes
from analyzer.timeline._events import (
    Event,
    event_warnings,
    parse_duration,
    parse_events,
    to_timestamp,
)
from analyzer.timeline._format import MIN_N
from analyzer.timeline._headline import headline
from analyzer.timeline._its import its_fit
from analyzer.timeline._lemmas import lemma_changes
from analyzer.timeline._segments import BEFORE, Segment, assign_segments, segments
from analyzer.timeline._stats import diff_test, wilson
from analyzer.timeline._synthetic import simulate_thread

__all__ = [
    "BEFORE",
    "MIN_N",
    "CompareResult",
    "Event",
    "Segment",
    "assign_segments",
    "auto_freq",
    "change_points",
    "compare",
    "diff_test",
    "event_warnings",
    "headline",
    "its_fit",
    "lemma_changes",
    "parse_duration",
    "parse_events",
    "resolve_time_col",
    "segments",
    "simulate_thread",
    "to_timestamp",
    "tone_classes",
    "tone_timeline",
    "wilson",
]

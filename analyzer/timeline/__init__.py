"""Tone over time: bins, events, segments and before/after statistics.

``__all__`` lists the API. Also importable from here, not in ``__all__``: the
data and number-formatting helpers that :mod:`analyzer.plots` and
:mod:`analyzer.report` share (``timed``, ``check_lang``, ``fmt_ci``,
``fmt_num``, ``fmt_p``, ``fmt_pct``, ``fmt_pp``, ``fmt_when``, ``tone_name``).
"""

from analyzer.timeline._bins import auto_freq, tone_timeline
from analyzer.timeline._changepoints import change_points
from analyzer.timeline._compare import CompareResult, compare
from analyzer.timeline._data import resolve_time_col, tone_classes
from analyzer.timeline._data import timed as timed
from analyzer.timeline._events import (
    Event,
    event_warnings,
    parse_duration,
    parse_events,
    to_timestamp,
)
from analyzer.timeline._format import MIN_N
from analyzer.timeline._format import check_lang as check_lang
from analyzer.timeline._format import fmt_ci as fmt_ci
from analyzer.timeline._format import fmt_num as fmt_num
from analyzer.timeline._format import fmt_p as fmt_p
from analyzer.timeline._format import fmt_pct as fmt_pct
from analyzer.timeline._format import fmt_pp as fmt_pp
from analyzer.timeline._format import fmt_when as fmt_when
from analyzer.timeline._format import tone_name as tone_name
from analyzer.timeline._headline import headline
from analyzer.timeline._its import its_fit
from analyzer.timeline._labels import analyst_labels, read_analyst_labels, sample_to_label
from analyzer.timeline._lemmas import lemma_changes
from analyzer.timeline._quantify import QuantificationWarning
from analyzer.timeline._read import read_or_score
from analyzer.timeline._segments import BEFORE, Segment, assign_segments, segments
from analyzer.timeline._stats import diff_test, wilson
from analyzer.timeline._synthetic import simulate_thread

__all__ = [
    "BEFORE",
    "MIN_N",
    "CompareResult",
    "Event",
    "QuantificationWarning",
    "Segment",
    "analyst_labels",
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
    "read_analyst_labels",
    "read_or_score",
    "resolve_time_col",
    "sample_to_label",
    "segments",
    "simulate_thread",
    "to_timestamp",
    "tone_classes",
    "tone_timeline",
    "wilson",
]

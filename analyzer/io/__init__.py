"""Reading exports and writing results.

:func:`iter_comments` / :func:`read_comments` read CSV, TSV, XLSX, JSON
(Facebook), JSONL and Parquet exports with their column roles, times and
encoding detected, as one :class:`ReadOptions` says (:func:`read_labelled`: a
labelled file's texts, labels and groups; :func:`read_scored`: a scored file);
:class:`TableWriter` writes the rows back out, chunk by chunk and atomically;
:func:`pseudonymize` / :class:`Pseudonyms` (names by key path, in titles and
@mentions) and :func:`excel_safe` make the output safe to share.
"""

from analyzer.io._columns import ROLE_NAMES, find_roles
from analyzer.io._excel_safe import excel_safe
from analyzer.io._labelled import LABEL_NAMES, read_labelled
from analyzer.io._names import Pseudonyms
from analyzer.io._options import ReadOptions
from analyzer.io._output import author_columns, prepare_output
from analyzer.io._privacy import pseudonymize, resolve_salt, salt_path
from analyzer.io._read import LINE_COL, iter_comments, read_comments, read_scored
from analyzer.io._readers import open_source as open_source  # not in __all__: for timeline
from analyzer.io._repair import fix_mojibake
from analyzer.io._times import format_times, parse_times
from analyzer.io._types import Chunk, ColumnRoles, ReadStats, Reject
from analyzer.io._write import FORMATS, TableWriter, rejects_path, write_rejects

__all__ = [
    "FORMATS",
    "LABEL_NAMES",
    "LINE_COL",
    "ROLE_NAMES",
    "Chunk",
    "ColumnRoles",
    "Pseudonyms",
    "ReadOptions",
    "ReadStats",
    "Reject",
    "TableWriter",
    "author_columns",
    "excel_safe",
    "find_roles",
    "fix_mojibake",
    "format_times",
    "iter_comments",
    "parse_times",
    "prepare_output",
    "pseudonymize",
    "read_comments",
    "read_labelled",
    "read_scored",
    "rejects_path",
    "resolve_salt",
    "salt_path",
    "write_rejects",
]

"""Small records shared by the readers and writers: roles, statistics, rejects, chunks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Chunk", "ColumnRoles", "ReadStats", "Reject"]

#: longest ``raw`` text kept in a :class:`Reject` (characters); longer text is cut
RAW_LIMIT = 2000


@dataclass(frozen=True)
class ColumnRoles:
    """The original column names that hold the text, the time and the author.

    Parameters
    ----------
    text : str
        Column with the comment text (always present).
    time : str or None
        Column with the time of the comment, if any.
    author : str or None
        Column with the author's name, if any.

    Examples
    --------
    >>> from analyzer.io import ColumnRoles
    >>> roles = ColumnRoles(text="Kommentti", time="Aika", author=None)
    >>> roles.as_dict()
    {'text': 'Kommentti', 'time': 'Aika', 'author': None}
    """

    text: str
    time: str | None = None
    author: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """The roles as a plain dict (for ``DataFrame.attrs`` and JSON)."""
        return {"text": self.text, "time": self.time, "author": self.author}


@dataclass
class ReadStats:
    """Counts accumulated while reading; pass one in to follow a streamed read.

    ``rows_read == rows_kept + rows_rejected`` always holds. Blank lines are
    not rows and are not counted.

    Attributes
    ----------
    rows_read : int
        Data rows (records) found in the source.
    rows_rejected : int
        Rows sent to the rejects list instead of the output.
    bad_times : int
        Kept rows whose non-empty time could not be parsed (time left empty).
    missing_times : int
        Kept rows with an empty time cell.
    repaired_cells : int
        Cells whose mojibake (``HyvÃ¤`` for ``Hyvä``) was repaired.
    nul_removed : int
        Cells from which NUL characters were removed.
    format, encoding, delimiter : str or None
        What was detected about the source.
    bad_time_examples : list of str
        Up to five unparsable time values, for the report.

    Examples
    --------
    >>> from analyzer.io import ReadStats
    >>> stats = ReadStats(rows_read=10, rows_rejected=1, bad_times=2)
    >>> stats.rows_kept
    9
    >>> stats.summary()
    '10 rows read, 9 kept, 1 rejected, 2 unparsable times'
    """

    rows_read: int = 0
    rows_rejected: int = 0
    bad_times: int = 0
    missing_times: int = 0
    repaired_cells: int = 0
    nul_removed: int = 0
    format: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    bad_time_examples: list[str] = field(default_factory=list)

    @property
    def rows_kept(self) -> int:
        """Rows that reach the output (``rows_read - rows_rejected``)."""
        return self.rows_read - self.rows_rejected

    def summary(self) -> str:
        """One line for the user, e.g. ``'10 rows read, 9 kept, 1 rejected'``."""
        parts = [
            f"{self.rows_read} rows read",
            f"{self.rows_kept} kept",
            f"{self.rows_rejected} rejected",
        ]
        if self.bad_times:
            parts.append(f"{self.bad_times} unparsable times")
        if self.repaired_cells:
            parts.append(f"{self.repaired_cells} cells with repaired encoding")
        return ", ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        """All counts as a plain dict (JSON-serialisable)."""
        return {
            "rows_read": self.rows_read,
            "rows_kept": self.rows_kept,
            "rows_rejected": self.rows_rejected,
            "bad_times": self.bad_times,
            "missing_times": self.missing_times,
            "repaired_cells": self.repaired_cells,
            "nul_removed": self.nul_removed,
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "bad_time_examples": list(self.bad_time_examples),
        }


@dataclass(frozen=True)
class Reject:
    """A source row that could not be kept, with where it was and why.

    Parameters
    ----------
    line : int
        Source line number (CSV/TSV/JSONL, 1 = header or first line), sheet
        row number (XLSX), or 1-based record number (JSON, Parquet, DataFrame).
    reason : str
        One line saying what was wrong.
    raw : str
        The row's source text (cut to 2,000 characters).

    Examples
    --------
    >>> from analyzer.io import Reject
    >>> Reject(7, "3 fields, header has 2", "a;b;c").line
    7
    """

    line: int
    reason: str
    raw: str

    @classmethod
    def make(cls, line: int, reason: str, raw: str) -> Reject:
        """Build a reject, cutting ``raw`` to :data:`RAW_LIMIT` characters."""
        if len(raw) > RAW_LIMIT:
            raw = raw[:RAW_LIMIT] + f"... [{len(raw) - RAW_LIMIT} more characters]"
        return cls(line, reason, raw)


@dataclass
class Chunk:
    """One piece of a streamed read.

    Attributes
    ----------
    frame : pandas.DataFrame
        The source columns in source order (text as ``object`` str; the time
        column as tz-aware timestamps, ``NaT`` when empty or unparsable) plus
        ``"_line"``, the source line/row number. The index continues across
        chunks (0, 1, 2, ... over the whole source).
    rejects : list of Reject
        Rows of this stretch of the source that were not kept.
    roles : ColumnRoles
        Which columns hold text, time and author.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.io import iter_comments
    >>> [chunk] = iter_comments(pd.DataFrame({"text": ["Hyvä!"]}))
    >>> chunk.frame["text"].tolist(), chunk.roles.text
    (['Hyvä!'], 'text')
    """

    frame: pd.DataFrame
    rejects: list[Reject]
    roles: ColumnRoles

"""Reading a (scored) comments file for the CLI."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analyzer.errors import AnalyzerError
from analyzer.timeline._events import DEFAULT_TZ

__all__ = ["read_scored"]


def read_scored(
    path: str | Path,
    *,
    text_col: str | None = None,
    time_col: str | None = None,
    tz: str = DEFAULT_TZ,
) -> pd.DataFrame:
    """Read a comments file with a parsed, tz-aware time column.

    Reads with :func:`analyzer.io.read_comments`; ``p_<label>`` columns become floats.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "s.csv"
    >>> _ = p.write_text("time,text,tone\\n2026-03-04T10:00,Hyvä,neutral\\n")
    >>> str(read_scored(p)["time"].iloc[0])
    '2026-03-04 10:00:00+02:00'
    """
    path = Path(path)
    if not path.is_file():
        raise AnalyzerError(f"file {path} not found")
    from analyzer.io import read_comments

    df = read_comments(path, text_col=text_col, time_col=time_col, tz=tz)
    for col in df.columns:
        if str(col).startswith("p_"):
            df[col] = pd.to_numeric(df[col], errors="coerce")
    return df

"""Reading a (scored) comments file for the CLI: analyzer.io if present, else a small stopgap."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analyzer.errors import AnalyzerError
from analyzer.timeline._events import DEFAULT_TZ, _zone

__all__ = ["read_scored"]


def _stopgap(path: Path, time_col: str | None, tz: str) -> pd.DataFrame:
    readers = {
        ".csv": pd.read_csv,
        ".tsv": lambda p: pd.read_csv(p, sep="\t"),
        ".jsonl": lambda p: pd.read_json(p, lines=True),
        ".json": pd.read_json,
        ".parquet": pd.read_parquet,
        ".xlsx": pd.read_excel,
    }
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise AnalyzerError(
            f"cannot read {path.name}: use .csv, .tsv, .json, .jsonl, .parquet, .xlsx"
        )
    try:
        df = reader(path)
    except Exception as exc:  # any parse problem is the user's file
        raise AnalyzerError(f"cannot read {path}: {exc}") from exc
    names = [time_col] if time_col else ["time", "timestamp", "created_time"]
    col = next((c for c in names if c in df.columns), None)
    if col is None:
        raise AnalyzerError(f"no time column in {path.name}: name it with --time-col")
    zone = _zone(tz)
    try:
        parsed = pd.to_datetime(df[col], format="ISO8601", utc=True)
        raw = df[col].astype(str)
        naive = ~raw.str.contains(r"(Z|[+-]\d\d:?\d\d)\s*$", regex=True) & df[col].notna()
        if naive.any():
            local = pd.to_datetime(df.loc[naive, col], format="ISO8601").dt.tz_localize(
                zone, ambiguous="NaT", nonexistent="NaT"
            )
            parsed = parsed.dt.tz_convert(zone)
            parsed[naive] = local
        df[col] = parsed.dt.tz_convert(zone)
    except (ValueError, TypeError) as exc:
        raise AnalyzerError(f"cannot read the times in column {col!r}: {exc}") from exc
    text = "text" if "text" in df.columns else None
    df.attrs["roles"] = {"text": text, "time": col, "author": None}
    return df


def read_scored(
    path: str | Path,
    *,
    text_col: str | None = None,
    time_col: str | None = None,
    tz: str = DEFAULT_TZ,
) -> pd.DataFrame:
    """Read a comments file with a parsed, tz-aware time column.

    Uses :func:`analyzer.io.read_comments` when available.

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
    try:
        from analyzer.io import read_comments
    except ImportError:
        return _stopgap(path, time_col, tz)
    return read_comments(path, text_col=text_col, time_col=time_col, tz=tz)

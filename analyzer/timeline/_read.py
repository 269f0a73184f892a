"""Reading a comments file for the CLI: as scored, or scored first when it is not."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analyzer.config import DEFAULT_TZ
from analyzer.errors import AnalyzerError

__all__ = ["read_or_score", "read_scored"]


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


def is_scored(df: pd.DataFrame) -> bool:
    """Whether a frame already holds tones: a ``tone`` and ``p_<label>`` columns.

    Examples
    --------
    >>> import pandas as pd
    >>> is_scored(pd.DataFrame({"text": ["Hyvä"]}))
    False
    """
    return "tone" in df.columns and any(str(c).startswith("p_") for c in df.columns)


def read_or_score(
    path: str | Path,
    *,
    text_col: str | None = None,
    time_col: str | None = None,
    tz: str = DEFAULT_TZ,
    model: str | Path | None = None,
) -> pd.DataFrame:
    """A comments file with tones: read as it is when scored, else scored first.

    What ``analyzer report`` and ``analyzer compare`` both read, so either
    takes a raw export as well as the output of ``analyzer score``.

    Parameters
    ----------
    path : str or Path
        The comments file, scored or not.
    text_col, time_col : str, optional
        Column names when they cannot be found automatically.
    tz : str
        Time zone of naive times.
    model : str or Path, optional
        Model file used when scoring (default: the bundled model).

    Returns
    -------
    pandas.DataFrame
        With ``tone`` and ``p_<label>`` columns and a tz-aware time column;
        a freshly scored frame has ``attrs["model_info"]``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "raw.csv"
    >>> _ = p.write_text("aika;kommentti\\n4.3.2026 klo 10.00;Hävetkää!\\n", encoding="utf-8")
    >>> read_or_score(p)["tone"].tolist()
    ['criticism']
    """
    df = read_scored(path, text_col=text_col, time_col=time_col, tz=tz)
    if not is_scored(df):
        from analyzer.scoring import score

        df = score(path, model=model, text_col=text_col, time_col=time_col, tz=tz)
    return df

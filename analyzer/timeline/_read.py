"""Reading a comments file for the CLI: as scored, or scored first when it is not."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analyzer.io import ReadOptions, read_scored

__all__ = ["read_or_score"]


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
    options: ReadOptions | None = None,
    text_col: str | None = None,
    time_col: str | None = None,
    tz: str | None = None,
    model: str | Path | None = None,
) -> pd.DataFrame:
    """A comments file with tones: read as it is when scored, else scored first.

    What ``analyzer report`` and ``analyzer compare`` both read, so either
    takes a raw export as well as the output of ``analyzer score``.

    Parameters
    ----------
    path : str or Path
        The comments file, scored or not.
    options : ReadOptions, optional
        The columns and the time zone, for reading and for scoring alike.
    text_col, time_col, tz : str, optional
        The same as keywords; one given takes the place of ``options``' field.
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
    options = ReadOptions.of(options, text_col=text_col, time_col=time_col, tz=tz)
    df = read_scored(path, options=options)
    if not is_scored(df):
        from analyzer.scoring import score

        df = score(path, model=model, options=options)
    return df

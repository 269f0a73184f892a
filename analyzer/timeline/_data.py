"""Finding the time column and the tone classes in a scored DataFrame."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analyzer.errors import AnalyzerError

__all__ = ["resolve_time_col", "timed", "tone_classes"]

_TIME_NAMES = ("time", "timestamp", "created_time")


def resolve_time_col(scored: pd.DataFrame, time_col: str | None = None) -> str:
    """Name of the time column: explicit, then ``attrs["roles"]["time"]``, then a usual name.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"created_time": pd.to_datetime(["2026-03-04 10:00"]).tz_localize("UTC")})
    >>> resolve_time_col(df)
    'created_time'
    """
    candidates = [time_col] if time_col else []
    if not time_col:
        role = (scored.attrs.get("roles") or {}).get("time")
        candidates += [role] if role else []
        candidates += [c for c in _TIME_NAMES if c in scored.columns]
    for name in candidates:
        if name in scored.columns:
            col = scored[name]
            if not isinstance(col.dtype, pd.DatetimeTZDtype):
                raise AnalyzerError(
                    f"time column {name!r} does not hold time-zone aware timestamps "
                    "(read the file with analyzer.io.read_comments)"
                )
            return name
    if time_col:
        raise AnalyzerError(
            f"time column {time_col!r} not found; columns: {', '.join(map(str, scored.columns))}"
        )
    raise AnalyzerError(
        "no time column found: name it with {option} (e.g. {example})",
        param="time_col",
        example="created_time",
    )


def tone_classes(scored: pd.DataFrame) -> list[str]:
    """The tone labels: from the ``p_<label>`` columns, else the distinct ``tone`` values.

    Examples
    --------
    >>> import pandas as pd
    >>> tone_classes(pd.DataFrame({"tone": ["neutral"], "p_criticism": [0.5], "p_neutral": [0.5]}))
    ['criticism', 'neutral']
    """
    if "tone" not in scored.columns:
        raise AnalyzerError(
            "the comments are not scored: no 'tone' column (run analyzer score first)"
        )
    classes = [str(c)[2:] for c in scored.columns if str(c).startswith("p_") and len(str(c)) > 2]
    if not classes:
        classes = sorted(str(v) for v in scored["tone"].dropna().unique())
    unknown = set(scored["tone"].dropna().astype(str)) - set(classes)
    if unknown:
        raise AnalyzerError(
            f"tone values {', '.join(sorted(unknown))} have no p_ column "
            f"(classes: {', '.join(classes)})"
        )
    if not classes:
        raise AnalyzerError("no tone labels found in the scored comments")
    return classes


def timed(scored: pd.DataFrame, time_col: str | None = None) -> tuple[pd.DataFrame, str, int]:
    """Rows with a time and a tone, sorted by time; also the time column and the dropped count.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.to_datetime(["2026-03-04 11:00", None, "2026-03-04 10:00"]).tz_localize("UTC")
    >>> df = pd.DataFrame({"time": t, "tone": ["a", "b", "b"]})
    >>> rows, col, dropped = timed(df)
    >>> list(rows["tone"]), dropped
    (['b', 'a'], 1)
    """
    col = resolve_time_col(scored, time_col)
    ok = scored[col].notna().to_numpy() & scored["tone"].notna().to_numpy()
    rows = scored.loc[ok].sort_values(col, kind="stable")
    return rows, col, int((~ok).sum())


def one_hot(tone: pd.Series, classes: list[str]) -> np.ndarray:
    """Indicator matrix (rows x classes) of the hard tone labels."""
    values = tone.astype(str).to_numpy()
    return np.stack([values == c for c in classes], axis=1).astype(float)

"""Neutralise spreadsheet formulas in text cells (CSV injection)."""

from __future__ import annotations

import pandas as pd

__all__ = ["excel_safe"]

_FORMULA_START = "=+-@\t\r"


def excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Neutralise cells a spreadsheet would run as formulas (CSV injection).

    Text cells starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
    get a single quote in front, so Excel/LibreOffice show them as text.
    Only object and string columns are touched; the input is not modified.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.io import excel_safe
    >>> df = pd.DataFrame({"t": ["=1+1", "ok", "-5", "@x"], "n": [1, 2, 3, 4]})
    >>> excel_safe(df)["t"].tolist()
    ["'=1+1", 'ok', "'-5", "'@x"]
    """
    out = frame.copy()
    for col in out.columns:
        s = out[col]
        if not (s.dtype == object or isinstance(s.dtype, pd.StringDtype)):
            continue
        values = s.to_numpy(dtype=object)
        starts = [isinstance(v, str) and v[:1] != "" and v[0] in _FORMULA_START for v in values]
        if any(starts):
            mask = pd.Series(starts, index=s.index, dtype=bool)
            s = s.astype(object)
            s[mask] = "'" + s[mask]
            out[col] = s
    return out

"""Neutralise spreadsheet formulas in text cells (CSV injection)."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

__all__ = ["excel_safe"]

_FORMULA_START = "=+-@\t\r"
#: a plain number (``-1``, ``+3``, ``-0.5``, ``-0,5``, ``1e-3``): a spreadsheet reads it as a
#: number, never as a formula, so it is left alone (OWASP's CSV injection advice allows it)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")
# a formula start right after a newline: where a joined column may have one
_AFTER_NEWLINE = re.compile("\n[=+\\-@\t\r]")


def _none_start(values: Any) -> bool:
    """Quick check that no value of a column of strings starts like a formula.

    The strings are joined with newlines, so a formula start inside a
    multi-line value also counts (then the exact per-value check runs).
    """
    try:
        joined = "\n" + "\n".join(values)
    except TypeError:  # not all strings
        return False
    return _AFTER_NEWLINE.search(joined) is None


def excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Neutralise cells a spreadsheet would run as formulas (CSV injection).

    Text cells starting with ``=``, ``@``, tab or carriage return get a single
    quote in front, so Excel/LibreOffice show them as text; so do cells
    starting with ``+`` or ``-`` unless the whole cell is a plain number
    (``-1``, ``+3``, ``-0.5``, ``-0,5``, ``2e-3``), which a spreadsheet only
    ever reads as a number (as OWASP's advice on CSV injection allows).
    Only object and string columns are touched; the input is not modified.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.io import excel_safe
    >>> df = pd.DataFrame({"t": ["=1+1", "ok", "-5", "@x", "-5 pistettä"], "n": [1, 2, 3, 4, 5]})
    >>> excel_safe(df)["t"].tolist()
    ["'=1+1", 'ok', '-5', "'@x", "'-5 pistettä"]
    """
    out = frame.copy()
    for col in out.columns:
        s = out[col]
        if not (s.dtype == object or isinstance(s.dtype, pd.StringDtype)):
            continue
        values = s.to_numpy(dtype=object)
        if _none_start(values):
            continue
        starts = [
            isinstance(v, str)
            and v[:1] != ""
            and v[0] in _FORMULA_START
            and not (v[0] in "+-" and _NUMBER.fullmatch(v))
            for v in values
        ]
        if any(starts):
            mask = pd.Series(starts, index=s.index, dtype=bool)
            s = s.astype(object)
            s[mask] = "'" + s[mask]
            out[col] = s
    return out

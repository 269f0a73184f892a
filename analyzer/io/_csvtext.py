"""CSV text of a table chunk, column by column (the fast path of :class:`TableWriter`).

:func:`csv_rows` gives exactly the text :meth:`pandas.DataFrame.to_csv`
writes (``header=False, index=False``, minimal quoting, ``"`` doubled) for
the frames scoring produces: columns of ``str`` and float columns. For
anything else it returns ``None`` and the caller uses pandas.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["csv_rows"]


def _floats(values: np.ndarray) -> list[str]:
    """pandas' text of a float column: numpy's ``str`` of each value, ``''`` for NaN."""
    if values.itemsize not in (2, 4, 8):
        text = values.astype(str).astype(object)
        text[np.isnan(values)] = ""
        return text.tolist()
    # each distinct value (bit pattern: 0.0 and -0.0 differ) formatted once
    bits, inv = np.unique(values.view(f"i{values.itemsize}"), return_inverse=True)
    uniq = bits.view(values.dtype)
    text = uniq.astype(str).astype(object)
    text[np.isnan(uniq)] = ""
    return text[inv.reshape(-1)].tolist()


def _strings(values: np.ndarray, sep: str) -> list[str] | None:
    """The cells of a column of ``str``, quoted where needed; ``None`` for other columns."""
    if pd.api.types.infer_dtype(values, skipna=False) != "string":
        return None  # None, NaN, numbers...: pandas' own rules
    cells: list[str] = values.tolist()
    joined = "\x1f".join(cells)
    if "\x00" in joined:
        return None
    if sep in joined or '"' in joined or "\n" in joined or "\r" in joined:
        cells = [
            '"' + v.replace('"', '""') + '"'
            if (sep in v or '"' in v or "\n" in v or "\r" in v)
            else v
            for v in cells
        ]
    return cells


def csv_rows(frame: pd.DataFrame, sep: str, lineterminator: str = "\r\n") -> str | None:
    """The rows of ``frame`` as CSV text, or ``None`` when pandas must write them.

    Parameters
    ----------
    frame : pandas.DataFrame
        At least two columns (a one-column row of an empty string is quoted).
    sep : str
        One-character delimiter other than ``"``, ``\\r``, ``\\n``.
    lineterminator : str, default="\\r\\n"

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.io._csvtext import csv_rows
    >>> csv_rows(pd.DataFrame({"t": ['sanoi "hei", ja', "ok"], "p": [0.5, 0.0001]}), ",")
    '"sanoi ""hei"", ja",0.5\\r\\nok,0.0001\\r\\n'
    """
    if frame.shape[1] < 2 or len(frame) == 0 or len(sep) != 1 or sep in '"\r\n\x1f':
        return None
    columns = []
    for j in range(frame.shape[1]):
        values = frame.iloc[:, j].to_numpy()
        if values.dtype == object:
            cells = _strings(values, sep)
        elif values.dtype.kind == "f":
            cells = _floats(values)
        else:
            cells = None
        if cells is None:
            return None
        columns.append(cells)
    join = sep.join
    return lineterminator.join(map(join, zip(*columns, strict=True))) + lineterminator

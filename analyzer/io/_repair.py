"""Repair text cells: mojibake (``HyvÃ¤`` -> ``Hyvä``) and NUL characters.

The mojibake rule is :mod:`analyzer._mojibake`'s, the one
:func:`analyzer.text.normalize` applies too.
"""

from __future__ import annotations

import pandas as pd

from analyzer._mojibake import SUSPECT, fix_mojibake, fix_suspect

__all__ = ["fix_mojibake", "repair_frame"]


def repair_frame(frame: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, int, int]:
    """Fix mojibake and remove NULs in the given object columns.

    Returns
    -------
    frame : pandas.DataFrame
        A frame with the repaired columns (the input is not modified).
    repaired : int
        Cells whose mojibake was fixed.
    nul : int
        Cells from which NUL characters were removed.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.io._repair import repair_frame
    >>> df = pd.DataFrame({"t": ["HyvÃ¤", "ok\\x00"]}, dtype=object)
    >>> out, repaired, nul = repair_frame(df, ["t"])
    >>> out["t"].tolist(), repaired, nul
    (['Hyvä', 'ok'], 1, 1)
    """
    repaired = nul = 0
    out = frame
    for col in columns:
        s = frame[col]
        values = [v if isinstance(v, str) else "" for v in s.to_numpy(dtype=object)]
        joined = "\x01".join(values)  # one scan of the whole column for the common case
        if "\x00" not in joined and not SUSPECT.search(joined):
            continue
        has_nul = pd.Series(["\x00" in v for v in values], index=s.index, dtype=bool)
        suspect = pd.Series([bool(SUSPECT.search(v)) for v in values], index=s.index, dtype=bool)
        if out is frame:
            out = frame.copy()
        s = s.copy()
        if has_nul.any():
            nul += int(has_nul.sum())
            s[has_nul] = s[has_nul].str.replace("\x00", "", regex=False)
        if suspect.any():
            fixed = s[suspect].map(fix_suspect)
            repaired += int((fixed != s[suspect]).sum())
            s[suspect] = fixed
        out[col] = s
    return out, repaired, nul

"""Labelled files for training and evaluation: texts, labels and optional groups."""

from __future__ import annotations

import os
from typing import Any

from analyzer.errors import AnalyzerError
from analyzer.io._read import LINE_COL, read_comments

__all__ = ["LABEL_NAMES", "read_labelled"]

#: label column names found without ``label_col`` (any case), in this order
LABEL_NAMES = ("label", "tone", "class", "luokka", "sävy", "category")


def read_labelled(
    source: str | os.PathLike[str],
    *,
    text_col: str | None = None,
    label_col: str | None = None,
    group_col: str | None = None,
    **read_options: Any,
) -> tuple[list[str], list[str], list[str] | None]:
    """Texts, labels (and groups) of a labelled file.

    The file is read like any export (:func:`read_comments`); the label column
    is ``label_col`` or the first of :data:`LABEL_NAMES` present (in any case).
    Labels are stripped; a row without a label is an error, as is a missing
    group column.

    Parameters
    ----------
    source : str or path-like
        CSV/TSV/XLSX/JSON(L)/Parquet file.
    text_col, label_col, group_col : str, optional
        Columns of the text, the label and the group (e.g. the scenario, for
        grouped cross-validation).
    **read_options
        Passed to :func:`read_comments` (``options=`` a :class:`ReadOptions`,
        ``time_col=``, ``tz=``...).

    Returns
    -------
    texts, labels : list of str
    groups : list of str or None
        ``None`` without ``group_col``.

    Raises
    ------
    AnalyzerError
        No label column, a named column missing, or rows without a label.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from analyzer.io import read_labelled
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "labelled.csv"
    >>> _ = path.write_text("Kommentti,Sävy\\nKiitos nopeasta avusta,understanding\\n"
    ...                     "Tämä on skandaali,criticism \\n", encoding="utf-8")
    >>> read_labelled(path)
    (['Kiitos nopeasta avusta', 'Tämä on skandaali'], ['understanding', 'criticism'], None)
    """
    df = read_comments(source, text_col=text_col, **read_options)
    text = df.attrs["roles"]["text"]
    cols = {str(c).lower(): c for c in df.columns}
    if label_col is None:
        label_col = next((cols[n] for n in LABEL_NAMES if n in cols), None)
        if label_col is None:
            columns = ", ".join(str(c) for c in df.columns if c != LINE_COL)
            raise AnalyzerError(
                f"no label column found in {source} (columns: {columns}); use {{option}}",
                param="label_col",
            )
    elif label_col not in df.columns:
        raise AnalyzerError(f"no column {label_col!r} in {source}")
    if group_col is not None and group_col not in df.columns:
        raise AnalyzerError(f"no column {group_col!r} in {source}")
    labels = df[label_col].astype(str).str.strip()
    empty = labels == ""
    if empty.any():
        lines = df.loc[empty, LINE_COL].tolist()[:5] if LINE_COL in df.columns else []
        raise AnalyzerError(f"{int(empty.sum())} rows have no label (lines {lines}…)")
    groups = df[group_col].astype(str).tolist() if group_col else None
    return df[text].astype(str).tolist(), labels.tolist(), groups

"""Turn a read chunk into output rows: pseudonyms, ISO times, formulas neutralised."""

from __future__ import annotations

import pandas as pd

from analyzer.io._excel_safe import excel_safe as _excel_safe
from analyzer.io._privacy import pseudonymize
from analyzer.io._times import format_times
from analyzer.io._types import ColumnRoles

__all__ = ["author_columns", "prepare_output"]

LINE_COL = "_line"


def author_columns(columns: list[str], roles: ColumnRoles) -> list[str]:
    """The author column and, for nested JSON, its siblings (``from.name`` -> ``from.id``).

    Examples
    --------
    >>> from analyzer.io import ColumnRoles, author_columns
    >>> roles = ColumnRoles(text="message", author="from.name")
    >>> author_columns(["message", "from.name", "from.id", "id"], roles)
    ['from.name', 'from.id']
    """
    if roles.author is None:
        return []
    out = [roles.author]
    if "." in roles.author:
        prefix = roles.author.rsplit(".", 1)[0] + "."
        out += [c for c in columns if c.startswith(prefix) and c != roles.author]
    return out


def prepare_output(
    frame: pd.DataFrame,
    roles: ColumnRoles,
    *,
    keep_authors: bool = False,
    salt: str | None = None,
    excel_safe: bool = True,
) -> pd.DataFrame:
    """A chunk's frame made ready to write: same rows, same columns, same order.

    Drops the private ``"_line"`` column, replaces authors by pseudonyms
    (:func:`pseudonymize`; also the sibling columns of a nested author such as
    ``from.id``) unless ``keep_authors``, writes the time column as ISO 8601
    with offset and neutralises formulas (:func:`excel_safe`) unless
    ``excel_safe=False``. Columns the caller added (tone, probabilities) are
    kept; add them before or after, as long as it is before writing.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.io import iter_comments, prepare_output
    >>> df = pd.DataFrame({"nimi": ["Testi Henkilö"], "teksti": ["=huono"], "pvm": ["1.3.2026"]})
    >>> chunk = next(iter_comments(df))
    >>> prepare_output(chunk.frame, chunk.roles, salt="s").iloc[0].tolist()[1:]
    ["'=huono", '2026-03-01T00:00:00+02:00']
    """
    out = frame.drop(columns=[LINE_COL], errors="ignore")
    if not keep_authors:
        for col in author_columns(list(out.columns), roles):
            out[col] = pseudonymize(out[col].to_numpy(dtype=object), salt=salt)
    if roles.time is not None and roles.time in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[roles.time].dtype):
            out[roles.time] = format_times(out[roles.time])
    if excel_safe:
        out = _excel_safe(out)
    return out

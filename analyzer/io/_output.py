"""Turn a read chunk into output rows: pseudonyms, ISO times, formulas neutralised."""

from __future__ import annotations

import pandas as pd

from analyzer.io._excel_safe import excel_safe as _excel_safe
from analyzer.io._names import IDENTITY, Pseudonyms, column_kinds
from analyzer.io._times import format_times
from analyzer.io._types import ColumnRoles

__all__ = ["author_columns", "prepare_output"]

LINE_COL = "_line"


def author_columns(columns: list[str], roles: ColumnRoles) -> list[str]:
    """The columns that identify an author, decided by key path (see :mod:`analyzer.io._names`).

    The author column; columns whose last key names an author (``author``,
    ``username``, ``Author Handle``, a top-level ``name``); and the name, id,
    link... of an author object (``from.name`` -> also ``from.id``). Siblings
    that are not about the author are not (``data.comment.author`` leaves
    ``data.comment.comment`` and ``data.comment.timestamp`` alone).

    Examples
    --------
    >>> from analyzer.io import ColumnRoles, author_columns
    >>> roles = ColumnRoles(text="message", author="from.name")
    >>> author_columns(["message", "from.name", "from.id", "id"], roles)
    ['from.name', 'from.id']
    >>> roles = ColumnRoles(text="data.comment.comment", author="data.comment.author")
    >>> author_columns(["data.comment.comment", "data.comment.author", "title"], roles)
    ['data.comment.author']
    """
    kinds = column_kinds(columns, roles)
    return [c for c in columns if kinds.get(c) == IDENTITY]


def prepare_output(
    frame: pd.DataFrame,
    roles: ColumnRoles,
    *,
    keep_authors: bool = False,
    salt: str | None = None,
    excel_safe: bool = True,
    pseudonyms: Pseudonyms | None = None,
) -> pd.DataFrame:
    """A chunk's frame made ready to write: same rows, same columns, same order.

    Drops the private ``"_line"`` column; unless ``keep_authors``, replaces
    every name by its pseudonym (:func:`pseudonymize`): the columns that
    identify an author (:func:`author_columns`), the people in titles
    ("Liisa Esimerkki commented on Matti Meikäläinen's post."), @mentions of a
    known author or of a capitalised first-and-last name and known authors'
    full names in texts, and the same inside JSON cells (nested replies);
    writes the time column as ISO 8601 with offset and neutralises formulas
    (:func:`excel_safe`) unless ``excel_safe=False``. Columns the caller
    added (tone, probabilities) are kept; add them before or after, as long
    as it is before writing.

    Pass one ``pseudonyms`` (:class:`~analyzer.io.Pseudonyms`) for all
    the chunks of a source, so that a mention is recognised once its author
    has written in an earlier chunk.

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
        out = (pseudonyms or Pseudonyms(salt)).replace(out, roles)
    if roles.time is not None and roles.time in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[roles.time].dtype):
            out[roles.time] = format_times(out[roles.time])
    if excel_safe:
        out = _excel_safe(out)
    return out

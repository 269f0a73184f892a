"""Find the text, time and author columns by name, in Finnish and English."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from analyzer.errors import AnalyzerError
from analyzer.io._types import ColumnRoles

__all__ = ["ROLE_NAMES", "find_roles", "unique_names"]

#: accepted names per role, best first (compared case-insensitively)
ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "comment",
        "message",
        "body",
        "kommentti",
        "viesti",
        "teksti",
        "comment text",
        "comment_text",
        "content",
        "sisältö",
        "full text",
        "textoriginal",
        "snippet",
    ),
    "time": (
        "timestamp",
        "created_time",
        "date",
        "time",
        "päivämäärä",
        "aika",
        "pvm",
        "created_at",
        "datetime",
        "published",
        "aikaleima",
        "publishedat",
    ),
    "author": (
        "author",
        "name",
        "from",
        "nimi",
        "kirjoittaja",
        "user",
        "username",
        "käyttäjä",
        "authordisplayname",
    ),
}


def _norm(name: str) -> str:
    name = unicodedata.normalize("NFC", name).replace("\ufeff", "").strip().casefold()
    return re.sub(r"\s+", " ", name)


def unique_names(names: Sequence[object]) -> list[str]:
    """Column names as unique, non-empty strings (``a``, ``a.1``; empty -> ``column_3``).

    Examples
    --------
    >>> from analyzer.io._columns import unique_names
    >>> unique_names(["a", "", "a", " b "])
    ['a', 'column_2', 'a.1', 'b']
    """
    out: list[str] = []
    seen: set[str] = set()
    for i, raw in enumerate(names):
        name = "" if raw is None else str(raw).replace("\ufeff", "").strip()
        if not name:
            name = f"column_{i + 1}"
        base, n = name, 0
        while name in seen:
            n += 1
            name = f"{base}.{n}"
        seen.add(name)
        out.append(name)
    return out


def _match(columns: Sequence[str], role: str, taken: set[str]) -> str | None:
    wanted = ROLE_NAMES[role]
    normed = [(_norm(c), c) for c in columns if c not in taken]
    # 1. whole name, in the order of preference
    for w in wanted:
        for n, c in normed:
            if n == w:
                return c
    # 2. nested names from JSON ("from.name", "data.comment.comment"): last part,
    #    then first part ("from.id" never plays author when "from.name" exists), then
    #    a part in between (Instagram's "string_map_data.Comment.value")
    for pick in (
        lambda parts: parts[-1:],
        lambda parts: parts[:1],
        lambda parts: parts[1:-1][::-1],
    ):
        for w in wanted:
            for n, c in normed:
                parts = n.split(".")
                if len(parts) > 1 and w in pick(parts):
                    if role == "author" and parts[-1] in ("id", "url", "link"):
                        continue
                    return c
    return None


def _explicit(columns: Sequence[str], wanted: str, role: str) -> str:
    if wanted in columns:
        return wanted
    by_norm = {_norm(c): c for c in columns}
    if _norm(wanted) in by_norm:
        return by_norm[_norm(wanted)]
    raise AnalyzerError(f"{role} column {wanted!r} not found; columns are: {_listing(columns)}")


def _listing(columns: Sequence[str]) -> str:
    shown = ", ".join(repr(c) for c in columns[:30])
    if len(columns) > 30:
        shown += f", ... ({len(columns)} in all)"
    return shown or "(none)"


def find_roles(
    columns: Sequence[str],
    *,
    text_col: str | None = None,
    time_col: str | None = None,
    author_col: str | None = None,
) -> ColumnRoles:
    """Decide which columns hold the text, time and author.

    Names are matched case-insensitively against :data:`ROLE_NAMES`
    (``Kommentti``, ``message``, ``created_time``, ``pvm``, ``from.name``...).
    An explicit ``*_col`` wins; ``""`` for time or author means "none".

    Parameters
    ----------
    columns : sequence of str
        The source's column names.
    text_col, time_col, author_col : str, optional
        Overrides.

    Returns
    -------
    ColumnRoles

    Raises
    ------
    AnalyzerError
        If no text column fits or an override names a missing column; the
        message lists the columns found.

    Examples
    --------
    >>> from analyzer.io._columns import find_roles
    >>> find_roles(["Nimi", "Kommentti", "Pvm"])
    ColumnRoles(text='Kommentti', time='Pvm', author='Nimi')
    """
    columns = list(columns)
    taken: set[str] = set()
    if text_col:
        text = _explicit(columns, text_col, "text")
    else:
        found = _match(columns, "text", taken)
        if found is None:
            raise AnalyzerError(
                "no text column found (expected one named e.g. text, comment, message, "
                "kommentti, viesti; or give {option}); columns are: " + _listing(columns),
                param="text_col",
            )
        text = found
    taken.add(text)
    roles: dict[str, str | None] = {}
    for role, override in (("time", time_col), ("author", author_col)):
        if override == "":
            roles[role] = None
        elif override:
            roles[role] = _explicit(columns, override, role)
        else:
            roles[role] = _match(columns, role, taken)
        if roles[role] is not None:
            taken.add(roles[role])  # type: ignore[arg-type]
    if roles["time"] is not None and roles["time"] == text:
        raise AnalyzerError(f"column {text!r} cannot be both the text and the time column")
    return ColumnRoles(text=text, time=roles["time"], author=roles["author"])

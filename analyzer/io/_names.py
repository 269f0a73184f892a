"""Where names are in an export, by key path, and how they are replaced.

Columns of flat files and flattened JSON (``from.name``,
``data.comment.author``) and the keys inside JSON cells (a Graph API
comment's nested replies) are classified by their key path, part by part,
never by substring:

* **identity** fields identify an author and are replaced whole by a
  pseudonym: the author column, a path ending in an author key (``author``,
  ``username``, ``Author Handle``, ``Media Owner``...), a top-level
  ``name``/``nimi``, and the name, id, handle, link... of an author object
  (``from.name``, ``from.id``, ``user.screen_name``);
* **title** fields (``title``, ``story``) say who did what ("Liisa
  Esimerkki commented on Matti Meikäläinen's post."): the people in them
  are replaced;
* **text** fields (the text column and other message/comment/text keys) keep
  their words, except @mentions of a known author or of a capitalised
  first-and-last name, and known authors' full names.

:class:`Pseudonyms` does the replacing for one run, with the same pseudonym
for a name wherever it appears.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pandas as pd

from analyzer.io._types import ColumnRoles

__all__ = ["Pseudonyms", "classify", "column_kinds"]

IDENTITY, TITLE, TEXT = "identity", "title", "text"


def _part(name: str) -> str:
    name = unicodedata.normalize("NFC", name).replace("\ufeff", "").casefold()
    return re.sub(r"[\s_\-]+", " ", name).strip()


#: keys naming an author wherever they are (compared after _part: case, _ - and spaces folded)
AUTHOR_KEYS = frozenset(
    {
        "author",
        "author name",
        "authorname",
        "author handle",
        "author username",
        "author id",
        "author url",
        "author profile",
        "author profile url",
        "from",
        "username",
        "user name",
        "user",
        "user id",
        "screen name",
        "handle",
        "full name",
        "display name",
        "profile name",
        "owner",
        "media owner",
        "commenter",
        "commenter name",
        "kirjoittaja",
        "käyttäjä",
        "käyttäjänimi",
        "lähettäjä",
        "kommentoija",
        # YouTube's comment snippets
        "authordisplayname",
        "authorchannelurl",
        "authorprofileimageurl",
    }
)
#: keys naming an author at the top level only (``name`` of a flat file; not ``place.name``)
TOP_AUTHOR_KEYS = frozenset({"name", "nimi"})
#: objects describing a person: their identifying fields are replaced
PERSON_OBJECTS = frozenset(
    {
        "from",
        "author",
        "user",
        "owner",
        "media owner",
        "commenter",
        "profile",
        "message tags",
        "tags",
        "mentions",
        "to",
        "kirjoittaja",
        "käyttäjä",
        "authorchannelid",
    }
)
#: identifying fields of a person object (``from.name``, ``from.id``, ``user.screen_name``)
PERSON_FIELDS = frozenset(
    {
        "name",
        "id",
        "username",
        "user name",
        "screen name",
        "handle",
        "link",
        "url",
        "profile url",
        "email",
        "first name",
        "last name",
        "full name",
        "display name",
        "value",
        "nimi",
    }
)
#: keys of sentences about who did what
TITLE_KEYS = frozenset({"title", "story"})
#: keys of free text (besides the text column itself)
TEXT_KEYS = frozenset(
    {
        "text",
        "comment",
        "message",
        "body",
        "content",
        "full text",
        "snippet",
        "caption",
        "description",
        "kommentti",
        "viesti",
        "teksti",
        "sisältö",
        "comment text",
        "textdisplay",
        "textoriginal",
    }
)


def classify(path: Sequence[str]) -> str | None:
    """The kind of a field by its key path: ``"identity"``, ``"title"``, ``"text"`` or None.

    Examples
    --------
    >>> from analyzer.io._names import classify
    >>> [classify(p.split(".")) for p in ("from.name", "from.id", "data.comment.author",
    ...     "data.comment.comment", "data.comment.timestamp", "title", "place.name", "Nimi")]
    ['identity', 'identity', 'identity', 'text', None, 'title', None, 'identity']
    """
    parts = [_part(p) for p in path]
    if not parts:
        return None
    leaf = parts[-1]
    if leaf in AUTHOR_KEYS or (len(parts) == 1 and leaf in TOP_AUTHOR_KEYS):
        return IDENTITY
    # a list's items have no key of their own: 'message_tags' holds person objects too
    if leaf in PERSON_FIELDS and any(p in PERSON_OBJECTS for p in parts[:-1]):
        return IDENTITY
    if any(p in AUTHOR_KEYS for p in parts[:-1]) and leaf in PERSON_FIELDS:
        return IDENTITY
    if leaf in TITLE_KEYS:
        return TITLE
    if leaf in TEXT_KEYS:
        return TEXT
    return None


def column_kinds(columns: Sequence[str], roles: ColumnRoles) -> dict[str, str]:
    """The kind of each column that holds names: identity, title or text.

    The author column is an identity and the text column a text whatever
    their names; the time column is never one.

    Examples
    --------
    >>> from analyzer.io import ColumnRoles
    >>> from analyzer.io._names import column_kinds
    >>> cols = ["timestamp", "data.comment.timestamp", "data.comment.comment",
    ...         "data.comment.author", "title"]
    >>> roles = ColumnRoles(text="data.comment.comment", time="timestamp",
    ...                     author="data.comment.author")
    >>> column_kinds(cols, roles)
    {'data.comment.comment': 'text', 'data.comment.author': 'identity', 'title': 'title'}
    """
    kinds: dict[str, str] = {}
    for col in columns:
        if col == roles.time:
            continue
        if col == roles.author:
            kind: str | None = IDENTITY
        elif col == roles.text:
            kind = TEXT
        else:
            kind = classify(col.split("."))
        if kind is not None:
            kinds[col] = kind
    return kinds


_PSEUDONYM = re.compile(r"user-[0-9a-f]{8}")
_WORD = re.compile(r"\w+")
#: an @ that starts a mention (not the @ of an e-mail address)
_AT = re.compile(r"(?<![\w@.])@")
#: a capitalised first-and-last name (hyphens and apostrophes inside names)
_FULL_NAME = re.compile(r"([^\W\d_][\w'’-]*)[ \u00a0]([^\W\d_][\w'’-]*)")
#: where a known author's full name may start in a text: two capitalised words
_UPPER = "A-ZÀ-ÖØ-ÞŠŽŒ"
_CAPITALISED_PAIR = re.compile(rf"(?<![\w@])(?=[{_UPPER}][\w'’-]*[ \u00a0]+[{_UPPER}])")
_TITLE_PATTERNS = (
    # Facebook in English: "A commented on B's post.", "A replied to B's comment."
    re.compile(
        r"^(?P<a>.+?) (?:commented on|replied to|reacted to|mentioned|tagged|shared|likes|liked)"
        r" (?P<b>.+?)['’]s? (?P<rest>.+)$",
        re.S,
    ),
    # "A commented on his own post.", "A replied to a comment."
    re.compile(
        r"^(?P<a>.+?) (?:commented on|replied to|reacted to|shared|likes|liked) (?P<rest>.+)$",
        re.S,
    ),
    # in Finnish: "A kommentoi käyttäjän B julkaisua.", "A vastasi sivun B kommenttiin."
    re.compile(
        r"^(?P<a>.+?) (?:kommentoi|vastasi|reagoi|mainitsi|jakoi|tykkää|tykkäsi)"
        r" (?:käyttäjän|sivun) (?P<b>.+?) (?P<rest>\w+\W*)$",
        re.S,
    ),
    re.compile(
        r"^(?P<a>.+?) (?:kommentoi|vastasi|reagoi|jakoi|tykkää|tykkäsi) (?P<rest>.+)$", re.S
    ),
)


def _index(index: dict[str, list[tuple[str, str]]], name: str, pseudonym: str) -> None:
    """Add a known name to an index by its first word (case folded), longest name first."""
    first = _WORD.match(name)
    if first is None:
        return
    key = first.group().casefold()
    bucket = index.get(key)
    if bucket is None:
        index[key] = [(name, pseudonym)]
    else:
        bucket.append((name, pseudonym))
        bucket.sort(key=lambda item: -len(item[0]))


def _replace_at(
    text: str, starts: Iterable[int], found: Callable[[str, int], tuple[int, str] | None]
) -> str:
    """``text`` with a replacement at each start ``found`` gives one for: ``(end, new)``.

    The one scanner of names in free text: starts inside an earlier replacement
    are passed over.

    Examples
    --------
    >>> _replace_at("a b c", [0, 1, 4], lambda t, i: (i + 3, "X") if i == 0 else (i + 1, "Y"))
    'X Y'
    """
    out: list[str] = []
    pos = 0
    for start in starts:
        if start < pos:
            continue
        hit = found(text, start)
        if hit is None:
            continue
        end, new = hit
        out += [text[pos:start], new]
        pos = end
    return "".join(out) + text[pos:] if out else text


class Pseudonyms:
    """Pseudonyms of one run: authors, and the names in titles, mentions and JSON cells.

    Every name becomes ``user-`` and 8 hex digits of its HMAC-SHA256 under
    the salt (:func:`~analyzer.io.pseudonymize`), so an author's name gets the
    same pseudonym in the author column, in a title and in a mention. The
    authors met so far are remembered (:meth:`identities` registers them),
    so a reply's ``@matti_m`` is replaced once ``matti_m`` has written.

    Parameters
    ----------
    salt : str, optional
        See :func:`~analyzer.io.resolve_salt`.

    Examples
    --------
    >>> from analyzer.io._names import Pseudonyms
    >>> p = Pseudonyms(salt="s")
    >>> [liisa] = p.identities(["Liisa Esimerkki"])
    >>> p.texts(["@Liisa Esimerkki ihan samaa mieltä"]) == [f"@{liisa} ihan samaa mieltä"]
    True
    >>> title = p.titles(["Liisa Esimerkki commented on Matti Meikäläinen's post."])[0]
    >>> title == f"{liisa} commented on {p.name('Matti Meikäläinen')}'s post."
    True
    """

    def __init__(self, salt: str | None = None) -> None:
        from analyzer.io._privacy import _Hmac, resolve_salt

        self._key = _Hmac(resolve_salt(salt).encode("utf-8"))
        self._cache: dict[str, str] = {}
        # known authors' names of two words or more (a full name in any text):
        # first word -> [(name, pseudonym)], longest name first
        self._known: dict[str, list[tuple[str, str]]] = {}
        # names of one word, found after an @ only: indexed as _known when a text
        # first has an @, so that a run without mentions never indexes its handles
        self._one_word: dict[str, list[tuple[str, str]]] = {}
        self._one_word_new: list[tuple[str, str]] = []
        self._seen: set[str] = set()

    # ------------------------------------------------------------ names
    def name(self, value: str) -> str:
        """The pseudonym of one name (``''`` for an empty one)."""
        got = self._cache.get(value)
        if got is None:
            text = unicodedata.normalize("NFC", value.strip())
            got = "user-" + self._key.digest(text.encode("utf-8"))[:4].hex() if text else ""
            self._cache[value] = got
        return got

    def _remember(self, value: str, pseudonym: str) -> None:
        # raw values and NFC names share one set: a raw value that is not its own
        # normalised name (spaces around, not NFC) can never be another value's name
        self._seen.add(value)
        name = unicodedata.normalize("NFC", value.strip())
        if name != value:
            if name in self._seen:
                return
            self._seen.add(name)
        if not name or name.isdigit() or "://" in name:
            return
        if name.startswith("user-") and _PSEUDONYM.fullmatch(name):
            return
        for variant in (name, name.lstrip("@")) if name.startswith("@") else (name,):
            if " " in variant or "\u00a0" in variant:
                _index(self._known, variant, pseudonym)
            else:
                self._one_word_new.append((variant, pseudonym))

    def identities(self, values: Iterable[Any], *, remember: bool = True) -> list[str]:
        """Identity values replaced whole (``''``/None/NaN -> ``''``), and remembered."""
        out: list[str] = []
        cache, seen = self._cache, self._seen
        for value in values:
            if not isinstance(value, str):
                if value is None or pd.isna(value):
                    out.append("")
                    continue
                value = str(value)
            pseudonym = cache.get(value) or self.name(value)
            if remember and pseudonym and value not in seen:
                self._remember(value, pseudonym)
            out.append(pseudonym)
        return out

    # ------------------------------------------------------------ text
    def _known_at(self, text: str, start: int, *, one_word: bool = False) -> tuple[int, str] | None:
        """A known author's name at ``text[start:]``: (its end, pseudonym), the longest.

        Names of two words or more; with ``one_word`` also names of one word.
        (A name of one word and one of more cannot both match at one place
        with the same length: only one of them has a space there.)
        """
        word = _WORD.match(text, start)
        if word is None:
            return None
        key = word.group().casefold()
        indexes = [self._known]
        if one_word:
            for variant, pseudonym in self._one_word_new:
                _index(self._one_word, variant, pseudonym)
            self._one_word_new.clear()
            indexes.append(self._one_word)
        found = None
        for index in indexes:
            for name, pseudonym in index.get(key, ()):
                end = start + len(name)
                if text[start:end].casefold() == name.casefold() and not (
                    end < len(text) and (text[end].isalnum() or text[end] == "_")
                ):
                    if found is None or end > found[0]:
                        found = end, pseudonym
                    break
        return found

    def _full_names(self, text: str) -> str:
        """Known authors' names of two words or more, written capitalised (Liisa Esimerkki)."""
        if not self._known:
            return text
        starts = (pair.start() for pair in _CAPITALISED_PAIR.finditer(text))
        return _replace_at(text, starts, self._known_at)  # (two words or more by default)

    def _mention_at(self, text: str, start: int) -> tuple[int, str] | None:
        """The name an @ at ``start - 1`` mentions: a known author, or a capitalised full name."""
        found = self._known_at(text, start, one_word=True)
        if found is not None:
            return found
        m = _FULL_NAME.match(text, start)
        if m is None or not (m.group(1)[0].isupper() and m.group(2)[0].isupper()):
            return None
        return m.end(), self.name(m.group())

    def text(self, text: str) -> str:
        """One free text with its @mentions and known authors' full names replaced.

        Examples
        --------
        >>> from analyzer.io._names import Pseudonyms
        >>> p = Pseudonyms(salt="s")
        >>> _ = p.identities(["matti_m"])
        >>> out = p.text("@matti_m ja @Liisa Esimerkki: kiitos! (info@yritys.fi)")
        >>> out == f"@{p.name('matti_m')} ja @{p.name('Liisa Esimerkki')}: kiitos! (info@yritys.fi)"
        True
        """
        if "@" in text:
            text = _replace_at(text, (at.end() for at in _AT.finditer(text)), self._mention_at)
        return self._full_names(text)

    def texts(self, values: Iterable[Any]) -> list[Any]:
        """:meth:`text` of each string (other values as they are)."""
        values = list(values)
        # only texts with an @ or two capitalised words can change: found by Arrow, in C
        maybe = _matches(values, r"@|\p{Lu}[\pL\pN_'’-]*[ \x{00a0}]+\p{Lu}")
        return [
            self.text(v) if m and isinstance(v, str) else v
            for v, m in zip(values, maybe, strict=True)
        ]

    def title(self, text: str) -> str:
        """A title such as "A commented on B's post." with A and B replaced.

        Examples
        --------
        >>> from analyzer.io._names import Pseudonyms
        >>> p = Pseudonyms(salt="s")
        >>> p.title("Liisa Esimerkki kommentoi käyttäjän Yritys Oy julkaisua.") == (
        ...     f"{p.name('Liisa Esimerkki')} kommentoi käyttäjän {p.name('Yritys Oy')} julkaisua.")
        True
        """
        for pattern in _TITLE_PATTERNS:
            m = pattern.match(text)
            if m is None:
                continue
            parts = []
            for group in ("a", "b"):
                if group in pattern.groupindex and m.group(group) is not None:
                    who = m.group(group)
                    if not _PSEUDONYM.fullmatch(who):
                        parts.append((m.start(group), m.end(group), self.name(who)))
            out, pos = [], 0
            for start, end, pseudonym in parts:
                out += [text[pos:start], pseudonym]
                pos = end
            return "".join(out) + self._full_names(text[pos:])
        return self.text(text)

    def titles(self, values: Iterable[Any]) -> list[Any]:
        """:meth:`title` of each string (other values as they are)."""
        return [self.title(v) if isinstance(v, str) and v else v for v in values]

    # ------------------------------------------------------------ frames
    def replace(self, frame: pd.DataFrame, roles: ColumnRoles) -> pd.DataFrame:
        """The frame with every name replaced (see the module): identities, titles, texts, JSON.

        The identity columns are replaced first, so that the texts of the same
        rows know their authors. Give it a source's chunks in order: a mention
        is recognised once its author has written.

        Examples
        --------
        >>> import pandas as pd
        >>> from analyzer.io import ColumnRoles, Pseudonyms
        >>> p = Pseudonyms(salt="s")
        >>> df = pd.DataFrame({"from.name": ["Liisa Esimerkki"], "message": ["@Liisa Esimerkki"]})
        >>> out = p.replace(df, ColumnRoles(text="message", author="from.name"))
        >>> out.iloc[0].tolist() == [p.name("Liisa Esimerkki"), f"@{p.name('Liisa Esimerkki')}"]
        True
        """
        kinds = column_kinds([str(c) for c in frame.columns], roles)
        out = frame.copy()
        for col, kind in kinds.items():  # authors first, so the texts know them
            if kind == IDENTITY:
                out[col] = self.identities(out[col].to_numpy(dtype=object))
        todo: list[tuple[Any, Any, list[Any] | None]] = []
        for col in out.columns:
            dtype = out[col].dtype
            if kinds.get(col) == IDENTITY or col == roles.time:
                continue
            if not (pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)):
                continue
            values = out[col].to_numpy(dtype=object)
            parsed = None
            if any(_matches(values, r"^[\[{]")):
                parsed = self.parse_json_cells(values)
                self.register_json(parsed, str(col).split("."))  # authors of nested replies
            if parsed is not None or col in kinds:
                todo.append((col, values, parsed))
        for col, values, parsed in todo:
            if parsed is not None:
                values = self.json_cells(values, str(col).split("."), parsed)
            if kinds.get(col) == TITLE:
                values = self.titles(values)
            elif kinds.get(col) == TEXT:
                values = self.texts(values)
            out[col] = pd.Series(list(values), index=out.index, dtype=object)
        return out

    # ------------------------------------------------------------ JSON cells
    def _walk(self, obj: Any, path: list[str], kind: str | None) -> Any:
        if isinstance(obj, dict):
            return {
                k: self._walk(v, [*path, str(k)], classify([*path, str(k)])) for k, v in obj.items()
            }
        if isinstance(obj, list):
            return [self._walk(v, path, kind) for v in obj]
        if obj is None or isinstance(obj, bool) or kind is None:
            return obj
        if kind == IDENTITY:
            return self.identities([obj])[0]
        if isinstance(obj, str):
            return self.title(obj) if kind == TITLE else self.text(obj)
        return obj

    def _register(self, obj: Any, path: list[str]) -> None:
        if isinstance(obj, dict):
            for k, v in obj.items():
                sub = [*path, str(k)]
                if classify(sub) == IDENTITY and isinstance(v, str | int):
                    self.identities([v])
                else:
                    self._register(v, sub)
        elif isinstance(obj, list):
            for v in obj:
                self._register(v, path)

    @staticmethod
    def parse_json_cells(values: Sequence[Any]) -> list[Any]:
        """Each cell parsed when it is a JSON list or object, else None."""
        parsed: list[Any] = []
        for value in values:
            obj = None
            if isinstance(value, str) and value[:1] in "[{":
                try:
                    obj = json.loads(value)
                except ValueError:
                    obj = None
            parsed.append(obj if isinstance(obj, dict | list) else None)
        return parsed

    def register_json(self, parsed: Sequence[Any], path: Sequence[str]) -> None:
        """Remember the authors in parsed JSON cells (before any text is replaced)."""
        for obj in parsed:
            if obj is not None:
                self._register(obj, list(path))

    def json_cells(
        self, values: Sequence[Any], path: Sequence[str], parsed: Sequence[Any] | None = None
    ) -> list[Any]:
        """JSON cells (lists or objects) with the names in them replaced by key path.

        A cell that is not JSON, or in which nothing is replaced, is kept
        exactly as it was.

        Examples
        --------
        >>> from analyzer.io._names import Pseudonyms
        >>> p = Pseudonyms(salt="s")
        >>> cell = '[{"from": {"name": "Liisa Esimerkki", "id": "1"}, "message": "Kiitos"}]'
        >>> out = p.json_cells([cell, "[1, 2]", "teksti"], ["comments", "data"])
        >>> out[0] == ('[{"from": {"name": "%s", "id": "%s"}, "message": "Kiitos"}]'
        ...            % (p.name("Liisa Esimerkki"), p.name("1")))
        True
        >>> out[1:]
        ['[1, 2]', 'teksti']
        """
        if parsed is None:
            parsed = self.parse_json_cells(values)
            self.register_json(parsed, path)
        out: list[Any] = []
        for value, obj in zip(values, parsed, strict=True):
            if obj is None:
                out.append(value)
                continue
            new = self._walk(obj, list(path), None)
            out.append(value if new == obj else json.dumps(new, ensure_ascii=False))
        return out


def _matches(values: Sequence[Any], pattern: str) -> list[bool]:
    """Which values may match ``pattern`` (RE2 syntax): strings tested by Arrow, in C.

    Only a prefilter: where Arrow cannot take the strings (lone surrogates),
    every string counts as a match and the exact Python check decides.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    strings = [v if isinstance(v, str) else None for v in values]
    try:
        array = pa.array(strings, type=pa.string())
    except (pa.ArrowException, UnicodeError):
        return [v is not None for v in strings]
    return pc.fill_null(pc.match_substring_regex(array, pattern), False).to_pylist()

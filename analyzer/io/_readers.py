"""Format readers: each turns a source into column names and batches of raw rows.

The readers only split the source into rows and columns; turning cells into
text, parsing times and repairing mojibake happens once, in
:mod:`analyzer.io._read`, for every format alike.
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TextIO

import ijson
import pandas as pd

from analyzer.errors import AnalyzerError
from analyzer.io._columns import unique_names
from analyzer.io._sniff import (
    SAMPLE_BYTES,
    detect_delimiter,
    detect_encoding,
    detect_format,
    open_text,
)
from analyzer.io._types import ReadStats, Reject

__all__ = ["RawBatch", "RawSource", "cell_text", "open_source"]

#: column names the reader itself adds; a source column of that name is renamed
RESERVED = ("_line",)


@dataclass
class RawBatch:
    """Rows of one stretch of the source, cells not yet converted."""

    frame: pd.DataFrame
    lines: list[int]
    rejects: list[Reject]
    records: int
    all_str: bool = False


@dataclass
class RawSource:
    """Column names (unique, in source order) and the batches that follow."""

    columns: list[str]
    batches: Iterator[RawBatch]


def _columns(names: list[Any]) -> list[str]:
    cols = unique_names([*RESERVED, *names])[len(RESERVED) :]
    return cols


def cell_text(value: Any) -> str:
    """One cell as text: ``''`` for missing, integral floats without ``.0``.

    Examples
    --------
    >>> from analyzer.io._readers import cell_text
    >>> [cell_text(v) for v in (None, 3.0, 2.5, True, "x", {"a": 1})]
    ['', '3', '2.5', 'true', 'x', '{"a": 1}']
    """
    if isinstance(value, str):
        return value
    if value is None or value is pd.NaT:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime | pd.Timestamp):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, default=str)
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return cell_text(value.tolist())
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


# ---------------------------------------------------------------- sources


def open_source(source: Path, stats: ReadStats, chunksize: int) -> RawSource:
    """Open a file of any supported format (errors as :class:`AnalyzerError`)."""
    name = source.name
    try:
        if not source.exists():
            raise AnalyzerError(f"{source}: no such file")
        if source.is_dir():
            raise AnalyzerError(f"{source}: is a folder, not a file")
        with open(source, "rb") as f:
            head = f.read(SAMPLE_BYTES)
    except PermissionError as exc:
        raise AnalyzerError(f"{source}: permission denied") from exc
    except OSError as exc:
        raise AnalyzerError(f"{source}: cannot read ({exc.strerror or exc})") from exc
    if not head.strip(b"\xef\xbb\xbf \t\r\n\x00"):
        raise AnalyzerError(f"{name}: the file is empty")
    fmt = detect_format(source, head)
    stats.format = fmt
    if fmt == "xlsx":
        return _xlsx_source(source, chunksize)
    if fmt == "parquet":
        return _parquet_source(source, chunksize)
    encoding = detect_encoding(head, name)
    stats.encoding = encoding
    if fmt == "json":
        return _json_source(source, encoding, chunksize)
    if fmt == "jsonl":
        return _jsonl_source(source, encoding, chunksize)
    return _csv_source(source, head, encoding, stats, chunksize)


def frame_source(frame: pd.DataFrame, chunksize: int) -> RawSource:
    """A pandas DataFrame as a source (rows numbered from 1)."""
    columns = _columns(list(frame.columns))

    def batches() -> Iterator[RawBatch]:
        for start in range(0, len(frame), chunksize):
            part = frame.iloc[start : start + chunksize]
            part = part.set_axis(columns, axis=1).reset_index(drop=True)
            lines = list(range(start + 1, start + len(part) + 1))
            yield RawBatch(part, lines, [], len(part))

    return RawSource(columns, batches())


#: one row of a source for :func:`_batched`: ``(line, cells, None)`` for a kept row,
#: ``(line, None, reject)`` for a rejected one (skipped rows are not given at all)
Row = tuple[int, list[Any] | None, Reject | None]


def _frame(rows: list[list[Any]], columns: list[str]) -> pd.DataFrame:
    if rows:
        return pd.DataFrame(rows, columns=columns, dtype=object)
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})


def _batched(rows_in: Iterable[Row], columns: list[str], chunksize: int) -> Iterator[RawBatch]:
    """The rows of a text source in batches of ``chunksize`` kept rows, rejects counted.

    The one batching of the CSV, XLSX, JSON and JSONL readers: every batch
    holds its kept rows (cells as ``str``), their line numbers, the rejects
    since the previous batch and how many records it covers.
    """
    rows: list[list[Any]] = []
    nums: list[int] = []
    rejects: list[Reject] = []
    count = 0
    for line, cells, reject in rows_in:
        count += 1
        if reject is not None:
            rejects.append(reject)
        else:
            rows.append(cells)  # type: ignore[arg-type]
            nums.append(line)
        if len(rows) >= chunksize:
            yield RawBatch(_frame(rows, columns), nums, rejects, count, all_str=True)
            rows, nums, rejects, count = [], [], [], 0
    if rows or rejects:
        yield RawBatch(_frame(rows, columns), nums, rejects, count, all_str=True)


# ---------------------------------------------------------------- CSV / TSV


def _raise_field_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # pragma: no cover - 32-bit C long
            limit //= 2


def _records(lines: Iterator[str], delimiter: str, first_line: int) -> Iterator[tuple]:
    """Yield ``(start_line, fields or None, raw_lines)`` for each CSV record.

    ``fields`` is None for a record that opened a quote and never closed it
    (it would swallow the rest of the file): that first line is given back as
    a reject and the lines after it are parsed again.
    """
    pending: list[tuple[int, Iterator[str]]] = [(first_line, lines)]
    while pending:
        start_no, it = pending.pop()
        buf: list[str] = []

        def feed(it: Iterator[str] = it, buf: list[str] = buf) -> Iterator[str]:
            for line in it:
                buf.append(line)
                yield line

        reader = csv.reader(feed(), delimiter=delimiter, strict=False)
        held: tuple | None = None
        next_no = start_no
        for fields in reader:
            record = (next_no, fields, buf[:])
            buf.clear()
            next_no = start_no + reader.line_num
            if held is not None:
                yield held
            held = record
        if held is None:
            continue
        start, fields, raw_lines = held
        if len(raw_lines) > 1 and "".join(raw_lines).count('"') % 2 == 1:
            yield (start, None, raw_lines[:1])
            pending.append((start + 1, iter(raw_lines[1:])))
        else:
            yield held


_SEP_LINE = re.compile(r'^"?sep=(.)"?\s*$')


def _csv_source(
    path: Path, head: bytes, encoding: str, stats: ReadStats, chunksize: int
) -> RawSource:
    _raise_field_limit()
    sample = head.decode(encoding, errors="replace").lstrip("\ufeff")
    first_line = sample.split("\n", 1)[0].strip()
    sep_match = _SEP_LINE.match(first_line)
    if sep_match:
        delimiter = sep_match.group(1)
        sample = sample.split("\n", 1)[1] if "\n" in sample else ""
    else:
        delimiter = detect_delimiter(sample, path.suffix.lower())
    stats.delimiter = delimiter

    f = open_text(path, encoding)
    lines: Iterator[str] = iter(f)
    line_no = 1
    if sep_match:
        next(lines, None)
        line_no = 2
    records = _records(lines, delimiter, line_no)
    header: list[str] | None = None
    for _, fields, _raw in records:
        if fields:  # skip blank lines and an unterminated first line
            header = fields
            break
    if header is None:
        f.close()
        raise AnalyzerError(f"{path.name}: no header row found (the file has no columns)")
    columns = _columns(header)
    width = len(columns)

    def rows() -> Iterator[Row]:
        for start, fields, raw in records:
            if fields is None:
                why = 'unterminated quote (") in this line'
                yield start, None, Reject.make(start, why, "".join(raw))
            elif not "".join(fields).strip():
                continue  # blank line, or an empty row such as ';;;'
            elif len(fields) > width and "".join(fields[width:]).strip():
                why = f"{len(fields)} fields, header has {width}"
                yield start, None, Reject.make(start, why, "".join(raw).rstrip("\r\n"))
            else:
                yield start, (fields + [""] * (width - len(fields)))[:width], None

    def batches() -> Iterator[RawBatch]:
        try:
            yield from _batched(rows(), columns, chunksize)
        except UnicodeError as exc:  # pragma: no cover - decoders use fallbacks
            raise AnalyzerError(f"{path.name}: cannot decode the file ({exc})") from exc
        finally:
            f.close()

    return RawSource(columns, batches())


# ---------------------------------------------------------------- JSON / JSONL


def _flatten(obj: dict, prefix: str = "", out: dict | None = None) -> dict:
    out = {} if out is None else out
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            _flatten(value, name + ".", out)
        elif isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict):
            _flatten(value[0], name + ".", out)
        else:
            out[name] = value
    return out


#: keys of a top-level object whose list holds the records, in order of preference
_RECORD_KEYS = ("data", "comments", "comments_v2", "items", "results", "records", "rows")

#: how each ijson event changes the nesting depth
_DEPTH = {"start_map": 1, "start_array": 1, "end_map": -1, "end_array": -1}

#: NaN and Infinity, which ``json.dumps`` writes and JSON does not allow
_NOT_JSON_NUMBER = re.compile(r"[\[:,]\s*-?(?:NaN|Infinity)\b")


class _Utf8Reader:
    """A text stream as the UTF-8 bytes that ijson reads, leading byte-order marks dropped.

    Parameters
    ----------
    text : TextIO
        The file, decoded by :func:`~analyzer.io._sniff.open_text`.
    """

    def __init__(self, text: TextIO) -> None:
        self._text = text
        self._head = text.read(1)
        while self._head == "\ufeff":
            self._head = text.read(1)

    def read(self, size: int = -1) -> bytes:
        """The next ``size`` characters or so (all with -1) as UTF-8 bytes."""
        if size == 0:
            return b""
        text, self._head = self._head + self._text.read(size), ""
        return text.encode("utf-8")


def _json_problem(exc: ijson.JSONError) -> str:
    """ijson's message on one line: the problem and the text around it (as yajl shows it)."""
    lines = [" ".join(line.split()) for line in str(exc).splitlines()]
    problem = lines[0].rstrip(".") if lines else type(exc).__name__
    near = lines[1] if len(lines) > 2 and lines[2].startswith("(right here)") else ""
    if near:
        problem += f" near {near!r}"
    if _NOT_JSON_NUMBER.search(near):
        problem += "; NaN and Infinity are not JSON, write null"
    return problem


@contextmanager
def _json_errors(path: Path) -> Iterator[None]:
    """Raise ijson's errors as one-line :class:`AnalyzerError`."""
    try:
        yield
    except ijson.JSONError as exc:
        raise AnalyzerError(f"{path.name}: not valid JSON ({_json_problem(exc)})") from exc


@dataclass
class _Entry:
    """One ``key: value`` of a top-level JSON object, as much as choosing the records needs."""

    key: str
    index: int
    items: int = 0
    objects: bool = False


def _top_entries(events: Iterator[tuple[str, Any]]) -> list[_Entry]:
    """The entries of a top-level object, in order, from the ijson events after its start.

    ``items`` counts the items of a list value (0 for any other value) and
    ``objects`` tells whether one of them is an object.
    """
    entries: list[_Entry] = []
    listing: _Entry | None = None
    depth = 1
    for event, value in events:
        if depth == 1 and event == "map_key":
            entries.append(_Entry(value, len(entries)))
            listing = None
        elif depth == 1 and event == "start_array":
            listing = entries[-1]
        elif depth == 2 and listing is not None and event != "end_array":
            listing.items += 1
            listing.objects = listing.objects or event == "start_map"
        depth += _DEPTH.get(event, 0)
    return entries


def _pick_entry(entries: list[_Entry]) -> _Entry | None:
    """The entry whose list holds the records, None if no list has an object in it.

    The first of :data:`_RECORD_KEYS` whose value is a non-empty list with an
    object in it, else the longest such list (the first of equals). A repeated
    key counts with its last value in its first place, as in :func:`json.loads`.
    """
    final: dict[str, _Entry] = {}
    for entry in entries:
        final[entry.key] = entry
    lists = {k: e for k, e in final.items() if e.items and e.objects}
    for key in _RECORD_KEYS:
        if key in lists:
            return lists[key]
    return max(lists.values(), key=lambda e: e.items, default=None)


@dataclass(frozen=True)
class _Place:
    """Where the records of a JSON document are.

    ``prefix`` is the ijson prefix of the records (``"item"``: the items of a
    top-level list; ``""``: the whole document, one record). ``entry`` is the
    index of the top-level entry to read by position when its prefix is not
    unique in the document (see :func:`_place_in`), else None.
    """

    prefix: str
    entry: int | None = None


def _place_in(entries: list[_Entry]) -> _Place:
    """The place of the records in a top-level object with these entries.

    The records of ``key`` are read by their ijson prefix ``key.item``, unless
    another entry can give the same prefix: a repeated key, ``a`` beside
    ``a.b``, an empty key (which ijson's backends prefix differently). Then
    they are read by the entry's position.
    """
    chosen = _pick_entry(entries)
    if chosen is None:
        return _Place("")
    prefix = f"{chosen.key}.item"
    shared = not chosen.key or any(
        e.index != chosen.index
        and (e.key in ("", chosen.key, prefix) or prefix.startswith(f"{e.key}."))
        for e in entries
    )
    return _Place(prefix, chosen.index if shared else None)


def _find_records(path: Path, encoding: str) -> _Place:
    """First pass: where the records are (a top-level object is parsed to its end)."""
    with open_text(path, encoding) as text, _json_errors(path):
        events = ijson.basic_parse(_Utf8Reader(text), use_float=True)
        first, _ = next(events)
        if first == "start_array":
            return _Place("item")
        if first != "start_map":
            return _Place("")
        return _place_in(_top_entries(events))


def _entry_events(events: Iterator[tuple[str, Any]], index: int) -> Iterator[tuple[str, str, Any]]:
    """The items of the ``index``-th top-level entry's list, as events for :func:`ijson.items`.

    Turns the :func:`ijson.basic_parse` events of the whole document into the
    ``(prefix, event, value)`` events of that list's items, all with the
    prefix ``"item"`` (inside an item, :func:`ijson.items` reads no prefixes).
    """
    depth = 0
    seen = -1
    for event, value in events:
        if depth == 1 and event == "map_key":
            seen += 1
            if seen > index:
                return
        elif seen == index and depth > 1 and not (depth == 2 and event == "end_array"):
            yield "item", event, value
        depth += _DEPTH.get(event, 0)


def _json_records(path: Path, encoding: str, place: _Place) -> Iterator[Any]:
    """One more pass over the file: the records at ``place``, in order."""
    with open_text(path, encoding) as text, _json_errors(path):
        stream = _Utf8Reader(text)
        if place.entry is None:
            yield from ijson.items(stream, place.prefix, use_float=True)
        else:
            events = ijson.basic_parse(stream, use_float=True)
            yield from ijson.items(_entry_events(events, place.entry), "item")


#: where the APIs nest the replies to a comment: Facebook's Graph API (``comments.data``),
#: Instagram's Graph API (``replies.data``), YouTube's comment threads (``replies.comments``)
_REPLY_LISTS = (("comments", "data"), ("replies", "data"), ("replies", "comments"))

#: the column that names the comment a reply answers (empty on a top-level comment)
PARENT_COL = "parent_id"


def thread_records(record: Any) -> Iterator[Any]:
    """A record and, after it, each reply nested in it (and their replies) as records of their own.

    A thread's tone includes its replies, so an API export's nested replies
    become rows: the parent first, without the reply list, then every reply
    with ``parent_id`` set to the parent's ``id``. A YouTube reply takes the
    shape of a thread's top-level comment (``snippet.topLevelComment``), so
    its text, time and author land in the same columns. Anything else,
    including a list that holds something other than objects, is left as it is.

    Examples
    --------
    >>> from analyzer.io._readers import thread_records
    >>> post = {"id": "1", "message": "Miksi?", "comments": {"data": [
    ...     {"id": "2", "message": "Samaa mietin."}], "paging": {"next": "x"}}}
    >>> [(r["id"], r.get("parent_id"), "comments" in r) for r in thread_records(post)]
    [('1', None, True), ('2', '1', False)]
    """
    if not isinstance(record, dict):
        yield record
        return
    for outer, inner in _REPLY_LISTS:
        box = record.get(outer)
        replies = box.get(inner) if isinstance(box, dict) else None
        if not (isinstance(replies, list) and replies) or not all(
            isinstance(r, dict) for r in replies
        ):
            continue
        rest = {k: v for k, v in box.items() if k != inner}
        parent = {k: v for k, v in record.items() if k != outer}
        if rest:
            parent[outer] = rest
        yield from thread_records(parent)
        youtube = isinstance(record.get("snippet"), dict) and "topLevelComment" in record["snippet"]
        for reply in replies:
            if youtube:
                reply = {"id": reply.get("id"), "snippet": {"topLevelComment": reply}}
            yield from thread_records({**reply, PARENT_COL: record.get("id")})
        return
    yield record


def _threads(records: Iterator[Any]) -> Iterator[Any]:
    for record in records:
        yield from thread_records(record)


def _records_batches(
    items: Iterator[tuple[int, Any, str]], columns: list[str], keys: list[str], chunksize: int
) -> Iterator[RawBatch]:
    def rows() -> Iterator[Row]:
        for line, record, raw in items:
            if not isinstance(record, dict):
                reason = "invalid JSON" if record is _INVALID else "not a JSON object"
                yield line, None, Reject.make(line, reason, raw)
            else:
                flat = _flatten(record)
                yield line, [cell_text(flat.get(k)) for k in keys], None

    return _batched(rows(), columns, chunksize)


_INVALID = object()


def _keys_of(records: Iterator[Any]) -> list[str]:
    keys: dict[str, None] = {}
    for record in records:
        if isinstance(record, dict):
            for k in _flatten(record):
                keys.setdefault(k, None)
    return list(keys)


def _json_source(path: Path, encoding: str, chunksize: int) -> RawSource:
    """A JSON document, streamed: where the records are, their keys, then the rows.

    Three passes over the file (two when the document is not an object), each
    with memory flat on any file size; invalid JSON raises in the first two,
    before any batch is yielded.
    """
    place = _find_records(path, encoding)
    keys = _keys_of(_threads(_json_records(path, encoding, place)))
    columns = _columns(keys)
    items = (
        (i, r, "" if isinstance(r, dict) else json.dumps(r, ensure_ascii=False))
        for i, r in enumerate(_threads(_json_records(path, encoding, place)), 1)
    )
    return RawSource(columns, _records_batches(items, columns, keys, chunksize))


def _jsonl_items(path: Path, encoding: str) -> Iterator[tuple[int, Any, str]]:
    with open_text(path, encoding) as f:
        for no, line in enumerate(f, 1):
            stripped = line.strip().lstrip("\ufeff")
            if not stripped:
                continue
            try:
                yield no, json.loads(stripped), stripped
            except ValueError:
                yield no, _INVALID, stripped


def _jsonl_source(path: Path, encoding: str, chunksize: int) -> RawSource:
    keys = _keys_of(r for _, r, _ in _jsonl_items(path, encoding))
    if not keys:
        raise AnalyzerError(f"{path.name}: no JSON objects found")
    columns = _columns(keys)
    return RawSource(
        columns, _records_batches(_jsonl_items(path, encoding), columns, keys, chunksize)
    )


# ---------------------------------------------------------------- XLSX

_OOXML_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")


def xlsx_unescape(text: str) -> str:
    """Undo OOXML's ``_xHHHH_`` escapes (Excel writes a carriage return as ``_x000D_``).

    Examples
    --------
    >>> from analyzer.io._readers import xlsx_unescape
    >>> xlsx_unescape("rivi_x000D_\\nrivi _x005F_x0041_")
    'rivi\\r\\nrivi _x0041_'
    """
    if "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


#: rows searched for the header of a sheet (title rows of a report may come first)
_XLSX_HEAD_ROWS = 20


def _xlsx_cell(value: Any) -> str:
    return xlsx_unescape(value) if isinstance(value, str) else cell_text(value)


def _xlsx_source(path: Path, chunksize: int) -> RawSource:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
        ws = wb.active if wb.active is not None else wb.worksheets[0]
        rows_iter = ws.iter_rows(values_only=True)
        first = max(1, ws.min_row or 1)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError) as exc:
        raise AnalyzerError(f"{path.name}: not a readable XLSX workbook ({exc})") from exc
    numbered: Iterator[tuple[int, tuple]] = enumerate(rows_iter, first)
    # a report's title rows above the table are not its header: the header is the first
    # row filled at least half as wide as the widest of the first rows
    head = list(itertools.islice(numbered, _XLSX_HEAD_ROWS))
    filled = [sum(1 for v in values if v is not None and str(v).strip()) for _, values in head]
    wide = max(filled, default=0)
    at = next((i for i, n in enumerate(filled) if n and 2 * n >= wide), None)
    header = None
    if at is not None:
        header = [xlsx_unescape(v) if isinstance(v, str) else v for v in head[at][1]]
    numbered = itertools.chain(head[at + 1 :] if at is not None else [], numbered)
    if header is None:
        wb.close()
        raise AnalyzerError(f"{path.name}: the first sheet is empty")
    while header and (header[-1] is None or not str(header[-1]).strip()):
        header.pop()
    columns = _columns(header)
    width = len(columns)

    def rows() -> Iterator[Row]:
        for no, values in numbered:
            cells = [_xlsx_cell(v) for v in values]
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                last = max(i for i, c in enumerate(cells) if c.strip()) + 1
                why = f"{last} cells, header has {width}"
                yield no, None, Reject.make(no, why, "\t".join(cells[:last]))
            else:
                yield no, (cells + [""] * width)[:width], None

    def batches() -> Iterator[RawBatch]:
        try:
            yield from _batched(rows(), columns, chunksize)
        finally:
            wb.close()

    return RawSource(columns, batches())


# ---------------------------------------------------------------- Parquet


def _parquet_source(path: Path, chunksize: int) -> RawSource:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise AnalyzerError(f"{path.name}: not a readable Parquet file ({exc})") from exc
    columns = _columns(pf.schema_arrow.names)

    def batches() -> Iterator[RawBatch]:
        start = 0
        try:
            for batch in pf.iter_batches(batch_size=chunksize):
                part = batch.to_pandas().set_axis(columns, axis=1)
                n = len(part)
                yield RawBatch(part, list(range(start + 1, start + n + 1)), [], n)
                start += n
        except pa.ArrowException as exc:
            raise AnalyzerError(f"{path.name}: cannot read Parquet data ({exc})") from exc

    return RawSource(columns, batches())

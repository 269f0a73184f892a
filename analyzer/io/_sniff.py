"""Recognise a file: format from its first bytes, encoding, CSV delimiter."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

from analyzer.errors import AnalyzerError

__all__ = ["detect_delimiter", "detect_encoding", "detect_format", "open_text"]

SAMPLE_BYTES = 1 << 20
_CP1252_FALLBACK = "analyzer-cp1252"


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode bytes that are not UTF-8 as cp1252 (latin-1 for its 5 holes)."""
    if not isinstance(exc, UnicodeDecodeError):  # pragma: no cover - decoding only
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(_cp1252_char(b) for b in bad), exc.end


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


def detect_format(path: Path, head: bytes) -> str:
    """The format of a file: csv, json, jsonl, xlsx or parquet.

    Content wins over the extension (an ``.csv`` that is really an XLSX is read
    as XLSX). Unreadable formats raise :class:`AnalyzerError`.

    Examples
    --------
    >>> from pathlib import Path
    >>> from analyzer.io._sniff import detect_format
    >>> detect_format(Path("x.csv"), b"Kommentti;Aika\\r\\n")
    'csv'
    >>> detect_format(Path("x.json"), b'{"data": []}')
    'json'
    """
    ext = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        if ext in (".ods", ".odt"):
            raise AnalyzerError(
                f"{path.name}: OpenDocument files are not supported; save as XLSX or CSV"
            )
        return "xlsx"
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise AnalyzerError(
            f"{path.name}: old Excel .xls files are not supported; save as XLSX or CSV"
        )
    if head.startswith(b"\x1f\x8b"):
        raise AnalyzerError(f"{path.name}: compressed (gzip) file; unpack it first")
    if ext in (".parquet", ".pq") or ext in (".xlsx", ".xlsm"):
        raise AnalyzerError(f"{path.name}: not a valid {ext[1:].upper()} file")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text[:1] in (b"[", b"{"):
        if ext in (".jsonl", ".ndjson"):
            return "jsonl"
        if text[:1] == b"[":
            return "json"
        first, _, rest = text.partition(b"\n")
        if rest.strip()[:1] == b"{":
            try:
                json.loads(first)
            except ValueError:
                return "json"
            return "jsonl"
        return "json"
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    return "csv"


#: control bytes that text exports do contain: tab, newlines, vertical tab (Excel's
#: line break inside a cell on some exports), form feed, carriage return
_TEXT_CONTROLS = frozenset((9, 10, 11, 12, 13))


def _looks_binary(sample: bytes) -> bool:
    """Many control bytes (over 5 %) in bytes that are not UTF-8 text.

    Valid UTF-8 is text whatever characters it holds: a short export with one
    backspace or vertical tab in a comment is still an export.
    """
    if not sample:
        return False
    controls = sum(sample.count(bytes([b])) for b in range(32) if b not in _TEXT_CONTROLS)
    if controls / len(sample) <= 0.05:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return True
    return False


def detect_encoding(sample: bytes, name: str = "input") -> str:
    """The encoding of a text file from its first bytes.

    Returns ``utf-8-sig`` (BOM), ``utf-16`` (BOM), ``utf-8``, or ``cp1252`` when
    the bytes are not UTF-8 (Finnish Excel's "CSV" on Windows; also right for
    latin-1). UTF-8 with a few stray cp1252 bytes stays ``utf-8``: the reader
    decodes those bytes as cp1252 instead of failing.

    Raises
    ------
    AnalyzerError
        If the bytes look binary rather than text.

    Examples
    --------
    >>> from analyzer.io._sniff import detect_encoding
    >>> detect_encoding("Hyvä".encode()), detect_encoding("Hyvä".encode("cp1252"))
    ('utf-8', 'cp1252')
    >>> detect_encoding(b"\\xef\\xbb\\xbfKommentti")
    'utf-8-sig'
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if sample.count(b"\x00") > len(sample) // 4 and len(sample) >= 4:
        # UTF-16 without BOM: every other byte NUL for ASCII text
        if sample[1::2].count(b"\x00") > len(sample) // 3:
            return "utf-16-le"
        if sample[0::2].count(b"\x00") > len(sample) // 3:
            return "utf-16-be"
    if _looks_binary(sample):
        raise AnalyzerError(f"{name}: looks like a binary file, not a text export")
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=len(sample) < SAMPLE_BYTES)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return "utf-8" if good > 10 * bad else "cp1252"


def open_text(path: Path, encoding: str) -> io.TextIOWrapper:
    """Open ``path`` for reading as text that never fails to decode.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analyzer.io._sniff import open_text
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = p.write_bytes("Hyvä ".encode() + b"\\xe4")
    >>> with open_text(p, "utf-8") as f:
    ...     f.read()
    'Hyvä ä'
    """
    errors = _CP1252_FALLBACK if encoding.startswith("utf-8") else "replace"
    if encoding == "cp1252":
        errors = _CP1252_FALLBACK
    return open(path, encoding=encoding, errors=errors, newline="")


_CANDIDATES = (",", ";", "\t", "|")
#: delimiter used when the header has a single column: commas in text stay text
ONE_COLUMN = "\x1f"


def detect_delimiter(sample: str, suffix: str = "") -> str:
    """Pick the CSV delimiter (``,`` ``;`` tab ``|``) that splits the sample consistently.

    When no candidate splits the header into two or more columns, the file has
    a single column and :data:`ONE_COLUMN` (a control character that never
    occurs in text) is returned, so commas inside comments are not split.

    Examples
    --------
    >>> from analyzer.io._sniff import detect_delimiter
    >>> detect_delimiter('Kommentti;Aika\\n"Hyvä, kiitos";1.3.2026\\n')
    ';'
    >>> detect_delimiter("text\\tdate\\nok\\t2026\\n")
    '\\t'
    >>> detect_delimiter("text\\nyksi, kaksi\\n")  # one column: no delimiter
    '\\x1f'
    """
    lines = sample.splitlines(keepends=True)
    if len(sample) >= SAMPLE_BYTES // 2 and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut
    text = "".join(lines[:200])
    best, best_score = ONE_COLUMN, (0.0, 0, 0)
    for delim in _CANDIDATES:
        try:
            rows = [r for r in csv.reader(io.StringIO(text), delimiter=delim) if r]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        body = rows[1:] or rows
        consistent = sum(1 for r in body if len(r) == width) / len(body)
        preferred = 1 if (suffix in (".tsv", ".tab")) == (delim == "\t") else 0
        score = (consistent, preferred, width)
        if score > best_score:
            best, best_score = delim, score
    return best

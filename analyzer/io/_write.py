"""Write tables chunk by chunk, atomically: :class:`TableWriter`, :func:`write_rejects`."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import pandas as pd

from analyzer._files import move_into_place, temp_beside
from analyzer.errors import AnalyzerError
from analyzer.io._csvtext import csv_rows
from analyzer.io._times import format_times
from analyzer.io._types import ReadStats, Reject

__all__ = ["FORMATS", "TableWriter", "rejects_path", "write_rejects"]

#: output formats by file extension
FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "xlsx",
}

XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_CELL = 32_767

#: what an XLSX cell cannot hold as is: control characters XML forbids, a carriage return
#: (XML readers turn it into a newline) and a ``_`` that would start an OOXML escape
_XLSX_ESCAPE = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f]|_(?=x[0-9A-Fa-f]{4}_)")


def xlsx_escape(text: str) -> str:
    """Text for an XLSX cell, with OOXML's ``_xHHHH_`` escapes as Excel writes them.

    A carriage return becomes ``_x000D_``, a control character ``_x00HH_`` and
    a ``_`` that starts such a sequence ``_x005F_``; Excel shows the original
    text, and :func:`analyzer.io._readers.xlsx_unescape` gives it back.

    Examples
    --------
    >>> from analyzer.io._write import xlsx_escape
    >>> xlsx_escape("rivi\\r\\nrivi _x0041_")
    'rivi_x000D_\\nrivi _x005F_x0041_'
    """
    if not _XLSX_ESCAPE.search(text):
        return text
    return _XLSX_ESCAPE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def _prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """Datetime columns as ISO 8601 strings with offset."""
    out = frame
    for col in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[col].dtype):
            if out is frame:
                out = frame.copy()
            out[col] = format_times(frame[col])
    return out


def _json_value(value: Any) -> Any:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalar
        return _json_value(value.item())
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value


class TableWriter:
    """Write a table chunk by chunk to CSV, TSV, JSONL, Parquet or XLSX, atomically.

    The rows go to a temporary file next to ``path``; on a successful exit it
    replaces ``path`` (``os.replace``), on an exception it is deleted, so an
    interrupted run never leaves a half-written output. The columns are fixed
    by the first chunk; later chunks must have the same columns (reordered to
    match). Datetime columns are written as ISO 8601 strings with offset
    (``2026-03-01T14:05:00+02:00``) by the writer itself, in every format.
    Text is written as given: call :func:`excel_safe` first to neutralise
    formulas.

    Parameters
    ----------
    path : str or path-like
        Output file.
    excel : bool, default=False
        For CSV: ``;`` delimiter and a UTF-8 BOM, as Finnish Excel expects
        (wins over ``like``). CSV and TSV lines always end in CRLF (RFC 4180),
        so a carriage return inside a comment is quoted and survives.
    fmt : {"csv", "tsv", "jsonl", "parquet", "xlsx"}, optional
        Format; by default from the extension (``.json`` writes JSON Lines,
        unknown extensions CSV).
    like : ReadStats, optional
        The input's statistics: a CSV or TSV output follows the input's
        dialect, read when the first row is written (so the input may still
        be streaming when the writer opens). A CSV output takes the input's
        delimiter (``,`` ``;`` tab ``|``) and both take its encoding: a BOM
        stays a BOM, UTF-16 stays UTF-16, cp1252 stays cp1252 as long as
        every character fits (at the first one that does not, the file
        written so far is turned into UTF-8 with a BOM, which Excel also
        reads, and the rest follows; nothing is lost). Without ``like``:
        ``,`` (tab for TSV) and UTF-8.

    Attributes
    ----------
    delimiter, encoding : str or None
        The CSV/TSV dialect written (set with the first row).
    rows_written : int
    truncated_cells : int
        XLSX only: cells cut to Excel's limit of 32,767 characters.

    Raises
    ------
    AnalyzerError
        One line when the output folder is missing or not writable, the
        path is a folder, a chunk's columns differ, or an XLSX would exceed
        1,048,576 rows.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> from analyzer.io import TableWriter
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "tones.csv"
    >>> with TableWriter(out) as w:
    ...     w.write(pd.DataFrame({"text": ["Hyvä"], "tone": ["understanding"]}))
    ...     w.write(pd.DataFrame({"text": ["Huono"], "tone": ["criticism"]}))
    >>> print(out.read_text(encoding="utf-8"), end="")
    text,tone
    Hyvä,understanding
    Huono,criticism
    """

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        excel: bool = False,
        fmt: str | None = None,
        like: ReadStats | None = None,
    ):
        self.path = Path(path)
        self.excel = excel
        self.like = like
        self.delimiter: str | None = None
        self.encoding: str | None = None
        self._raw: IO[bytes] | None = None
        fmt = fmt or FORMATS.get(self.path.suffix.lower(), "csv")
        if fmt not in set(FORMATS.values()):
            raise AnalyzerError(
                f"unknown output format {fmt!r}; use one of csv, tsv, jsonl, parquet, xlsx"
            )
        self.fmt = fmt
        self.rows_written = 0
        self.truncated_cells = 0
        self._columns: list[str] | None = None
        self._tmp: Path | None = None
        self._fh: IO[Any] | None = None
        self._impl: Any = None

    # ---------------------------------------------------------- lifecycle
    def __enter__(self) -> TableWriter:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def open(self) -> None:
        """Create the temporary file (done by ``with``)."""
        folder = self.path.parent
        if self.path.is_dir():
            raise AnalyzerError(f"cannot write {self.path}: it is a folder")
        if not folder.is_dir():
            raise AnalyzerError(f"cannot write {self.path}: folder {folder} does not exist")
        try:
            fd, self._tmp = temp_beside(self.path)
        except OSError as exc:
            raise AnalyzerError(
                f"cannot write {self.path}: {exc.strerror or exc} in folder {folder}"
            ) from exc
        try:
            if self.fmt in ("csv", "tsv", "jsonl"):
                self._raw = open(fd, "wb")  # text wrapper made with the first row (its encoding)
            else:
                os.close(fd)
        except BaseException:
            self.abort()
            raise

    def close(self) -> None:
        """Finish the file and move it into place (done by ``with``)."""
        if self._tmp is None:
            return
        try:
            if self._columns is None:  # nothing written: still a valid empty table
                self._start(pd.DataFrame())
            self._finish()
            if self._fh is not None:
                self._fh.flush()
                os.fsync(self._fh.fileno())
                self._fh.close()
                self._fh = self._raw = None
            move_into_place(self._tmp, self.path)
            self._tmp = None
        except OSError as exc:
            self.abort()
            raise AnalyzerError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        """Drop the temporary file; ``path`` is left as it was."""
        try:
            if self._impl is not None and self.fmt == "parquet":
                self._impl.close()
            elif self._impl is not None and self.fmt == "xlsx":
                _, ws = self._impl
                ws.close()  # ends openpyxl's row stream; its temporary file is removed below
                out = getattr(getattr(ws, "_writer", None), "out", None)
                if isinstance(out, str) and os.path.exists(out):
                    os.remove(out)
        except Exception:
            pass
        self._impl = None
        for fh in (self._fh, self._raw):
            if fh is not None:
                try:
                    fh.close()
                except (OSError, ValueError):
                    pass
        self._fh = self._raw = None
        if self._tmp is not None:
            try:
                self._tmp.unlink()
            except OSError:
                pass
            self._tmp = None

    # ---------------------------------------------------------- writing
    def write(self, frame: pd.DataFrame) -> None:
        """Append the rows of ``frame`` (its index is not written).

        Examples
        --------
        >>> import pandas as pd, tempfile, pathlib
        >>> from analyzer.io import TableWriter
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "x.jsonl"
        >>> with TableWriter(out) as w:
        ...     w.write(pd.DataFrame({"text": ["a"], "p": [0.5]}))
        >>> out.read_text()
        '{"text": "a", "p": 0.5}\\n'
        """
        if self._tmp is None:
            raise AnalyzerError("TableWriter.write() called outside its 'with' block")
        frame = frame.rename(columns=str)
        frame.attrs = {}
        if self._columns is None:
            self._start(frame)
        else:
            if set(frame.columns) != set(self._columns) or len(frame.columns) != len(self._columns):
                raise AnalyzerError(
                    f"cannot write {self.path}: a chunk has columns {list(frame.columns)}, "
                    f"expected {self._columns}"
                )
            frame = frame[self._columns]
        if len(frame) == 0:
            return
        try:
            self._write(_prepare(frame))
        except OSError as exc:
            raise AnalyzerError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self.rows_written += len(frame)

    def _dialect(self) -> tuple[str, str]:
        """Delimiter and encoding of a CSV/TSV output (see ``excel`` and ``like``)."""
        if self.fmt == "csv" and self.excel:
            return ";", "utf-8-sig"
        like = self.like
        delimiter = "\t" if self.fmt == "tsv" else ","
        if (
            self.fmt == "csv"
            and like is not None
            and like.format == "csv"
            and like.delimiter in (",", ";", "\t", "|")
        ):
            delimiter = like.delimiter
        encoding = "utf-8"
        if like is not None and like.encoding:
            if like.encoding == "utf-8-sig":
                encoding = "utf-8-sig"
            elif like.encoding.startswith("utf-16"):
                encoding = "utf-16"
            elif like.encoding == "cp1252":
                encoding = "cp1252"
        return delimiter, encoding

    def _text(self, encoding: str) -> None:
        assert self._raw is not None
        self.encoding = encoding
        # cp1252: strict, so a character it lacks raises (and the file turns to UTF-8)
        self._fh = io.TextIOWrapper(self._raw, encoding=encoding, newline="", write_through=True)

    def _emit(self, text: str) -> None:
        """Write CSV text; a character cp1252 lacks turns the file into UTF-8 with a BOM."""
        assert self._fh is not None
        if self.encoding == "cp1252":
            try:
                text.encode("cp1252")
            except UnicodeEncodeError:
                self._widen()
        self._fh.write(text)

    def _widen(self) -> None:
        """Rewrite what is written so far (cp1252) as UTF-8 with a BOM, and go on in it."""
        assert self._fh is not None and self._tmp is not None
        self._fh.flush()
        self._fh.detach()
        assert self._raw is not None
        self._raw.close()
        written = self._tmp.read_bytes().decode("cp1252")
        self._raw = open(self._tmp, "wb")
        self._text("utf-8-sig")
        self._fh.write(written)

    def _start(self, frame: pd.DataFrame) -> None:
        self._columns = list(frame.columns)
        if self.fmt == "jsonl":
            self._text("utf-8")
        elif self.fmt in ("csv", "tsv"):
            delimiter, encoding = self._dialect()
            self.delimiter = delimiter
            self._text(encoding)
            self._impl = {"sep": delimiter, "lineterminator": "\r\n"}
            header = io.StringIO()
            csv.writer(
                header, delimiter=delimiter, lineterminator=self._impl["lineterminator"]
            ).writerow(self._columns)
            self._emit(header.getvalue())
        elif self.fmt == "xlsx":
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet("comments")
            ws.append([xlsx_escape(c) for c in self._columns])
            self._impl = (wb, ws)
        elif self.fmt == "parquet":
            self._impl = None  # created with the first non-empty chunk (needs a schema)

    def _write(self, frame: pd.DataFrame) -> None:
        if self.fmt in ("csv", "tsv"):
            text = csv_rows(frame, self._impl["sep"], self._impl["lineterminator"])
            if text is None:
                text = frame.to_csv(
                    sep=self._impl["sep"],
                    lineterminator=self._impl["lineterminator"],
                    header=False,
                    index=False,
                )
            self._emit(text)
        elif self.fmt == "jsonl":
            assert self._fh is not None
            cols = self._columns or []
            for row in frame.itertuples(index=False, name=None):
                record = {c: _json_value(v) for c, v in zip(cols, row, strict=True)}
                self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "xlsx":
            self._write_xlsx(frame)
        else:
            self._write_parquet(frame)

    def _write_xlsx(self, frame: pd.DataFrame) -> None:
        from openpyxl.cell import WriteOnlyCell

        if self.rows_written + len(frame) + 1 > XLSX_MAX_ROWS:
            raise AnalyzerError(
                f"cannot write {self.path}: more than {XLSX_MAX_ROWS - 1:,} rows do not fit "
                "in an XLSX sheet; write .csv or .parquet instead"
            )
        _, ws = self._impl
        for row in frame.itertuples(index=False, name=None):
            cells = []
            for value in row:
                value = _json_value(value)
                if isinstance(value, str):
                    if len(value) > XLSX_MAX_CELL:
                        value = value[:XLSX_MAX_CELL]
                        self.truncated_cells += 1
                    value = xlsx_escape(value)
                    if value.startswith("="):  # text, never a formula
                        cell = WriteOnlyCell(ws, value=value)
                        cell.data_type = "s"
                        value = cell
                cells.append(value)
            ws.append(cells)

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._impl is None:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            fields = [
                pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f
                for f in table.schema
            ]
            schema = pa.schema(fields)
            self._impl = pq.ParquetWriter(self._tmp, schema)
            self._schema = schema
        try:
            table = pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False)
        except (pa.ArrowException, ValueError, TypeError) as exc:
            raise AnalyzerError(
                f"cannot write {self.path}: a chunk does not fit the first chunk's types ({exc})"
            ) from exc
        self._impl.write_table(table)

    def _finish(self) -> None:
        if self.fmt == "xlsx":
            wb, _ = self._impl
            wb.save(self._tmp)
        elif self.fmt == "parquet":
            if self._impl is None:
                import pyarrow as pa
                import pyarrow.parquet as pq

                schema = pa.schema([pa.field(c, pa.string()) for c in self._columns or []])
                pq.write_table(schema.empty_table(), self._tmp)
            else:
                self._impl.close()
        self._impl = None


def rejects_path(output: str | os.PathLike) -> Path:
    """The rejects file that goes with an output: ``out.xlsx`` -> ``out.rejects.csv``.

    Examples
    --------
    >>> from analyzer.io import rejects_path
    >>> rejects_path("results/tones.xlsx").as_posix()
    'results/tones.rejects.csv'
    """
    path = Path(output)
    if path.name.endswith(".rejects.csv"):
        return path
    return path.with_name(f"{path.stem}.rejects.csv")


def write_rejects(path: str | os.PathLike, rejects: Iterable[Reject]) -> Path:
    """Write rejected rows (line, reason, raw) as CSV next to the output, atomically.

    Parameters
    ----------
    path : str or path-like
        The main OUTPUT path; the file written is :func:`rejects_path` of it
        (``OUTPUT.rejects.csv``). A path already ending in ``.rejects.csv``
        is used as is.
    rejects : iterable of Reject

    Returns
    -------
    pathlib.Path
        The file written (a header only when there are no rejects).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analyzer.io import Reject, write_rejects
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "tones.csv"
    >>> p = write_rejects(out, [Reject(3, "3 fields, header has 2", "a,b,c")])
    >>> print(p.name); print(p.read_text(encoding="utf-8"), end="")
    tones.rejects.csv
    line,reason,raw
    3,"3 fields, header has 2","a,b,c"
    """
    target = rejects_path(path)
    frame = pd.DataFrame(
        [(r.line, r.reason, r.raw) for r in rejects], columns=["line", "reason", "raw"]
    )
    with TableWriter(target, fmt="csv") as writer:
        writer.write(frame)
    return target

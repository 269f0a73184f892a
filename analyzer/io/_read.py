"""Read comments from any export, in chunks: :func:`iter_comments`, :func:`read_comments`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from analyzer.errors import AnalyzerError
from analyzer.io._columns import find_roles
from analyzer.io._options import ReadOptions
from analyzer.io._readers import RawBatch, RawSource, cell_text, frame_source, open_source
from analyzer.io._repair import repair_frame
from analyzer.io._times import parse_times
from analyzer.io._types import Chunk, ColumnRoles, ReadStats, Reject

__all__ = ["LINE_COL", "iter_comments", "read_comments", "read_scored"]

#: the column with the source line / row number added to every chunk
LINE_COL = "_line"

Source = str | os.PathLike | pd.DataFrame


def _as_text(series: pd.Series) -> pd.Series:
    if series.dtype == object:
        return series.map(cell_text).astype(object)
    if isinstance(series.dtype, pd.StringDtype):
        return series.astype(object).where(series.notna(), "").astype(object)
    return series.astype(object).map(cell_text).astype(object)


def _convert(batch: RawBatch, roles: ColumnRoles, tz: str, stats: ReadStats) -> pd.DataFrame:
    frame = batch.frame
    data: dict[str, pd.Series] = {}
    for col in frame.columns:
        s = frame[col].reset_index(drop=True)
        if col == roles.time:
            data[col] = s
        elif batch.all_str:
            data[col] = s
        else:
            data[col] = _as_text(s)
    out = pd.DataFrame(data, columns=list(frame.columns))
    text_cols = [c for c in out.columns if c != roles.time]
    out, repaired, nul = repair_frame(out, text_cols)
    stats.repaired_cells += repaired
    stats.nul_removed += nul
    if roles.time is not None:
        raw = out[roles.time]
        times, bad = parse_times(raw, tz)
        n_bad = int(bad.sum())
        if n_bad:
            stats.bad_times += n_bad
            room = 5 - len(stats.bad_time_examples)
            if room > 0:
                stats.bad_time_examples.extend(cell_text(v) for v in raw[bad].head(room))
        if raw.dtype == object:
            stats.missing_times += sum(
                1 for v in raw.to_numpy(dtype=object) if not (isinstance(v, str) and v.strip())
            )
        else:
            stats.missing_times += int(raw.isna().sum())
        out[roles.time] = times
    out[LINE_COL] = pd.Series(batch.lines, dtype="int64")
    return out


def _open(source: Source, stats: ReadStats, chunksize: int) -> RawSource:
    if isinstance(source, pd.DataFrame):
        stats.format = "dataframe"
        return frame_source(source, chunksize)
    if isinstance(source, str | os.PathLike):
        return open_source(Path(source), stats, chunksize)
    raise AnalyzerError(
        f"cannot read comments from a {type(source).__name__}; give a file path or a DataFrame"
    )


def iter_comments(
    source: Source,
    *,
    options: ReadOptions | None = None,
    text_col: str | None = None,
    time_col: str | None = None,
    author_col: str | None = None,
    tz: str | None = None,
    chunksize: int = 20_000,
    stats: ReadStats | None = None,
) -> Iterator[Chunk]:
    """Stream the comments of an export in chunks, memory flat.

    Reads CSV/TSV (delimiter ``,`` ``;`` tab detected; UTF-8, UTF-8 with BOM,
    UTF-16 and cp1252/latin-1 detected; ``sep=;`` first lines honoured;
    quoted multi-line comments and fields of any size), XLSX (active sheet),
    JSON (a list of objects, or an object holding one such list, as in
    Facebook's exports; nested objects become ``from.name`` style columns),
    JSONL and Parquet; or chunks a pandas DataFrame.

    Every data row is either kept, in source order, or rejected with its line
    number and reason (more fields than the header; invalid JSON line; an
    unterminated quote). Rows with fewer fields are padded. Blank lines and
    rows whose cells are all empty are skipped. Mojibake is repaired in all
    text columns, NUL characters removed.

    Every format is streamed, memory flat on any file size: a JSON document is
    read up to three times (where the records are, their keys, the rows),
    never loaded whole unless it is a single record. The first chunk is read lazily:
    errors about the source (missing file, empty, binary, invalid JSON, no
    text column) are raised when iteration starts.

    Parameters
    ----------
    source : str, path-like or pandas.DataFrame
        The export to read.
    options : ReadOptions, optional
        The columns and the time zone (default: ``ReadOptions()``: columns
        found by their names, times in Europe/Helsinki).
    text_col, time_col, author_col, tz : str, optional
        The same as keywords; one given takes the place of ``options``' field
        (:meth:`ReadOptions.of`). ``""`` for time/author: none.
    chunksize : int, default=20000
        Kept rows per chunk (at most).
    stats : ReadStats, optional
        Updated in place while iterating (counts, detected format...).

    Yields
    ------
    Chunk
        ``frame`` (source columns in source order, text as ``object`` str,
        time column as tz-aware timestamps with ``NaT`` for empty/unparsable,
        plus ``"_line"``), ``rejects`` and ``roles``. At least one chunk is
        yielded, possibly with zero rows, so a writer can still write a header.

    Raises
    ------
    AnalyzerError
        When the source cannot be read at all (missing, empty, binary, no
        header, no text column, unknown time zone...).

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.io import iter_comments, ReadStats
    >>> df = pd.DataFrame({"Kommentti": ["Hyvä!", "Huono."], "Pvm": ["1.3.2026 klo 14.05", "?"]})
    >>> stats = ReadStats()
    >>> for chunk in iter_comments(df, chunksize=1, stats=stats):
    ...     row = chunk.frame.iloc[0]
    ...     print(row["Kommentti"], row["Pvm"], row["_line"])
    Hyvä! 2026-03-01 14:05:00+02:00 1
    Huono. NaT 2
    >>> stats.rows_read, stats.bad_times
    (2, 1)
    """
    if chunksize < 1:
        raise AnalyzerError(f"chunksize must be at least 1, not {chunksize}")
    options = ReadOptions.of(
        options, text_col=text_col, time_col=time_col, author_col=author_col, tz=tz
    )  # the time zone is checked here, before any row is read
    tz = options.tz
    stats = ReadStats() if stats is None else stats
    raw = _open(source, stats, chunksize)
    roles = find_roles(
        raw.columns,
        text_col=options.text_col,
        time_col=options.time_col,
        author_col=options.author_col,
    )
    offset = 0
    yielded = False
    for batch in raw.batches:
        frame = _convert(batch, roles, tz, stats)
        frame.index = pd.RangeIndex(offset, offset + len(frame))
        offset += len(frame)
        stats.rows_read += batch.records
        stats.rows_rejected += len(batch.rejects)
        yielded = True
        yield Chunk(frame, list(batch.rejects), roles)
    if not yielded:
        empty = RawBatch(
            pd.DataFrame({c: pd.Series([], dtype=object) for c in raw.columns}), [], [], 0, True
        )
        yield Chunk(_convert(empty, roles, tz, stats), [], roles)


def read_comments(
    source: Source,
    *,
    options: ReadOptions | None = None,
    text_col: str | None = None,
    time_col: str | None = None,
    author_col: str | None = None,
    tz: str | None = None,
    chunksize: int = 20_000,
    stats: ReadStats | None = None,
) -> pd.DataFrame:
    """Read a whole export into one DataFrame (for notebooks).

    Same reading and arguments as :func:`iter_comments`, all chunks concatenated. The frame
    carries ``attrs["roles"]`` (dict: text, time, author), ``attrs["rejects"]``
    (list of :class:`Reject`) and ``attrs["stats"]`` (:class:`ReadStats`).

    Raises
    ------
    AnalyzerError
        If the source cannot be read or no row could be kept.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.io import read_comments
    >>> df = read_comments(pd.DataFrame({"message": ["Kiitos!"], "from": ["Testi Käyttäjä"]}))
    >>> df.attrs["roles"]
    {'text': 'message', 'time': None, 'author': 'from'}
    >>> df["message"].tolist()
    ['Kiitos!']
    >>> from analyzer.io import ReadOptions
    >>> df = pd.DataFrame({"viesti": ["Hyvä"], "aika": ["4.3.2026 klo 10.00"]})
    >>> str(read_comments(df, options=ReadOptions(tz="UTC"))["aika"].iloc[0])
    '2026-03-04 10:00:00+00:00'
    """
    stats = ReadStats() if stats is None else stats
    frames: list[pd.DataFrame] = []
    rejects: list[Reject] = []
    roles: ColumnRoles | None = None
    for chunk in iter_comments(
        source,
        options=options,
        text_col=text_col,
        time_col=time_col,
        author_col=author_col,
        tz=tz,
        chunksize=chunksize,
        stats=stats,
    ):
        frames.append(chunk.frame)
        rejects.extend(chunk.rejects)
        roles = chunk.roles
    assert roles is not None
    frame = frames[0] if len(frames) == 1 else pd.concat(frames)
    if len(frame) == 0:
        what = ""
        if rejects:
            first = rejects[0]
            what = f" ({len(rejects)} rows rejected; line {first.line}: {first.reason})"
        raise AnalyzerError(f"no comments could be read{what}")
    frame.attrs["roles"] = roles.as_dict()
    frame.attrs["rejects"] = rejects
    frame.attrs["stats"] = stats
    return frame


def read_scored(
    path: str | os.PathLike[str],
    *,
    options: ReadOptions | None = None,
    text_col: str | None = None,
    time_col: str | None = None,
    tz: str | None = None,
) -> pd.DataFrame:
    """Read a scored comments file: :func:`read_comments`, ``p_<label>`` columns as floats.

    Parameters
    ----------
    path : str or path-like
        A file written by ``analyzer score`` (or any export).
    options : ReadOptions, optional
        The columns and the time zone; ``text_col``, ``time_col`` and ``tz``
        as keywords take the place of its fields.

    Returns
    -------
    pandas.DataFrame
        As :func:`read_comments` reads it, with a parsed, tz-aware time column.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analyzer.io import read_scored
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "s.csv"
    >>> _ = p.write_text("time,text,tone,p_neutral\\n2026-03-04T10:00,Hyvä,neutral,0.5\\n")
    >>> df = read_scored(p)
    >>> str(df["time"].iloc[0]), df["p_neutral"].iloc[0]
    ('2026-03-04 10:00:00+02:00', np.float64(0.5))
    """
    path = Path(path)
    if not path.is_file():
        raise AnalyzerError(f"file {path} not found")
    df = read_comments(path, options=options, text_col=text_col, time_col=time_col, tz=tz)
    for col in df.columns:
        if str(col).startswith("p_"):
            df[col] = pd.to_numeric(df[col], errors="coerce")
    return df

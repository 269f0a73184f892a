"""The entry points: :func:`score` (a DataFrame) and :func:`score_file` (streamed to a file)."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analyzer.errors import AnalyzerError
from analyzer.scoring._run import Run, ScoreSummary, as_source
from analyzer.scoring._worker import model_info

__all__ = ["score", "score_file"]


def score(
    source: Any,
    *,
    model: Any = None,
    options: Any = None,
    text_col: str | None = None,
    time_col: str | None = None,
    author_col: str | None = None,
    tz: str | None = None,
    keep_authors: bool = False,
    salt: str | None = None,
    with_lemmas: bool = False,
    jobs: int | None = 1,
    chunksize: int = 20_000,
    engine: str = "local",
    scheduler: str | None = None,
) -> pd.DataFrame:
    """Score comments: the input rows with ``tone`` and ``p_<tone>`` columns added.

    Parameters
    ----------
    source : path, pandas.DataFrame, pandas.Series or list of str
        An export file (CSV/TSV/XLSX/JSON/JSONL/Parquet), a DataFrame, a
        Series of comment texts (its name, or ``"text"``, becomes the text
        column) or a list of texts.
    model : path or ToneModel, optional
        Default: the bundled model (:func:`analyzer.model.default_model_path`).
    options : analyzer.io.ReadOptions, optional
        How to read the source: the text, time and author columns (found by
        their names when not given) and the time zone of times written without
        one (default Europe/Helsinki).
    text_col, time_col, author_col, tz : str, optional
        The same as keywords; one given takes the place of ``options``' field.
    keep_authors : bool, default=False
        Keep every name as written. By default names become stable salted
        pseudonyms: the fields that identify an author, the people in titles
        ("X commented on Y's post."), @mentions of a known author or of a
        capitalised full name and known authors' full names in texts, and the
        same inside JSON cells (see :func:`analyzer.io.prepare_output` and the
        README's privacy paragraph).
    salt : str, optional
        Salt of the pseudonyms (default: ``ANALYZER_SALT`` or a per-user salt).
    with_lemmas : bool, default=False
        Add a ``lemmas`` column (space-separated Voikko lemmas).
    jobs : int or None, default=1
        Processes scoring chunks, this one included (it starts ``jobs - 1``
        workers once a second chunk exists); ``None`` or ``0`` uses all cores.
    chunksize : int, default=20000
        Rows per chunk.
    engine : {"local", "dask"}, default="local"
        ``"dask"`` scores chunks on a Dask cluster (``scheduler`` address, or a
        ``LocalCluster`` with ``jobs`` workers).
    scheduler : str, optional
        Address of a running Dask scheduler.

    Returns
    -------
    pandas.DataFrame
        Original columns in their order (time parsed to tz-aware timestamps),
        then ``tone`` and ``p_<label>``; the index of a DataFrame or Series
        source is kept (so ``df["tone"] = score(df)["tone"]`` aligns), a file
        or list gives ``0..n-1``; ``attrs["roles"]``,
        ``attrs["rejects"]`` and ``attrs["summary"]`` describe the run.

    Examples
    --------
    >>> import pandas as pd
    >>> import analyzer
    >>> df = pd.DataFrame({"kommentti": ["Hävetkää!", "Kiitos anteeksipyynnöstä ❤️"]})
    >>> analyzer.score(df)["tone"].tolist()
    ['criticism', 'understanding']
    >>> analyzer.score(pd.Series(["Kiitos!", "Hävetkää!"], index=[4, 7])).index.tolist()
    [4, 7]
    """
    if text_col is None and getattr(options, "text_col", None) is None:
        if isinstance(source, pd.Series):
            text_col = str(source.name) if source.name is not None else "text"
    from analyzer.io import ReadOptions

    given = source
    source, index = as_source(source)
    options = ReadOptions.of(
        options, text_col=text_col, time_col=time_col, author_col=author_col, tz=tz
    )
    run = Run(
        source,
        model=model,
        options=options,
        keep_authors=keep_authors,
        salt=salt,
        with_lemmas=with_lemmas,
        jobs=jobs,
        chunksize=chunksize,
        engine=engine,
        scheduler=scheduler,
    )
    frames = list(run.frames(for_file=False))
    out = pd.concat(frames) if frames else pd.DataFrame()
    rows = out.index.to_numpy(dtype=np.intp)  # positions in the source
    if index is not None:  # the caller's rows keep their labels
        out.index = index.take(rows)
    else:
        out = out.reset_index(drop=True)
    if out.empty:
        raise AnalyzerError(
            f"no comments to score ({run.stats.rows_read} rows read, "
            f"{run.stats.rows_rejected} rejected)"
        )
    out.attrs["roles"] = run.roles.as_dict() if run.roles is not None else {}
    if isinstance(given, pd.DataFrame):
        _keep_dtypes(out, given, rows, set(out.attrs["roles"].values()))
    out.attrs["rejects"] = run.rejects
    out.attrs["summary"] = run.summary(len(out), out["tone"].value_counts().to_dict())
    out.attrs["model_info"] = model_info(run.meta)
    return out


def score_file(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    excel: bool = False,
    excel_safe: bool = True,
    progress: bool | None = None,
    **kwargs: Any,
) -> ScoreSummary:
    """Score an export file into an output file, streaming with flat memory.

    The output has every input column in the original order plus ``tone``
    and ``p_<label>`` (and ``lemmas`` with ``with_lemmas``), exactly one row
    per readable input row in the same order, times in ISO 8601 with offset.
    Unreadable rows go to ``OUTPUT.rejects.csv`` with line number and reason.
    Both files are written atomically.

    Parameters
    ----------
    source : path or pandas.DataFrame
        The export.
    output : path
        ``.csv``, ``.tsv``, ``.jsonl``, ``.xlsx`` or ``.parquet``.
    excel : bool, default=False
        CSV for Finnish Excel: ``;`` separated, UTF-8 with BOM. By default a
        CSV or TSV output follows the input's dialect: its delimiter, its BOM,
        and its encoding where that loses nothing (see
        :class:`~analyzer.io.TableWriter`'s ``like``).
    excel_safe : bool, default=True
        Neutralise cells a spreadsheet would run as a formula: those starting
        with ``=``, ``@``, tab or CR, and with ``+`` or ``-`` unless they are
        plain numbers (:func:`~analyzer.io.excel_safe`).
    progress : bool, optional
        Show a progress bar on stderr (default: when stderr is a terminal).
    **kwargs
        As in :func:`score` (``model``, ``options``, ``text_col``, ``time_col``,
        ``author_col``, ``tz``,
        ``keep_authors``, ``salt``, ``with_lemmas``, ``jobs`` — here default all cores —,
        ``chunksize``, ``engine``, ``scheduler``).

    Returns
    -------
    ScoreSummary

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from analyzer.scoring import score_file
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "in.csv").write_text("message\\nHävetkää!\\n", encoding="utf-8")
    >>> score_file(d / "in.csv", d / "out.csv", jobs=1).rows_scored
    1
    """
    from analyzer.io import ReadOptions, TableWriter, write_rejects

    output = Path(output)
    kwargs.setdefault("jobs", None)
    read = {k: kwargs.pop(k) for k in ("text_col", "time_col", "author_col", "tz") if k in kwargs}
    kwargs["options"] = ReadOptions.of(kwargs.get("options"), **read)
    run = Run(source, **kwargs)
    rows = 0
    tones: dict[str, int] = {}
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(unit=" comments", file=sys.stderr, desc="scoring", dynamic_ncols=True)
    try:
        # closing(): a failed write stops the chunk generator (and its workers) at once
        with (
            TableWriter(output, excel=excel, like=run.stats) as writer,
            contextlib.closing(run.frames(for_file=True, excel_safe=excel_safe)) as frames,
        ):
            for out in frames:
                writer.write(out)
                rows += len(out)
                for k, v in out["tone"].value_counts().items():
                    tones[str(k)] = tones.get(str(k), 0) + int(v)
                if bar is not None:
                    bar.update(len(out))
    finally:
        if bar is not None:
            bar.close()
    summary = run.summary(rows, tones, output=str(output))
    if run.rejects:
        rej_path = output.with_name(output.name + ".rejects.csv")
        write_rejects(rej_path, run.rejects)
        summary.rejects_file = str(rej_path)
    return summary


def _keep_dtypes(out: pd.DataFrame, given: pd.DataFrame, rows: np.ndarray, roles: set) -> None:
    """Give the caller's number, boolean and date columns back as they came in.

    Reading turns every cell into text (one conversion for every format); a
    column that is neither text nor one of the roles holds no names to
    pseudonymise, so the caller's own values and dtype return.
    """
    if not given.columns.is_unique:
        return
    for col in given.columns:
        name = str(col)
        kind = given[col].dtype.kind
        if name in out.columns and name not in roles and kind in "biufcmM":
            out[name] = given[col].iloc[rows].set_axis(out.index)

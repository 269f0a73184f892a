"""FinnSentiment 1.1: real Finnish social-media sentences as a training signal.

FinnSentiment (Lindén, Jauhiainen & Hardwick 2023, CC BY 4.0,
http://urn.fi/urn:nbn:fi:lb-2023012701) holds 27,000 Suomi24 forum sentences,
each labelled for polarity (-1, 0, 1) by three annotators. Its sentences
never enter this repository: they are read at training time from the file the
user names (by default ``../shared/eval/finnsentiment/finnsentiment_splits01-16.tsv``
beside the checkout, or ``$ANALYZER_FINNSENTIMENT``). A model trained with
them ships their weights and vocabulary only.

The file has 20 tab-separated columns and no header; quotes are part of the
text, so it is read with ``csv.QUOTE_NONE``. Columns 1-3 (1-based) are the
three annotators, 4 the majority label, 17 the cross-validation split, 20
the sentence.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pandas as pd

from analyzer.config import FINNSENTIMENT_ENV, default_finnsentiment_path
from analyzer.errors import AnalyzerError

__all__ = [
    "FINNSENTIMENT_ENV",
    "FINNSENTIMENT_URL",
    "POLARITY_TONES",
    "default_finnsentiment_path",
    "load_finnsentiment",
    "parse_splits",
]

FINNSENTIMENT_URL = "http://urn.fi/urn:nbn:fi:lb-2023012701"
#: polarity -> tone: a negative sentence reads as criticism, a positive one as understanding
POLARITY_TONES = {-1: "criticism", 0: "neutral", 1: "understanding"}


def parse_splits(spec: str) -> tuple[int, ...]:
    """Split numbers from ``"1-12"``, ``"1,3,5-7"`` or ``"all"`` (= 1-20).

    Examples
    --------
    >>> from analyzer.model import parse_splits
    >>> parse_splits("1-3,7")
    (1, 2, 3, 7)
    """
    spec = spec.strip().lower()
    if spec == "all":
        return tuple(range(1, 21))
    out: set[int] = set()
    for part in spec.split(","):
        m = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", part)
        if not m:
            raise AnalyzerError(f"bad split list {spec!r} (use e.g. '1-12' or '1,2,5-8')")
        lo = int(m.group(1))
        hi = int(m.group(2) or lo)
        if not 1 <= lo <= hi <= 20:
            raise AnalyzerError(f"bad split range {part.strip()!r}: splits are 1-20")
        out.update(range(lo, hi + 1))
    return tuple(sorted(out))


def load_finnsentiment(
    path: str | os.PathLike[str] | None = None,
    *,
    splits: tuple[int, ...] | None = None,
    unanimous: bool = False,
) -> pd.DataFrame:
    """FinnSentiment sentences with their polarity, tone, split and agreement.

    Parameters
    ----------
    path : path-like, optional
        The TSV file; default :func:`default_finnsentiment_path`.
    splits : tuple of int, optional
        Keep only these cross-validation splits (all when ``None``).
    unanimous : bool, default=False
        Keep only sentences all three annotators labelled alike.

    Returns
    -------
    pandas.DataFrame
        ``text, polarity`` (majority, -1/0/1), ``label`` (the tone of
        :data:`POLARITY_TONES`), ``split``, ``unanimous``.

    Raises
    ------
    AnalyzerError
        The file is missing or not FinnSentiment's 20-column table; the
        message says in one line what to download and where to put it.

    Examples
    --------
    >>> from analyzer.model import load_finnsentiment
    >>> load_finnsentiment("/nonexistent/fs.tsv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    analyzer.errors.AnalyzerError: FinnSentiment not found at /nonexistent/fs.tsv: ...
    """
    p = Path(path) if path is not None else default_finnsentiment_path()
    if not p.is_file():
        raise AnalyzerError(
            f"FinnSentiment not found at {p}: download FinnSentiment 1.1 from "
            f"{FINNSENTIMENT_URL} and put its TSV there (or give its path with "
            f"--finnsentiment or ${FINNSENTIMENT_ENV})"
        )
    try:
        df = pd.read_csv(
            p, sep="\t", header=None, quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False
        )
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise AnalyzerError(f"cannot read FinnSentiment file {p}: {exc}") from None
    if df.shape[1] != 20:
        raise AnalyzerError(
            f"{p} is not FinnSentiment 1.1 ({df.shape[1]} columns, expected 20); "
            f"download it from {FINNSENTIMENT_URL}"
        )
    try:
        votes = df[[0, 1, 2]].astype(int)
        out = pd.DataFrame(
            {
                "text": df[19].astype(str),
                "polarity": df[3].astype(int),
                "split": df[16].astype(int),
                "unanimous": (votes[0] == votes[1]) & (votes[1] == votes[2]),
            }
        )
    except ValueError as exc:
        raise AnalyzerError(f"{p} is not FinnSentiment 1.1 ({exc})") from None
    out["label"] = out["polarity"].map(POLARITY_TONES)
    if out["label"].isna().any():
        raise AnalyzerError(f"{p}: majority labels outside -1/0/1; is it FinnSentiment 1.1?")
    if splits is not None:
        missing = sorted(set(splits) - set(out["split"].unique().tolist()))
        if missing:
            raise AnalyzerError(f"{p} has no split {', '.join(map(str, missing))}")
        out = out[out["split"].isin(splits)]
    if unanimous:
        out = out[out["unanimous"]]
    return out[["text", "polarity", "label", "split", "unanimous"]].reset_index(drop=True)

"""Loaders for the bundled data: the tone corpus, the contrast set, the demo and blind threads.

All texts in ``data/`` were written by the analyzer team (see
``data/README.md``). The files ship inside the package (see
:func:`analyzer.config.bundled_dir`); ``ANALYZER_DATA`` points elsewhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from analyzer import config
from analyzer.config import data_dir
from analyzer.errors import AnalyzerError

__all__ = [
    "CONTRAST_CATEGORIES",
    "CONTRAST_COLUMNS",
    "CONTRAST_VARIATIONS",
    "CORPUS_COLUMNS",
    "LABELS",
    "PHASES",
    "data_dir",
    "load_blind",
    "load_contrast",
    "load_corpus",
    "load_demo",
    "load_demo_events",
    "load_demo_gold",
]

#: the three tones of the bundled corpus
LABELS = ("criticism", "understanding", "neutral")
#: what a corpus comment reacts to
PHASES = ("incident", "explanation", "apology")
CORPUS_COLUMNS = ("id", "scenario", "phase", "text", "label")
CONTRAST_COLUMNS = ("id", "kind", "pair", "variation", "category", "scenario", "text", "label")
#: surface changes of a minimal pair (``base`` is the unchanged comment)
CONTRAST_VARIATIONS = ("base", "period", "capitals", "emoji", "typos", "aeo", "question")
#: hard-case categories of the contrast set
CONTRAST_CATEGORIES = (
    "sarcasm_unmarked",
    "staff_defended_management_blamed",
    "stance_tag",
    "rhetorical_question",
    "reply_to_commenter",
    "english",
    "swedish",
)


def _file(name: str) -> Path:
    path = data_dir() / name
    if not path.is_file():
        raise AnalyzerError(
            f"bundled data file {path} not found (reinstall analyzer or set {config.DATA_ENV})"
        )
    return path


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def load_corpus(*, exclude_scenarios: tuple[str, ...] = ()) -> pd.DataFrame:
    """The hand-written tone corpus: ``id, scenario, phase, text, label``.

    Parameters
    ----------
    exclude_scenarios : tuple of str
        Scenarios to leave out.

    Examples
    --------
    >>> from analyzer.data import load_corpus
    >>> df = load_corpus()
    >>> list(df.columns), len(df) >= 3000
    (['id', 'scenario', 'phase', 'text', 'label'], True)
    """
    df = _read_csv(_file("tone_corpus.csv"))
    if exclude_scenarios:
        df = df[~df["scenario"].isin(exclude_scenarios)].reset_index(drop=True)
    return df


def load_contrast(kind: str | None = None) -> pd.DataFrame:
    """The contrast set: minimal pairs and hard cases, for evaluation only.

    Columns ``id, kind, pair, variation, category, scenario, text, label``.
    ``kind == "pair"`` rows are minimal pairs: comments sharing a ``pair`` id
    differ only in surface form (``variation``: final period, capitals, emoji,
    typos, ä/ö written as a/o, final ?/!), never in label; the unchanged comment
    has variation ``base``. ``kind == "hard"`` rows are hard cases by
    ``category`` (see ``data/README.md``). Empty fields are empty strings.

    Parameters
    ----------
    kind : {"pair", "hard"}, optional
        Only the rows of this kind.

    Examples
    --------
    >>> from analyzer.data import load_contrast
    >>> df = load_contrast()
    >>> list(df.columns)
    ['id', 'kind', 'pair', 'variation', 'category', 'scenario', 'text', 'label']
    >>> sorted(load_contrast("hard")["category"].unique())[:2]
    ['english', 'reply_to_commenter']
    """
    df = _read_csv(_file("contrast.csv"))
    if kind is not None:
        if kind not in ("pair", "hard"):
            raise AnalyzerError(f"contrast kind must be 'pair' or 'hard', not {kind!r}")
        df = df[df["kind"] == kind].reset_index(drop=True)
    return df


def load_blind() -> pd.DataFrame:
    """The blind evaluation thread: ``comment_id, phase, text, label``.

    300 comments of a 10th scenario, written and labelled by a team member
    who had read only the annotation guidelines, not the corpus, the demo
    thread or the tests; never used for training or tuning (see
    ``data/README.md``).

    Examples
    --------
    >>> from analyzer.data import load_blind
    >>> df = load_blind()
    >>> len(df), sorted(df["label"].unique())
    (300, ['criticism', 'neutral', 'understanding'])
    """
    return _read_csv(_file("blind_thread.csv"))


def load_demo(**read_options: Any) -> pd.DataFrame:
    """The demo thread as an export would be read: times parsed, authors as written.

    Parameters
    ----------
    **read_options
        Passed to :func:`analyzer.io.read_comments`.

    Examples
    --------
    >>> from analyzer.data import load_demo
    >>> df = load_demo()
    >>> len(df) >= 600, df.attrs["roles"]["text"]
    (True, 'text')
    """
    from analyzer.io import read_comments

    return read_comments(_file("demo_thread.csv"), **read_options)


def load_demo_events(tz: str = config.DEFAULT_TZ) -> list[Any]:
    """The company's statements around the demo thread, as timeline events.

    Examples
    --------
    >>> from analyzer.data import load_demo_events
    >>> [e.kind for e in load_demo_events()]
    ['incident', 'statement', 'deletion', 'apology']
    """
    from analyzer.timeline import parse_events

    return parse_events(path=_file("demo_events.csv"), tz=tz)


def load_demo_gold() -> pd.DataFrame:
    """Gold labels of the demo comments (``comment_id, label, segment``), for evaluation.

    Examples
    --------
    >>> from analyzer.data import load_demo_gold
    >>> sorted(load_demo_gold()["label"].unique())
    ['criticism', 'neutral', 'understanding']
    """
    return _read_csv(_file("demo_gold.csv"))


def demo_paths() -> dict[str, Path]:
    """Paths of the demo files (thread, events, gold)."""
    return {
        "thread": _file("demo_thread.csv"),
        "events": _file("demo_events.csv"),
        "gold": _file("demo_gold.csv"),
    }

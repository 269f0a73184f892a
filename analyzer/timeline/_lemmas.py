"""Which lemmas' use changed most between segments, per tone ("what changed after the apology")."""

from __future__ import annotations

import pandas as pd

from analyzer.errors import AnalyzerError
from analyzer.timeline._data import timed, tone_classes
from analyzer.timeline._events import Event
from analyzer.timeline._segments import BEFORE, assign_segments

__all__ = ["lemma_changes"]


#: word classes worth showing as "what changed"; pronouns, conjunctions, particles,
#: punctuation and the auxiliary-like verbs below say nothing about the thread
_CONTENT_POS = frozenset({"NOUN", "ADJ", "VERB", "PROPN", "INTJ"})
_LIGHT_VERBS = frozenset({"olla", "ei", "voida", "pitää", "tulla", "saada", "mennä", "tehdä"})


def _is_content(lemma: str) -> bool:
    """A noun, adjective, verb, name, interjection or emoji — not a function word."""
    from analyzer.text import lookup

    if lemma.startswith("NEG_"):
        lemma = lemma[4:]
    if lemma in _LIGHT_VERBS or (len(lemma) < 2 and lemma.isalnum()):
        return False
    entry = lookup(lemma)
    return entry.kind == "emoji" or (entry.kind == "word" and entry.pos[0] in _CONTENT_POS)


def _lemma_sets(rows: pd.DataFrame) -> list[set[str]]:
    if "lemmas" in rows.columns:
        return [set(str(v).split()) if isinstance(v, str) else set() for v in rows["lemmas"]]
    text_col = (rows.attrs.get("roles") or {}).get("text") or "text"
    if text_col not in rows.columns:
        raise AnalyzerError("no 'lemmas' or text column: cannot tell which words changed")
    try:
        from analyzer.text import lemma_features
    except ImportError as exc:
        raise AnalyzerError("analyzer.text.lemma_features is not available") from exc
    return [
        set(lemma_features(str(v), negation=False)) if isinstance(v, str) else set()
        for v in rows[text_col]
    ]


def lemma_changes(
    scored: pd.DataFrame,
    events: list[Event],
    *,
    window: str | pd.Timedelta | None = None,
    time_col: str | None = None,
    top: int = 10,
    min_count: int = 3,
) -> pd.DataFrame:
    """Lemmas whose share of comments changed most from one segment to the next, per tone.

    For each pair of consecutive segments and each tone: among the comments of that tone,
    the share containing the lemma before and after; ranked by the absolute change. Only
    content words (nouns, adjectives, verbs other than the most common auxiliary-like ones,
    names, interjections) and emoji are ranked: function words and punctuation change with
    every thread and say nothing.
    Uses the ``lemmas`` column (space-separated) if present, else Voikko via
    ``analyzer.text.lemma_features``.

    Parameters
    ----------
    scored : DataFrame
        Scored comments.
    events : list of Event
        Events that split the thread.
    window, time_col
        As in :func:`compare`.
    top : int
        Lemmas kept per pair, tone and direction (up and down).
    min_count : int
        A lemma must occur in at least this many comments of the tone (both segments together).

    Returns
    -------
    DataFrame
        Columns ``from``, ``to``, ``class``, ``lemma``, ``before``, ``after``, ``diff``,
        ``n_before``, ``n_after`` (comments of the tone in each segment).

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.timeline import parse_events
    >>> t = pd.date_range("2026-03-04 08:00", periods=8, freq="1h", tz="Europe/Helsinki")
    >>> df = pd.DataFrame({"time": t, "tone": ["criticism"] * 8,
    ...                    "lemmas": ["huono palvelu"] * 4 + ["anteeksipyyntö myöhä"] * 4})
    >>> ch = lemma_changes(df, parse_events(["2026-03-04T12:00=Anteeksipyyntö"]), min_count=1)
    >>> r = ch.iloc[0]
    >>> r["lemma"], float(r["before"]), float(r["after"])
    ('anteeksipyyntö', 0.0, 1.0)
    """
    classes = tone_classes(scored)
    rows, col, _ = timed(scored, time_col)
    seg = assign_segments(rows[col], events, window)
    sets = _lemma_sets(rows)
    tone = rows["tone"].astype(str).to_numpy()
    names = [BEFORE, *[e.label for e in events]]
    records = []
    for i in range(len(names) - 1):
        for c in classes:
            before = [s for s, g, t in zip(sets, seg, tone, strict=True) if g == i and t == c]
            after = [s for s, g, t in zip(sets, seg, tone, strict=True) if g == i + 1 and t == c]
            if not before or not after:
                continue
            cb = pd.Series([w for s in before for w in s], dtype=object).value_counts()
            ca = pd.Series([w for s in after for w in s], dtype=object).value_counts()
            both = pd.concat([cb, ca], axis=1, keys=["b", "a"]).fillna(0)
            both = both[(both["b"] + both["a"]) >= min_count].sort_index()
            both = both[[_is_content(str(w)) for w in both.index]]
            if both.empty:
                continue
            diff = both["a"] / len(after) - both["b"] / len(before)
            order = pd.concat([diff.nlargest(top), diff.nsmallest(top)])
            order = order[~order.index.duplicated()]
            for lemma, d in order.items():
                if d == 0:
                    continue
                records.append(
                    {
                        "from": names[i],
                        "to": names[i + 1],
                        "class": c,
                        "lemma": str(lemma),
                        "before": float(both.loc[lemma, "b"] / len(before)),
                        "after": float(both.loc[lemma, "a"] / len(after)),
                        "diff": float(d),
                        "n_before": len(before),
                        "n_after": len(after),
                    }
                )
    cols = ["from", "to", "class", "lemma", "before", "after", "diff", "n_before", "n_after"]
    return pd.DataFrame(records, columns=cols)

"""An analyst's own labels for some comments of a thread, counted in the tone shares.

An analyst who has labelled some comments of the thread (a random sample to
check the model, or the sheets of :func:`analyzer.model.suggest_to_label`)
knows their tone. :func:`compare` and :func:`tone_timeline` take them with
``labels=``: a labelled comment counts as its label in the counted shares, and
the correction is estimated on the unlabelled comments only
(:meth:`Quantifier.shares <analyzer.timeline._quantify.Quantifier.shares>`
with ``known``), so every share is ``(labelled counts + unlabelled n * their
corrected shares) / n``. Labels are matched to the scored comments by an id
column both files have (:data:`ID_NAMES`).
"""

from __future__ import annotations

import os
from typing import Any, Literal

import numpy as np
import pandas as pd

from analyzer.errors import AnalyzerError
from analyzer.io import LINE_COL

__all__ = [
    "ID_NAMES",
    "LABEL_NAMES",
    "analyst_labels",
    "apply_labels",
    "read_analyst_labels",
    "sample_to_label",
]

#: id columns a labels sheet and the scored comments are matched on (any case), in this order
ID_NAMES = ("comment_id", "id", "kommentti_id", "tunniste")
#: label columns of a labels sheet (any case), in this order; ``tone`` is the model's, not these
LABEL_NAMES = ("label", "luokka", "sävy", "analyst_label")
#: Finnish tone names accepted in a sheet
_FINNISH = {"kritiikki": "criticism", "ymmärrys": "understanding", "neutraali": "neutral"}
#: the column :func:`apply_labels` adds (the class index of the label, -1 without one)
KNOWN_COL = "_known"

LabelsSource = str | os.PathLike[str] | pd.Series | pd.DataFrame | list[Any] | tuple[Any, ...]


def _pick(columns: list[Any], names: tuple[str, ...]) -> Any:
    lower = {str(c).strip().lower(): c for c in columns}
    return next((lower[n] for n in names if n in lower), None)


def read_analyst_labels(source: LabelsSource, **read_options: Any) -> pd.Series:
    """The analyst's labels as a Series: comment id -> label (unlabelled rows dropped).

    Parameters
    ----------
    source : path, DataFrame, Series, or a list of them
        A labels sheet (CSV/XLSX/...: an id column of :data:`ID_NAMES`, a
        label column of :data:`LABEL_NAMES` and the comments' text, e.g. a
        filled-in sheet of :func:`sample_to_label` or ``analyzer sample``, or
        the scored file itself with a ``label`` column), a DataFrame with such
        columns, or a Series of labels indexed by comment id. A list joins
        several (a random sample and the least sure, say).
    **read_options
        Passed to :func:`analyzer.io.read_comments` for a file.

    Returns
    -------
    Series
        Labels (stripped; Finnish tone names turned into the English ones)
        indexed by the comment id (strings), named after the sheet's id column.

    Raises
    ------
    AnalyzerError
        No id or label column, rows of the sheet that could not be read, or one
        comment labelled twice with different labels.

    Examples
    --------
    >>> import pandas as pd
    >>> sheet = pd.DataFrame({"comment_id": ["c1", "c2", "c3"],
    ...                       "text": ["Hävetkää", "Kiitos", "Milloin?"],
    ...                       "label": ["criticism", "", "neutral"]})
    >>> read_analyst_labels(sheet).to_dict()
    {'c1': 'criticism', 'c3': 'neutral'}
    """
    if isinstance(source, list | tuple):
        parts = [read_analyst_labels(part, **read_options) for part in source]
        labels = pd.concat(parts) if parts else pd.Series(dtype=object)
        labels.index.name = parts[0].index.name if parts else "comment_id"
    elif isinstance(source, pd.Series):
        labels = source.copy()
        labels.index = labels.index.astype(str)
        labels.index.name = labels.index.name or "comment_id"
    else:
        if isinstance(source, pd.DataFrame):
            df = source.reset_index() if _pick([source.index.name], ID_NAMES) else source
            where = "the labels table"
        else:
            from analyzer.io import read_comments

            where = f"labels sheet {source}"
            try:
                df = read_comments(source, **read_options)
            except AnalyzerError as exc:
                raise AnalyzerError(f"{where}: {exc}") from None
            rejects = df.attrs.get("rejects") or []
            if rejects:
                first = rejects[0]
                raise AnalyzerError(
                    f"{len(rejects)} rows of {where} could not be read (line {first.line}: "
                    f"{first.reason}); fix them so that no label is lost"
                )
        id_col = _pick(list(df.columns), ID_NAMES)
        label_col = _pick(list(df.columns), LABEL_NAMES)
        for what, col, names in (("id", id_col, ID_NAMES), ("label", label_col, LABEL_NAMES)):
            if col is None:
                raise AnalyzerError(
                    f"{where} has no {what} column (one of {', '.join(names)}; "
                    f"columns: {', '.join(str(c) for c in df.columns if c != LINE_COL)})"
                )
        labels = pd.Series(df[label_col].to_numpy(), index=df[id_col].astype(str).to_numpy())
        labels.index.name = str(id_col)
    labels = labels.where(labels.notna(), "").astype(str).str.strip()
    labels = labels[labels != ""].map(lambda v: _FINNISH.get(v.lower(), v))
    twice = labels.str.lower().groupby(level=0).nunique()
    clash = twice[twice > 1].index.tolist()
    if clash:
        raise AnalyzerError(
            f"{len(clash)} comments are labelled twice with different labels: "
            f"{', '.join(map(str, clash[:5]))}"
        )
    return labels[~labels.index.duplicated()]


def analyst_labels(
    scored: pd.DataFrame, labels: LabelsSource, classes: list[str], **read_options: Any
) -> np.ndarray:
    """Class index of each scored comment's analyst label, -1 for the unlabelled.

    Raises
    ------
    AnalyzerError
        A label that is not one of ``classes`` (Finnish names are accepted),
        no id column in ``scored`` to match on, or labelled ids that are not in
        ``scored`` (no label is dropped silently).

    Examples
    --------
    >>> import pandas as pd
    >>> scored = pd.DataFrame({"comment_id": ["c1", "c2", "c3"],
    ...                        "tone": ["neutral", "criticism", "neutral"]})
    >>> labels = pd.Series({"c1": "kritiikki", "c3": "neutral"})
    >>> analyst_labels(scored, labels, ["criticism", "neutral", "understanding"]).tolist()
    [0, -1, 1]
    """
    given = read_analyst_labels(labels, **read_options)
    id_col = given.index.name if given.index.name in scored.columns else None
    id_col = id_col or _pick(list(scored.columns), ID_NAMES)
    if id_col is None:
        raise AnalyzerError(
            f"the comments have no id column to match the labels on (one of {', '.join(ID_NAMES)})"
        )
    by_lower = {str(c).lower(): c for c in classes}
    norm = given.map(lambda v: by_lower.get(v.lower(), v))
    bad = sorted(set(norm) - set(classes))
    if bad:
        raise AnalyzerError(
            f"unknown labels {', '.join(repr(b) for b in bad[:5])}: use {', '.join(classes)}"
        )
    ids = scored[id_col].astype(str)
    absent = norm.index.difference(pd.Index(ids))
    if len(absent):
        are = "comment is" if len(absent) == 1 else "comments are"
        raise AnalyzerError(
            f"{len(absent)} labelled {are} not among the comments "
            f"({id_col} {', '.join(map(str, absent[:5]))}): label comments of this thread"
        )
    code = {c: i for i, c in enumerate(classes)}
    return ids.map(norm.map(code)).fillna(-1).astype(int).to_numpy()


def apply_labels(
    scored: pd.DataFrame, labels: LabelsSource | None, classes: list[str], **read_options: Any
) -> pd.DataFrame:
    """``scored`` with ``tone`` set to the analyst's label where there is one.

    Adds the column :data:`KNOWN_COL` (the label's class index, -1 without one);
    ``scored`` itself is left as it is. Without ``labels`` it is returned unchanged.

    Examples
    --------
    >>> import pandas as pd
    >>> scored = pd.DataFrame({"comment_id": ["c1", "c2"], "tone": ["neutral", "neutral"]})
    >>> out = apply_labels(scored, pd.Series({"c2": "criticism"}), ["criticism", "neutral"])
    >>> out["tone"].tolist(), out[KNOWN_COL].tolist()
    (['neutral', 'criticism'], [-1, 0])
    """
    if labels is None:
        return scored
    codes = analyst_labels(scored, labels, classes, **read_options)
    out = scored.copy()
    out[KNOWN_COL] = codes
    has = codes >= 0
    out.loc[has, "tone"] = np.asarray(classes, dtype=object)[codes[has]]
    return out


def sample_to_label(
    scored: pd.DataFrame,
    n: int,
    *,
    by: Literal["random", "margin", "max"] = "random",
    random_state: int = 0,
) -> pd.DataFrame:
    """A labelling sheet of ``n`` scored comments: a random sample, or the least sure.

    A **random** sample (the default) is what measures the model on a thread
    (``analyzer evaluate``). The least sure comments (``by="margin"`` or
    ``"max"``, as :func:`analyzer.model.least_confident`) are where the
    model's errors are: labelled, they correct the shares most
    (``compare(..., labels=sheet)``; measured in ``bench/prevalence.py
    --labelled-by least-sure``) and they are what active learning labels for
    :func:`analyzer.model.adapt`.

    Parameters
    ----------
    scored : DataFrame
        Scored comments: ``tone`` and ``p_<label>`` columns, the text, and an
        id column (``comment_id``, ``id``, ...) that labels are matched on.
    n : int
        How many comments (all of them when the thread has fewer).
    by : {"random", "margin", "max"}, default="random"
    random_state : int, default=0
        Seed of the random sample.

    Returns
    -------
    DataFrame
        Columns: the id, ``text``, ``tone``, the ``p_<label>`` columns and an
        empty ``label`` to fill in; in the order drawn (least sure first).

    Raises
    ------
    AnalyzerError
        No id column, no probabilities, or a bad ``n`` or ``by``.

    Examples
    --------
    >>> import pandas as pd
    >>> scored = pd.DataFrame({"comment_id": ["c1", "c2", "c3"], "text": ["a", "b", "c"],
    ...                        "tone": ["neutral", "criticism", "neutral"],
    ...                        "p_criticism": [0.1, 0.9, 0.45], "p_neutral": [0.9, 0.1, 0.55]})
    >>> sample_to_label(scored, 1, by="margin")[["comment_id", "label"]].values.tolist()
    [['c3', '']]
    >>> len(sample_to_label(scored, 5))
    3
    """
    from analyzer.model import least_confident

    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise AnalyzerError(f"n must be a positive whole number, not {n!r}")
    id_col = _pick(list(scored.columns), ID_NAMES)
    if id_col is None:
        raise AnalyzerError(
            f"the comments have no id column ({', '.join(ID_NAMES)}): a label is matched to "
            "its comment by it"
        )
    proba = scored[[c for c in scored.columns if str(c).startswith("p_")]]
    if proba.shape[1] < 2:
        raise AnalyzerError("the comments have no p_ probability columns: score them first")
    roles = scored.attrs.get("roles") or {}
    text = roles.get("text") or "text"
    if text not in scored.columns:
        raise AnalyzerError(f"no text column {text!r} in the comments")
    if by == "random":
        pick = scored.sample(n=min(int(n), len(scored)), random_state=random_state).index
    else:
        pick = least_confident(proba, int(n), by=by)
    cols = [id_col, text, "tone", *proba.columns]
    sheet = scored.loc[pick, cols].rename(columns={text: "text"}).assign(label="")
    return sheet.reset_index(drop=True)

"""Active learning: which comments the model is least sure of, to label next.

When the bundled model meets a new thread, labelling a few dozen of its
comments and retraining adapts it. The comments worth an analyst's time are
the ones the model hesitates over: those whose two most probable tones are
nearly tied (a small *margin*).
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd

from analyzer.errors import AnalyzerError

__all__ = ["adapt", "least_confident", "margin", "suggest_to_label", "training_recipe"]


def _proba(frame: pd.DataFrame) -> pd.DataFrame:
    """The ``p_<label>`` columns of a scored frame or a probability frame."""
    if not isinstance(frame, pd.DataFrame):
        raise AnalyzerError(
            f"expected a DataFrame with p_<label> columns, not {type(frame).__name__}"
        )
    cols = [c for c in frame.columns if str(c).startswith("p_")]
    if len(cols) < 2:
        raise AnalyzerError(
            "need at least two p_<label> probability columns "
            "(from analyzer.score or ToneModel.score_frame)"
        )
    return frame[cols].astype(float)


def margin(frame: pd.DataFrame) -> pd.Series:
    """How sure the model is of each comment: top probability minus the runner-up.

    0 means the two most probable tones are tied; 1 means one tone has all
    the probability.

    Parameters
    ----------
    frame : pandas.DataFrame
        Scored comments (:func:`analyzer.score`, :meth:`ToneModel.score_frame`)
        or probabilities (:meth:`ToneModel.predict_proba_frame`): every
        column named ``p_<label>`` is used, other columns are ignored.

    Returns
    -------
    pandas.Series
        Named ``margin``, with the index of ``frame``.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.model import margin
    >>> p = pd.DataFrame({"p_criticism": [0.9, 0.45], "p_neutral": [0.06, 0.4],
    ...                   "p_understanding": [0.04, 0.15]}, index=["c1", "c2"])
    >>> margin(p).round(2).to_dict()
    {'c1': 0.84, 'c2': 0.05}
    """
    proba = _proba(frame).to_numpy()
    top2 = np.sort(proba, axis=1)[:, -2:]
    return pd.Series(top2[:, 1] - top2[:, 0], index=frame.index, name="margin")


def least_confident(
    frame: pd.DataFrame, n: int, *, by: Literal["margin", "max"] = "margin"
) -> pd.Index:
    """Index of the ``n`` comments the model is least sure of, least sure first.

    Parameters
    ----------
    frame : pandas.DataFrame
        Scored comments or probabilities with ``p_<label>`` columns (see
        :func:`margin`). Pass only the comments still unlabelled.
    n : int
        How many to pick (all of them if ``frame`` has fewer rows).
    by : {"margin", "max"}, default="margin"
        ``"margin"``: smallest gap between the two most probable tones;
        ``"max"``: lowest probability of the predicted tone.

    Returns
    -------
    pandas.Index
        Labels of ``frame``'s index, for ``frame.loc[...]``. Ties keep the
        frame's order, so the pick is reproducible.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.model import least_confident
    >>> p = pd.DataFrame({"p_criticism": [0.9, 0.45, 0.4, 0.34],
    ...                   "p_neutral": [0.06, 0.4, 0.35, 0.33],
    ...                   "p_understanding": [0.04, 0.15, 0.25, 0.33]},
    ...                  index=["c1", "c2", "c3", "c4"])
    >>> least_confident(p, 2).tolist()
    ['c4', 'c2']
    >>> least_confident(p, 2, by="max").tolist()
    ['c4', 'c3']
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise AnalyzerError(f"n must be a non-negative whole number, not {n!r}")
    if by == "margin":
        sureness = margin(frame)
    elif by == "max":
        sureness = _proba(frame).max(axis=1)
    else:
        raise AnalyzerError(f"unknown by={by!r} (use 'margin' or 'max')")
    order = np.argsort(sureness.to_numpy(), kind="stable")[: int(n)]
    return frame.index[order]


def _texts(texts: Any) -> pd.Series:
    if isinstance(texts, pd.Series):
        return texts.astype(str)
    if isinstance(texts, (str, bytes)) or not hasattr(texts, "__iter__"):
        raise AnalyzerError(
            f"texts must be a list or Series of comments, not {type(texts).__name__}"
        )
    return pd.Series(list(texts), dtype=object).astype(str)


def suggest_to_label(
    model: Any,
    texts: Any,
    n: int,
    *,
    by: Literal["margin", "max"] = "margin",
) -> pd.DataFrame:
    """A labelling sheet: the ``n`` comments the model is least sure of, least sure first.

    One round of active learning starts here: label the sheet's ``label``
    column (e.g. in Excel), read it back and pass it to :func:`adapt`.

    Parameters
    ----------
    model : ToneModel
        The current model (e.g. :func:`load_model`).
    texts : list or pandas.Series
        The comments not yet labelled; a Series keeps its index (comment ids).
    n : int
        How many to suggest.
    by : {"margin", "max"}, default="margin"
        As in :func:`least_confident`.

    Returns
    -------
    pandas.DataFrame
        Columns ``text``, ``tone``, the ``p_<label>`` columns and an empty
        ``label``; indexed like ``texts``.

    Examples
    --------
    >>> from analyzer.model import load_model, suggest_to_label
    >>> texts = ["Hävetkää!", "Kiitos anteeksipyynnöstä", "Onkohan tää nyt ihan näin"]
    >>> sheet = suggest_to_label(load_model(), texts, 2)
    >>> list(sheet.columns[:2]), len(sheet), set(sheet["label"])
    (['text', 'tone'], 2, {''})
    """
    series = _texts(texts)
    proba = model.score_frame(series.tolist(), index=series.index)
    pick = least_confident(proba, n, by=by)
    return pd.concat([series.rename("text"), proba], axis=1).loc[pick].assign(label="")


def training_recipe(meta: dict[str, Any], finnsentiment: Any = None) -> dict[str, Any]:
    """:func:`~analyzer.model.train`'s keyword arguments that rebuild a model like ``meta``'s.

    The pipeline parameters, the noisy copies (and their emoji share) and the
    general training text (FinnSentiment, read again from ``finnsentiment`` or
    the default place, the same splits; its sentences are never in a model
    file) of the model whose metadata is ``meta``. Without the FinnSentiment
    file the recipe leaves the general text out and the general-text gate with
    it, with an :class:`~analyzer.errors.AnalyzerWarning` saying so: such a
    model reads forum chatter as criticism far more often.

    Examples
    --------
    >>> from analyzer.model import load_model
    >>> r = training_recipe(load_model().meta)
    >>> r["classifier"], r["augment"], r["extra_weight"], len(r["extra_texts"]) > 10_000
    ('nbsvm', 1, 0.16, True)
    """
    import warnings

    from analyzer.errors import AnalyzerWarning
    from analyzer.model._finnsentiment import load_finnsentiment

    params = {k: tuple(v) if isinstance(v, list) else v for k, v in meta.get("params", {}).items()}
    recipe: dict[str, Any] = {**params, "augment": int(meta.get("augment", 0))}
    if recipe["augment"] and "augment_emoji" in meta:
        recipe["augment_emoji"] = float(meta["augment_emoji"]["p"])
    extra = meta.get("extra")
    if not extra:
        return recipe
    try:
        splits = extra.get("splits")
        fs = load_finnsentiment(
            finnsentiment,
            splits=None if splits is None else tuple(splits),
            unanimous=bool(extra.get("unanimous_only", True)),
        )
    except AnalyzerError as exc:
        warnings.warn(
            "retraining without FinnSentiment and without the general-text gate, so the "
            f"model will read neutral chatter as criticism far more often ({exc})",
            AnalyzerWarning,
            stacklevel=3,
        )
        for key in ("gate", "gate_band", "gate_C", "foreign_as_comment"):
            recipe.pop(key, None)
        return recipe
    from analyzer.model._persist import data_hash

    if (
        extra.get("data_hash")
        and data_hash(fs["text"].tolist(), fs["label"].tolist()) != extra["data_hash"]
    ):
        warnings.warn(
            "the FinnSentiment file differs from the one the model was trained with",
            AnalyzerWarning,
            stacklevel=3,
        )
    info = {k: v for k, v in extra.items() if k not in ("n", "labels", "weight", "data_hash")}
    recipe.update(
        extra_texts=fs["text"].tolist(),
        extra_labels=fs["label"].tolist(),
        extra_weight=float(extra["weight"]),
        extra_info=info,
        thread_weight=float(extra.get("thread_weight", 0.0)),
    )
    return recipe


def adapt(
    texts: Any,
    labels: Any,
    *,
    model: Any = None,
    corpus: pd.DataFrame | None = None,
    cv: int | None = None,
    random_state: int = 0,
    finnsentiment: Any = None,
) -> Any:
    """A model retrained on the training corpus plus the comments an analyst labelled.

    The new model is built like ``model`` (:func:`training_recipe`): the same
    pipeline, noisy copies and FinnSentiment sentences, so that it keeps what
    they give on real text; only the labelled comments are new. With the
    corpus's ``scenario`` column, the analyst's comments form one more scenario
    and the probabilities are calibrated on scenarios held out in turn, as
    the bundled model's are.

    Parameters
    ----------
    texts, labels : list or pandas.Series
        The newly labelled comments and their labels (e.g. from the sheets of
        :func:`suggest_to_label`). Rows with an empty label are left out.
    model : ToneModel, path or None
        The model to rebuild (default: the bundled model).
    corpus : DataFrame, optional
        Training data with ``text`` and ``label`` columns (default: the bundled
        corpus, :func:`analyzer.data.load_corpus`).
    cv : int or None, default=None
        Cross-validation folds (``None``: none, so a round takes about two
        minutes with the bundled recipe; the adapted model then keeps no held-out
        predictions and its shares are counted, not corrected, until it is
        trained with ``cv``).
    random_state : int, default=0
    finnsentiment : path, optional
        The FinnSentiment file, when the model was trained with it (default:
        :func:`~analyzer.model.default_finnsentiment_path`).

    Returns
    -------
    ToneModel
        ``meta["adapted"]`` says how many comments were added.

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.model import adapt, load_model, train
    >>> corpus = pd.DataFrame({"text": ["Hävetkää", "Kiitos", "Milloin auki?"] * 6,
    ...                        "label": ["criticism", "understanding", "neutral"] * 6})
    >>> base = train(corpus["text"], corpus["label"], cv=None, min_df=1)
    >>> model = adapt(["Surkeaa toimintaa"], ["criticism"], model=base, corpus=corpus)
    >>> model.meta["n"], model.labels, model.meta["params"] == base.meta["params"]
    (19, ['criticism', 'neutral', 'understanding'], True)
    """
    from analyzer.model._persist import load_model
    from analyzer.model._pipeline import ToneModel
    from analyzer.model._train import train

    base = model if isinstance(model, ToneModel) else load_model(model)
    if corpus is None:
        from analyzer.data import load_corpus

        corpus = load_corpus()
    new_texts, new_labels = _texts(texts), _texts(labels)
    if len(new_texts) != len(new_labels):
        raise AnalyzerError(f"{len(new_texts)} texts but {len(new_labels)} labels")
    keep = (new_labels.str.strip() != "").to_numpy()
    all_texts = [*corpus["text"].astype(str), *new_texts[keep]]
    all_labels = [*corpus["label"].astype(str), *new_labels[keep].str.strip()]
    groups = None
    if "scenario" in corpus.columns and base.meta.get("group_calibration"):
        groups = [*corpus["scenario"].astype(str), *["adapted"] * int(keep.sum())]
    recipe = training_recipe(base.meta, finnsentiment)
    out = train(all_texts, all_labels, groups=groups, cv=cv, random_state=random_state, **recipe)
    out.meta["adapted"] = {"labelled": int(keep.sum()), "corpus": len(corpus)}
    return out

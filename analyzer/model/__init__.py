"""The tone classifier: features, pipeline, training, safe model files, explanations.

Examples
--------
>>> from analyzer.model import load_model
>>> texts = ["No onpa hienoa asiakaspalvelua taas 🙄", "Kiitos anteeksipyynnöstä"]
>>> load_model().score_frame(texts)["tone"].tolist()
['criticism', 'understanding']
"""

from analyzer.model._active import adapt, least_confident, margin, suggest_to_label
from analyzer.model._cache import CACHE_ENV, cache_dir, cached_model, remember_model
from analyzer.model._explain import Explanation, explain, top_features
from analyzer.model._features import STYLE_FEATURES, CommentVectorizer, fold_surface
from analyzer.model._finnsentiment import (
    FINNSENTIMENT_URL,
    default_finnsentiment_path,
    load_finnsentiment,
    parse_splits,
)
from analyzer.model._persist import (
    TRUSTED_TYPES,
    data_hash,
    default_model_path,
    library_versions,
    load_model,
    save_model,
    text_fingerprint,
)
from analyzer.model._pipeline import ToneModel, build_pipeline
from analyzer.model._polarity import POLARITY_FEATURES, polarity_lexicon, polarity_row
from analyzer.model._train import classification_figures, cross_validate, evaluate, train

__all__ = [
    "CACHE_ENV",
    "FINNSENTIMENT_URL",
    "POLARITY_FEATURES",
    "STYLE_FEATURES",
    "TRUSTED_TYPES",
    "CommentVectorizer",
    "Explanation",
    "ToneModel",
    "adapt",
    "build_pipeline",
    "cache_dir",
    "cached_model",
    "classification_figures",
    "cross_validate",
    "data_hash",
    "default_finnsentiment_path",
    "default_model_path",
    "evaluate",
    "explain",
    "fold_surface",
    "least_confident",
    "library_versions",
    "load_finnsentiment",
    "load_model",
    "margin",
    "parse_splits",
    "polarity_lexicon",
    "polarity_row",
    "remember_model",
    "save_model",
    "suggest_to_label",
    "text_fingerprint",
    "top_features",
    "train",
]

"""The tone classifier: features, pipeline, training, safe model files, explanations.

``__all__`` lists the API. Also importable from here, for other parts of the
package and for the tests: the model-file helpers (``data_hash``,
``library_versions``, ``model_to_bytes``, ``model_from_bytes``, ``read_model_bytes``),
``polarity_row`` and ``heldout_arrays`` (the held-out predictions kept in a model's metadata).

Examples
--------
>>> from analyzer.model import load_model
>>> texts = ["No onpa hienoa asiakaspalvelua taas 🙄", "Kiitos anteeksipyynnöstä"]
>>> load_model().score_frame(texts)["tone"].tolist()
['criticism', 'understanding']
"""

from analyzer.model._active import (
    adapt,
    least_confident,
    margin,
    suggest_to_label,
    training_recipe,
)
from analyzer.model._explain import Explanation, explain, top_features
from analyzer.model._features import STYLE_FEATURES, CommentVectorizer, fold_surface
from analyzer.model._finnsentiment import (
    FINNSENTIMENT_URL,
    default_finnsentiment_path,
    load_finnsentiment,
    parse_splits,
)
from analyzer.model._nbsvm import NBLinearSVC
from analyzer.model._persist import (
    TRUSTED_TYPES,
    default_model_path,
    load_model,
    save_model,
    text_fingerprint,
)
from analyzer.model._persist import data_hash as data_hash  # not in __all__
from analyzer.model._persist import library_versions as library_versions  # not in __all__
from analyzer.model._persist import model_from_bytes as model_from_bytes  # not in __all__
from analyzer.model._persist import model_to_bytes as model_to_bytes  # not in __all__
from analyzer.model._persist import read_model_bytes as read_model_bytes  # not in __all__
from analyzer.model._pipeline import ToneModel, build_pipeline
from analyzer.model._polarity import POLARITY_FEATURES, polarity_lexicon
from analyzer.model._polarity import polarity_row as polarity_row  # not in __all__
from analyzer.model._train import classification_figures, cross_validate, evaluate, train
from analyzer.model._train import heldout_arrays as heldout_arrays  # not in __all__

__all__ = [
    "FINNSENTIMENT_URL",
    "POLARITY_FEATURES",
    "STYLE_FEATURES",
    "TRUSTED_TYPES",
    "CommentVectorizer",
    "Explanation",
    "NBLinearSVC",
    "ToneModel",
    "adapt",
    "build_pipeline",
    "classification_figures",
    "cross_validate",
    "default_finnsentiment_path",
    "default_model_path",
    "evaluate",
    "explain",
    "fold_surface",
    "least_confident",
    "load_finnsentiment",
    "load_model",
    "margin",
    "parse_splits",
    "polarity_lexicon",
    "save_model",
    "suggest_to_label",
    "text_fingerprint",
    "top_features",
    "train",
    "training_recipe",
]

"""Finnish text: normalisation, tokens and Voikko lemmas.

Public API: :func:`normalize`, :func:`tokenize`, :func:`lemmatize`,
:func:`analyze`, :func:`lemma_features`, :func:`token_features`,
:func:`detect_languages` (Finnish, English or Swedish),
:class:`LemmaTransformer`, :func:`lookup`, :func:`cache_info`,
:func:`clear_cache`, plus the Voikko access :func:`get_morphology` and
:func:`voikko_info`.

Building blocks of batch feature extraction (used by the batch path of
:class:`analyzer.model.CommentVectorizer`, and by :func:`token_features`
itself, so that one comment and many give the same features):
:func:`split_pieces`, :func:`piece_tokens` and :func:`piece_is_raw` (tokenise
many texts, each distinct piece once), :func:`is_clean` (when
:func:`normalize` only touches spaces and elongations), :func:`negation_scope`,
:func:`choose` and :func:`context_feature` (lemmas chosen by the neighbours
within :data:`CONTEXT`), and the :class:`Entry` flag bits :data:`NEGATOR`,
:data:`SCOPE_END`, :data:`WORD`.

Reachable but not in ``__all__`` (internals of other packages): :class:`Entry`
(what :func:`lookup` returns).
"""

from analyzer.text._cache import cache_info, clear_cache, lookup
from analyzer.text._context import CONTEXT, choose
from analyzer.text._entry import NEGATOR, SCOPE_END, WORD
from analyzer.text._entry import Entry as Entry  # not in __all__
from analyzer.text._features import (
    Token,
    analyze,
    context_feature,
    lemma_features,
    token_features,
)
from analyzer.text._language import LANGUAGES, detect_languages
from analyzer.text._lemmatize import lemmatize
from analyzer.text._negation import NEG_PREFIX, NEG_SCOPE, negation_scope
from analyzer.text._normalize import is_clean, normalize
from analyzer.text._pieces import piece_is_raw, piece_tokens, split_pieces
from analyzer.text._tokenize import EMOJI as EMOJI  # not in __all__: for model._augment
from analyzer.text._tokenize import PLACEHOLDERS, token_kind, tokenize
from analyzer.text._transformer import LemmaTransformer
from analyzer.text._voikko import Morphology, get_morphology, voikko_info

__all__ = [
    "CONTEXT",
    "LANGUAGES",
    "NEGATOR",
    "NEG_PREFIX",
    "NEG_SCOPE",
    "PLACEHOLDERS",
    "SCOPE_END",
    "WORD",
    "LemmaTransformer",
    "Morphology",
    "Token",
    "analyze",
    "cache_info",
    "choose",
    "clear_cache",
    "context_feature",
    "detect_languages",
    "get_morphology",
    "is_clean",
    "lemma_features",
    "lemmatize",
    "lookup",
    "negation_scope",
    "normalize",
    "piece_is_raw",
    "piece_tokens",
    "split_pieces",
    "token_features",
    "token_kind",
    "tokenize",
    "voikko_info",
]

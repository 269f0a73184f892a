"""Finnish text: normalisation, tokens and Voikko lemmas.

Public API: :func:`normalize`, :func:`tokenize`, :func:`lemmatize`,
:func:`analyze`, :func:`lemma_features`, :class:`LemmaTransformer`,
:func:`cache_info`, :func:`clear_cache`, :func:`lookup_many` and
:func:`remember` (sharing looked-up words between processes), plus the Voikko access
:func:`get_morphology` and :func:`voikko_info`.
"""

from analyzer.text._features import (
    NEG_PREFIX,
    NEG_SCOPE,
    Token,
    analyze,
    lemma_features,
    token_features,
)
from analyzer.text._lemmatize import (
    Entry,
    cache_info,
    clear_cache,
    lemmatize,
    lookup,
    lookup_many,
    remember,
)
from analyzer.text._normalize import normalize
from analyzer.text._tokenize import PLACEHOLDERS, token_kind, tokenize
from analyzer.text._transformer import LemmaTransformer
from analyzer.text._voikko import Morphology, get_morphology, voikko_info

__all__ = [
    "NEG_PREFIX",
    "NEG_SCOPE",
    "PLACEHOLDERS",
    "Entry",
    "LemmaTransformer",
    "Morphology",
    "Token",
    "analyze",
    "cache_info",
    "clear_cache",
    "get_morphology",
    "lemma_features",
    "lemmatize",
    "lookup",
    "lookup_many",
    "normalize",
    "remember",
    "token_features",
    "token_kind",
    "tokenize",
    "voikko_info",
]

"""analyzer — tone of Finnish comments around a company's crisis statements.

Data flows one way: :mod:`analyzer.io` reads exports, :mod:`analyzer.text`
turns text into Voikko lemmas, :mod:`analyzer.model` scores tone,
:mod:`analyzer.timeline` compares segments around events, and
:mod:`analyzer.plots` / :mod:`analyzer.report` show the result.

The names below are imported lazily so that ``analyzer --help`` stays fast.

Examples
--------
>>> import analyzer
>>> analyzer.__version__
'0.1.0'
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "AnalyzerError": "analyzer.errors",
    # text
    "normalize": "analyzer.text",
    "tokenize": "analyzer.text",
    "lemmatize": "analyzer.text",
    "analyze": "analyzer.text",
    "LemmaTransformer": "analyzer.text",
    "voikko_info": "analyzer.text",
    # data
    "load_corpus": "analyzer.data",
    "load_demo": "analyzer.data",
    "load_demo_events": "analyzer.data",
    # io
    "read_comments": "analyzer.io",
    # model
    "train": "analyzer.model",
    "evaluate": "analyzer.model",
    "explain": "analyzer.model",
    "load_model": "analyzer.model",
    "save_model": "analyzer.model",
    "default_model_path": "analyzer.model",
    # scoring
    "score": "analyzer.scoring",
    # timeline
    "parse_events": "analyzer.timeline",
    "tone_timeline": "analyzer.timeline",
    "compare": "analyzer.timeline",
    # report
    "write_report": "analyzer.report",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))

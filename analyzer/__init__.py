"""analyzer — tone of Finnish comments around a company's crisis statements.

Data flows one way: :mod:`analyzer.io` reads exports, :mod:`analyzer.text`
turns text into Voikko lemmas, :mod:`analyzer.model` scores tone,
:mod:`analyzer.timeline` compares segments around events, and
:mod:`analyzer.plots` / :mod:`analyzer.report` show the result.

The names below, and the sub-packages as attributes (``analyzer.plots``,
``analyzer.timeline``...), are imported lazily so that ``analyzer --help``
stays fast.

Examples
--------
>>> import analyzer
>>> analyzer.__version__
'0.1.0'
>>> analyzer.timeline.parse_events(["4.3.2026 klo 10.00=Tiedote"])[0].label
'Tiedote'
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

#: sub-packages and modules reachable as attributes (``analyzer.plots``), imported on first use
_SUBMODULES = (
    "data",
    "errors",
    "io",
    "model",
    "plots",
    "report",
    "scoring",
    "text",
    "timeline",
)

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"analyzer.{name}")  # also sets the attribute
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS) | set(_SUBMODULES))

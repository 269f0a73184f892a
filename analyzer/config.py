"""Defaults and environment variables, in one place.

Every module reads its settings from here; nothing else reads ``os.environ``.

* ``ANALYZER_MODEL``: the default model file (else the bundled ``tone-fi.npz``);
* ``ANALYZER_DATA``: the folder of the bundled data files (else the package's own);
* ``ANALYZER_VOIKKO``: the Voikko backend, ``auto`` (default), ``native`` or ``python``;
* ``ANALYZER_SALT``: the pseudonym salt (else a random one kept in
  ``$XDG_CONFIG_HOME/analyzer/salt`` or ``~/.config/analyzer/salt``);
* ``ANALYZER_FINNSENTIMENT``: the FinnSentiment file training may read (else
  ``../shared/eval/finnsentiment/`` beside the checkout).

The model and the data files the package loads ship inside it (``analyzer/_bundled/``:
in a source checkout, links to the repository's ``models/`` and ``data/``; in a wheel, copies).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

__all__ = [
    "DATA_ENV",
    "DEFAULT_TZ",
    "FINNSENTIMENT_ENV",
    "MODEL_ENV",
    "SALT_ENV",
    "VOIKKO_ENV",
    "bundled_dir",
    "data_dir",
    "default_finnsentiment_path",
    "default_model_path",
    "env",
    "user_dir",
]

#: time zone of naive times in exports and events
DEFAULT_TZ = "Europe/Helsinki"

MODEL_ENV = "ANALYZER_MODEL"
DATA_ENV = "ANALYZER_DATA"
VOIKKO_ENV = "ANALYZER_VOIKKO"
SALT_ENV = "ANALYZER_SALT"
FINNSENTIMENT_ENV = "ANALYZER_FINNSENTIMENT"

#: file name of the bundled model
MODEL_FILE = "tone-fi.npz"


def env(name: str) -> str:
    """The environment variable ``name``, stripped; ``""`` when unset.

    Examples
    --------
    >>> from analyzer.config import env
    >>> env("ANALYZER_SURELY_UNSET_VARIABLE")
    ''
    """
    return os.environ.get(name, "").strip()


def bundled_dir() -> Path:
    """The package's folder of bundled files (the model and the data files).

    Examples
    --------
    >>> from analyzer.config import bundled_dir
    >>> (bundled_dir() / "demo_thread.csv").is_file()
    True
    """
    return Path(str(resources.files("analyzer").joinpath("_bundled")))


def data_dir() -> Path:
    """The folder of the bundled data: ``$ANALYZER_DATA`` or :func:`bundled_dir`.

    Examples
    --------
    >>> from analyzer.config import data_dir
    >>> (data_dir() / "tone_corpus.csv").is_file()
    True
    """
    value = env(DATA_ENV)
    return Path(value).expanduser() if value else bundled_dir()


def default_model_path() -> Path:
    """The model used when none is given: ``$ANALYZER_MODEL`` or the bundled ``tone-fi.npz``.

    Examples
    --------
    >>> from analyzer.model import default_model_path
    >>> default_model_path().name
    'tone-fi.npz'
    """
    value = env(MODEL_ENV)
    return Path(value).expanduser() if value else bundled_dir() / MODEL_FILE


def user_dir(kind: str) -> Path:
    """The user's ``"cache"`` or ``"config"`` folder: ``$XDG_CACHE_HOME`` or ``~/.cache``, ….

    Examples
    --------
    >>> from analyzer.config import user_dir
    >>> user_dir("cache").is_absolute(), user_dir("config").is_absolute()
    (True, True)
    """
    value = env(f"XDG_{kind.upper()}_HOME")
    return Path(value) if value else Path.home() / f".{kind}"


def default_finnsentiment_path() -> Path:
    """``$ANALYZER_FINNSENTIMENT`` or ``../shared/eval/finnsentiment/`` beside the checkout.

    Examples
    --------
    >>> from analyzer.model import default_finnsentiment_path
    >>> default_finnsentiment_path().name
    'finnsentiment_splits01-16.tsv'
    """
    value = env(FINNSENTIMENT_ENV)
    if value:
        return Path(value).expanduser()
    shared = Path(__file__).resolve().parents[2] / "shared"
    return shared / "eval" / "finnsentiment" / "finnsentiment_splits01-16.tsv"

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

import functools
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
    "env_path",
    "time_zone",
    "user_dir",
]

#: time zone of naive times in exports and events
DEFAULT_TZ = "Europe/Helsinki"


@functools.lru_cache(maxsize=64)
def time_zone(name: object) -> str:
    """The IANA time-zone name ``name`` as it is spelled, or a one-line error.

    The one check of a time zone, for the data reader and for events alike:
    any IANA name the system knows (``Europe/Helsinki``, ``UTC``), its case
    corrected (``utc`` -> ``UTC``). Fixed offsets such as ``+02:00`` are not
    zones (they ignore summer time): give a name.

    Parameters
    ----------
    name : str
        The zone, e.g. ``"Europe/Helsinki"``.

    Returns
    -------
    str
        The zone's name as the time-zone database spells it.

    Raises
    ------
    AnalyzerError
        The name is not a known zone (``param="tz"``: ``tz=`` / ``--tz``).

    Examples
    --------
    >>> from analyzer.config import time_zone
    >>> time_zone("Europe/Helsinki"), time_zone("europe/helsinki")
    ('Europe/Helsinki', 'Europe/Helsinki')
    >>> time_zone("Mars/Olympus")
    Traceback (most recent call last):
    ...
    analyzer.errors.AnalyzerError: unknown time zone 'Mars/Olympus': use tz= with a name such as Europe/Helsinki or UTC
    """  # noqa: E501
    from zoneinfo import ZoneInfo, available_timezones

    from analyzer.errors import AnalyzerError

    text = name.strip() if isinstance(name, str) else str(getattr(name, "key", name))
    try:
        return ZoneInfo(text).key
    except Exception:  # ZoneInfoNotFoundError, ValueError (empty, a path), OSError
        pass
    folded = {z.lower(): z for z in available_timezones()}.get(text.lower())
    if folded is not None:
        return folded
    raise AnalyzerError(
        f"unknown time zone {name!r}: use {{option}} with a name such as {DEFAULT_TZ} or UTC",
        param="tz",
    )


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


def env_path(name: str, default: Path) -> Path:
    """The path in the environment variable ``name`` (``~`` expanded), or ``default`` when unset.

    Examples
    --------
    >>> from pathlib import Path
    >>> from analyzer.config import env_path
    >>> env_path("ANALYZER_SURELY_UNSET_VARIABLE", Path("/x"))
    PosixPath('/x')
    """
    value = env(name)
    return Path(value).expanduser() if value else default


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
    return env_path(DATA_ENV, bundled_dir())


def default_model_path() -> Path:
    """The model used when none is given: ``$ANALYZER_MODEL`` or the bundled ``tone-fi.npz``.

    Examples
    --------
    >>> from analyzer.model import default_model_path
    >>> default_model_path().name
    'tone-fi.npz'
    """
    return env_path(MODEL_ENV, bundled_dir() / MODEL_FILE)


def user_dir(kind: str) -> Path:
    """The user's ``"cache"`` or ``"config"`` folder: ``$XDG_CACHE_HOME`` or ``~/.cache``, ….

    Examples
    --------
    >>> from analyzer.config import user_dir
    >>> user_dir("cache").is_absolute(), user_dir("config").is_absolute()
    (True, True)
    """
    return env_path(f"XDG_{kind.upper()}_HOME", Path.home() / f".{kind}")


def default_finnsentiment_path() -> Path:
    """``$ANALYZER_FINNSENTIMENT`` or ``../shared/eval/finnsentiment/`` beside the checkout.

    Examples
    --------
    >>> from analyzer.model import default_finnsentiment_path
    >>> default_finnsentiment_path().name
    'finnsentiment_splits01-16.tsv'
    """
    shared = Path(__file__).resolve().parents[2] / "shared"
    return env_path(
        FINNSENTIMENT_ENV, shared / "eval" / "finnsentiment" / "finnsentiment_splits01-16.tsv"
    )

"""Access to the Voikko morphological analyser, with two backends.

``native``
    The C library libvoikko (Debian packages ``libvoikko1 voikko-fi``)
    through its official Python binding ``libvoikko``. Fast; the default.
``python``
    The pure-Python port ``pyvoikko`` from PyPI, used automatically (with one
    warning line) when the native library cannot be loaded.

``ANALYZER_VOIKKO=native|python`` forces one. Handles are created lazily, per
process, so objects holding a :class:`Morphology` can be copied and sent to
worker processes.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
import threading
from typing import Any

from analyzer.config import VOIKKO_ENV, env
from analyzer.errors import AnalyzerError

__all__ = ["Morphology", "get_morphology", "voikko_info"]


def _open_native() -> Any:
    import libvoikko

    try:
        return libvoikko.Voikko("fi")
    except (OSError, libvoikko.VoikkoException) as exc:  # pragma: no cover - depends on OS
        raise OSError(str(exc)) from exc


class Morphology:
    """One Voikko analyser, native or pure Python, opened on first use.

    Parameters
    ----------
    backend : {"auto", "native", "python"}, default="auto"
        Which implementation to use. ``"auto"`` reads ``ANALYZER_VOIKKO`` and
        otherwise prefers the native library, falling back to ``pyvoikko``.

    Examples
    --------
    >>> from analyzer.text import get_morphology
    >>> m = get_morphology()
    >>> [a["BASEFORM"] for a in m.analyze("kylpylään")]
    ['kylpylä']
    """

    def __init__(self, backend: str = "auto") -> None:
        self.backend = backend
        self._handle: Any = None
        self._active: str | None = None
        self._lock = threading.Lock()

    # -- copies for other processes: never ship the C handle --------------
    def __getstate__(self) -> dict[str, Any]:
        return {"backend": self.backend}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["backend"])  # type: ignore[misc]

    @property
    def active(self) -> str:
        """The backend actually in use: ``"native"`` or ``"python"``."""
        self._ensure()
        assert self._active is not None
        return self._active

    def _ensure(self) -> None:
        if self._handle is not None:
            return
        with self._lock:
            if self._handle is not None:
                return
            wanted = self.backend
            if wanted == "auto":
                wanted = env(VOIKKO_ENV).lower() or "auto"
            if wanted not in {"auto", "native", "python"}:
                raise AnalyzerError(f"{VOIKKO_ENV} must be 'native' or 'python', not {wanted!r}")
            if wanted in {"auto", "native"}:
                try:
                    self._handle = _open_native()
                    self._active = "native"
                    return
                except (OSError, ImportError) as exc:
                    if wanted == "native":
                        raise AnalyzerError(
                            "the native Voikko library cannot be loaded "
                            f"({exc}); install libvoikko1 and voikko-fi"
                        ) from None
                    print(
                        "analyzer: warning: native libvoikko not available, "
                        "using the slower pure-Python pyvoikko",
                        file=sys.stderr,
                    )
            try:
                import pyvoikko
            except ImportError:  # pragma: no cover - pyvoikko is a dependency
                raise AnalyzerError(
                    "no Voikko backend: install libvoikko1 and voikko-fi (or pyvoikko)"
                ) from None
            self._handle = pyvoikko
            self._active = "python"

    def analyze(self, word: str) -> list[dict[str, Any]]:
        """All analyses of one word form as dictionaries of Voikko attributes."""
        self._ensure()
        if self._active == "native":
            return [dict(a) for a in self._handle.analyze(word)]
        out = []
        for a in self._handle.analyse(word):
            d = {k: v for k, v in a._asdict().items() if v not in (None, [], "")}
            d.pop("FORM", None)
            d.pop("INFO_FLAGS", None)
            d.pop("COMPOUND_PARTS", None)
            out.append(d)
        return out


_SHARED: dict[str, Morphology] = {}


def get_morphology(backend: str = "auto") -> Morphology:
    """The process-wide :class:`Morphology` for ``backend`` (created lazily).

    Examples
    --------
    >>> from analyzer.text import get_morphology
    >>> get_morphology().active in {"native", "python"}
    True
    """
    m = _SHARED.get(backend)
    if m is None:
        m = _SHARED[backend] = Morphology(backend)
    return m


def _native_library_path() -> str | None:
    name = ctypes.util.find_library("voikko")
    if not name:
        return None
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            for line in maps:
                if "libvoikko" in line:
                    return line.split()[-1]
    except OSError:
        pass
    return name


def voikko_info(backend: str = "auto") -> dict[str, Any]:
    """Describe the active Voikko backend, for ``analyzer doctor``.

    Returns
    -------
    dict
        ``backend``, ``version``, ``library``, ``dictionary`` and ``sample``
        (the lemma of ``kylpylään``, which must be ``kylpylä``).

    Examples
    --------
    >>> from analyzer.text import voikko_info
    >>> voikko_info()["sample"]
    'kylpylään → kylpylä'
    """
    m = get_morphology(backend)
    analyses = m.analyze("kylpylään")
    info: dict[str, Any] = {
        "backend": m.active,
        "sample": "kylpylään → " + (analyses[0].get("BASEFORM", "?") if analyses else "?"),
    }
    if m.active == "native":
        import libvoikko

        info["version"] = libvoikko.Voikko.getVersion()
        info["library"] = _native_library_path()
        info["dictionary"] = ", ".join(
            f"{d.language}-{d.variant}: {d.description}" for d in libvoikko.Voikko.listDicts()
        )
    else:
        import importlib.metadata as md

        info["version"] = "pyvoikko " + md.version("pyvoikko")
        info["library"] = os.path.dirname(m._handle.__file__)
        info["dictionary"] = "voikko.kfst bundled with pyvoikko"
    return info

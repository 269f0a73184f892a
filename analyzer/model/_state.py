"""A fitted pipeline as JSON plus numpy arrays, and back, for trusted classes only.

:func:`encode` walks an object's state (what ``__getstate__`` gives, as
as a copy would see it) and returns a JSON-able tree; every numpy array in it is
replaced by a name and collected apart, to be stored as ``.npy`` members of the
model file (plain ``.npy``; numpy reads them without running any code). :func:`decode` rebuilds the
objects. Nothing but these node kinds exists, so a file can only make data and
instances of trusted classes:

========================  =====================================================
node                      value
========================  =====================================================
``null``, bool, int, str  itself
float                     itself (``NaN`` and infinities as JSON allows them)
list                      a list of nodes
``{"tuple": [...]}``      a tuple (``"set"``, ``"frozenset"``: those)
``{"dict": {...}}``       a dict with str keys
``{"items": [[k, v]]}``   a dict with other keys
``{"array": NAME}``       an array member; ``"objects": true`` for a str array
                          that was of object dtype
``{"strings": NAME}``     a str array kept as UTF-8 (``NAME`` uint8 bytes,
                          ``"n"`` entries, ``"as"`` dtype: ``<U52``, ``|O`` …)
``{"scalar": DT, "v": x}`` a numpy scalar of dtype ``DT``
``{"dtype": DT}``         a numpy dtype; ``{"nptype": DT}`` its scalar type
``{"sparse": F, ...}``    a scipy CSR/CSC matrix (``data``, ``indices``,
                          ``indptr`` arrays and ``shape``)
``{"object": CLASS,       an instance of a trusted class: made with
"state": NODE}``          ``__new__`` and given its state with ``__setstate__``
========================  =====================================================

A class is trusted when :func:`trusted` says so: a scikit-learn estimator
(``sklearn.base.BaseEstimator``) defined in ``sklearn`` or in ``analyzer``, or one
of the few helper classes in :data:`EXTRA_TYPES`. Its module is imported only
after every class named in the file has passed that test by name.
"""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np

__all__ = ["EXTRA_TYPES", "StateError", "decode", "encode", "trusted", "type_names"]

#: Trusted classes that are not scikit-learn estimators themselves.
EXTRA_TYPES: tuple[str, ...] = ("sklearn.calibration._CalibratedClassifier",)

#: Modules whose estimators are trusted.
_ROOTS = ("sklearn", "analyzer")
_DEPTH = 64
#: the keys each kind of node may have (its tag first)
_KEYS = {
    **{tag: {tag} for tag in ("tuple", "set", "frozenset", "dict", "items", "dtype", "nptype")},
    "array": {"array", "objects"},
    "strings": {"strings", "n", "as"},
    "scalar": {"scalar", "v"},
    "sparse": {"sparse", "array_api", "shape", "data", "indices", "indptr"},
    "object": {"object", "state"},
}
#: str arrays at least this long are kept as UTF-8 bytes (a fixed-width ``<U52``
#: array takes 208 bytes an entry whatever the entry's length)
_AS_UTF8 = 64


class StateError(ValueError):
    """The object cannot be written, or the file's tree cannot be read."""


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _resolve(name: str) -> type:
    """The class called ``name``, imported, once its name passed :func:`_plausible`."""
    module, _, qual = name.rpartition(".")
    try:
        obj: Any = importlib.import_module(module)
        obj = getattr(obj, qual)
    except (ImportError, AttributeError, ValueError):
        raise StateError(f"unknown type {name}") from None
    if not isinstance(obj, type) or _name(obj) != name or not trusted(obj):
        raise StateError(f"untrusted type {name}")
    return obj


def _plausible(name: str) -> bool:
    """Whether a class name may be imported to check it (a trusted module, no tricks)."""
    parts = name.split(".")
    return (
        len(parts) >= 2
        and parts[0] in _ROOTS
        and all(p.isidentifier() for p in parts)
        and not parts[-1].startswith("__")
    )


def trusted(cls: type) -> bool:
    """Whether instances of ``cls`` may be written to and read from model files.

    Examples
    --------
    >>> from sklearn.svm import LinearSVC
    >>> from analyzer.model._state import trusted
    >>> trusted(LinearSVC), trusted(dict)
    (True, False)
    """
    from sklearn.base import BaseEstimator

    name = _name(cls)
    if name in EXTRA_TYPES:
        return True
    return name.split(".")[0] in _ROOTS and issubclass(cls, BaseEstimator)


class _Writer:
    def __init__(self) -> None:
        self.arrays: dict[str, np.ndarray] = {}

    def _array(self, arr: np.ndarray) -> str:
        key = f"a{len(self.arrays)}"
        self.arrays[key] = arr
        return key

    def node(self, obj: Any, depth: int = 0) -> Any:
        if depth > _DEPTH:
            raise StateError("the object is nested too deeply")
        d = depth + 1
        if obj is None or type(obj) in {bool, int, float, str}:
            return obj
        if type(obj) is list:
            return [self.node(x, d) for x in obj]
        if type(obj) is tuple:
            return {"tuple": [self.node(x, d) for x in obj]}
        if type(obj) in {set, frozenset}:
            items = sorted(obj, key=repr)  # the same file for the same set
            return {type(obj).__name__: [self.node(x, d) for x in items]}
        if type(obj) is dict:
            if all(type(k) is str for k in obj):
                return {"dict": {k: self.node(v, d) for k, v in obj.items()}}
            return {"items": [[self.node(k, d), self.node(v, d)] for k, v in obj.items()]}
        if isinstance(obj, np.ndarray) and type(obj) is np.ndarray:
            return self._ndarray(obj)
        if isinstance(obj, np.generic):
            return {"scalar": obj.dtype.str, "v": obj.item()}
        if isinstance(obj, np.dtype):
            return {"dtype": obj.str}
        if isinstance(obj, type) and issubclass(obj, np.generic):
            return {"nptype": np.dtype(obj).str}
        import scipy.sparse as sp

        if sp.issparse(obj) and obj.format in {"csr", "csc"}:
            return {
                "sparse": obj.format,
                "array_api": isinstance(obj, sp.sparray),
                "shape": list(obj.shape),
                "data": self._ndarray(obj.data),
                "indices": self._ndarray(obj.indices),
                "indptr": self._ndarray(obj.indptr),
            }
        cls = type(obj)
        if not trusted(cls):
            raise StateError(f"cannot store an object of type {_name(cls)}")
        state = obj.__getstate__() if hasattr(obj, "__getstate__") else obj.__dict__
        if not isinstance(state, dict):
            raise StateError(f"cannot store the state of {_name(cls)}")
        return {"object": _name(cls), "state": self.node(dict(state), d)}

    def _ndarray(self, arr: np.ndarray) -> dict[str, Any]:
        if arr.dtype.hasobject:
            if arr.ndim != 1 or not all(type(x) is str for x in arr):
                raise StateError("cannot store an object array that is not one of texts")
            return self._strings(arr, "|O")
        if arr.dtype.kind == "U" and arr.ndim == 1 and len(arr) >= _AS_UTF8:
            return self._strings(arr, arr.dtype.str)
        if arr.dtype.kind not in "biufcUSMm":
            raise StateError(f"cannot store an array of dtype {arr.dtype}")
        return {"array": self._array(np.ascontiguousarray(arr))}

    def _strings(self, arr: np.ndarray, dtype: str) -> dict[str, Any]:
        items = arr.tolist()
        if any("\x00" in s for s in items):  # the separator; never in our vocabularies
            if dtype == "|O":
                return {"array": self._array(arr.astype(str)), "objects": True}
            return {"array": self._array(arr)}
        raw = "\x00".join(items).encode("utf-8", "surrogatepass")
        buf = np.frombuffer(raw, dtype=np.uint8)
        return {"strings": self._array(buf), "n": len(items), "as": dtype}


def encode(obj: Any) -> tuple[Any, dict[str, np.ndarray]]:
    """The JSON tree of ``obj`` and the arrays it names.

    Raises
    ------
    StateError
        Something in ``obj`` is not data nor an instance of a trusted class.

    Examples
    --------
    >>> import numpy as np
    >>> from analyzer.model._state import decode, encode
    >>> tree, arrays = encode({"w": np.arange(3.0), "r": (1, 2)})
    >>> tree
    {'dict': {'w': {'array': 'a0'}, 'r': {'tuple': [1, 2]}}}
    >>> decode(tree, arrays)["r"]
    (1, 2)
    """
    w = _Writer()
    return w.node(obj), w.arrays


def type_names(tree: Any) -> set[str]:
    """Every class a tree names (to check them before anything is imported).

    Examples
    --------
    >>> from analyzer.model._state import type_names
    >>> type_names({"object": "x.Y", "state": {"dict": {}}})
    {'x.Y'}
    """
    out: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if type(node) is list:
            stack.extend(node)
        elif type(node) is dict:
            if type(node.get("dict")) is dict:
                stack.extend(node["dict"].values())  # values are nodes; keys are the user's
            elif "object" in node:
                out.add(str(node["object"]))
                stack.append(node.get("state"))
            else:
                for tag in ("items", "tuple", "set", "frozenset"):
                    if tag in node:
                        stack.append(node[tag])
    return out


def _reader(arrays: Any) -> Any:
    def get(name: Any) -> np.ndarray:
        if not isinstance(name, str):
            raise StateError("an array reference is not a name")
        try:
            return arrays[name]
        except KeyError:
            raise StateError(f"missing array {name}") from None

    return get


def decode(tree: Any, arrays: Any) -> Any:
    """The object of a tree made by :func:`encode`, its arrays from ``arrays`` (name → array).

    Raises
    ------
    StateError
        The tree is malformed or names a class that is not trusted.

    Examples
    --------
    >>> from analyzer.model._state import decode
    >>> decode({"object": "builtins.eval", "state": {"dict": {}}}, {})
    Traceback (most recent call last):
    ...
    analyzer.model._state.StateError: untrusted type builtins.eval
    """
    for name in type_names(tree):
        if not _plausible(name):
            raise StateError(f"untrusted type {name}")
    get = _reader(arrays)
    classes: dict[str, type] = {}

    def node(x: Any, depth: int) -> Any:
        if depth > _DEPTH:
            raise StateError("nested too deeply")
        d = depth + 1
        if x is None or type(x) in {bool, int, float, str}:
            return x
        if type(x) is list:
            return [node(v, d) for v in x]
        if type(x) is not dict or not x:
            raise StateError("malformed tree")
        tags = x.keys() & _KEYS.keys()
        if len(tags) != 1 or not x.keys() <= _KEYS[next(iter(tags))]:
            raise StateError("malformed node")
        if "tuple" in x:
            return tuple(node(v, d) for v in _list(x["tuple"]))
        if "set" in x or "frozenset" in x:
            kind = set if "set" in x else frozenset
            return kind(node(v, d) for v in _list(x.get("set", x.get("frozenset"))))
        if "dict" in x:
            if type(x["dict"]) is not dict:
                raise StateError("malformed dict")
            return {k: node(v, d) for k, v in x["dict"].items()}
        if "items" in x:
            return {node(k, d): node(v, d) for k, v in (_pair(p) for p in _list(x["items"]))}
        if "array" in x:
            arr = get(x["array"])
            return arr.astype(object) if x.get("objects") else arr
        if "strings" in x:
            raw = get(x["strings"]).tobytes().decode("utf-8", "surrogatepass")
            n = x.get("n")
            items = raw.split("\x00") if n else []
            if len(items) != n:
                raise StateError("malformed strings")
            dtype = np.dtype(str(x.get("as")))
            return np.array(items, dtype=dtype) if dtype.kind in "UO" else _bad("strings dtype")
        if "scalar" in x:
            return np.dtype(_dt(x["scalar"])).type(x.get("v"))
        if "dtype" in x:
            return np.dtype(_dt(x["dtype"]))
        if "nptype" in x:
            return np.dtype(_dt(x["nptype"])).type
        if "sparse" in x:
            import scipy.sparse as sp

            fmt = x["sparse"]
            kind = {
                ("csr", False): sp.csr_matrix,
                ("csc", False): sp.csc_matrix,
                ("csr", True): sp.csr_array,
                ("csc", True): sp.csc_array,
            }.get((fmt, bool(x.get("array_api"))))
            if kind is None:
                raise StateError("malformed sparse matrix")
            parts = (get(x["data"]["array"]), get(x["indices"]["array"]), get(x["indptr"]["array"]))
            return kind(parts, shape=tuple(int(v) for v in _list(x["shape"])))
        if "object" in x:
            name = str(x["object"])
            cls = classes.get(name) or classes.setdefault(name, _resolve(name))
            state = node(x.get("state"), d)
            if type(state) is not dict:
                raise StateError("malformed object state")
            obj = cls.__new__(cls)
            if hasattr(obj, "__setstate__"):
                obj.__setstate__(state)
            else:  # pragma: no cover - every Python 3.11 object has __setstate__
                obj.__dict__.update(state)
            return obj
        raise StateError("malformed tree")

    return node(tree, 0)


def _list(x: Any) -> list[Any]:
    if type(x) is not list:
        raise StateError("malformed list")
    return x


def _pair(x: Any) -> tuple[Any, Any]:
    if type(x) is not list or len(x) != 2:
        raise StateError("malformed item")
    return x[0], x[1]


def _dt(x: Any) -> str:
    dt = str(x)
    if np.dtype(dt).hasobject:
        raise StateError("object dtype")
    return dt


def _bad(what: str) -> Any:
    raise StateError(f"malformed {what}")

"""Package boundaries: no module imports another subpackage's private parts.

``analyzer.text._cache`` may be imported inside ``analyzer.text`` only; from
anywhere else the public ``analyzer.text`` names are the way in. The same for
private names (``from analyzer.scoring import _model_blob``). Checked on the
source with :mod:`ast`, so imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import analyzer

ROOT = Path(analyzer.__file__).parent


def _unit(module: str) -> str:
    """``analyzer.text._cache`` -> ``analyzer.text``; ``analyzer.scoring`` -> itself."""
    return ".".join(module.split(".")[:2])


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _imports(tree: ast.AST) -> list[tuple[int, str, str | None]]:
    """(line, module, imported name or None) of every absolute import of ``analyzer``."""
    out: list[tuple[int, str, str | None]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name, None) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out += [(node.lineno, node.module, a.name) for a in node.names]
    return [(line, mod, name) for line, mod, name in out if mod.split(".")[0] == "analyzer"]


def violations() -> list[str]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        here = _unit(_module_name(path))
        for line, module, name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            target = f"{module}.{name}" if name else module
            if _unit(target) == here:
                continue
            inner = target.split(".")[2:]  # below the target's package or module
            if any(_private(p) for p in inner):
                found.append(f"{path.relative_to(ROOT.parent)}:{line} imports {target}")
    return found


def test_no_module_imports_another_packages_private_parts() -> None:
    assert violations() == []


def test_the_check_sees_a_private_import() -> None:
    tree = ast.parse("def f():\n    from analyzer.text._cache import _lookup\n")
    assert _imports(tree) == [(2, "analyzer.text._cache", "_lookup")]
    assert _unit("analyzer.text._cache") == "analyzer.text"
    assert _private("_cache") and not _private("__version__")


def test_all_lists_the_api_and_internals_stay_reachable() -> None:
    import analyzer.io
    import analyzer.model
    import analyzer.text
    import analyzer.timeline

    for mod in (analyzer.io, analyzer.model, analyzer.text, analyzer.timeline):
        assert all(hasattr(mod, name) for name in mod.__all__), mod.__name__
    # used by other parts of the package, not by users: reachable, not listed
    internal = {
        analyzer.text: ("EMOJI", "Entry"),
        analyzer.model: ("data_hash", "heldout_arrays", "model_from_bytes", "model_to_bytes"),
        analyzer.io: ("open_source",),
    }
    for mod, names in internal.items():
        for name in names:
            assert hasattr(mod, name) and name not in mod.__all__, (mod.__name__, name)
    # what the README and the notebooks import
    assert {"load_model", "train", "evaluate", "explain", "margin", "least_confident"} <= set(
        analyzer.model.__all__
    )
    assert {"read_or_score", "QuantificationWarning"} <= set(analyzer.timeline.__all__)
    # one home per name: read_scored is io's (issue #17), not timeline's too
    assert "read_scored" in analyzer.io.__all__
    assert not hasattr(analyzer.timeline, "read_scored")


def other_libraries_private_imports() -> list[str]:
    """Imports of another library's private module or name (``sklearn.linear_model._base``)."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            for target in names:
                parts = target.split(".")
                if parts[0] != "analyzer" and any(_private(p) for p in parts[1:]):
                    found.append(f"{path.relative_to(ROOT.parent)}:{node.lineno} imports {target}")
    return found


def test_no_module_imports_another_librarys_private_parts() -> None:
    """A library's ``_private`` parts change without notice; only its public API is used."""
    assert other_libraries_private_imports() == []

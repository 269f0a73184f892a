"""``analyzer doctor``: is everything installed and working?"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import platform
import sys

HELP = "check the installation: Python, libraries, Voikko and the model file"

_PACKAGES = (
    "numpy",
    "pandas",
    "scikit-learn",
    "scipy",
    "statsmodels",
    "matplotlib",
    "libvoikko",
    "pyvoikko",
    "ftfy",
    "dask",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="print only problems")


def _model_problems(path, lines: list[str]) -> list[str]:
    """Load the model and compare its text-pipeline fingerprint with this installation."""
    from analyzer.errors import AnalyzerError
    from analyzer.model import load_model, text_fingerprint

    try:
        model = load_model(path)
    except AnalyzerError as exc:
        return [str(exc)]
    cv = model.meta.get("cv") or {}
    lines.append(
        f"model labels: {', '.join(model.labels)}; trained on {model.meta.get('n', '?')} comments"
        + (f"; cross-validated macro-F1 {cv['macro_f1']:.3f}" if "macro_f1" in cv else "")
    )
    trained = model.meta.get("text_fingerprint")
    if trained and trained != text_fingerprint():
        return [
            "the model was trained with a different text pipeline or Voikko dictionary "
            "(retrain it: `make model`)"
        ]
    return []


def run(args: argparse.Namespace) -> int:
    from analyzer import __version__

    problems: list[str] = []
    lines = [f"analyzer {__version__}", f"python {platform.python_version()} ({sys.executable})"]
    for name in _PACKAGES:
        try:
            lines.append(f"  {name} {md.version(name)}")
        except md.PackageNotFoundError:
            lines.append(f"  {name} MISSING")
            problems.append(f"Python package {name} is not installed (run `make setup`)")

    try:
        from analyzer.text import voikko_info

        info = voikko_info()
        lines.append(f"voikko backend: {info['backend']} {info['version']}")
        lines.append(f"voikko library: {info['library']}")
        lines.append(f"voikko dictionary: {info['dictionary']}")
        lines.append(f"sample analysis: {info['sample']}")
        if info["sample"] != "kylpylään → kylpylä":
            problems.append(f"Voikko gives a wrong analysis: {info['sample']}")
        if info["backend"] != "native":
            problems.append("native libvoikko not in use (install libvoikko1 voikko-fi)")
    except Exception as exc:
        problems.append(f"Voikko does not work: {exc}")

    try:
        from analyzer.model import default_model_path

        path = default_model_path()
        lines.append(f"model: {path}" + ("" if path.exists() else " (MISSING)"))
        if not path.exists():
            problems.append(f"model file {path} is missing (run `make model`)")
        else:
            problems.extend(_model_problems(path, lines))
    except ImportError:
        lines.append("model: (model module not installed yet)")

    if not args.quiet:
        print("\n".join(lines))
    for p in problems:
        print(f"analyzer doctor: problem: {p}", file=sys.stderr)
    if not args.quiet or problems:
        print("doctor: " + ("all good" if not problems else f"{len(problems)} problem(s)"))
    return 1 if problems else 0

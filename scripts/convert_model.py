"""Convert a model file of earlier versions (a skops archive) to the current format.

Usage::

    .venv/bin/python scripts/convert_model.py OLD.skops NEW.npz

Reads ``OLD`` through skops' audit (the allow-list ``analyzer.model.TRUSTED_TYPES``;
needs ``skops`` installed: ``pip install skops``) and writes the same fitted
pipeline and metadata with :func:`analyzer.model.save_model`, then loads the new
file and checks that it gives the same metadata and the same probabilities on a
few sentences. No retraining: the model's figures stay those of ``OLD``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from analyzer.model import load_model, save_model

PROBES = [
    "Hävetkää! Ette te oo yhtään pahoillanne 😡",
    "Kiitos anteeksipyynnöstä, hyvä että asia korjataan.",
    "Missä kaupungissa tää tapahtui?",
    "No onpa hienoa asiakaspalvelua taas 🙄",
]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    old, new = Path(argv[0]), Path(argv[1])
    model = load_model(old)
    save_model(model, new)
    back = load_model(new)
    added = set(back.meta) - set(model.meta)  # what save_model adds to a file that lacks it
    if {k: back.meta[k] for k in model.meta} != model.meta or added - {"created", "versions"}:
        raise SystemExit("conversion changed the metadata")
    a, b = model.predict_proba(PROBES), back.predict_proba(PROBES)
    if not np.array_equal(a, b):
        raise SystemExit(f"conversion changed the probabilities (max diff {abs(a - b).max()})")
    print(f"{old} ({old.stat().st_size:,} bytes) -> {new} ({new.stat().st_size:,} bytes): same")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

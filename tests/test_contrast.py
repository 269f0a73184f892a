"""The bundled model on the contrast set (``data/contrast.csv``, issue #13).

Minimal pairs are the same comment with and without a final period, capitals,
emoji, typos, ä/ö or a different final ``?``/``!``; each pair has one label,
so the model must give every member of a pair the same tone. Hard cases are
reported by category; their floor is loose on purpose (see below).
"""

from __future__ import annotations

import pytest

from analyzer.data import data_dir
from analyzer.model import load_model

#: issue #13's target; the shipped model of session 10 keeps 124 of 126 pairs (98.4 %; session
#: 9: 96.0 %, session 8: 98.4 %): broken are p017 (sarcasm read right only with its 🙄) and p108
#: (a typo)
PAIRS_KEPT = 0.97

pytestmark = pytest.mark.skipif(
    not (data_dir() / "contrast.csv").is_file(),
    reason="data/contrast.csv is absent: no contrast set to check",
)


@pytest.fixture(scope="module")
def scored():
    from analyzer.data import load_contrast

    df = load_contrast()
    return df.assign(pred=load_model().predict(df["text"]))


def _pairs(scored):
    pairs = scored[scored["kind"] == "pair"]
    assert len(pairs) and (pairs["variation"] == "base").sum() == pairs["pair"].nunique()
    by_pair = pairs.groupby("pair")
    kept = by_pair["pred"].nunique() == 1
    correct = by_pair.apply(lambda g: bool((g["pred"] == g["label"]).all()), include_groups=False)
    return kept, correct, sorted(kept.index[~kept])


def test_minimal_pairs_keep_their_label(scored):
    kept, correct, broken = _pairs(scored)
    print(
        f"\ncontrast pairs: {kept.mean():.1%} of {len(kept)} keep their label, "
        f"{correct.mean():.1%} all correct; broken: {', '.join(broken) or 'none'}"
    )
    assert kept.mean() >= PAIRS_KEPT, f"pairs that change label: {broken}"
    # a pair kept but wrong is still wrong: most pairs must also be right
    assert correct.mean() >= 0.75


def test_hard_cases_by_category(scored):
    hard = scored[scored["kind"] == "hard"]
    assert len(hard)
    acc = (hard["pred"] == hard["label"]).groupby(hard["category"]).mean()
    print("\nhard cases, accuracy by category:")
    for cat, a in acc.items():
        print(f"  {cat:<34} {a:6.1%}  (n={(hard['category'] == cat).sum()})")
    # These are the cases the model is known to get wrong (models/README.md): the shipped model
    # gets 70.3 % of them right (session 9: 69.2 %; session 8: 64.8 %; the model of 2026-12-05
    # 54.9 %, before issue #13 41.8 %); always saying the largest label gets 60.4 %. The floor
    # guards against falling far back.
    overall = (hard["pred"] == hard["label"]).mean()
    print(f"  overall {overall:.1%}")
    assert overall >= 0.50

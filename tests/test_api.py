"""The top-level API that notebooks and the README use."""

from __future__ import annotations

import pandas as pd
import pytest

import analyzer


@pytest.mark.parametrize("name", analyzer.__all__)
def test_every_public_name_resolves(name):
    assert getattr(analyzer, name) is not None


def test_unknown_name_is_attribute_error():
    with pytest.raises(AttributeError):
        analyzer.no_such_thing  # noqa: B018


def test_readme_five_lines(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(
        "Kommentti;pvm\n"
        "Hävetkää! Tää on ihan järkyttävää;1.3.2026 klo 14.05\n"
        "Kiitos anteeksipyynnöstä, hyvä että korjasitte asian;5.3.2026 klo 9.30\n"
        "Missä tää tapahtu?;5.3.2026 klo 9.45\n",
        encoding="utf-8-sig",
    )
    scored = analyzer.score(export)
    assert scored["tone"].tolist() == ["criticism", "understanding", "neutral"]
    assert isinstance(scored["pvm"].dtype, pd.DatetimeTZDtype)
    events = analyzer.parse_events(["2026-03-03T12:00=Anteeksipyyntö"])
    result = analyzer.compare(scored, events).to_dict()
    assert [s["n"] for s in result["segments"]] == [1, 2]
    assert analyzer.explain(["No onpa hienoa asiakaspalvelua taas 🙄"])[0].tone == "criticism"

"""One mojibake rule: the data reader and normalize repair the same texts the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.data import load_corpus, load_demo
from analyzer.io import fix_mojibake, read_comments
from analyzer.text import normalize

# legitimate Finnish (and one Swedish) text with signs mojibake also shows: kept as written
LEGIT = [
    "VÄ\u00a0HÄ\u00a0!",
    "Hyvää… ”lainaus”",
    "Älä! – sanoi hän",
    "ÖÖ, en tiedä…",
    "Hinta 5 € – halpa™",
    "Ã on kirjain",
    "Åbo Akademi – ”Turku”",
    "Sää: −5 °C, tuuli ½ m/s",
    "MITÄ?! ÄÄ…",
    "Äiti sanoi ’ei’ — ja piste",
    "Näin käy… Ä»",
]


def _mojibake(text: str) -> str:
    """UTF-8 read as cp1252 (latin-1 where cp1252 has no character for a byte)."""
    raw = text.encode("utf-8")
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _own_texts() -> list[str]:
    return load_corpus()["text"].tolist() + load_demo()["text"].tolist()


@pytest.mark.parametrize("text", LEGIT)
def test_legitimate_text_round_trips(text: str, tmp_path: Path) -> None:
    assert fix_mojibake(text) == text
    assert normalize(text) == " ".join(text.split())  # only the no-break spaces change
    path = tmp_path / "legit.csv"
    path.write_text("text\n" + text + "\n", encoding="utf-8")
    assert read_comments(path)["text"].tolist() == [text]


def test_normalize_repairs_by_the_readers_rule() -> None:
    texts = _own_texts()
    broken = [_mojibake(t) for t in texts]
    assert sum(b != t for b, t in zip(broken, texts, strict=True)) > len(texts) // 2
    # repaired by io first or by normalize alone: the same text
    assert [normalize(fix_mojibake(b)) for b in broken] == [normalize(b) for b in broken]
    assert [normalize(b) for b in broken] == [normalize(t) for t in texts]
    # emoji mojibake too (the earlier normalize rule looked only for Ã, Â and â)
    assert normalize(_mojibake("Naurettavaa 🙄🙄")) == "Naurettavaa 🙄🙄"


def test_a_text_repaired_by_io_is_not_changed_again(tmp_path: Path) -> None:
    texts = [t for t in _own_texts() if not t.isascii()][:300] + LEGIT
    rows = [_mojibake(t) for t in texts[:300]] + LEGIT
    path = tmp_path / "export.csv"
    path.write_text(
        "text\n" + "\n".join('"' + r.replace('"', '""') + '"' for r in rows) + "\n",
        encoding="utf-8",
    )
    read = read_comments(path)
    repaired = read["text"].tolist()
    assert repaired == texts
    assert read.attrs["stats"].repaired_cells == 300
    for text in repaired:
        assert fix_mojibake(text) == text
        # normalize's own repair finds nothing left: it only tidies spaces and elongations
        assert normalize(text) == normalize(" ".join(text.split()))

"""The analyst notebooks run top to bottom, headless, and produce their key outputs.

Each notebook is executed in a fresh ``python3`` kernel (the venv's Python) with
``MPLBACKEND=Agg``, in a temporary folder, and fails on any error. The repository
copies are stored with their outputs (``make notebooks`` =
``scripts/run_notebooks.py``), so the figures show without running them.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01_quickstart", "02_apology_before_after", "03_adapt_to_your_thread"]
CELL_TIMEOUT = 600  # seconds per cell; notebook 03 retrains once, about two minutes


def execute(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    """Run the notebook in a new kernel (cwd and TMPDIR in ``tmp_path``); return it executed."""
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    t0 = time.perf_counter()
    client.execute()  # raises CellExecutionError on the first failing cell
    print(f"{name}: {time.perf_counter() - t0:.1f} s")
    return nb


def outputs(nb: nbformat.NotebookNode) -> tuple[str, int]:
    """All text the notebook showed (streams, reprs, Markdown) and how many PNG figures."""
    texts, images = [], 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", out
            if out["output_type"] == "stream":
                texts.append(out["text"])
            data = out.get("data", {})
            images += "image/png" in data
            texts += [data[k] for k in ("text/markdown", "text/plain") if k in data]
    return "\n".join(texts), images


#: figures each notebook shows
IMAGES = {"01_quickstart": 1, "02_apology_before_after": 3, "03_adapt_to_your_thread": 1}


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_committed_with_its_outputs(name):
    path = NOTEBOOKS / f"{name}.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    # executed top to bottom, in order, with outputs and without errors
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    text, images = outputs(nb)
    assert images == IMAGES[name] and text
    assert path.stat().st_size < 600_000  # modest PNGs (scripts/run_notebooks.py)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# 0")


@pytest.mark.slow
def test_01_quickstart(tmp_path, monkeypatch):
    text, images = outputs(execute("01_quickstart", tmp_path, monkeypatch))
    assert "rows read 670, scored 670, rejected 0" in text
    assert "p_understanding" in text and "margin" in text
    assert re.search(r"-> (criticism|understanding|neutral)  \{'criticism'", text)  # explain
    f1 = float(re.search(r"macro-F1 (0\.\d+), accuracy", text).group(1))
    assert 0.7 < f1 <= 1.0
    assert images == 1  # tone and volume over time, on one time axis


@pytest.mark.slow
def test_02_apology_before_after(tmp_path, monkeypatch):
    import analyzer
    from analyzer.data import demo_paths, load_demo_events
    from analyzer.timeline import compare, headline

    text, images = outputs(execute("02_apology_before_after", tmp_path, monkeypatch))
    assert images == 3  # tone and volume over time, segments, lemma changes
    # the answer in words is the package's headline, the same as the report's
    events = load_demo_events()
    result = compare(analyzer.score(demo_paths()["thread"]), events)
    assert headline(result, lang="en") in text
    assert "The clearest change came after «Johdon anteeksipyyntö»" in text
    assert "Robustness — the hand labels" in text


@pytest.mark.slow
def test_03_adapt_to_your_thread(tmp_path, monkeypatch):
    from analyzer.data import load_corpus
    from analyzer.model import default_finnsentiment_path, load_model

    text, images = outputs(execute("03_adapt_to_your_thread", tmp_path, monkeypatch))
    assert images == 1  # criticism per segment, counted four ways
    assert re.search(r"macro-F1 0\.\d+, accuracy 0\.\d+ on the 200 labelled comments", text)
    assert "200 comments count as the analyst labelled them" in text
    assert "largest miss per segment" in text and "corrected + your labels" in text
    # the active-learning batch counts in the shares too, with the random sample
    assert "280 comments count as the analyst labelled them" in text
    assert "+ the least sure too" in text
    found = re.search(r"went from (0\.\d+) to (0\.\d+)", text)
    assert found and abs(float(found.group(2)) - float(found.group(1))) < 0.1
    saved = list(tmp_path.glob("adapt-*/tone-kaislaranta.npz"))
    assert len(saved) == 1
    model = load_model(saved[0])
    bundled = load_model()
    assert model.labels == ["criticism", "neutral", "understanding"]
    assert model.meta["n"] == len(load_corpus()) + 80
    assert model.meta["adapted"] == {"labelled": 80, "corpus": len(load_corpus())}
    # the bundled model's recipe: the same pipeline, noisy copies and general text
    assert model.meta["params"] == bundled.meta["params"]
    assert model.meta["augment"] == bundled.meta["augment"]
    if default_finnsentiment_path().is_file():
        assert model.meta["extra"]["data_hash"] == bundled.meta["extra"]["data_hash"]
    else:  # without the general text (a warning said so), and without the gate
        assert "extra" not in model.meta
    for sheet in ("random_sample.csv", "label_round_1.csv"):
        assert len(list(tmp_path.glob(f"adapt-*/{sheet}"))) == 1

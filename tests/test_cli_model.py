"""``analyzer train / evaluate / explain`` and model errors, run as a user runs them.

The main paths run in a real subprocess (the ``cli`` fixture); follow-up
checks of the same commands call :func:`analyzer.cli.main` in-process
(``run_main``) to keep the suite fast. Models are trained on the small
fixture in ``tests/_fixtures.py`` with 3-fold CV.
"""

from __future__ import annotations

import json
import pickle

from _fixtures import (
    POSNEG_ROWS,
    TINY_CLEAR,
    TONE_HELD_OUT,
    TONE_ROWS,
    run_main,
    write_csv,
    write_posneg_csv,
    write_tone_csv,
)

from analyzer.model import default_model_path

TONES = ["criticism", "neutral", "understanding"]


def _one_line_error(res, *needles: str) -> str:
    """The process failed with exit 2 and exactly one ``analyzer: error:`` line."""
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr and "Traceback" not in res.stdout
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("analyzer: error: "), lines
    for n in needles:
        assert n in lines[0], (n, lines[0])
    return lines[0]


def _ok_json(res):
    if isinstance(res, tuple):  # run_main
        code, out, err = res
        assert code == 0, err
        return json.loads(out)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    return json.loads(res.stdout)


def _main_error(args: list[str], *needles: str, stdin: str | None = None) -> str:
    """In-process: exit 2 and one ``analyzer: error:`` line."""
    code, out, err = run_main(*args, stdin=stdin)
    assert code == 2, (code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("analyzer: error: "), lines
    for n in needles:
        assert n in lines[0], (n, lines[0])
    return lines[0]


def _check_figures(fig: dict, labels: list[str], n: int) -> None:
    assert fig["n"] == n
    assert fig["labels"] == labels
    assert 0.0 <= fig["macro_f1"] <= 1.0 and 0.0 <= fig["accuracy"] <= 1.0
    assert set(fig["per_class"]) == set(labels)
    for m in fig["per_class"].values():
        assert set(m) == {"precision", "recall", "f1", "support"}
        assert all(0.0 <= m[k] <= 1.0 for k in ("precision", "recall", "f1"))
    assert sum(m["support"] for m in fig["per_class"].values()) == n
    assert fig["confusion"]["labels"] == labels
    assert sum(map(sum, fig["confusion"]["matrix"])) == n


def test_train_json_then_evaluate_and_explain(tmp_path, cli):
    data = write_tone_csv(tmp_path / "koulutus.csv")
    model = tmp_path / "malli.npz"
    out = _ok_json(cli("train", str(data), "-o", str(model), "--cv", "3", "--json"))
    assert {"n", "labels", "cv", "model"} <= set(out)
    assert out["n"] == len(TONE_ROWS)
    assert out["labels"] == TONES
    assert out["model"] == str(model) and model.is_file()
    cv = out["cv"]
    _check_figures(cv, TONES, len(TONE_ROWS))
    assert cv["scheme"] == "stratified-3-fold"
    assert "per_group" not in cv
    assert cv["macro_f1"] >= 0.6

    held = write_csv(tmp_path / "testi.csv", ["kommentti", "sävy"], TONE_HELD_OUT)
    ev = _ok_json(cli("evaluate", str(model), str(held), "--json"))
    assert ev["model"] == str(model)
    _check_figures(ev, TONES, len(TONE_HELD_OUT))
    assert ev["accuracy"] >= 5 / 6
    assert {"brier", "ece"} <= set(ev)

    texts = list(TINY_CLEAR)
    ex = _ok_json(cli("explain", *texts, "--model", str(model), "--json", "--top", "4"))
    assert [e["text"] for e in ex] == texts
    assert [e["tone"] for e in ex] == list(TINY_CLEAR.values())
    for e in ex:
        assert set(e) == {"text", "tone", "proba", "reasons"}
        assert set(e["proba"]) == set(TONES)
        assert e["proba"][e["tone"]] == max(e["proba"].values())
        assert 0 < len(e["reasons"]) <= 4
        assert all(set(r) == {"feature", "weight"} for r in e["reasons"])


def test_train_group_col_has_per_group_and_text_output(tmp_path, cli):
    data = write_tone_csv(tmp_path / "koulutus.csv")
    model = tmp_path / "ryhmä.npz"
    res = cli("train", str(data), "-o", str(model), "--group-col", "scenario", "--json")
    out = _ok_json(res)
    cv = out["cv"]
    assert cv["scheme"] == "leave-one-group-out"
    assert set(cv["per_group"]) == {"hotelli", "pankki", "lento"}
    for g in cv["per_group"].values():
        assert g["n"] == 24 and 0.0 <= g["macro_f1"] <= 1.0
    # the readable report of the same run (no --json), with --cv 0 skipping CV
    code, out, _ = run_main("train", str(data), "-o", str(tmp_path / "nocv.npz"), "--cv", "0")
    assert code == 0
    assert out.strip() == f"model saved: {tmp_path / 'nocv.npz'}"
    code, out, _ = run_main("train", str(data), "-o", str(tmp_path / "t.npz"), "--cv", "3")
    assert code == 0
    assert out.startswith(f"cross-validation (stratified-3-fold): n={len(TONE_ROWS)}  macro-F1 ")
    assert "confusion (rows = gold, columns = predicted):" in out
    assert out.rstrip().endswith(f"model saved: {tmp_path / 't.npz'}")


def test_train_other_label_set_and_text_report(tmp_path, cli):
    data = write_posneg_csv(tmp_path / "arviot.csv")
    model = tmp_path / "posneg.npz"
    res = cli(
        "train", str(data), "-o", str(model), "--text-col", "arvio", "--label-col", "arvosana",
        "--cv", "3", "--classifier", "logreg", "--json",
    )  # fmt: skip
    out = _ok_json(res)
    assert out["labels"] == ["negative", "positive"]
    assert out["n"] == len(POSNEG_ROWS)
    _check_figures(out["cv"], ["negative", "positive"], len(POSNEG_ROWS))
    ex = _ok_json(
        run_main("explain", "Loistava ruoka!", "Kamala kahvi.", "--model", str(model), "--json")
    )
    assert [e["tone"] for e in ex] == ["positive", "negative"]
    glob = _ok_json(run_main("explain", "--global", "--json", "--top", "3", "--model", str(model)))
    assert {g["tone"] for g in glob} == {"negative", "positive"}
    # evaluate's readable report lists both classes and the confusion matrix
    code, out, err = run_main(
        "evaluate", str(model), str(data), "--text-col", "arvio", "--label-col", "arvosana"
    )
    assert code == 0, err
    assert out.startswith(f"evaluation of {model}: n={len(POSNEG_ROWS)}  macro-F1 ")
    assert "negative" in out and "positive" in out
    assert "confusion (rows = gold, columns = predicted):" in out


def test_explain_bundled_model_json_global_and_stdin(cli):
    glob = _ok_json(cli("explain", "--global", "--json", "--top", "5"))
    assert {g["tone"] for g in glob} == set(TONES)
    assert len(glob) == 15
    assert all(set(g) == {"tone", "feature", "weight"} for g in glob)
    assert all(g["feature"].split(":", 1)[0] in {"lemma", "style", "polarity"} for g in glob)
    for tone in TONES:
        w = [g["weight"] for g in glob if g["tone"] == tone]
        assert w == sorted(w, reverse=True)
    code, out, _ = run_main("explain", "--global", "--top", "3")
    assert code == 0
    assert [ln.split(":", 1)[0] for ln in out.splitlines()] == TONES
    code, out, err = run_main("explain", "--top", "2", stdin="Hävetkää!\n\nkiitos\n")
    assert code == 0, err
    assert "Hävetkää!\n  → criticism" in out
    assert "kiitos\n  → understanding" in out


def test_model_errors_are_one_line(tmp_path, cli):
    src = tmp_path / "x.csv"
    src.write_text("text\nHävetkää!\n", encoding="utf-8")
    res = cli("score", str(src), "-o", str(tmp_path / "y.csv"), "--model", "nope.npz")
    _one_line_error(res, "model file nope.npz not found")
    assert not (tmp_path / "y.csv").exists()

    fake = tmp_path / "pickled.npz"
    fake.write_bytes(pickle.dumps({"pipeline": None}))
    _one_line_error(cli("explain", "Moi", "--model", str(fake)), "not an analyzer model file")

    assert not (tmp_path / "y.csv").exists()

    # the same error path in-process for the other commands and model problems
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    data = write_tone_csv(tmp_path / "koulutus.csv")
    _main_error(["evaluate", str(garbage), str(data)], "refusing")
    _main_error(["train", str(src), "-o", str(tmp_path / "m.npz")], "no label column")
    one = write_csv(tmp_path / "yksi.csv", ["text", "label"], [("a", "x"), ("b", "x")])
    _main_error(["train", str(one), "-o", str(tmp_path / "m.npz")], "two different")
    _main_error(
        ["train", str(data), "--group-col", "ei_ole", "-o", str(tmp_path / "m.npz")],
        "no column 'ei_ole'",
    )
    _main_error(
        ["train", str(data), "--cv", "0", "-o", str(tmp_path / "ei" / "m.npz")], "does not exist"
    )
    assert not (tmp_path / "m.npz").exists()
    assert not list(tmp_path.glob(".*.tmp"))
    _main_error(["explain", "--model", str(tmp_path / "nope.npz"), "Moi"], "not found")
    _main_error(["explain"], "give comments", stdin="\n  \n")


def test_evaluate_with_another_label_set_is_not_an_internal_error(tmp_path):
    data = write_posneg_csv(tmp_path / "arviot.csv")
    code, out, err = run_main(
        "evaluate", str(default_model_path()), str(data), "--text-col", "arvio",
        "--label-col", "arvosana", "--json",
    )  # fmt: skip
    assert "internal error" not in err
    if code == 0:
        assert json.loads(out)["accuracy"] == 0.0
    else:
        _main_error(
            ["evaluate", str(default_model_path()), str(data), "--text-col", "arvio",
             "--label-col", "arvosana"]
        )  # fmt: skip

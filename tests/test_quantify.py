"""Corrected tone shares (quantification) and their intervals: analyzer.timeline._quantify."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pytest
from _fixtures import TONE_ROWS

from analyzer.data import load_corpus, load_demo_events, load_demo_gold
from analyzer.model import load_model, save_model, train
from analyzer.timeline import compare, tone_timeline
from analyzer.timeline._protocol import run_protocol, summarise
from analyzer.timeline._quantify import (
    DEFAULT_METHOD,
    KDEY_BANDWIDTH,
    Heldout,
    QuantificationWarning,
    Quantifier,
    bcts_apply,
    bcts_fit,
    emq,
    kde_densities,
    rates_matrix,
    solve_adjustment,
)

LABELS = ["criticism", "neutral", "understanding"]


def test_model_keeps_heldout_predictions(heldout):
    meta = load_model().meta
    assert heldout.labels == LABELS == meta["cv"]["labels"]
    assert heldout.proba.shape == (meta["n"], 3) and len(heldout.y) == meta["n"]
    scenarios = sorted(set(load_corpus()["scenario"]))
    assert heldout.group_names is not None and list(heldout.group_names) == scenarios
    # the same predictions the cross-validation figures came from; the probabilities are kept
    # to 1/65535 (uint16), so a near-tie between two classes may flip: at most a few comments
    pred = heldout.proba.argmax(axis=1)
    m = np.bincount(heldout.y * 3 + pred, minlength=9).reshape(3, 3)
    assert np.abs(m - np.array(meta["cv"]["confusion"]["matrix"])).sum() <= 4
    assert "heldout" not in meta["cv"]  # no per-comment data in the printed figures


def test_matches_quapy(heldout):
    qp_agg = pytest.importorskip("quapy.method.aggregative")
    qf = pytest.importorskip("quapy.functional")
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(3)
    rest = heldout.subset(heldout.groups != 0)
    test = heldout.subset(heldout.groups == 0)
    classes = np.arange(3)
    for prev in ([0.2, 0.3, 0.5], [0.7, 0.2, 0.1], [0.05, 0.05, 0.9]):
        counts = rng.multinomial(400, prev)
        idx = np.concatenate(
            [rng.choice(np.flatnonzero(test.y == c), n) for c, n in enumerate(counts)]
        )
        p = test.proba[idx]
        train_prev = np.bincount(rest.y, minlength=3) / len(rest.y)
        ours = emq(train_prev, p)[0]
        theirs = qp_agg.EMQ.EM(train_prev, p)[0]
        assert ours == pytest.approx(theirs, abs=1e-6)
        assert Quantifier(rest, "emq").shares(p) == pytest.approx(theirs, abs=1e-6)
        for method, soft in (("pacc", True), ("acc", False)):
            if soft:
                m_qp = qp_agg.PACC.getPteCondEstim(classes, rest.y, rest.proba)
                q = p.mean(axis=0)
            else:
                m_qp = qp_agg.ACC.getPteCondEstim(classes, rest.y, rest.proba.argmax(axis=1))
                q = np.bincount(p.argmax(axis=1), minlength=3) / len(p)
            assert rates_matrix(rest.y, rest.proba, soft=soft) == pytest.approx(m_qp)
            est = qp_agg.ACC.solve_adjustment(m_qp, q, method="inversion", solver="minimize")
            theirs = qf.normalize_prevalence(est, method="clip")
            assert Quantifier(rest, method).shares(p) == pytest.approx(theirs, abs=2e-3)
            assert solve_adjustment(m_qp, q) == pytest.approx(theirs, abs=2e-3)
        # KDEy-ML: quapy fits scikit-learn's KernelDensity per class and minimises with SLSQP;
        # ours sums the kernels itself and runs EM; the same maximum
        kdey = qp_agg.KDEyML(LogisticRegression(), bandwidth=KDEY_BANDWIDTH)
        kdey.mix_densities = kdey.get_mixture_components(
            rest.proba, rest.y, classes, KDEY_BANDWIDTH, "gaussian"
        )
        ours = Quantifier(rest, "kdey")
        assert ours.shares(p) == pytest.approx(kdey.aggregate(p), abs=1e-4)
        assert ours.adjusted_proba(p).mean(axis=0) == pytest.approx(ours.shares(p), abs=1e-6)


def test_bcts_matches_scipy_and_abstention(heldout):
    """Our Newton fit of BCTS (one or many weighted fits at once) is scipy's NLL minimum."""
    from scipy import optimize, special

    rest = heldout.subset(heldout.groups != 0)
    z = np.log(np.clip(rest.proba, 1e-4, 1))
    w = Heldout.weights(rest, 3, np.random.default_rng(0), "scenario")
    ours = bcts_fit(rest.y, rest.proba, w)
    assert ours.shape == (3, 4)
    for b in range(3):

        def nll(x, b=b):
            ls = special.log_softmax(z * x[0] + np.r_[x[1:], 0.0], axis=1)
            return -(w[b] * ls[np.arange(len(z)), rest.y]).sum() / w[b].sum()

        ref = optimize.minimize(nll, np.r_[1.0, 0.0, 0.0], method="L-BFGS-B").x
        assert ours[b, :3] == pytest.approx(ref, abs=1e-3)
    # one unweighted fit; the model is calibrated on held-out scenarios already (session 6), so
    # its temperature stays near 1 (1/T 0.989 with the model of session 8, 1.008 with session 9's)
    x = bcts_fit(rest.y, rest.proba)
    assert x.shape == (4,) and 0.8 < x[0] < 1.25
    test = heldout.proba[heldout.groups == 0]
    assert bcts_apply(x, test).sum(axis=1) == pytest.approx(1.0)
    calibration = pytest.importorskip("abstention.calibration")  # what quapy's recalib uses
    cal = calibration.TempScaling(verbose=False, bias_positions="all")(
        np.clip(rest.proba, 1e-4, 1), np.eye(3)[rest.y], posterior_supplied=True
    )
    # two optimisers to their own tolerances: equal to 2e-4 (1.2e-4 seen with the model of
    # session 7)
    assert bcts_apply(x, test) == pytest.approx(cal(np.clip(test, 1e-4, 1)), abs=2e-4)
    qp_agg = pytest.importorskip("quapy.method.aggregative")
    train_prev = np.bincount(rest.y, minlength=3) / len(rest.y)
    theirs = qp_agg.EMQ.EM(train_prev, cal(np.clip(test, 1e-4, 1)))[0]
    assert Quantifier(rest, "emq-bcts").shares(test) == pytest.approx(theirs, abs=1e-4)


def test_scenario_bootstrap_draws_one_scenario_per_replicate(heldout):
    w = heldout.weights(40, np.random.default_rng(0), "scenario")
    for row in w:
        used = np.unique(heldout.groups[row > 0])
        assert len(used) == 1
        assert row.sum() == (heldout.groups == used[0]).sum()
    assert len(np.unique([heldout.groups[row > 0][0] for row in w])) > 4
    # too few scenarios that hold every class: the cluster scheme instead
    few = heldout.subset(np.isin(heldout.groups, [0, 1]))
    w = few.weights(20, np.random.default_rng(0), "scenario")
    assert any(len(np.unique(few.groups[row > 0])) == 2 for row in w)


def test_correction_undoes_known_confusion():
    # a classifier that calls 30 % of criticism neutral and 10 % of neutral criticism
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 4000)
    flip = np.where(y == 0, rng.random(4000) < 0.3, rng.random(4000) < 0.1)
    pred = np.where(flip, 1 - y, y)
    proba = np.eye(2)[pred] * 0.9 + 0.05
    q = Quantifier(Heldout(["criticism", "neutral"], y, proba), "acc")
    yt = (rng.random(3000) < 0.2).astype(int)  # 80 % criticism
    flip = np.where(yt == 0, rng.random(3000) < 0.3, rng.random(3000) < 0.1)
    pt = np.eye(2)[np.where(flip, 1 - yt, yt)] * 0.9 + 0.05
    counted = np.bincount(pt.argmax(axis=1)) / 3000
    assert counted[0] == pytest.approx(0.8 * 0.7 + 0.2 * 0.1, abs=0.03)  # pulled to the middle
    assert q.shares(pt)[0] == pytest.approx((yt == 0).mean(), abs=0.02)


def test_bootstrap_is_reproducible_and_wider_with_the_model(heldout):
    q = Quantifier(heldout)
    p = heldout.proba[heldout.groups == 2][:300]
    a = q.bootstrap([p], n_boot=100, seed=1)
    b = q.bootstrap([p], n_boot=100, seed=1)
    assert np.array_equal(a, b)
    q2 = Quantifier(heldout, "pacc")
    with_model = q2.bootstrap([p], n_boot=200, seed=1)[:, 0, 0].std()
    sampling_only = q2.bootstrap([p], n_boot=200, seed=1, include_model=False)[:, 0, 0].std()
    assert with_model > sampling_only
    for method in ("emq-bcts", "pacc", "cc", "kdey"):  # no replicates: an empty array
        assert Quantifier(heldout, method).bootstrap([p], n_boot=0, seed=1).shape == (0, 1, 3)


def test_kdey_bootstrap_matches_its_point_estimate_and_reads_one_scenario(heldout):
    rest = heldout.subset(heldout.groups != 2)
    q = Quantifier(rest, "kdey")
    p = heldout.proba[heldout.groups == 2][:400]
    est = q.shares(p)
    reps = q.bootstrap([p, p[:100]], n_boot=120, seed=3)
    assert reps.shape == (120, 2, 3) and np.array_equal(
        reps, q.bootstrap([p, p[:100]], n_boot=120, seed=3)
    )
    assert np.allclose(reps.sum(axis=2), 1.0)
    assert np.abs(reps[:, 0].mean(axis=0) - est).max() < 0.03  # centred on the estimate
    assert reps[:, 1, 0].std() > reps[:, 0, 0].std()  # fewer comments, wider
    # replicates without the model's draws reproduce the densities of the whole held-out set
    fixed = q.bootstrap([p], n_boot=60, seed=3, include_model=False)[:, 0, 0].std()
    assert reps[:, 0, 0].std() > fixed
    # the per-replicate densities equal those of the one scenario each replicate drew
    from analyzer.timeline._quantify import kde_densities

    w = rest.weights(1, np.random.default_rng(5), "scenario")[0]
    used = w > 0
    ours = q._kde(p, w[None, q._order])[0]
    alone = kde_densities(p, np.repeat(rest.proba[used], w[used].astype(int), axis=0),
                          np.repeat(rest.y[used], w[used].astype(int)))  # fmt: skip
    assert ours == pytest.approx(alone, abs=1e-5)


def test_protocol_small_corrected_beats_counted(heldout):
    """A small run of bench/prevalence.py: every held-out scenario, 4 threads each, fixed seed.

    (Until the model of 2026-12-06 it ran 8 threads of 3 scenarios; with that model those three
    covered 18 of 24, one scenario of the three being the hardest, kylakauppa. All the
    scenarios (14 since session 7) at 4 threads each measure the same thing with less
    dependence on one scenario.)
    """
    df = run_protocol(
        heldout,
        ("cc", DEFAULT_METHOD),
        threads=4,
        sizes=(300, 3000),
        n_boot=150,
        seed=7,
    )
    s = summarise(df)
    assert len(df) == 2 * len(heldout.group_names) * 4
    assert s.loc[DEFAULT_METHOD, "mae_change"] <= 0.5 * s.loc["cc", "mae_change"]
    assert s.loc[DEFAULT_METHOD, "mae_shares"] < s.loc["cc", "mae_shares"]
    # 32 threads: a loose bound here; the full run (bench/prevalence.py) measures it
    assert s.loc[DEFAULT_METHOD, "coverage"] >= 0.8 > s.loc["cc", "coverage"]


def test_kde_densities_blocks_weights_and_far_points():
    rng = np.random.default_rng(0)
    centres = rng.dirichlet([1, 1, 1], 500)
    y = rng.integers(0, 3, 500)
    p = rng.dirichlet([1, 1, 1], 40)
    plain = kde_densities(p, centres, y)
    assert plain.shape == (40, 3) and np.allclose(plain.sum(axis=1), 1.0)
    # blocks only change the order of the sums; unit weights are no weights
    assert kde_densities(p, centres, y, blocks=[0, 7, 300, 301]) == pytest.approx(plain, abs=1e-5)
    both = kde_densities(p, centres, y, weights=np.ones((2, 500)))
    assert both.shape == (2, 40, 3) and both[1] == pytest.approx(plain, abs=1e-5)
    # integer weights are repeated centres
    w = rng.integers(0, 3, 500).astype(float)
    rep = kde_densities(p, np.repeat(centres, w.astype(int), axis=0), np.repeat(y, w.astype(int)))
    assert kde_densities(p, centres, y, weights=w[None])[0] == pytest.approx(rep, abs=1e-5)
    # a point far from every centre of a narrow kernel: no underflow, the nearest class wins
    far = kde_densities(np.array([[1.0, 0.0, 0.0]]), np.array([[0.0, 0.7, 0.3], [0.0, 0.4, 0.6]]),
                        np.array([1, 2]), bandwidth=0.01)  # fmt: skip
    assert np.isfinite(far).all() and far[0, 2] == pytest.approx(1.0)  # exp(-7,600) apart


def test_protocol_small_kdey_beats_counted(heldout):
    """kdey, the other method measured in bench/prevalence.py, on a thread of every scenario."""
    df = run_protocol(heldout, ("cc", "kdey"), threads=1, sizes=(300, 1000), n_boot=80, seed=11)
    s = summarise(df)
    assert s.loc["kdey", "mae_change"] <= 0.5 * s.loc["cc", "mae_change"]
    assert s.loc["kdey", "coverage"] >= 0.8 > s.loc["cc", "coverage"]


def _gold_compare(scored):
    gold = load_demo_gold().set_index("comment_id")["label"]
    return compare(
        scored.assign(tone=scored["comment_id"].map(gold)), load_demo_events(), shares="counted"
    )


def test_demo_corrected_change_at_the_apology_near_gold(demo_scored):
    res = compare(demo_scored, load_demo_events())
    gold = _gold_compare(demo_scored)
    assert res.method == DEFAULT_METHOD and gold.method == "counted"
    last = [c for c in res.changes if c["to"] == res.segments[-1].name]
    ref = {c["class"]: c["diff"] for c in gold.changes if c["to"] == res.segments[-1].name}
    und = next(c for c in last if c["class"] == "understanding")
    assert abs(und["diff"] - ref["understanding"]) <= 0.05
    assert abs(und["diff"] - ref["understanding"]) < abs(und["diff_counted"] - ref["understanding"])
    assert und["ci"][0] <= ref["understanding"] <= und["ci"][1]
    # the intervals cover the gold shares of the segments (all but a few: a 95 % interval)
    inside = [
        seg.lo[c] <= g.share[c] <= seg.hi[c]
        for seg, g in zip(res.segments, gold.segments, strict=True)
        if seg.n
        for c in res.classes
    ]
    assert sum(inside) >= len(inside) - 2, inside
    # the interrupted time series agrees in direction with the corrected change
    its = res.its["classes"]["understanding"]["events"][-1]
    assert its["level_share"] > 0 < und["diff"]


@pytest.mark.xfail(
    strict=True,
    reason="issue #14 target not met by the current model (session 10): the corrected shares "
    "miss gold by 4.9 / 5.0 / 5.3 / 6.2 pp per segment (session 9: 4.7 / 4.8 / 5.4 / 5.4). After "
    "the apology the model itself over-reads criticism (34.7 % counted against 30.0 % gold) and "
    "the correction, estimated from the held-out scenarios, pushes further (36.2 %). kdey misses "
    "by 4.1 / 4.6 / 4.4 / 5.6 pp. A correction estimated from the training scenarios cannot know "
    "this thread's errors (docs/benchmarks.md)",
)
def test_demo_every_segment_corrected_within_5pp_of_gold(demo_scored):
    res = compare(demo_scored, load_demo_events())
    gold = _gold_compare(demo_scored)
    for seg, ref in zip(res.segments, gold.segments, strict=True):
        if seg.n:
            for c in res.classes:
                assert abs(seg.share[c] - ref.share[c]) <= 0.05, (seg.name, c)


def test_counted_shares_and_json_keys(demo_scored):
    ev = load_demo_events()
    res = compare(demo_scored, ev, n_boot=100)
    d = json.loads(json.dumps(res.to_dict()))
    assert d["method"] == DEFAULT_METHOD
    seg = next(s for s in d["segments"] if s["n"])
    assert {"counts", "share", "ci", "share_counted"} <= set(seg)
    assert seg["share_counted"]["criticism"] == seg["counts"]["criticism"] / seg["n"]
    counted = compare(demo_scored, ev, shares="counted").to_dict()
    assert counted["method"] == "counted"
    seg = next(s for s in counted["segments"] if s["n"])
    assert seg["share"] == seg["share_counted"]


def test_timeline_corrected_per_bin(demo_scored):
    tl = tone_timeline(demo_scored, freq="24h", n_boot=100)
    assert tl.attrs["method"] == DEFAULT_METHOD
    full = tl[tl["n"] >= 30]
    shares = full[[f"share_{c}" for c in LABELS]].to_numpy()
    assert np.allclose(shares.sum(axis=1), 1.0)
    assert not np.allclose(shares, full[[f"share_counted_{c}" for c in LABELS]].to_numpy())
    assert (full[[f"lo_{c}" for c in LABELS]].to_numpy() <= shares + 1e-9).all()


def test_model_without_heldout_falls_back_with_warning(tmp_path, demo_scored, cli):
    texts = [t for t, _, _ in TONE_ROWS]
    labels = [y for _, y, _ in TONE_ROWS]
    path = save_model(train(texts, labels, cv=None), tmp_path / "nocv.skops")
    with pytest.warns(QuantificationWarning, match="trained without cross-validation"):
        res = compare(demo_scored, load_demo_events(), model=path)
    assert res.method == "counted"
    src = tmp_path / "scored.csv"
    demo_scored.to_csv(src, index=False)
    run = cli(
        "compare", str(src), "--event", "2026-03-12T14:00=Apology", "--model", str(path), "--json"
    )
    assert run.returncode == 0
    warn = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(warn) == 1 and warn[0].startswith("analyzer: warning: counted shares, not corrected")
    assert json.loads(run.stdout)["method"] == "counted"
    with warnings.catch_warnings():
        # no quantification warning when counted shares are asked for (the demo's first
        # event, before its first comment, still gets its AnalyzerWarning)
        warnings.simplefilter("error", QuantificationWarning)
        assert (
            compare(demo_scored, load_demo_events(), shares="counted", model=path).method
            == "counted"
        )


def test_cli_compare_shares_flag(tmp_path, demo_scored, cli):
    src = tmp_path / "scored.csv"
    demo_scored.to_csv(src, index=False)
    ev = ("--event", "2026-03-12T14:00=Anteeksipyyntö")
    corrected = json.loads(cli("compare", str(src), *ev, "--json").stdout)
    counted = json.loads(cli("compare", str(src), *ev, "--json", "--shares", "counted").stdout)
    assert corrected["method"] == DEFAULT_METHOD and counted["method"] == "counted"
    a, b = corrected["segments"][-1], counted["segments"][-1]
    assert a["share_counted"] == b["share"] != a["share"]
    text = cli("compare", str(src), *ev).stdout
    assert f"corrected for the classifier's errors ({DEFAULT_METHOD.upper()}" in text
    assert "counted" in text
    kdey = json.loads(cli("compare", str(src), *ev, "--json", "--method", "kdey").stdout)
    assert kdey["method"] == "kdey" and kdey["segments"][-1]["share"] != a["share"]
    assert kdey["segments"][-1]["share_counted"] == a["share_counted"]
    bad = cli("compare", str(src), *ev, "--method", "kde")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    assert "unknown quantification method 'kde'" in bad.stderr.strip().splitlines()[-1]
    report = tmp_path / "r.html"
    done = cli("report", str(src), *ev, "--method", "kdey", "-o", str(report))
    assert done.returncode == 0, done.stderr
    assert "(KDEY)" in report.read_text(encoding="utf-8")


def test_user_trained_model_carries_heldout(tmp_path, cli):
    from _fixtures import write_tone_csv

    data = write_tone_csv(tmp_path / "labelled.csv")
    out = tmp_path / "mine.skops"
    res = cli("train", str(data), "-o", str(out), "--group-col", "scenario", "--cv", "3")
    assert res.returncode == 0, res.stderr
    model = load_model(out)
    h = Heldout.from_meta(model.meta)
    assert h.labels == model.labels and len(h.y) == model.meta["n"] == h.proba.shape[0]
    assert h.group_names is not None and len(h.group_names) >= 2
    # the figures printed by train come from the same predictions
    assert (h.proba.argmax(axis=1) == h.y).mean() == pytest.approx(
        model.meta["cv"]["accuracy"], abs=1e-4
    )


def test_report_shows_corrected_and_counted(demo_scored):
    from analyzer.report import render_report

    html = render_report(demo_scored, load_demo_events(), lang="en")
    assert "understanding (counted)" in html and "Change (counted)" in html
    assert f"corrected for the classifier&#x27;s errors ({DEFAULT_METHOD.upper()})" in html
    counted = render_report(demo_scored, load_demo_events(), lang="en", shares="counted")
    assert "(counted)" not in counted and "Wilson" in counted

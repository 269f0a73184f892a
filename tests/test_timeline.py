"""analyzer.timeline: events, bins, segments and before/after statistics."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analyzer.errors import AnalyzerError
from analyzer.timeline import (
    compare,
    diff_test,
    parse_events,
    segments,
    simulate_thread,
    tone_timeline,
    wilson,
)

Z = 1.959963984540054


def _wilson(x, n):
    p = x / n
    centre = (p + Z**2 / (2 * n)) / (1 + Z**2 / n)
    half = Z / (1 + Z**2 / n) * math.sqrt(p * (1 - p) / n + Z**2 / (4 * n**2))
    return centre - half, centre + half


def test_wilson_matches_formula():
    lo, hi = wilson([7, 0], [25, 10])
    assert (lo[0], hi[0]) == pytest.approx(_wilson(7, 25))
    assert (lo[1], hi[1]) == pytest.approx(_wilson(0, 10))


def test_diff_newcombe_and_chi2_by_hand():
    x0, n0, x1, n1 = 40, 120, 70, 130
    r = diff_test(x0, n0, x1, n1)
    p0, p1 = x0 / n0, x1 / n1
    l0, u0 = _wilson(x0, n0)
    l1, u1 = _wilson(x1, n1)
    d = p1 - p0
    lo = d - math.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2)
    hi = d + math.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2)
    assert r["diff"] == pytest.approx(d)
    assert r["ci"] == pytest.approx([lo, hi])
    pool = (x0 + x1) / (n0 + n1)
    z = d / math.sqrt(pool * (1 - pool) * (1 / n0 + 1 / n1))
    assert r["test"] == "chi2"
    assert r["p_value"] == pytest.approx(math.erfc(abs(z) / math.sqrt(2)))


def test_diff_small_counts_uses_fisher():
    r = diff_test(1, 6, 5, 6)
    assert r["test"] == "fisher"
    # hypergeometric two-sided by hand: tables at least as extreme as observed
    from math import comb

    probs = {k: comb(6, k) * comb(6, 6 - k) / comb(12, 6) for k in range(7)}
    observed = probs[1]
    assert r["p_value"] == pytest.approx(sum(p for p in probs.values() if p <= observed + 1e-12))


def test_parse_events_spec_file_and_dst(tmp_path):
    f = tmp_path / "events.csv"
    f.write_text("time,label,kind\n2026-10-25T02:30,Tiedote,statement\n2026-03-29T05:00,Poisto,\n")
    evs = parse_events(["2026-03-29T02:30=Anteeksipyyntö|apology"], path=f)
    assert [e.label for e in evs] == ["Anteeksipyyntö", "Poisto", "Tiedote"]
    assert evs[0].time.utcoffset() == pd.Timedelta(hours=2)  # before spring-forward
    assert evs[1].time.utcoffset() == pd.Timedelta(hours=3)  # after it
    assert evs[2].time.utcoffset() == pd.Timedelta(hours=3)  # before fall-back
    assert evs[0].kind == "apology" and evs[1].kind == "statement"
    with pytest.raises(AnalyzerError, match="does not exist"):
        parse_events(["2026-03-29T03:30=gap"])
    with pytest.raises(AnalyzerError, match="ambiguous"):
        parse_events(["2026-10-25T03:30=twice"])
    ok = parse_events(["2026-10-25T03:30+03:00=a", "2026-10-25T03:30+02:00=b"])
    assert ok[1].time - ok[0].time == pd.Timedelta(hours=1)
    with pytest.raises(AnalyzerError, match="TIME=LABEL"):
        parse_events(["=Anteeksipyyntö"])
    with pytest.raises(AnalyzerError, match="time zone"):
        parse_events(["2026-03-04T10:00=x"], tz="Mars/Olympus")


def _small():
    t = pd.to_datetime(
        ["2026-03-04 09:10", "2026-03-04 09:50", "2026-03-04 10:20", None, "2026-03-04 12:05"]
    ).tz_localize("Europe/Helsinki")
    return pd.DataFrame(
        {
            "created_time": t,
            "tone": ["criticism", "criticism", "neutral", "neutral", "understanding"],
            "p_criticism": 0.3,
            "p_understanding": 0.3,
            "p_neutral": 0.4,
        }
    )


def test_tone_timeline_counts_and_missing():
    tl = tone_timeline(_small(), freq="1h", shares="counted")
    assert tl["n"].tolist() == [2, 1, 0, 1]
    assert tl["share_criticism"].iloc[0] == 1.0
    assert np.isnan(tl["share_criticism"].iloc[2])
    assert tl.attrs["n_missing_time"] == 1
    lo, hi = _wilson(2, 2)
    assert (tl["lo_criticism"].iloc[0], tl["hi_criticism"].iloc[0]) == pytest.approx((lo, hi))
    smooth = tone_timeline(_small(), freq="1h", smooth=3, shares="counted")
    assert smooth["share_criticism"].iloc[1] == pytest.approx(2 / 3)


def test_segments_window_and_boundary():
    df = _small()
    ev = parse_events(["2026-03-04T10:20=Tiedote"])
    segs = segments(df, ev)
    assert [s.n for s in segs] == [2, 2]  # the comment exactly at 10:20 is after
    segs = segments(df, ev, window="1h")
    assert [s.n for s in segs] == [1, 1]


def test_no_time_column_is_clear_error():
    with pytest.raises(AnalyzerError, match="time column"):
        tone_timeline(pd.DataFrame({"tone": ["neutral"], "p_neutral": [1.0]}))


SHARES_A = {"criticism": 0.70, "understanding": 0.10, "neutral": 0.20}
SHARES_B = {"criticism": 0.45, "understanding": 0.35, "neutral": 0.20}


@pytest.mark.parametrize("seed", [1, 2])
def test_known_shift_is_found(seed):
    df = simulate_thread([SHARES_A, SHARES_B], ["2026-03-05T12:00"], n=3000, seed=seed)
    # the simulated tones are the truth (no classifier): nothing to correct
    res = compare(df, parse_events(["2026-03-05T12:00=Anteeksipyyntö"]), shares="counted")
    d = res.to_dict()
    for ch in d["changes"]:
        truth = SHARES_B[ch["class"]] - SHARES_A[ch["class"]]
        assert abs(ch["diff"] - truth) <= 0.05
        if truth != 0:
            assert ch["ci"][0] > 0 or ch["ci"][1] < 0
            assert ch["significant"]
    assert len(d["change_points"]) == 1
    cp = pd.Timestamp(d["change_points"][0]["time"])
    assert abs(cp - pd.Timestamp("2026-03-05T12:00+02:00")) < pd.Timedelta(hours=3)
    its = d["its"]["classes"]["criticism"]["events"][0]
    assert abs(its["level_share"] - (-0.25)) < 0.1 and its["level_p"] < 0.05


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_no_spurious_change(seed):
    df = simulate_thread([SHARES_A], n=2000, seed=seed)
    res = compare(df, parse_events(["2026-03-05T12:00=Anteeksipyyntö"]), shares="counted")
    assert not any(c["significant"] for c in res.changes)
    assert res.change_points == []

"""analyzer.report and the compare/report command lines."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pandas as pd

from analyzer.report import write_report
from analyzer.timeline import parse_events, simulate_thread

SHARES = [
    {"criticism": 0.7, "understanding": 0.1, "neutral": 0.2},
    {"criticism": 0.4, "understanding": 0.4, "neutral": 0.2},
]


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.imgs, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.imgs.append(dict(attrs)["src"])


def _scored_csv(tmp_path, n=400):
    df = simulate_thread(SHARES, ["2026-03-05T12:00"], n=n, seed=7)
    df["lemmas"] = "kylpylä asiakas"
    path = tmp_path / "scored.csv"
    df.to_csv(path, index=False)
    return path


def test_write_report_parses_and_embeds_figures(tmp_path):
    df = simulate_thread(SHARES, ["2026-03-05T12:00"], n=300, seed=1)
    df["lemmas"] = "kylpylä"
    out = write_report(
        df,
        parse_events(["2026-03-05T12:00=Anteeksipyyntö"]),
        tmp_path / "r.html",
        model_info={"macro-F1": 0.71},
    )
    html = out.read_text(encoding="utf-8")
    p = _Collect()
    p.feed(html)
    assert len(p.imgs) >= 2 and all(s.startswith("data:image/png;base64,") for s in p.imgs)
    assert "table" in p.tags and "Anteeksipyyntö" in html and "macro-F1: 0,710" in html
    assert not list(tmp_path.glob(".*tmp"))


def test_cli_compare_json_schema(tmp_path, cli):
    path = _scored_csv(tmp_path)
    res = cli("compare", str(path), "--event", "2026-03-05T12:00=Anteeksipyyntö", "--json")
    assert res.returncode == 0, res.stderr
    d = json.loads(res.stdout)
    seg = d["segments"][0]
    assert set(seg) >= {"name", "start", "end", "n", "share"}
    assert sum(s["n"] for s in d["segments"]) == 400
    assert set(seg["share"]) == {"criticism", "understanding", "neutral"}
    ch = d["changes"][0]
    assert set(ch) >= {"from", "to", "class", "before", "after", "diff", "ci", "p_value"}
    assert ch["diff"] == ch["after"] - ch["before"] and len(ch["ci"]) == 2
    assert isinstance(d["its"], dict) and isinstance(d["change_points"], list)


def test_cli_compare_text_and_bad_event(tmp_path, cli):
    path = _scored_csv(tmp_path)
    ok = cli("compare", str(path), "--event", "2026-03-05T12:00=Anteeksipyyntö", "--window", "24h")
    assert ok.returncode == 0 and "Anteeksipyyntö" in ok.stdout and "Segments" in ok.stdout
    bad = cli("compare", str(path), "--event", "2026-03-29T03:30=x")
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and "does not exist" in bad.stderr


def test_cli_report_writes_html(tmp_path, cli):
    path = _scored_csv(tmp_path)
    out = tmp_path / "out.html"
    res = cli(
        "report", str(path), "--event", "2026-03-05T12:00=Apology", "-o", str(out), "--lang", "en"
    )
    assert res.returncode == 0, res.stderr
    html = out.read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") >= 3 and "Caveats" in html


def test_cli_report_scores_an_unscored_export_first(tmp_path, cli):
    from analyzer.data import demo_paths

    paths = demo_paths()
    out = tmp_path / "raportti.html"
    res = cli("report", str(paths["thread"]), "--events", str(paths["events"]), "-o", str(out))
    assert res.returncode == 0, res.stderr
    html = out.read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") >= 3
    # the model's own cross-validated figure reaches the caveats
    assert "ristiinvalidoitu macro-F1" in html
    assert "Johdon anteeksipyyntö" in html
    # the demo's first event is before its first comment: on stderr once and in the report
    assert res.stderr.count("analyzer: warning: event 'Video leviää'") == 1
    assert "Tapahtuma «Video leviää» (6.3. klo 19.30) on ennen ensimmäistä kommenttia" in html


def test_report_answers_first_in_finnish_and_writes_the_rows(tmp_path):
    from analyzer.timeline import simulate_thread

    df = simulate_thread(SHARES, ["2026-03-05T12:00"], n=300, seed=3)
    df["text"] = ["@Liisa Esimerkki katso tätä"] + ["Huono palvelu"] * 299
    df["lemmas"] = "kylpylä"
    events = parse_events(["2026-03-01T12:00=Liian aikaisin", "2026-03-05T12:00=Anteeksipyyntö"])
    out = write_report(df, events, tmp_path / "r.html")
    html = out.read_text(encoding="utf-8")
    assert '<meta name="viewport"' in html
    head = html[html.index('id="headline"') : html.index("</p>", html.index('id="headline"'))]
    assert "«Anteeksipyyntö»" in head and "%-yks." in head and "," in head
    # before the headline there is only the title; the empty first segment is no table row
    assert html.index('id="headline"') < html.index("<table")
    assert "n=0" not in html and "ennen</td>" not in html
    assert "on ennen ensimmäistä kommenttia" in html  # the event warning, in Finnish
    # no English block in the Finnish report, Finnish decimal commas in the tables
    for english in ("Segments", "Interrupted time series", "log-odds", "Change points"):
        assert english not in html
    assert re.search(r"<td>\d+,\d %", html)
    # example comments: mentions pseudonymised
    assert "Liisa" not in html and "@user-" in html
    # the scored rows beside the report, linked
    for name in ("r-scored.csv", "r-scored.xlsx"):
        assert (tmp_path / name).is_file() and f'href="{name}"' in html
    back = pd.read_csv(tmp_path / "r-scored.csv")
    assert len(back) == 300 and "tone" in back.columns


def test_small_thread_is_flagged_not_overstated(tmp_path):
    df = simulate_thread(SHARES, ["2026-03-05T12:00"], n=40, seed=2)
    html = write_report(
        df, parse_events(["2026-03-05T12:00=Apology"]), tmp_path / "s.html", lang="en"
    ).read_text(encoding="utf-8")
    assert "Segments under 30 comments" in html and "Minimum sample: 30" in html
    assert 'class="small"' in html
    assert "Not estimated (under 30 comments on a side)" in html  # no ITS numbers
    head = html[html.index('id="headline"') :]
    assert "a hint only" in head[: head.index("</p>")]
    assert "12.5" not in html.replace("12.5 %", "")  # sanity: English decimal point used
    assert all(alt for alt in re.findall(r'<img alt="([^"]*)"', html))


def test_headline_works_for_any_thread():
    import warnings

    from analyzer.timeline import compare, headline

    df = simulate_thread(
        [
            {"criticism": 0.8, "understanding": 0.1, "neutral": 0.1},
            {"criticism": 0.5, "understanding": 0.3, "neutral": 0.2},
            {"criticism": 0.2, "understanding": 0.6, "neutral": 0.2},
        ],
        ["2026-03-05T12:00", "2026-03-06T12:00"],
        n=600,
        seed=4,
    )
    three = parse_events(
        ["2026-03-05T12:00=Tiedote", "2026-03-06T12:00=Anteeksipyyntö", "2026-04-01T12:00=Myöhään"]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = compare(df, three, shares="counted")
        none = compare(df, [], shares="counted")
    fi, en = headline(res, "fi"), headline(res, "en")
    for event in ("«Tiedote»", "«Anteeksipyyntö»", "«Myöhään»"):
        assert event in fi and event in en
    assert fi.startswith("Selvin muutos") and "ei kommentteja jälkeen" in fi
    assert "no comments after" in en and "(not corrected)" in en
    assert re.search(r"kritiikki \d+,\d → \d+,\d %", fi)  # Finnish decimal comma
    assert "whole thread (n = 600)" in headline(none, "en")
    # a thin segment is a hint, never the clearest change
    thin = simulate_thread(SHARES, ["2026-03-05T12:00"], n=24, seed=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        small = headline(compare(thin, parse_events(["2026-03-05T12:00=A"]), shares="counted"))
    assert small.startswith("Yksikään") and "vain suuntaa antava" in small


def test_compare_result_frames_keep_empty_segments_and_counted_columns():
    import warnings

    from analyzer.timeline import compare

    df = simulate_thread(SHARES, ["2026-03-05T12:00"], n=300, seed=5)
    events = parse_events(["2026-03-01T00:00=Early", "2026-03-05T12:00=Apology"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = compare(df, events, shares="counted")
    seg = res.segments_frame()
    assert seg.index.tolist() == ["before", "Early", "Apology"]
    assert seg.loc["before", "n"] == 0 and pd.isna(seg.loc["before", "share_criticism"])
    assert seg.loc["Apology", "share_counted_criticism"] == seg.loc["Apology", "share_criticism"]
    ch = res.changes_frame()
    assert len(ch) == 2 * 3 and ch["diff"].isna().sum() == 3  # the empty pair kept, NaN
    ok = ch.dropna(subset=["diff"])
    assert (ok["ci_low"] <= ok["diff"]).all() and (ok["diff"] <= ok["ci_high"]).all()
    assert set(res.its_frame().columns) >= {"event", "class", "level_share", "level_p"}

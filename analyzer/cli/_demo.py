"""``analyzer demo``: the whole job on the bundled demo thread."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from analyzer.cli._compare import add_shares_argument

HELP = "score the bundled demo thread, compare around its events and write the HTML report"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--outdir", default="out", help="output folder (default: out/)")
    parser.add_argument("--lang", choices=("fi", "en"), default="fi", help="report language")
    parser.add_argument("--model", help="model file (default: the bundled model)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    add_shares_argument(parser)


def run(args: argparse.Namespace) -> int:
    from analyzer.data import demo_paths, load_demo_events, load_demo_gold
    from analyzer.errors import AnalyzerError
    from analyzer.io import read_scored
    from analyzer.model import classification_figures, load_model
    from analyzer.report import write_report
    from analyzer.scoring import model_info, score_file
    from analyzer.timeline import compare, sample_to_label

    paths = demo_paths()
    out = Path(args.outdir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AnalyzerError(f"cannot create {out}: {exc.strerror}") from None
    # the scored rows are written once, beside the report (demo_report-scored.csv/.xlsx)
    with tempfile.TemporaryDirectory(prefix="analyzer-demo-") as tmp:
        scored_path = Path(tmp) / "demo_scored.csv"
        summary = score_file(
            paths["thread"], scored_path, model=args.model, jobs=args.jobs, progress=False
        )
        scored = read_scored(scored_path)
    print(f"1/3 scored the demo thread: {summary.line()}")
    events = load_demo_events()
    result = compare(scored, events, shares=args.shares, model=args.model, method=args.method)
    print("2/3 tone around the company's statements:")
    print("    " + result.to_text().replace("\n", "\n    "))

    meta = load_model(args.model).meta
    gold = load_demo_gold().set_index("comment_id")
    merged = scored.join(gold, on="comment_id", how="inner")
    labels = [c[2:] for c in scored.columns if str(c).startswith("p_")]
    fig = classification_figures(
        merged["label"], merged[[f"p_{c}" for c in labels]].to_numpy(), labels
    )
    info = model_info(meta)
    info["macro-F1 on this demo thread (gold labels)"] = fig["macro_f1"]
    print(
        f"    model check against the demo's gold labels: macro-F1 {fig['macro_f1']:.3f}, "
        f"accuracy {fig['accuracy']:.3f} (n={fig['n']}; the demo scenario is not in training)"
    )
    # the events' warnings repeat here and in the report: the CLI prints each text once
    gold_result = compare(
        scored.assign(tone=scored["comment_id"].map(gold["label"])), events, shares="counted"
    )
    shown = "corrected" if result.method != "counted" else "counted"
    print(f"    {shown} shares against the demo's gold labels (largest miss per segment):")
    for seg, ref in zip(result.segments, gold_result.segments, strict=True):
        if not seg.n:
            continue
        miss = max(result.classes, key=lambda c: abs(seg.share[c] - ref.share[c]))
        counted = max(
            abs((seg.share_counted or seg.share)[c] - ref.share[c]) for c in result.classes
        )
        print(
            f"      {seg.name}: {miss} {seg.share[miss] * 100:.1f} % vs gold "
            f"{ref.share[miss] * 100:.1f} % ({(seg.share[miss] - ref.share[miss]) * 100:+.1f} pp;"
            f" counted shares miss by up to {counted * 100:.1f} pp)"
        )
    if result.method != "counted":
        # the analyst's route: comments labelled by hand count as labelled
        for by, what, flag in (
            ("random", "random comments", ""),
            ("margin", "least-sure comments", " --least-sure"),
        ):
            sheet = sample_to_label(scored, 100, by=by)
            mine = compare(
                scored,
                events,
                model=args.model,
                method=args.method,
                labels=gold.loc[sheet["comment_id"], "label"],
            )
            misses = [
                max(abs(seg.share[c] - ref.share[c]) for c in result.classes) * 100
                for seg, ref in zip(mine.segments, gold_result.segments, strict=True)
                if seg.n
            ]
            print(
                f"    with 100 {what} labelled by hand (analyzer sample{flag}, then --labels), "
                f"the largest miss per segment is {' / '.join(f'{m:.1f}' for m in misses)} pp"
            )
    report = write_report(
        scored,
        events,
        out / "demo_report.html",
        title="Kylpylähotelli Kaislaranta — kommenttien sävy"
        if args.lang == "fi"
        else "Spa hotel Kaislaranta — tone of the comments",
        lang=args.lang,
        model_info=info,
        shares=args.shares,
        model=args.model,
        method=args.method,
    )
    print(f"3/3 report written. Open it in a browser:\n    {report.resolve()}")
    print(f"    the scored comments beside it: {report.stem}-scored.csv, {report.stem}-scored.xlsx")
    return 0

"""analyzer.plots: each function returns a Figure with the expected artists."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest
from matplotlib.figure import Figure

from analyzer.errors import AnalyzerError
from analyzer.plots import plot_lemma_changes, plot_segments, plot_tone_timeline, plot_volume
from analyzer.timeline import compare, lemma_changes, parse_events, simulate_thread, tone_timeline

SHARES = [
    {"criticism": 0.7, "understanding": 0.1, "neutral": 0.2},
    {"criticism": 0.4, "understanding": 0.4, "neutral": 0.2},
]


@pytest.fixture(scope="module")
def thread():
    df = simulate_thread(SHARES, ["2026-03-05T12:00"], n=600, seed=0)
    df["lemmas"] = ["huono palvelu"] * 300 + ["anteeksipyyntö hyvä"] * 300
    return df, parse_events(["2026-03-05T12:00=Anteeksipyyntö"])


def test_tone_timeline_figure(thread, tmp_path):
    df, ev = thread
    fig = plot_tone_timeline(tone_timeline(df, freq="3h"), ev, lang="fi")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "kritiikki",
        "ymmärrys",
        "neutraali",
    ]
    assert len(ax.collections) == 3  # one CI band per class
    assert "Anteeksipyyntö" in [t.get_text() for t in ax.texts]
    fig.savefig(tmp_path / "t.png")
    assert (tmp_path / "t.png").stat().st_size > 10_000


def test_volume_segments_and_lemmas_figures(thread):
    df, ev = thread
    tl = tone_timeline(df, freq="6h")
    assert len(plot_volume(tl, ev, lang="en").axes[0].patches) == len(tl)
    fig = plot_segments(compare(df, ev), lang="en")
    assert len(fig.axes[0].patches) == 6  # 2 segments x 3 classes
    assert fig.axes[0].get_xticklabels()[0].get_text().startswith("before")
    fig = plot_lemma_changes(lemma_changes(df, ev), lang="fi")
    labels = {t.get_text() for ax in fig.axes for t in ax.get_yticklabels()}
    assert "anteeksipyyntö" in labels
    with pytest.raises(AnalyzerError, match="language"):
        plot_volume(tl, ev, lang="sv")


def test_time_axis_speaks_the_figure_language(thread):
    df, ev = thread
    tl = tone_timeline(df, freq="3h")
    english = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

    def ticks(fig: Figure) -> list[str]:
        fig.canvas.draw()  # the formatter runs at draw time
        ax = fig.axes[0]
        return [t.get_text() for t in ax.get_xticklabels()] + [
            ax.xaxis.get_offset_text().get_text()
        ]

    fi = ticks(plot_tone_timeline(tl, ev, lang="fi"))
    assert any(fi) and not any(m in label for label in fi for m in english)
    assert any(label.endswith(".") or "." in label for label in fi)  # 05.03. / 12.00
    en = ticks(plot_volume(tl, ev, lang="en"))
    assert any(m in label for label in en for m in english)


def test_plots_draw_into_a_given_ax_and_stay_out_of_pyplot(thread):
    import matplotlib.pyplot as plt

    df, ev = thread
    tl = tone_timeline(df, freq="6h", events=ev)
    before = plt.get_fignums()
    fig = Figure()
    ax = fig.add_subplot()
    assert plot_volume(tl, ev, ax=ax) is fig and len(ax.patches) == len(tl)
    seg_fig = Figure()
    assert plot_segments(compare(df, ev), ax=seg_fig.add_subplot()) is seg_fig
    assert plot_tone_timeline(tl, ev) is not fig
    assert plt.get_fignums() == before  # nothing registered with pyplot


def test_one_time_axis_bins_cut_at_events_and_sparse_bins_marked(thread):
    from analyzer.plots import plot_timeline

    df, ev = thread
    tl = tone_timeline(df, freq="1d", events=ev)
    # no bin straddles the event
    assert not ((tl.index < ev[0].time) & (tl["bin_end"] > ev[0].time)).any()
    assert ev[0].time in tl.index
    few = tl.copy()
    few.loc[few.index[1], "n"] = 3  # a sparse bin: shown as a hollow point with its n
    fig = plot_timeline(few, ev, min_n=5)
    top, bottom = fig.axes[:2]
    assert top.get_xlim() == bottom.get_xlim()
    assert "n=3" in [t.get_text() for t in top.texts]
    assert [t.get_text() for t in bottom.texts if t.get_text()]  # n per bar


def test_word_change_colours_are_not_the_tone_colours(thread):
    from matplotlib.colors import to_hex

    from analyzer.plots import _COLORS

    df, ev = thread
    fig = plot_lemma_changes(lemma_changes(df, ev), lang="en")
    used = {to_hex(p.get_facecolor()) for ax in fig.axes for p in ax.patches}
    assert used and not used & set(_COLORS.values())

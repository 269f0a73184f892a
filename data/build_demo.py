"""Build the bundled demo thread from the hand-written comments in demo_source.jsonl.

Fictional scenario: the spa hotel "Kylpylähotelli Kaislaranta" in the invented
lakeside town of Järvelä.  A video of two Roma women being turned away at the spa
reception spreads on Friday evening, the hotel posts an explaining (not
apologising) statement on Sunday, deletes it on Monday evening and management
publishes a real apology on Thursday.  All people, companies and places are
invented.  The thread is demo material only and is kept out of the training corpus.

Input
    data/demo_source.jsonl   one comment per line:
                             {"segment": "incident|explanation|deleted|apology",
                              "label": "criticism|understanding|neutral",
                              "text": "..."}
                             Comments are hand-written; the file lists them grouped by
                             segment, in segment order.

Outputs (overwritten atomically: written to a temp file, then os.replace)
    data/demo_thread.csv     comment_id, author, timestamp, likes, text
                             (an export-like thread; no labels in it)
    data/demo_events.csv     time, label, kind   (the four company-side events)
    data/demo_gold.csv       comment_id, label, segment   (gold labels for evaluation)

Process (all randomness from numpy.random.default_rng(SEED), SEED = 2026, drawn in a
fixed order, so two runs give byte-identical files):

1.  Segments and windows.  Each segment's comments fall strictly between its event
    and the next event (the last segment ends at THREAD_END, the "export" time):
        incident     Fri 2026-03-06 19:30  ->  Sun 2026-03-08 10:00
        explanation  Sun 2026-03-08 10:00  ->  Mon 2026-03-09 18:30
        deleted      Mon 2026-03-09 18:30  ->  Thu 2026-03-12 14:00
        apology      Thu 2026-03-12 14:00  ->  Sun 2026-03-15 22:00
    All times are Finnish local time (Europe/Helsinki, +02:00 in this week).

2.  Arrival times.  Comments of a segment are modelled as an inhomogeneous Poisson
    process conditioned on the segment's comment count n: the n times are i.i.d.
    draws from the normalised intensity over the window, then sorted.  The
    intensity on a one-minute grid is
        lambda(t) = sum_k  w_k * (1 + (t - s_k) / tau_k) ** (-alpha_k)   [t >= s_k]
                    * diurnal(local clock time of t)
    i.e. one or more power-law bursts (a burst right after a post that decays,
    heavier-tailed than exponential) times a day/night rhythm.  The incident
    segment has a second burst on Saturday late morning, when the video goes
    viral and reaches the news; the other segments have one burst at their event
    (the deletion burst is slower: people notice the missing post gradually).
    diurnal() interpolates linearly between hourly weights (HOURLY_ACTIVITY):
    few comments between 01 and 07, an evening peak around 19-21.
    A minute is drawn with probability proportional to lambda, then a uniform
    second offset inside it; no comment falls in the first MIN_LAG_S seconds.

3.  Order.  Segments keep their order.  Within a segment the comments are shuffled
    (seeded) and the i-th comment of the shuffled order gets the i-th sorted time,
    so the file order of demo_source.jsonl does not leak into the thread.
    comment_id = c0001, c0002, ... in time order over the whole thread.

4.  Authors.  A pool of invented authors is drawn from FIRST_NAMES x SURNAMES
    (60 x 60; N_AUTHORS distinct combinations).  Each comment picks an author
    with Zipf-like weights rank ** -ZIPF_S, so a few people comment several times
    (up to ~9) while many comment only once.

5.  Likes.  floor(lognormal(0.1, 1.25) * visibility), visibility =
    1 + 1.5 * exp(-hours since the segment's event / 6): most comments get 0-3
    likes, early comments are more visible, and a few get dozens.

Run from the repository root:  python data/build_demo.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

SEED = 2026
TZ = ZoneInfo("Europe/Helsinki")
DATA_DIR = Path(__file__).resolve().parent
SOURCE = DATA_DIR / "demo_source.jsonl"
OUT_THREAD = DATA_DIR / "demo_thread.csv"
OUT_EVENTS = DATA_DIR / "demo_events.csv"
OUT_GOLD = DATA_DIR / "demo_gold.csv"

SEGMENTS = ("incident", "explanation", "deleted", "apology")
LABELS = ("criticism", "understanding", "neutral")


def local(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    """Finnish local wall time, stored in UTC so that arithmetic is in real elapsed
    time (aware datetimes sharing one ZoneInfo would subtract as wall time)."""
    return datetime(y, mo, d, h, mi, tzinfo=TZ).astimezone(UTC)


# The four company-side events: (segment, time, Finnish label, kind).
EVENTS = (
    ("incident", local(2026, 3, 6, 19, 30), "Video leviää", "incident"),
    ("explanation", local(2026, 3, 8, 10, 0), "Selittelevä tiedote", "statement"),
    ("deleted", local(2026, 3, 9, 18, 30), "Tiedote poistettu", "deletion"),
    ("apology", local(2026, 3, 12, 14, 0), "Johdon anteeksipyyntö", "apology"),
)
THREAD_END = local(2026, 3, 15, 22, 0)  # "export" time; end of the last segment
MIN_LAG_S = 60  # no comment within the first minute after an event

# Bursts per segment: (start, weight, tau in hours, alpha).
BURSTS = {
    "incident": (
        (local(2026, 3, 6, 19, 30), 1.0, 1.5, 1.3),   # video spreads Friday evening
        (local(2026, 3, 7, 11, 0), 1.2, 2.0, 1.3),    # goes viral, news on Saturday
    ),
    "explanation": ((local(2026, 3, 8, 10, 0), 1.0, 1.0, 1.3),),
    "deleted": ((local(2026, 3, 9, 18, 30), 1.0, 3.0, 1.1),),
    "apology": ((local(2026, 3, 12, 14, 0), 1.0, 1.0, 1.3),),
}

# Relative commenting activity by local hour 00..23 (few comments 01-07).
HOURLY_ACTIVITY = np.array([
    0.45, 0.22, 0.10, 0.06, 0.04, 0.05, 0.10, 0.28,   # 00-07
    0.55, 0.75, 0.85, 0.90, 1.00, 0.95, 0.90, 0.90,   # 08-15
    0.95, 1.00, 1.05, 1.15, 1.20, 1.10, 0.95, 0.70,   # 16-23
])

FIRST_NAMES = (
    "Aino", "Anna", "Anne", "Anni", "Antti", "Ari", "Eero", "Eija", "Elina", "Emilia",
    "Emma", "Esa", "Hanna", "Harri", "Heidi", "Heikki", "Helena", "Henna", "Ilkka", "Irma",
    "Jaana", "Janne", "Jari", "Jenni", "Johanna", "Jouni", "Juha", "Jukka", "Jussi", "Kaisa",
    "Kari", "Katja", "Kimmo", "Kirsi", "Laura", "Leena", "Liisa", "Markku", "Marko", "Merja",
    "Mika", "Mikko", "Minna", "Nina", "Noora", "Olli", "Outi", "Paula", "Pekka", "Petri",
    "Pirjo", "Riikka", "Sami", "Sanna", "Sari", "Satu", "Timo", "Tuula", "Veera", "Ville",
)
SURNAMES = (
    "Aaltonen", "Ahonen", "Backman", "Eskola", "Haapala", "Hakala", "Halonen", "Heikkilä",
    "Heinonen", "Hiltunen", "Huttunen", "Hyvönen", "Jokela", "Juvonen", "Kallio", "Kangas",
    "Karjalainen", "Kauppinen", "Kettunen", "Kinnunen", "Kivelä", "Koivisto", "Korhonen",
    "Koskinen", "Kuusela", "Laaksonen", "Lahtinen", "Laine", "Lehtonen", "Leinonen",
    "Lindholm", "Manninen", "Miettinen", "Mustonen", "Mäkelä", "Mäkinen", "Niemi",
    "Nieminen", "Nurmi", "Ojala", "Peltonen", "Pesonen", "Pitkänen", "Rantanen", "Räsänen",
    "Saarinen", "Salminen", "Salo", "Seppälä", "Sirola", "Suominen", "Tanskanen",
    "Toivonen", "Tuominen", "Turunen", "Vainio", "Virtanen", "Väisänen", "Väänänen",
    "Ylinen",
)
N_AUTHORS = 450  # size of the author pool (distinct first name + surname pairs)
ZIPF_S = 0.35  # flat-ish: the most active author writes ~1 % of comments

LIKES_MU, LIKES_SIGMA = 0.1, 1.25


def diurnal(minutes_local: np.ndarray) -> np.ndarray:
    """Activity weight for local clock time given as minutes since midnight."""
    h = (minutes_local / 60.0) % 24.0
    lo = np.floor(h).astype(int) % 24
    hi = (lo + 1) % 24
    frac = h - np.floor(h)
    return HOURLY_ACTIVITY[lo] * (1 - frac) + HOURLY_ACTIVITY[hi] * frac


def draw_times(rng: np.random.Generator, segment: str, start: datetime, end: datetime,
               n: int) -> list[datetime]:
    """n sorted arrival times in (start, end) from the burst x diurnal intensity."""
    n_minutes = int((end - start).total_seconds() // 60)
    grid = np.arange(n_minutes, dtype=float)  # minute offsets from start
    grid_times = [(start + timedelta(minutes=int(m))).astimezone(TZ) for m in grid]
    local_minutes = np.array([t.hour * 60 + t.minute for t in grid_times], dtype=float)
    intensity = np.zeros(n_minutes)
    for b_start, weight, tau_h, alpha in BURSTS[segment]:
        dt_h = (grid - (b_start - start).total_seconds() / 60.0) / 60.0
        active = dt_h >= 0
        intensity[active] += weight * (1.0 + dt_h[active] / tau_h) ** (-alpha)
    intensity *= diurnal(local_minutes)
    intensity[0] = 0.0  # MIN_LAG_S = first minute stays empty
    p = intensity / intensity.sum()
    minutes = rng.choice(n_minutes, size=n, p=p)
    seconds = rng.integers(0, 60, size=n)
    offsets = np.sort(minutes * 60 + seconds)
    offsets = np.clip(offsets, MIN_LAG_S, (end - start).total_seconds() - 1)
    return [start + timedelta(seconds=int(s)) for s in offsets]


def make_authors(rng: np.random.Generator) -> list[str]:
    combos = rng.choice(len(FIRST_NAMES) * len(SURNAMES), size=N_AUTHORS, replace=False)
    return [f"{FIRST_NAMES[c // len(SURNAMES)]} {SURNAMES[c % len(SURNAMES)]}" for c in combos]


def iso(t: datetime) -> str:
    return t.astimezone(TZ).isoformat(timespec="seconds")


def write_csv_atomic(path: Path, header: list[str], rows: list[list]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(rows)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; make the result an ordinary file
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def load_source() -> dict[str, list[dict]]:
    by_seg: dict[str, list[dict]] = {s: [] for s in SEGMENTS}
    with open(SOURCE, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            if r["segment"] not in by_seg or r["label"] not in LABELS or not r["text"].strip():
                raise ValueError(f"{SOURCE.name}:{i}: bad row {r!r}")
            by_seg[r["segment"]].append(r)
    return by_seg


def main() -> None:
    rng = np.random.default_rng(SEED)
    by_seg = load_source()

    bounds = [e[1] for e in EVENTS] + [THREAD_END]
    timed: list[tuple[datetime, dict, datetime]] = []  # (time, row, segment start)
    for k, seg in enumerate(SEGMENTS):
        start, end = bounds[k], bounds[k + 1]
        rows = by_seg[seg]
        order = rng.permutation(len(rows))
        times = draw_times(rng, seg, start, end, len(rows))
        for t, idx in zip(times, order, strict=True):
            timed.append((t, rows[idx], start))

    authors = make_authors(rng)
    ranks = np.arange(1, N_AUTHORS + 1, dtype=float)
    author_p = ranks ** (-ZIPF_S)
    author_p /= author_p.sum()
    author_idx = rng.choice(N_AUTHORS, size=len(timed), p=author_p)
    base_likes = rng.lognormal(LIKES_MU, LIKES_SIGMA, size=len(timed))

    thread_rows, gold_rows = [], []
    rows_out = zip(timed, author_idx, base_likes, strict=True)
    for i, ((t, r, seg_start), a, bl) in enumerate(rows_out, 1):
        cid = f"c{i:04d}"
        hours = (t - seg_start).total_seconds() / 3600.0
        likes = int(np.floor(bl * (1.0 + 1.5 * np.exp(-hours / 6.0))))
        thread_rows.append([cid, authors[a], iso(t), likes, r["text"]])
        gold_rows.append([cid, r["label"], r["segment"]])

    event_rows = [[iso(t), label, kind] for _, t, label, kind in EVENTS]

    thread_cols = ["comment_id", "author", "timestamp", "likes", "text"]
    write_csv_atomic(OUT_THREAD, thread_cols, thread_rows)
    write_csv_atomic(OUT_EVENTS, ["time", "label", "kind"], event_rows)
    write_csv_atomic(OUT_GOLD, ["comment_id", "label", "segment"], gold_rows)
    print(f"wrote {len(thread_rows)} comments, {len(event_rows)} events -> "
          f"{OUT_THREAD.name}, {OUT_EVENTS.name}, {OUT_GOLD.name}")


if __name__ == "__main__":
    main()

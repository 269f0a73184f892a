"""The answer in words: tone shares before and after each event, and their changes."""

from __future__ import annotations

from analyzer.timeline._format import (
    MIN_N,
    check_lang,
    fmt_ci,
    fmt_num,
    fmt_pct,
    fmt_pp,
    fmt_when,
    tone_name,
)

__all__ = ["headline"]

_W = {
    "fi": {
        "none_sig": "Yksikään sävyn muutos tapahtumien kohdalla ei ole tilastollisesti merkitsevä "
        "(Holm-korjattu p < {a}).",
        "clearest": "Selvin muutos tuli tapahtuman «{e}» jälkeen: {tone} {b} → {a} ({d}, "
        "95 % LV {ci}).",
        "event": "«{e}» ({t}):",
        "intro": "Tapahtumittain (osuus ennen → jälkeen, muutos %-yksikköinä ja sen 95 %:n "
        "luottamusväli):",
        "no_before": "ei kommentteja ennen; jälkeen (n = {n})",
        "no_after": "ei kommentteja jälkeen.",
        "no_events": "Tapahtumia ei annettu: koko ketjussa (n = {n})",
        "ci": "95 % LV",
        "ci_short": "LV",
        "sig": "merkitsevä",
        "not_sig": "ei merkitseviä muutoksia",
        "small": "n = {a} → {b}, alle {m} kommentin jakso: vain suuntaa antava",
        "corrected": "Osuudet on korjattu luokittelijan virheiden mukaan ({m}).",
        "counted": "Osuudet ovat mallin ennustamien luokkien osuuksia (ei korjattu).",
        "empty": "Ketjussa ei ole kommentteja, joilla on aika.",
        "and": "ja",
    },
    "en": {
        "none_sig": "No change in tone at the events is statistically significant "
        "(Holm-adjusted p < {a}).",
        "clearest": "The clearest change came after «{e}»: {tone} {b} → {a} ({d}, 95 % CI {ci}).",
        "event": "«{e}» ({t}):",
        "intro": "Event by event (share before → after, change in percentage points and its "
        "95 % CI):",
        "no_before": "no comments before; after (n = {n})",
        "no_after": "no comments after.",
        "no_events": "No events given: in the whole thread (n = {n})",
        "ci": "95 % CI",
        "ci_short": "CI",
        "sig": "significant",
        "not_sig": "no significant change",
        "small": "n = {a} → {b}, a segment under {m} comments: a hint only",
        "corrected": "Shares are corrected for the classifier's errors ({m}).",
        "counted": "Shares are those of the model's predicted labels (not corrected).",
        "empty": "The thread has no comments with a time.",
        "and": "and",
    },
}


def _tones(classes: list[str]) -> list[str]:
    """The tones that carry a stance (all but ``neutral``, if that leaves any)."""
    return [c for c in classes if c != "neutral"] or list(classes)


def _shares(seg, tones: list[str], lang: str) -> str:
    return ", ".join(f"{tone_name(c, lang)} {fmt_pct(seg.share[c], lang)}" for c in tones)


def headline(result, lang: str = "fi", *, min_n: int = MIN_N) -> str:
    """One paragraph that answers the question: tone before and after each event, in words.

    For each event: the share of each stance-carrying tone (all but ``neutral``)
    before and after it, the change with its 95 % interval, and whether it is
    significant (Holm-adjusted). The clearest significant change comes first.
    Empty segments are said plainly; segments under ``min_n`` comments are
    called a hint and never the clearest change. Works for any number of events,
    corrected or counted shares and any label set.

    Parameters
    ----------
    result : CompareResult
        Output of :func:`analyzer.timeline.compare`.
    lang : {"fi", "en"}
        Language of the text.
    min_n : int, default=MIN_N (30)
        Comments a segment needs for its changes to count as more than a hint.

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> from analyzer.timeline import compare, parse_events
    >>> t = pd.date_range("2026-03-04 08:00", periods=80, freq="10min", tz="Europe/Helsinki")
    >>> df = pd.DataFrame({"time": t, "tone": ["criticism"] * 40 + ["understanding"] * 40})
    >>> res = compare(df, parse_events(["2026-03-04T14:40=Apology"]), shares="counted")
    >>> text = headline(res, "en")
    >>> print(text[:75])
    The clearest change came after «Apology»: criticism 100.0 % → 0.0 % (-100.0
    >>> print(headline(res, "fi")[:47])
    Selvin muutos tuli tapahtuman «Apology» jälkeen
    """
    w = _W[check_lang(lang)]
    segs = result.segments
    tones = _tones(list(result.classes))
    alpha = str(result.alpha).replace(".", ",") if lang == "fi" else str(result.alpha)
    method = (
        w["corrected"].format(m=result.method.upper())
        if result.method != "counted"
        else w["counted"]
    )
    if not any(s.n for s in segs):
        return w["empty"]
    if not result.events:
        s = segs[0]
        return f"{w['no_events'].format(n=s.n)}: {_shares(s, tones, lang)}. {method}"
    change = {(c["to"], c["class"]): c for c in result.changes}
    sentences: list[str] = []
    best = None
    for i, ev in enumerate(result.events):
        a, b = segs[i], segs[i + 1]
        head = w["event"].format(e=ev.label, t=fmt_when(ev.time, lang))
        if not a.n and not b.n:
            continue
        if not a.n:
            sentences.append(f"{head} {w['no_before'].format(n=b.n)}: {_shares(b, tones, lang)}.")
            continue
        if not b.n:
            sentences.append(f"{head} {w['no_after']}")
            continue
        small = min(a.n, b.n) < min_n
        parts = []
        for c in tones:
            ch = change.get((b.name, c))
            if ch is None or ch.get("diff") is None:
                continue
            sig = bool(ch.get("significant")) and not small
            before = fmt_pct(ch["before"], lang).removesuffix(" %")
            parts.append(
                f"{tone_name(c, lang)} {before} → {fmt_pct(ch['after'], lang)} "
                f"({fmt_num(ch['diff'] * 100, lang, sign=True)}; "
                f"{w['ci_short']} {fmt_ci(ch['ci'], lang, unit=False)}"
                + (f"; {w['sig']})" if sig else ")")
            )
            if sig and (best is None or ch["p_adjusted"] < best[1]["p_adjusted"]):
                best = (ev, ch)
        # a significant change in a tone not listed (neutral) is still said
        others = [
            change[(b.name, c)]
            for c in result.classes
            if c not in tones and change.get((b.name, c), {}).get("significant")
        ]
        if not small:
            parts += [
                f"{tone_name(ch['class'], lang)} {fmt_pp(ch['diff'], lang)} ({w['sig']})"
                for ch in others
            ]
        text = f"{head} {', '.join(parts)}"
        if small:
            text += f" ({w['small'].format(a=a.n, b=b.n, m=min_n)})"
        elif not others and not any(change.get((b.name, c), {}).get("significant") for c in tones):
            text += f" ({w['not_sig']})"
        sentences.append(text + ".")
    if best is not None:
        ev, ch = best
        lead = w["clearest"].format(
            e=ev.label,
            tone=tone_name(ch["class"], lang),
            b=fmt_pct(ch["before"], lang),
            a=fmt_pct(ch["after"], lang),
            d=fmt_pp(ch["diff"], lang),
            ci=fmt_ci(ch["ci"], lang, unit=False),
        )
    else:
        lead = w["none_sig"].format(a=alpha)
    return " ".join([lead, w["intro"], *sentences, method])

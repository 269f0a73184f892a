"""Small hand-written Finnish fixtures for the model, scoring and CLI tests.

Every comment below was written for these tests (none is copied from real
social media). The tone set has three invented scenarios (``hotelli``,
``pankki``, ``lento``) with eight comments of each tone, so grouped
cross-validation has whole scenarios to hold out; the positive/negative set
is a second, unrelated label scheme (restaurant reviews).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

#: ``make fuzz`` (hypothesis profile "fuzz") runs every property this many times wider
FUZZ_FACTOR = 25


def examples(n: int) -> int:
    """Examples of a property test: ``n`` in CI, :data:`FUZZ_FACTOR` times more in ``make fuzz``."""
    return n * FUZZ_FACTOR if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else n


#: (text, tone, scenario)
TONE_ROWS: list[tuple[str, str, str]] = [
    # --- criticism -----------------------------------------------------------
    ("Hävetkää! Tällaista palvelua ei pitäisi olla olemassa.", "criticism", "hotelli"),
    ("Ihan käsittämätöntä toimintaa, hävetkää nyt edes vähän.", "criticism", "hotelli"),
    ("Surkea hotelli, enkä tule enää ikinä takaisin.", "criticism", "hotelli"),
    ("Huone oli likainen ja henkilökunta töykeä. Hävettävää!", "criticism", "hotelli"),
    ("Ette ole pahoitelleet mitään, pelkkää tyhjää puhetta.", "criticism", "hotelli"),
    ("Rahat takaisin heti, tämä on huijausta!!", "criticism", "hotelli"),
    ("Aivan surkeaa, miten asiakkaita kohdellaan.", "criticism", "hotelli"),
    ("Tämä on skandaali ja johdon pitäisi erota.", "criticism", "hotelli"),
    ("Pankki pimittää tietoja taas, hävetkää!", "criticism", "pankki"),
    ("Surkeaa palvelua, jonotin tunnin eikä kukaan vastannut.", "criticism", "pankki"),
    ("Ei tällaiseen pankkiin voi luottaa enää yhtään.", "criticism", "pankki"),
    ("Käsittämätöntä ahneutta, asiakkaat maksavat teidän virheenne.", "criticism", "pankki"),
    ("Sovellus taas rikki. Ihan naurettavaa touhua!", "criticism", "pankki"),
    ("Häpeällistä toimintaa koko pankilta.", "criticism", "pankki"),
    ("Lopetan asiakkuuden, tämä oli viimeinen pisara.", "criticism", "pankki"),
    ("Tyhjiä lupauksia, ei mitään muutosta. Hävetkää.", "criticism", "pankki"),
    ("Lento myöhässä viisi tuntia eikä mitään tietoa. Hävetkää!", "criticism", "lento"),
    ("Kadotitte laukkuni ja nyt ette vastaa viesteihin, surkeaa.", "criticism", "lento"),
    ("Ihan järkyttävää asiakaspalvelua, ei voi muuta sanoa.", "criticism", "lento"),
    ("Ette välitä matkustajista yhtään, pelkkä raha kiinnostaa.", "criticism", "lento"),
    ("Peruitte lennon ilman ilmoitusta, käsittämätöntä!!", "criticism", "lento"),
    ("Häpeäisitte, tuo tiedote oli pelkkää kiemurtelua.", "criticism", "lento"),
    ("Koko yhtiö on surkea, en lennä teillä enää.", "criticism", "lento"),
    ("Naurettavaa, että korvauksia pitää odottaa kuukausia.", "criticism", "lento"),
    # --- understanding -------------------------------------------------------
    ("Kiitos anteeksipyynnöstä, tällaista sattuu kaikille.", "understanding", "hotelli"),
    ("Hyvä anteeksipyyntö, arvostan että myönsitte virheen.", "understanding", "hotelli"),
    ("Ymmärrän hyvin, ei tuollaista voi aina ennakoida.", "understanding", "hotelli"),
    ("Kiitos nopeasta vastauksesta ja hyvästä palvelusta.", "understanding", "hotelli"),
    ("Hyvin hoidettu tilanne, kiitos henkilökunnalle.", "understanding", "hotelli"),
    ("Virheitä sattuu, tärkeintä on että ne korjataan. Kiitos!", "understanding", "hotelli"),
    ("Arvostan rehellistä anteeksipyyntöä, tulen varmasti uudestaan.", "understanding", "hotelli"),
    ("Kiitos kun kerroitte avoimesti mitä tapahtui.", "understanding", "hotelli"),
    ("Hyvä että pankki pyysi anteeksi, kiitos siitä.", "understanding", "pankki"),
    ("Ymmärrän, järjestelmäviat ovat harmillisia mutta niitä sattuu.", "understanding", "pankki"),
    ("Kiitos asiallisesta tiedotteesta, selkeä anteeksipyyntö.", "understanding", "pankki"),
    ("Asiakaspalvelu auttoi minua tosi ystävällisesti, kiitos.", "understanding", "pankki"),
    ("Hienoa, että asia korjattiin näin nopeasti.", "understanding", "pankki"),
    ("Ihan ymmärrettävää, kaikki tekevät joskus virheitä.", "understanding", "pankki"),
    ("Kiitos pahoittelusta, hyvin hoidettu.", "understanding", "pankki"),
    ("Tsemppiä työntekijöille, te teette hyvää työtä!", "understanding", "pankki"),
    ("Kiitos anteeksipyynnöstä ja korvauksesta, hyvä ratkaisu.", "understanding", "lento"),
    ("Ymmärrän täysin, sääolosuhteille ei voi mitään.", "understanding", "lento"),
    ("Henkilökunta oli ystävällistä vaikeassa tilanteessa, kiitos.", "understanding", "lento"),
    ("Hyvä anteeksipyyntö, tällä mennään eteenpäin.", "understanding", "lento"),
    ("Arvostan että vastasitte näin nopeasti. Kiitos!", "understanding", "lento"),
    ("Turvallisuus ensin, ymmärrän hyvin peruutuksen.", "understanding", "lento"),
    ("Kiitos kun pidätte matkustajat ajan tasalla.", "understanding", "lento"),
    ("Hyvää työtä vaikeassa tilanteessa, tsemppiä!", "understanding", "lento"),
    # --- neutral -------------------------------------------------------------
    ("Mihin aikaan aamiainen alkaa?", "neutral", "hotelli"),
    ("Onko hotellissa parkkipaikkoja?", "neutral", "hotelli"),
    ("Milloin kylpylä avataan taas?", "neutral", "hotelli"),
    ("Olin siellä viime kesänä.", "neutral", "hotelli"),
    ("Paljonko huone maksaa viikonloppuna?", "neutral", "hotelli"),
    ("Onko uima-allas auki huomenna?", "neutral", "hotelli"),
    ("Missä kaupungissa tämä hotelli on?", "neutral", "hotelli"),
    ("Saako lemmikin ottaa mukaan?", "neutral", "hotelli"),
    ("Milloin sovellus päivitetään?", "neutral", "pankki"),
    ("Mikä on asiakaspalvelun puhelinnumero?", "neutral", "pankki"),
    ("Onko konttori auki lauantaina?", "neutral", "pankki"),
    ("Koskeeko tämä myös yritysasiakkaita?", "neutral", "pankki"),
    ("Luin uutisen aamulla lehdestä.", "neutral", "pankki"),
    ("Missä voin vaihtaa tunnusluvut?", "neutral", "pankki"),
    ("Montako asiakasta asia koskee?", "neutral", "pankki"),
    ("Tuleeko tästä lisää tietoa myöhemmin?", "neutral", "pankki"),
    ("Mistä portista lento lähtee?", "neutral", "lento"),
    ("Milloin seuraava lento Ouluun on?", "neutral", "lento"),
    ("Paljonko matkalaukku saa painaa?", "neutral", "lento"),
    ("Koskeeko peruutus myös paluulentoa?", "neutral", "lento"),
    ("Onko koneessa wifi?", "neutral", "lento"),
    ("Mihin numeroon voi soittaa?", "neutral", "lento"),
    ("Lennän Helsingistä huomenna aamulla.", "neutral", "lento"),
    ("Mikä on lennon numero?", "neutral", "lento"),
]

TONE_TEXTS = [t for t, _, _ in TONE_ROWS]
TONE_LABELS = [y for _, y, _ in TONE_ROWS]
TONE_GROUPS = [g for _, _, g in TONE_ROWS]

#: comments whose tone a model trained on TONE_ROWS must get right (from the issue)
TINY_CLEAR = {
    "Hävetkää!": "criticism",
    "Hyvä anteeksipyyntö": "understanding",
    "kiitos": "understanding",
}

#: held-out comments for ``evaluate`` (not in TONE_ROWS)
TONE_HELD_OUT: list[tuple[str, str]] = [
    ("Hävetkää, tämä on ihan surkeaa!", "criticism"),
    ("Käsittämätöntä, en luota teihin enää.", "criticism"),
    ("Kiitos anteeksipyynnöstä, ymmärrän hyvin.", "understanding"),
    ("Hyvä anteeksipyyntö, kiitos.", "understanding"),
    ("Milloin ovet avataan?", "neutral"),
    ("Onko parkkipaikka maksullinen?", "neutral"),
]

#: (text, label): a second label scheme
POSNEG_ROWS: list[tuple[str, str]] = [
    ("Loistava ravintola, ruoka oli herkullista.", "positive"),
    ("Paras kahvila koko kaupungissa!", "positive"),
    ("Erinomainen palvelu ja ihana tunnelma.", "positive"),
    ("Tosi hyvä kokemus, suosittelen lämpimästi.", "positive"),
    ("Ihana henkilökunta, tulemme uudestaan.", "positive"),
    ("Herkullista ruokaa ja nopea palvelu.", "positive"),
    ("Loistava paikka, kaikki toimi täydellisesti.", "positive"),
    ("Hyvä hinta-laatusuhde, kiitos!", "positive"),
    ("Suosittelen kaikille, paras pizza ikinä.", "positive"),
    ("Ihana paikka ja erinomainen kahvi.", "positive"),
    ("Palvelu oli nopeaa ja ystävällistä.", "positive"),
    ("Tosi herkullinen kakku, loistavaa!", "positive"),
    ("Kamala ruoka ja hidas palvelu.", "negative"),
    ("Huonoin ravintola missä olen käynyt.", "negative"),
    ("Kylmää ruokaa ja töykeä tarjoilija.", "negative"),
    ("Ylihinnoiteltu ja mauton annos.", "negative"),
    ("Odotimme tunnin, huono kokemus.", "negative"),
    ("En suosittele kenellekään, kamalaa.", "negative"),
    ("Likainen paikka ja huono kahvi.", "negative"),
    ("Mauton pizza ja kallis hinta.", "negative"),
    ("Tosi huono palvelu, ei enää koskaan.", "negative"),
    ("Kamala tunnelma ja kylmä kahvi.", "negative"),
    ("Huono ruoka, rahat menivät hukkaan.", "negative"),
    ("Tarjoilija oli epäkohtelias ja hidas.", "negative"),
]

#: comments the bundled model must get right: unmistakable, not in any corpus row
BUNDLED_CLEAR = {
    "Hävetkää!": "criticism",
    "Aivan surkeaa toimintaa, en tule enää ikinä.": "criticism",
    "Hyvä anteeksipyyntö": "understanding",
    "kiitos": "understanding",
    "Kiitos nopeasta vastauksesta, ymmärrän tilanteen.": "understanding",
    "Missä tämä paikka on?": "neutral",
}

#: (author, text, time) rows of a small export to score; authors are invented
SCORE_ROWS: list[tuple[str, str, str]] = [
    ("Testi Käyttäjä", "Hävetkää!", "1.3.2026 klo 14.05"),
    ("Keksitty Henkilö", "Hyvä anteeksipyyntö", "1.3.2026 14:10"),
    ("Olematon Öljynen", "Missä tämä paikka on?", "1.3.2026 klo 15.00"),
    ("Testi Käyttäjä", "Aivan surkeaa toimintaa, en tule enää ikinä.", "2.3.2026 8.30"),
    ("Maija Mallikas", "kiitos", "2.3.2026 klo 9.45"),
    ("Keksitty Henkilö", '=HYPERLINK("http://example.invalid";"klikkaa")', "2.3.2026 10:00"),
    ("+358 40 0000000", "-5 pistettä tästä palvelusta", "2.3.2026 11:00"),
    ("@Kaislaranta", "@Kaislaranta milloin ovet aukeavat?", "3.3.2026 12:00"),
    ("Olematon Öljynen", "+1 samaa mieltä edellisen kanssa", "3.3.2026 12:30"),
    ("Maija Mallikas", "Kiitos nopeasta vastauksesta, ymmärrän tilanteen.", "3.3.2026 13:00"),
]

#: the expected tone (bundled model) of the SCORE_ROWS that are unmistakable
SCORE_CLEAR = {i: BUNDLED_CLEAR[t] for i, (_, t, _) in enumerate(SCORE_ROWS) if t in BUNDLED_CLEAR}


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    delimiter: str = ",",
    bom: bool = False,
) -> Path:
    """Write a small CSV file with the standard library (quoting what needs it)."""
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_tone_csv(path: Path) -> Path:
    """The tone fixture as ``text,label,scenario``."""
    return write_csv(path, ["text", "label", "scenario"], TONE_ROWS)


def write_posneg_csv(path: Path) -> Path:
    """The positive/negative fixture with non-standard column names."""
    return write_csv(path, ["arvio", "arvosana"], POSNEG_ROWS, delimiter=";")


def run_main(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """Run ``analyzer ARGS`` in this process: exit code, stdout, stderr.

    The same :func:`analyzer.cli.main` as the console script, without the
    seconds a new interpreter spends importing scikit-learn; tests that must
    see a real process (no traceback, exit status) use the ``cli`` fixture.
    """
    from analyzer.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    try:
        if stdin is not None:
            sys.stdin = io.StringIO(stdin)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()

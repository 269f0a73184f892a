"""Names by key path: which fields are replaced, and with which pseudonym."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analyzer.io import ColumnRoles, author_columns, iter_comments, prepare_output, pseudonymize
from analyzer.io._names import Pseudonyms, classify

SALT = "nimisuola"


def _p(name: str) -> str:
    return pseudonymize([name], salt=SALT)[0]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("data.comment.author", "identity"),
        ("data.comment.comment", "text"),
        ("data.comment.timestamp", None),
        ("title", "title"),
        ("from.name", "identity"),
        ("from.id", "identity"),
        ("comments.data.from.name", "identity"),
        ("message_tags.name", "identity"),
        ("message_tags.offset", None),
        ("user.followers_count", None),
        ("string_map_data.Media Owner.value", "identity"),
        ("string_map_data.Comment.value", None),
        ("Author Handle", "identity"),
        ("Full Name", "identity"),
        ("Author Followers", None),
        ("Nimi", "identity"),
        ("place.name", None),
        ("attachments.data.external_context.url", None),
        ("snippet.topLevelComment.snippet.authorChannelId.value", "identity"),
        ("authorName", "identity"),
        ("comment_author", None),
    ],
)
def test_classify_by_key_path_not_substring(path, kind):
    assert classify(path.split(".")) == kind


def test_nested_author_siblings_that_are_not_about_the_author_stay():
    columns = ["timestamp", "data.comment.timestamp", "data.comment.comment", "data.comment.author"]
    roles = ColumnRoles(text="data.comment.comment", time="timestamp", author="data.comment.author")
    assert author_columns(columns, roles) == ["data.comment.author"]


def test_the_issues_mention_gets_the_authors_pseudonym():
    frame = pd.DataFrame(
        {
            "Nimi": ["Liisa Esimerkki", "Matti Meikäläinen"],
            "Kommentti": ["Hävetkää!", "@Liisa Esimerkki ihan samaa mieltä"],
        }
    )
    chunk = next(iter_comments(frame))
    out = prepare_output(chunk.frame, chunk.roles, salt=SALT, excel_safe=False)
    assert out["Nimi"].tolist() == [_p("Liisa Esimerkki"), _p("Matti Meikäläinen")]
    assert out["Kommentti"].tolist()[1] == f"@{_p('Liisa Esimerkki')} ihan samaa mieltä"
    kept = prepare_output(chunk.frame, chunk.roles, keep_authors=True, excel_safe=False)
    assert kept["Kommentti"].tolist() == frame["Kommentti"].tolist()


def test_mentions_known_across_chunks_and_what_is_not_a_mention():
    frame = pd.DataFrame(
        {
            "username": ["matti_m", "teppo_t", "sanna"],
            "text": [
                "Hyvä kysymys.",
                "@matti_m samaa mieltä, kirjoita info@yritys.example tai @yritys",
                "@Matti ja @Liisa ihan @Keksitty Nimi-Henkilö ja @liisa esimerkki",
            ],
        }
    )
    pseudonyms = Pseudonyms(SALT)
    outs = [
        prepare_output(c.frame, c.roles, excel_safe=False, pseudonyms=pseudonyms)
        for c in iter_comments(frame, chunksize=1)
    ]
    texts = [o["text"].iloc[0] for o in outs]
    assert texts[0] == "Hyvä kysymys."
    # a known author in a later chunk; an e-mail address and an unknown handle are left
    assert texts[1] == f"@{_p('matti_m')} samaa mieltä, kirjoita info@yritys.example tai @yritys"
    # one capitalised word, a lower-case pair: not names; a capitalised pair is
    assert texts[2] == (f"@Matti ja @Liisa ihan @{_p('Keksitty Nimi-Henkilö')} ja @liisa esimerkki")


def test_known_full_names_in_text_and_titles_in_two_languages():
    p = Pseudonyms(SALT)
    p.identities(["Liisa Esimerkki", "Aamukaste Oy"])
    assert p.text("Kuten Liisa Esimerkki sanoi, Liisa on oikeassa.") == (
        f"Kuten {_p('Liisa Esimerkki')} sanoi, Liisa on oikeassa."
    )
    assert p.title("Matti Meikäläinen replied to Liisa Esimerkki's comment.") == (
        f"{_p('Matti Meikäläinen')} replied to {_p('Liisa Esimerkki')}'s comment."
    )
    assert p.title("Liisa Esimerkki commented on her own post.") == (
        f"{_p('Liisa Esimerkki')} commented on her own post."
    )
    assert p.title("Matti Meikäläinen vastasi käyttäjän Liisa Esimerkki kommenttiin.") == (
        f"{_p('Matti Meikäläinen')} vastasi käyttäjän {_p('Liisa Esimerkki')} kommenttiin."
    )
    assert p.title("Kevään kampanja") == "Kevään kampanja"


def test_the_longest_known_name_wins_whether_of_one_word_or_more():
    p = Pseudonyms(SALT)
    p.identities(["Liisa", "Liisa Esimerkki", "liisa_e", "Liisa-Maria"])
    assert p.text("@Liisa Esimerkki ja @Liisa sekä @liisa_e, @Liisa-Maria") == (
        f"@{_p('Liisa Esimerkki')} ja @{_p('Liisa')} sekä @{_p('liisa_e')}, @{_p('Liisa-Maria')}"
    )
    # without an @ only names of two words or more are replaced
    assert p.text("Liisa Esimerkki ja Liisa-Maria Virtanen") == (
        f"{_p('Liisa Esimerkki')} ja Liisa-Maria Virtanen"
    )
    # a handle met after the first mention is still found
    p.identities(["teppo"])
    assert p.text("@teppo moi") == f"@{_p('teppo')} moi"


def test_json_cells_replaced_by_key_path_and_kept_when_nothing_changes():
    replies = [
        {"from": {"name": "Matti Meikäläinen", "id": "5551002"}, "message": "@Liisa Esimerkki jep"},
        {
            "from": {"name": "Liisa Esimerkki", "id": "5551001"},
            "message": "Kiitos",
            "like_count": 2,
        },
    ]
    untouched = json.dumps([{"media": {"uri": "kuva.jpg", "title": ""}}])
    frame = pd.DataFrame(
        {
            "message": ["Alku", "Toinen"],
            "comments.data": [json.dumps(replies, ensure_ascii=False), untouched],
        }
    )
    chunk = next(iter_comments(frame))
    out = prepare_output(chunk.frame, chunk.roles, salt=SALT, excel_safe=False)
    got = json.loads(out["comments.data"].iloc[0])
    assert got[0]["from"] == {"name": _p("Matti Meikäläinen"), "id": _p("5551002")}
    assert got[0]["message"] == f"@{_p('Liisa Esimerkki')} jep"
    assert got[1]["from"]["name"] == _p("Liisa Esimerkki") and got[1]["like_count"] == 2
    assert out["comments.data"].iloc[1] == untouched  # exactly, not re-serialised

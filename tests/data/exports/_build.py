"""Write the real-shaped export fixtures of this folder (run by hand: ``python _build.py``).

Every comment, name, handle and id here was invented for these tests; the
shapes follow what the services give users: Facebook's download
(``comments_v2``, text as UTF-8 bytes escaped as latin-1), the Graph API
(``data`` + ``paging``, nested replies, ``message_tags``), Instagram's Graph API
and download (``string_map_data``), YouTube's ``commentThreads``, a
listening tool's XLSX (English headers, Excel serial dates) and Finnish
Excel's CSV (``;``, a BOM, CRLF).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

POST = "Aamukaste Oy"


def _fb(name: str, text: str | None, ts: int, title: str, attachments: list | None = None) -> dict:
    record: dict = {"timestamp": ts}
    if text is not None:
        record["data"] = [{"comment": {"timestamp": ts, "comment": text, "author": name}}]
    if attachments is not None:
        record["attachments"] = attachments
    record["title"] = title
    return record


def facebook_download() -> None:
    comments = [
        _fb(
            "Liisa Esimerkki",
            "Hävettävää toimintaa. Odotin teiltä parempaa.",
            1773303300,
            f"Liisa Esimerkki commented on {POST}'s post.",
        ),
        _fb(
            "Matti Meikäläinen",
            "@Liisa Esimerkki ihan samaa mieltä, tämä ei käy.",
            1773303900,
            "Matti Meikäläinen replied to Liisa Esimerkki's comment.",
        ),
        _fb(
            "Maija Mallikas",
            "Kiitos että pahoittelitte – arvostan 👏",
            1773307500,
            f"Maija Mallikas commented on {POST}'s post.",
            [{"data": [{"external_context": {"url": "https://example.invalid/uutinen"}}]}],
        ),
        _fb(
            "Teppo Testaaja",
            "Kuvat kertovat kaiken.\nToinen rivi: ”lainaus” ja 5 €.",
            1773311100,
            f"Teppo Testaaja commented on {POST}'s post.",
            [
                {"data": [{"media": {"uri": "photos_and_videos/kuva1.jpg", "title": ""}}]},
                {"data": [{"media": {"uri": "photos_and_videos/kuva2.jpg", "title": ""}}]},
            ],
        ),
        _fb(POST, "+1", 1773311700, "Aamukaste Oy commented on his own post."),
        _fb(
            POST,
            "Pahoittelemme tapahtunutta, @Liisa Esimerkki. Otamme yhteyttä.",
            1773312300,
            "Aamukaste Oy replied to Liisa Esimerkki's comment.",
        ),
        _fb("", None, 1773312900, f"Kalle Keksitty commented on {POST}'s post."),  # deleted
        _fb(
            "Sanna Satunnainen",
            "VÄ\u00a0HÄ\u00a0! -1 tähti",
            1773313500,
            "Sanna Satunnainen replied to Matti Meikäläinen's comment.",
        ),
    ]
    doc = {"comments_v2": comments}
    # Facebook writes every non-ASCII character as its UTF-8 bytes, each escaped: ä -> \u00c3\u00a4
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    escaped = text.encode("utf-8").decode("latin-1")
    (HERE / "facebook_comments_v2.json").write_text(
        json.dumps(json.loads(escaped), ensure_ascii=True, indent=2) + "\n", encoding="ascii"
    )


def graph_api() -> None:
    def reply(i: int, name: str, uid: str, text: str, t: str) -> dict:
        return {
            "id": f"1029_1_{i}",
            "created_time": t,
            "from": {"name": name, "id": uid},
            "message": text,
        }

    doc = {
        "data": [
            {
                "id": "1029_1",
                "created_time": "2026-03-12T08:15:00+0000",
                "from": {"name": "Liisa Esimerkki", "id": "5551001"},
                "message": "Miksi asiakkaille ei kerrottu ajoissa?",
                "like_count": 4,
                "comment_count": 2,
                "comments": {
                    "data": [
                        reply(
                            1,
                            "Matti Meikäläinen",
                            "5551002",
                            "@Liisa Esimerkki juuri näin.",
                            "2026-03-12T08:20:00+0000",
                        ),
                        reply(
                            2,
                            POST,
                            "5550000",
                            "Pahoittelemme, Liisa Esimerkki. Korjaamme asian.",
                            "2026-03-12T09:00:00+0000",
                        ),
                    ],
                    "paging": {"cursors": {"before": "QVFIUmx1", "after": "QVFIUm9k"}},
                },
            },
            {
                "id": "1029_2",
                "created_time": "2026-03-12T10:05:00+0000",
                "from": {"name": "Maija Mallikas", "id": "5551003"},
                "message": "Liisa Esimerkki olen samaa mieltä, mutta hyvä että pahoittelitte.",
                "message_tags": [
                    {
                        "id": "5551001",
                        "name": "Liisa Esimerkki",
                        "type": "user",
                        "offset": 0,
                        "length": 15,
                    }
                ],
                "like_count": 0,
                "comment_count": 1,
                "comments": {
                    "data": [
                        reply(
                            3,
                            "Teppo Testaaja",
                            "5551004",
                            "Kiitos anteeksipyynnöstä ❤️",
                            "2026-03-12T10:30:00+0000",
                        )
                    ],
                    "paging": {"cursors": {"before": "QVFIUnAx", "after": "QVFIUnAx"}},
                },
            },
            {
                # no "from": the API leaves out people who have not allowed it
                "id": "1029_3",
                "created_time": "2026-03-12T11:45:00+0000",
                "message": "-5 pistettä tästä, ei näin.",
                "like_count": 1,
                "comment_count": 0,
            },
        ],
        "paging": {
            "cursors": {"before": "QVFIUmx1", "after": "QVFIUnAz"},
            "next": "https://graph.facebook.invalid/v19.0/1029/comments?after=QVFIUnAz",
        },
    }
    (HERE / "facebook_graph_api.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def instagram() -> None:
    doc = {
        "data": [
            {
                "id": "17900000000000001",
                "text": "@liisa_esimerkki totta, huono juttu.",
                "timestamp": "2026-03-12T08:20:00+0000",
                "username": "matti.meikalainen",
                "like_count": 1,
                "replies": {
                    "data": [
                        {
                            "id": "17900000000000002",
                            "text": "@matti.meikalainen samaa mieltä!",
                            "timestamp": "2026-03-12T08:25:00+0000",
                            "username": "teppo_t",
                        }
                    ]
                },
            },
            {
                "id": "17900000000000003",
                "text": "Kiitos nopeasta vastauksesta 🙏",
                "timestamp": "2026-03-12T09:10:00+0000",
                "username": "liisa_esimerkki",
                "like_count": 3,
            },
            {
                "id": "17900000000000004",
                "text": "@Maija Mallikas katso tätä 😅",
                "timestamp": "2026-03-12T09:40:00+0000",
                "username": "sanna.s",
                "like_count": 0,
                "replies": {
                    "data": [
                        {
                            "id": "17900000000000005",
                            "text": "@sanna.s nähty!",
                            "timestamp": "2026-03-12T09:45:00+0000",
                            "username": "maija_m",
                        },
                        {
                            "id": "17900000000000006",
                            "text": "@sanna.s ja @teppo_t 👍",
                            "timestamp": "2026-03-12T09:50:00+0000",
                            "username": "kalle.k",
                        },
                    ]
                },
            },
        ],
        "paging": {"cursors": {"before": "QVFIUk", "after": "QVFIUl"}},
    }
    (HERE / "instagram_graph_api.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    download = [
        {
            "media_list_data": [{"uri": "media/posts/202603/kuva.jpg"}],
            "string_map_data": {
                "Comment": {"value": text},
                "Media Owner": {"value": owner},
                "Time": {"timestamp": ts},
            },
            "title": "",
        }
        for text, owner, ts in [
            ("Tämä oli pettymys, @Liisa Esimerkki kertoi saman.", "aamukaste_oy", 1773303300),
            ("Hyvä päivitys, kiitos! ❤️", "aamukaste_oy", 1773306900),
            ("Ei näin 😠 – 0/5", "liisa_esimerkki", 1773310500),
        ]
    ]
    text = json.dumps(download, ensure_ascii=False, indent=2).encode("utf-8").decode("latin-1")
    (HERE / "instagram_download.json").write_text(
        json.dumps(json.loads(text), ensure_ascii=True, indent=2) + "\n", encoding="ascii"
    )


def youtube() -> None:
    def thread(i: int, who: str, text: str, t: str, replies: int = 0) -> dict:
        return {
            "kind": "youtube#commentThread",
            "id": f"UgxThread{i}",
            "snippet": {
                "videoId": "vid00000001",
                "topLevelComment": {
                    "kind": "youtube#comment",
                    "id": f"UgxThread{i}",
                    "snippet": {
                        "authorDisplayName": who,
                        "authorProfileImageUrl": f"https://yt3.example.invalid/{who[1:]}.jpg",
                        "authorChannelUrl": f"http://www.youtube.com/{who}",
                        "authorChannelId": {"value": f"UCchannel{i}"},
                        "textDisplay": text.replace("\n", "<br>"),
                        "textOriginal": text,
                        "likeCount": i,
                        "publishedAt": t,
                        "updatedAt": t,
                    },
                },
                "totalReplyCount": replies,
                "canReply": True,
                "isPublic": True,
            },
        }

    doc = {
        "kind": "youtube#commentThreadListResponse",
        "nextPageToken": "QURTSl9pM",
        "pageInfo": {"totalResults": 3, "resultsPerPage": 20},
        "items": [
            thread(
                1, "@LiisaEsimerkki", "Miksi tästä ei kerrottu aiemmin?", "2026-03-12T08:15:00Z"
            ),
            thread(
                2,
                "@MattiMeikalainen",
                "@LiisaEsimerkki hyvä kysymys.\nOdotan vastausta.",
                "2026-03-12T08:40:00Z",
                1,
            ),
            thread(3, "@MaijaMallikas", "Anteeksipyyntö oli hyvä, kiitos.", "2026-03-12T12:00:00Z"),
        ],
    }
    (HERE / "youtube_comment_threads.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def listening_tool() -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Mentions"
    ws.append(["Report: Aamukaste Oy, 12.-13.3.2026"])  # a title row above the table
    ws.append([])
    ws.append(
        ["Date", "Title", "Full Text", "Url", "Author", "Full Name", "Sentiment", "Score",
         "Reach", "Page Type", "Country"]
    )  # fmt: skip
    rows = [
        (46093.34375, "Liisa Esimerkki commented on Aamukaste Oy's post",
         "Tämä on kyllä surkeaa palvelua.", "https://example.invalid/p/1", "liisa_e",
         "Liisa Esimerkki", "negative", -1, 1520, "facebook", "Finland"),
        (46093.36111, "@liisa_e samaa mieltä", "@liisa_e samaa mieltä", "https://example.invalid/t/2",
         "matti_m", "Matti Meikäläinen", "negative", -0.5, 310, "twitter", "Finland"),
        (46093.5, "Hyvä anteeksipyyntö", "Hyvä anteeksipyyntö @Matti Meikäläinen, eikö?\nKiitos.",
         "https://example.invalid/t/3", "maija_m", "Maija Mallikas", "positive", 3, 95,
         "twitter", "Finland"),
        (46094.0, "", "=HYPERLINK(\"https://example.invalid\")", "https://example.invalid/f/4",
         "teppo_t", "Teppo Testaaja", "neutral", 0, 12, "forum", "Finland"),
    ]  # fmt: skip
    for row in rows:
        ws.append(list(row))
    for cells in ws.iter_rows(min_row=4):  # the formula-looking comment is text, as exported
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    wb.save(HERE / "listening_tool.xlsx")


def finnish_excel() -> None:
    rows = [
        ["Nimi", "Kommentti", "Pvm", "Tykkäykset", "Pisteet"],
        ["Liisa Esimerkki", "Hävetkää!", "12.3.2026 klo 10.05", "4", "-1"],
        ["Matti Meikäläinen", "@Liisa Esimerkki niinpä; ei näin.\nToinen rivi.", "12.3.2026 10:10",
         "1", "-0,5"],
        ["Maija Mallikas", "Kiitos anteeksipyynnöstä, hyvä että reagoitte.", "12.3.2026 11.00",
         "7", "+3"],
        ["Teppo Testaaja", "-5 pistettä tästä palvelusta", "12.3.2026 12.30", "0", "-5"],
    ]  # fmt: skip
    path = HERE / "finnish_excel.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";", lineterminator="\r\n").writerows(rows)
        fh.write("Rikki rivi;liikaa;kenttiä;12.3.2026;1;2;3\r\n")  # a row Excel never wrote
        csv.writer(fh, delimiter=";", lineterminator="\r\n").writerow(
            ["Kalle Keksitty", "Milloin ovet taas aukeavat?", "13.3.2026 8.00", "2", "0"]
        )


if __name__ == "__main__":
    facebook_download()
    graph_api()
    instagram()
    youtube()
    listening_tool()
    finnish_excel()

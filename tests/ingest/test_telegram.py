"""Telegram Desktop channel exports: each text message an article."""

from __future__ import annotations

import json

from newsledger.ingest import read_articles
from newsledger.ingest.telegram import channel_slug, flatten_text
from newsledger.settings import Settings


def export(**channel) -> dict:
    return {
        "name": "Border Watch", "type": "public_channel", "id": 1500000001, **channel,
        "messages": [
            {"id": 1, "type": "service", "date": "2022-09-21T08:00:00", "action": "create_channel"},
            {"id": 7, "type": "message", "date": "2022-09-24T21:15:03", "from": "Border Watch",
             "text": ["Queue at the crossing\n", {"type": "bold", "text": "About 2,000 cars"},
                      " were waiting tonight, drivers told us. ",
                      {"type": "link", "text": "https://example.org/map"}]},
            {"id": 8, "type": "message", "date": "2022-09-25T07:00:00", "text": "",
             "photo": "photos/photo_8.jpg"},
            {"id": 9, "type": "message", "date": "2022-09-25T09:30:00",
             "text": "Plain text message about the morning queue at the border post."},
        ],
    }


def test_text_messages_become_articles_with_channel_metadata(tmp_path):
    folder = tmp_path / "ChannelExport"
    folder.mkdir()
    (folder / "result.json").write_text(json.dumps(export(username="@borderwatch")))
    first, second = read_articles([str(tmp_path)], Settings(analyze=False))
    assert first.id == "borderwatch-7"
    assert first.text == ("Queue at the crossing\nAbout 2,000 cars were waiting tonight, "
                          "drivers told us. https://example.org/map")
    assert first.outlet == "Border Watch"
    assert first.published == "2022-09-24"
    assert first.url == "https://t.me/borderwatch/7"
    assert first.title == "Queue at the crossing"
    assert second.id == "borderwatch-9"
    assert second.detected_language == "en"


def test_without_a_username_the_url_is_null_and_the_name_makes_the_id(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export(name="Граница Онлайн")))
    articles = list(read_articles([str(path)], Settings(analyze=False)))
    assert [a.id for a in articles] == ["граница-онлайн-7", "граница-онлайн-9"]
    assert all(a.url is None for a in articles)


def test_flatten_text_and_slugs():
    assert flatten_text(["a ", {"type": "italic", "text": "b"}, {"type": "x"}]) == "a b"
    assert flatten_text(None) == ""
    assert channel_slug({"id": 5}) == "telegram-5"

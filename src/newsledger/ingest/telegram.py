"""Telegram Desktop channel exports (``result.json``): each text message is an article.

The channel name is the outlet, the message date (its date part) the publication date, and
``https://t.me/<username>/<message id>`` the url when the export names the channel's username
(a ``username`` key; Telegram Desktop itself leaves it out, so the url is then null). Text
entities (plain strings and ``{"type", "text"}`` objects) are flattened to plain text.

A full account export (``{"chats": {"list": [...]}}``) is read for its channels only: personal
chats and groups are private conversations, never articles, and an account export without
channels is one coded line (NL123).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsledger.errors import InputError, MalformedJSON, NoTelegramChannels
from newsledger.ingest.jsonfile import load_json
from newsledger.ingest.registry import Source, register
from newsledger.ingest.text import find_title
from newsledger.models import Article

_NON_SLUG = re.compile(r"[\W_]+")
_CHANNELS = {"public_channel", "private_channel"}


def flatten_text(text: object) -> str:
    """A message's ``text`` (a string or a list of strings and entity objects) as plain text."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(part if isinstance(part, str) else str(part.get("text", ""))
                       for part in text if isinstance(part, str | dict))
    return ""


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""


def is_account_export(document: object) -> bool:
    """True for a full account export: chats under ``{"chats": {"list": [...]}}``."""
    chats = document.get("chats") if isinstance(document, dict) else None
    return isinstance(chats, dict) and isinstance(chats.get("list"), list)


def channel_slug(export: dict) -> str:
    """A stable id prefix for the channel: its username, else its name, lower-cased."""
    name = _string(export.get("username")) or _string(export.get("name"))
    name = name.lstrip("@")
    slug = _NON_SLUG.sub("-", name.lower()).strip("-")
    return slug or f"telegram-{export.get('id', 'channel')}"


def _messages(export: dict, source: Source) -> list:
    messages = export.get("messages")
    if not isinstance(messages, list):
        raise MalformedJSON("Telegram export without a \"messages\" list", source=source.name)
    return messages


def read_export(export: dict, source: Source) -> Iterator[Article]:
    """The text messages of one parsed channel export, in export order."""
    slug = channel_slug(export)
    username = _string(export.get("username")).lstrip("@")
    outlet = export.get("name") or username or None
    for message in _messages(export, source):
        if not isinstance(message, dict) or message.get("type") != "message":
            continue
        text = flatten_text(message.get("text"))
        if not text.strip():
            continue
        number = message.get("id")
        date = message.get("date") or None
        yield Article(
            id=f"{slug}-{number}", text=text, outlet=outlet, published=date,
            url=f"https://t.me/{username}/{number}" if username else None,
            title=find_title(text), source_path=source.name,
        )


def read_account(export: dict, source: Source) -> Iterator[Article]:
    """The channels' messages of a full account export."""
    channels = [chat for chat in export["chats"]["list"]
                if isinstance(chat, dict) and chat.get("type") in _CHANNELS]
    if not channels:
        raise NoTelegramChannels("Telegram account export without channels (personal chats "
                                 "and groups are not read)", source=source.name)
    for channel in channels:
        yield from read_export(channel, source)


@register("telegram")
def read_telegram(source: Source) -> Iterator[Article | InputError]:
    export = load_json(source)
    if not isinstance(export, dict):
        raise MalformedJSON("a Telegram export is a JSON object", source=source.name)
    if is_account_export(export):
        yield from read_account(export, source)
        return
    yield from read_export(export, source)

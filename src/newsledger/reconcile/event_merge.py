"""Merge mentions of one real-world event across articles and stories into one event.

Mentions join one event when they have the same type and place, compatible dates (equal, one
containing the other as "2022-09" contains "2022-09-21", or both unknown) and similar figures
(equal digits, or one of them unstated). Undated mentions join only within one story (copies of
one report) or between reports published within ``UNDATED_WINDOW_DAYS`` of each other: "protests
in Russia" told in 2022 and in 2024 are not one event. The event id is a hash of the earliest
mention, so it stays stable while that mention stays. Corroboration counts independent stories
(copies of one wire story count once; stories come from ``story_members``).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

_DIGITS = re.compile(r"\D")
UNDATED_WINDOW_DAYS = 7


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.startswith(b) or b.startswith(a)


def _figures_compatible(a: str | None, b: str | None) -> bool:
    """Figures given as their digits (None: unstated): equal, or one without digits."""
    return not a or not b or a == b


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published) if published and len(published) == 10 else None
    except ValueError:
        return None


Traits = tuple[str | None, str | None, str, str | None]  # date, figure digits, story, published


def _traits(mention: dict, stories: Mapping[str, str]) -> Traits:
    """What decides whether a mention fits an event; mentions with equal traits fit alike."""
    figure = mention["figure"]
    return (mention["date"], None if figure is None else _DIGITS.sub("", figure),
            stories.get(mention["article"], mention["article"]), mention.get("published"))


def _same_time(a: Traits, b: Traits) -> bool:
    """Undated mentions: one story, or reports published within a week of each other."""
    if a[2] == b[2]:
        return True
    day_a, day_b = _day(a[3]), _day(b[3])
    return bool(day_a and day_b and abs((day_a - day_b).days) <= UNDATED_WINDOW_DAYS)


def _fits(mention: Traits, event: dict[Traits, None]) -> bool:
    """True when the mention fits every member of the event (given as distinct traits)."""
    return all(_dates_compatible(mention[0], other[0])
               and _figures_compatible(mention[1], other[1])
               and (mention[0] is not None or _same_time(mention, other))
               for other in event)


def event_id(first: dict) -> str:
    """A stable id from the type, place and the earliest mention's article and offset."""
    seed = f"{first['type']}|{first['place']}|{first['article']}|{first['quote_start']}"
    return "event-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10]


def merge_key(mention: dict) -> tuple[str, str]:
    """The type and folded place: only mentions with one key can merge (each key's events
    depend on its mentions alone)."""
    return mention["type"], (mention.get("place_id") or mention.get("place") or "").casefold()


def merge_mentions(mentions: Iterable[dict],
                   stories: Mapping[str, str] | None = None) -> list[list[dict]]:
    """Groups of mentions that state one event (rows as ``Ledger.events`` yields);
    ``stories`` maps article ids to their story (``store.events.story_by_article``)."""
    stories = stories or {}
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for mention in mentions:
        by_key[merge_key(mention)].append(mention)
    merged: list[list[dict]] = []
    for key in sorted(by_key):
        # a dated mention fits only events dated in its year, an undated one only undated events
        by_year: dict[str | None, list[tuple[list[dict], dict[Traits, None]]]] = defaultdict(list)
        events: list[list[dict]] = []
        ordered = sorted(by_key[key], key=lambda m: (m["published"] or "9999", m["article"],
                                                     m["quote_start"]))
        for mention in ordered:
            traits = _traits(mention, stories)
            year = traits[0][:4] if traits[0] else None
            home = next((event for event in by_year[year] if _fits(traits, event[1])), None)
            if home is None:
                events.append([mention])
                by_year[year].append((events[-1], {traits: None}))
            else:
                home[0].append(mention)
                home[1][traits] = None
        merged.extend(events)
    return merged

"""Names in scripts without capital letters, found by the words around them.

Capitalisation finds names in Latin, Cyrillic, Greek and Armenian text (``publish.persons``);
Chinese, Japanese, Korean, Arabic, Persian and Hebrew have no capitals (nor has Georgian's
Mkhedruli, which has no cues yet). There, ``find_uncased(text)`` applies the cues of
``lang/persons/uncased.toml``: an honorific after a katakana or Hangul name, a broadcast caption
``[name / role :``, a role and a speech verb around a Chinese name, an age or a relative next to
an Arabic, Persian or Hebrew name. Each hit is a name with its span and whether a public title
stands in its role, just before it (no relative's word near) or right after it (Japanese and
Korean put the title after the name); a leader's title counts when the sentence quotes the
organisation's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from newsledger.publish.person_tables import load_table

# A text with none of these letters has no uncased names to look for.
UNCASED = re.compile(r"[\u0590-\u06ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
SENTENCE = 200  # how far back a sentence is read for an organisation's quoted name
TITLE_WORDS = 2  # words before a name in a spaced script searched for a title
SENTENCE_END = re.compile(r"[。．.!?！？\n]")  # a title before a name stands in its sentence


@dataclass(frozen=True)
class UncasedCues:
    patterns: tuple[re.Pattern, ...]
    titles: tuple[str, ...]
    title_before: int
    leader_titles: tuple[str, ...]
    org_quotes: str
    relatives: tuple[str, ...]


@dataclass(frozen=True)
class UncasedName:
    name: str
    start: int
    end: int
    titled: bool


@cache
def uncased_cues() -> UncasedCues:
    data = load_table("uncased")
    return UncasedCues(tuple(re.compile(cue["pattern"]) for cue in data["cue"]),
                       tuple(data["public_titles"]), int(data["title_before"]),
                       tuple(data["leader_titles"]), data["org_quotes"],
                       tuple(data["relatives"]))


def find_uncased(text: str) -> Iterator[UncasedName]:
    """Every name a cue finds in ``text``, in text order."""
    if not UNCASED.search(text):
        return
    cues = uncased_cues()
    hits = []
    for pattern in cues.patterns:
        for match in pattern.finditer(text):
            start, end = match.span("name")
            role = match.groupdict().get("role") or ""
            titled = any(title in role for title in cues.titles) \
                or titled_before(text, start) or titled_after(text, end)
            hits.append(UncasedName(match.group("name").strip(), start, end, titled))
    yield from sorted(hits, key=lambda hit: hit.start)


def titled_before(text: str, start: int) -> bool:
    """A public title a few characters before a name in its sentence, no relative's word
    near ("总统普京", not "总统的妻子X"), or a
    leader's title there when the sentence quotes an organisation's name before it; before a
    Latin name in brackets, the title of the name in this script just before the brackets
    ("負責人皮特卡尼蒂(Matti Pitkaniitty)")."""
    cues = uncased_cues()
    bracket = re.search(r"[(（]\s*$", text[max(0, start - 3):start])
    if bracket:
        start = max(0, start - 3) + bracket.start()
    sentence = SENTENCE_END.split(text[max(0, start - SENTENCE):start])[-1]
    before = sentence[-cues.title_before:]
    if " " in sentence.rstrip()[-cues.title_before:]:  # a script that spaces its words:
        before = " ".join(sentence.split()[-TITLE_WORDS:])  # the title and one adjective
    if any(title in before for title in cues.titles):  # not "the president's wife X"
        return not any(relative in before for relative in cues.relatives)
    return any(title in before for title in cues.leader_titles) \
        and any(quote in sentence for quote in cues.org_quotes)


def titled_after(text: str, end: int) -> bool:
    """A public title right after a name ("プーチン大統領", "푸틴 대통령"), or a leader's title
    when the sentence quotes an organisation's name before it («「アゴラ」の...代表»)."""
    cues = uncased_cues()
    after = text[end:end + 1].strip(" ・·") + text[end + 1:end + 8]
    if after.startswith(cues.titles):
        return True
    sentence = SENTENCE_END.split(text[max(0, end - SENTENCE):end])[-1]
    return after.startswith(cues.leader_titles) \
        and any(quote in sentence for quote in cues.org_quotes)


def occurrences(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Every occurrence of an uncased ``name`` in ``text`` (particles may follow it)."""
    for match in re.finditer(re.escape(name), text):
        yield match.span()

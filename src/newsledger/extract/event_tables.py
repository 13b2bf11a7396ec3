"""Event trigger tables: one TOML file per language in the codebook's ``events/``, compiled
once.

A language file lists, per codebook event type, the trigger patterns (regular expressions,
case-insensitive, matching whole words, so a stem ends in a word-character run), optional
``requires`` patterns (the sentence must match one: arson needs an enlistment office) and
``excludes`` patterns (the sentence must match none: an asylum *decision* is not a request).
``blockers`` mark clauses that state no event (plans, fears, hypotheticals); ``participants``
are mass-participant phrases a movement needs when no figure is stated, with a place or a
``mass`` phrase ("en masse", "queues"); ``here`` phrases ("into the country") point to the
country the article is about; ``back_references`` are phrases that name an event already told
("the detainees", "a participant in the protests"): a trigger inside one states nothing new
unless it carries a figure; ``actors`` map phrases to normalised English actor names.
``common.toml`` holds what every language shares (figure categories and default places).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from newsledger.base.codebook import codebook
from newsledger.base.languages import table_language
from newsledger.models import EVENT_TYPES

EVENTS_DIR = codebook().events_dir
FLAGS = re.IGNORECASE | re.UNICODE


def _compile(patterns: list[str]) -> re.Pattern | None:
    """One alternation of ``patterns``, each starting at a word start; None when empty."""
    if not patterns:
        return None
    spaced = [pattern.replace(" ", r"\s+") for pattern in patterns]
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in spaced) + r")(?!\w)", FLAGS)


@dataclass(frozen=True)
class TypeRules:
    """How one event type is recognised in one language."""

    type: str
    triggers: re.Pattern
    requires: re.Pattern | None
    excludes: re.Pattern | None
    ignore_blockers: bool


@dataclass(frozen=True)
class EventTable:
    """The compiled rules of one language."""

    language: str
    types: tuple[TypeRules, ...]
    blockers: re.Pattern | None
    participants: re.Pattern | None
    mass: re.Pattern | None
    here: re.Pattern | None
    back_references: re.Pattern | None
    actors: tuple[tuple[str, re.Pattern], ...]
    also: tuple[str, ...]


@cache
def common() -> dict:
    """Shared knowledge: figure categories per type, default places, type options."""
    with (EVENTS_DIR / "common.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def available_languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in EVENTS_DIR.glob("*.toml") if p.stem != "common"))


@cache
def event_table(language: str) -> EventTable:
    """The compiled table of ``language`` (or of the language whose tables read it: Croatian
    and Bosnian are read as Serbian), English when there is none."""
    language = table_language(language, available_languages()) or "en"
    with (EVENTS_DIR / f"{language}.toml").open("rb") as handle:
        data = tomllib.load(handle)
    unknown = set(data.get("types", {})) - set(EVENT_TYPES)
    if unknown:
        raise ValueError(f"{language}.toml: unknown event types {sorted(unknown)}")
    free = set(common()["ignore_blockers"])
    types = tuple(
        TypeRules(name, _compile(rules["triggers"]), _compile(rules.get("requires", [])),
                  _compile(rules.get("excludes", [])), name in free)
        for name, rules in data.get("types", {}).items()
    )
    actors = tuple((name, _compile(patterns)) for name, patterns in data.get("actors", {}).items())
    return EventTable(language, types, _compile(data.get("blockers", [])),
                      _compile(data.get("participants", [])), _compile(data.get("mass", [])),
                      _compile(data.get("here", [])), _compile(data.get("back_references", [])),
                      actors,
                      tuple(data.get("also", [])))


def tables_for(language: str | None) -> list[EventTable]:
    """The article language's table and the ones it borrows (quoted Russian in Serbian text)."""
    first = event_table(language or "en")
    return [first, *(event_table(name) for name in first.also)]

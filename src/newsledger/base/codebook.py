"""The crisis codebook (``codebook/`` beside the package, or the folder of the ``codebook``
setting): the home and war countries, the categories figures count, the event types, the
anchor events dates count from, and the folders of the per-language cue and trigger tables.

Nothing crisis-specific is written in code: a second crisis replaces the folder.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsledger.base.phrases import compile_phrases
from newsledger.settings import Settings

SHIPPED = Path(__file__).parents[1] / "codebook"


@dataclass(frozen=True)
class Anchor:
    """An event that relative dates count from."""

    day: str  # YYYY-MM-DD
    english: str  # how an English period label names it ("the mobilization")


@dataclass(frozen=True)
class Codebook:
    folder: Path
    name: str
    home: str  # the country whose people the figures count (English gazetteer name)
    war: str  # the country of the war
    start: str | None  # the anchor the crisis starts from (a key of ``anchors``)
    categories: tuple[str, ...]
    event_types: tuple[str, ...]
    anchors: dict[str, Anchor]
    words: dict[str, tuple[str, ...]]  # country -> cue phrases naming it besides place names
    labels: dict[str, str]  # category -> how pages name it in words
    questions: dict[str, str]  # category -> the question its figures answer ("{place}")

    def label(self, category: str) -> str:
        """The category in words (its label, else the code with spaces)."""
        return self.labels.get(category) or category.replace("_", " ")

    def question(self, category: str, place: str | None) -> str:
        """The question a category's figures answer, in words ("how many people left Russia")."""
        template = self.questions.get(category) or f"how many {self.label(category)} {{where}}"
        where = f"in {place}" if place else ""
        return " ".join(template.format(place=place or "", where=where).split())

    @property
    def cues_dir(self) -> Path:
        return self.folder / "cues"

    @property
    def events_dir(self) -> Path:
        return self.folder / "events"


@cache
def codebook() -> Codebook:
    """The codebook in use (read once)."""
    folder = Path(Settings.from_env().codebook or SHIPPED)
    data = tomllib.loads((folder / "codebook.toml").read_text(encoding="utf-8"))
    return Codebook(
        folder=folder, name=data["name"], home=data["home"], war=data["war"],
        start=data.get("start"),
        categories=tuple(data["categories"]), event_types=tuple(data["event_types"]),
        anchors={key: Anchor(**value) for key, value in data.get("anchors", {}).items()},
        words={key: tuple(value) for key, value in data.get("words", {}).items()},
        labels=dict(data.get("labels", {})),
        questions=dict(data.get("questions", {})),
    )


@cache
def country_words() -> dict[str, re.Pattern]:
    """Country -> the compiled phrases that name it besides its place names."""
    compiled = ((name, compile_phrases(list(words))) for name, words in codebook().words.items())
    return {name: pattern for name, pattern in compiled if pattern is not None}

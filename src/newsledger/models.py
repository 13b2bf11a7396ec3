"""The records that flow through the pipeline: articles in, figures, events, stories out.

All records are frozen dataclasses; every extraction keeps character offsets into
``Article.text``, the text exactly as ingested.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

QUALIFIERS = (
    "exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague",
)
COUNTED = (
    "mobilized", "left_country", "crossed_border", "entered_country", "arrested", "protesters",
    "killed", "killed_or_wounded", "wounded", "summoned", "deported_or_extradited",
    "asylum_seekers", "residence_permits", "hiding", "other",
)
EVENT_TYPES = (
    "mobilization_order", "protest", "detention", "arson_attack", "border_crossing_surge",
    "border_closure", "asylum_request", "extradition_decision", "casualty_report",
    "summons_delivery", "police_visit",
)
STORY_RELATIONS = ("origin", "copy", "near_duplicate", "translation")


def content_hash(text: str) -> str:
    """Stable fingerprint of an article text (sha256 of its UTF-8 bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One news article; ``text`` is kept exactly as ingested and all offsets refer to it."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str | None = None  # declared by the source
    title: str | None = None
    source_path: str | None = None
    detected_language: str | None = None
    language_confidence: float | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def lang(self) -> str | None:
        """The language to analyse the text in: declared, else detected."""
        return self.language or self.detected_language


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantitative claim about people or events, with its evidence span (DESIGN.md)."""

    article: str
    number_text: str
    quote: str
    low: int | None
    high: int | None
    qualifier: str
    counted: str
    number_start: int
    number_end: int
    quote_start: int
    quote_end: int
    who: str | None = None
    place: str | None = None
    period: str | None = None
    attributed_to: str | None = None
    rate: str | None = None
    # filled by the resolve stage
    place_id: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    period_precision: str | None = None

    def record(self) -> dict:
        """The figure record as scored and exported (DESIGN.md field names)."""
        return {
            "article": self.article, "number_text": self.number_text, "quote": self.quote,
            "low": self.low, "high": self.high, "qualifier": self.qualifier,
            "counted": self.counted, "who": self.who, "place": self.place,
            "period": self.period, "attributed_to": self.attributed_to, "rate": self.rate,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One event mention in an article (seeds README conventions)."""

    article: str
    type: str
    quote: str
    quote_start: int
    quote_end: int
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_precision: str | None = None  # day, week, month, year
    place: str | None = None
    country: str | None = None
    actors: tuple[str, ...] = ()
    figure: str | None = None
    place_id: str | None = None
    event_id: str | None = None  # the merged real-world event

    def record(self) -> dict:
        return {
            "article": self.article, "type": self.type, "quote": self.quote,
            "date": self.date, "date_precision": self.date_precision, "place": self.place,
            "country": self.country, "actors": list(self.actors), "figure": self.figure,
        }


@dataclass(frozen=True, slots=True)
class StoryMember:
    article: str
    relation: str  # one of STORY_RELATIONS
    score: float | None = None  # similarity to the member it was joined to
    evidence: str | None = None  # JSON of the signals that joined it


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that are one story: copies, near-duplicates and translations of one text."""

    id: str
    origin: str
    members: tuple[StoryMember, ...] = field(default_factory=tuple)

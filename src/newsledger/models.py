"""The records that flow through the pipeline: articles in, figures, events, stories out.

All records are frozen dataclasses; every extraction keeps character offsets into
``Article.text``, the text exactly as ingested.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, fields, is_dataclass, replace

from newsledger.base.codebook import codebook

QUALIFIERS = (
    "exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague",
)
COUNTED = codebook().categories  # what figures count (the codebook's categories)
EVENT_TYPES = codebook().event_types
STORY_RELATIONS = ("origin", "copy", "near_duplicate", "translation")


def content_hash(text: str) -> str:
    """Stable fingerprint of an article text (sha256 of its UTF-8 bytes)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def plain(value):
    """``value`` as JSON takes it: records (dataclasses) as dicts, tuples as lists, at any
    depth."""
    if is_dataclass(value) and not isinstance(value, type):
        return {spec.name: plain(getattr(value, spec.name)) for spec in fields(value)}
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def figure_id(article: str, number_start: int, number_end: int, number_text: str) -> str:
    """The stable id of a figure: a hash of its article, number span and number text, so the
    same input gives the same id and re-analysing an article keeps it (claims point at it)."""
    seed = f"{article}|{number_start}|{number_end}|{number_text}"
    return "fig-" + hashlib.sha1(seed.encode("utf-8", "surrogatepass")).hexdigest()[:12]


# What every store holds at most (schema.py's column sizes).
MAX_ID = 255
MAX_OUTLET = 255
MAX_LANGUAGE = 8
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def clean_text(value: str) -> str:
    """``value`` as every store takes it: NUL characters removed, lone surrogates (which
    have no UTF-8) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", value.replace("\x00", ""))


def short_id(article_id: str) -> str:
    """An id of at most ``MAX_ID`` characters: a longer one is cut and ends in a hash of it."""
    if len(article_id) <= MAX_ID:
        return article_id
    digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{article_id[:MAX_ID - 17]}-{digest}"


def _text_value(value: object) -> tuple[str | None, bool]:
    """(the value as clean text or None, whether a value of another type was dropped)."""
    if value is None:
        return None, False
    if isinstance(value, str):
        return clean_text(value), False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value), False
    return None, True


def normalised(article: Article) -> tuple[Article, list[str]]:
    """The article as every store takes it, and a note for each field that was dropped.

    Text fields lose NULs and lone surrogates; a number becomes text and a value of any other
    type (an object for a name) is dropped; a long id is shortened (``short_id``), a long
    outlet cut, and a language over ``MAX_LANGUAGE`` characters or a ``published`` that is no
    YYYY-MM-DD day is dropped.
    """
    values: dict[str, object] = {}
    notes: list[str] = []
    for spec in fields(Article):
        if spec.name == "language_confidence":
            continue
        value, dropped = _text_value(getattr(article, spec.name))
        if dropped:
            notes.append(f"{spec.name} is {type(getattr(article, spec.name)).__name__}, "
                         "not text; stored without it")
        values[spec.name] = value
    values["id"] = short_id(values["id"] or "")
    values["text"] = values["text"] or ""
    if values["outlet"]:
        values["outlet"] = values["outlet"][:MAX_OUTLET]
    for name in ("language", "detected_language"):
        if values[name] and len(values[name]) > MAX_LANGUAGE:
            notes.append(f"{name} {values[name][:20]!r} is longer than {MAX_LANGUAGE} "
                         "characters; stored without it")
            values[name] = None
    if values["published"] and not _DAY.fullmatch(values["published"]):
        notes.append(f"published {values['published'][:40]!r} is no YYYY-MM-DD day; "
                     "stored without it")
        values["published"] = None
    confidence = article.language_confidence
    if not isinstance(confidence, int | float) or isinstance(confidence, bool):
        confidence = None
    return replace(article, **values, language_confidence=confidence), notes


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

    @property
    def id(self) -> str:
        """Its ledger id (``figure_id``)."""
        return figure_id(self.article, self.number_start, self.number_end, self.number_text)

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


@dataclass(frozen=True, slots=True)
class ClaimMention:
    """One figure stating a claim's quantity, with its article's outlet, date and language."""

    figure: str
    article: str
    number_text: str
    quote: str
    low: int | None
    high: int | None
    qualifier: str
    story: str | None = None  # the story of its article (None: the article stands alone)
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    attributed_to: str | None = None
    source: str | None = None  # the known source its figure originates from, when one is named


@dataclass(frozen=True, slots=True)
class Claim:
    """Figures stating one quantity (category, place, period, rate, group), corroboration
    counted in independent stories and in originating sources (``sources``: ten stories all
    citing one monitor are one source; ``origins`` names the known ones, most cited first);
    ``low``/``high`` span its figures' intervals."""

    id: str
    counted: str
    place: str | None
    period: str | None
    low: int | None
    high: int | None
    stories: int
    articles: int
    first: str | None = None  # earliest publication date
    last: str | None = None
    rate: str | None = None
    who: str | None = None  # the group counted, where the figures name one
    outlets: tuple[str, ...] = ()
    mentions: tuple[ClaimMention, ...] = ()
    sources: int | None = None  # None: stored before sources were counted
    as_of: str | None = None  # the day its figures count up to, where their periods resolve
    estimate: bool = False  # its figures' quotes call them an estimate, not a count of cases
    origins: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Counterpart:
    """One more figure a conflict's figure ``a`` disagrees with, beside ``b``."""

    article: str
    quote: str
    number: str
    low: int | None
    high: int | None
    outlet: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two statements that cannot both be true: figures of one quantity (``figure``), a
    figure against an official one (``reference``), versions of one story (``version``).

    ``a`` and ``b`` are the quotes (for a reference conflict ``b`` is the official statement);
    pairs are (a's, b's). A figure that disagrees with several independent reports is one
    conflict: ``b`` is the clearest of them, ``others`` the rest. ``titles`` and ``languages``
    are filled when read from a ledger.
    """

    id: str
    kind: str
    article_a: str
    article_b: str
    a: str
    b: str
    why: str
    outlets: tuple[str | None, str | None] = (None, None)
    dates: tuple[str | None, str | None] = (None, None)
    counted: str | None = None
    place: str | None = None
    rate: str | None = None
    numbers: tuple[str, ...] = ()
    intervals: tuple[tuple[int | None, int | None], ...] = ()
    figure: str | None = None  # reference conflicts: the ledger's figure
    reference: dict | None = None  # reference conflicts: the official figure
    story: str | None = None  # version conflicts: the story of both versions
    similarity: float | None = None  # version conflicts: of the aligned sentences
    titles: tuple[str | None, str | None] = (None, None)
    languages: tuple[str | None, str | None] = (None, None)
    others: tuple[Counterpart, ...] = ()

    @property
    def articles(self) -> tuple[str, ...]:
        """Every article the conflict quotes: a's, b's, then the others'."""
        return tuple(dict.fromkeys((self.article_a, self.article_b,
                                    *(other.article for other in self.others))))

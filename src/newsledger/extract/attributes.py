"""The descriptive fields of a figure: who, place, period, attributed_to and rate.

``who`` is the English label of the head noun after the number; ``rate`` a rate cue near the
number in its sentence; ``period`` the nearest time expression of its sentence
(``extract.periods``); ``place`` chosen by the role places play for its category
(``extract.placing``), with its gazetteer id; ``attributed_to`` the known source
(``base/lang/sources.toml``) nearest the number in its sentence, else the last one named in
the sentences before it in its paragraph or right before it, with a relay agency added as
"X via Y". A source that only speaks for some categories (a president announcing the call-up
is no source for emigration counts) is skipped for the others.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache, cached_property

from newsledger.base.phrases import Cue
from newsledger.base.places import countries_named, find_places, resolve_place
from newsledger.base.sentences import SpanIndex, paragraph_starts
from newsledger.base.sources import known_sources
from newsledger.extract.cues import CueTable
from newsledger.extract.periods import Period, find_periods
from newsledger.extract.placing import Mention, article_country, names_by_word, place_of
from newsledger.models import Article, Figure

RATE_WINDOW = 60  # characters between a number and its rate cue
SOURCE_LOOKBACK = 3  # sentences of the same paragraph searched for an earlier source
LEAD_CHARS = 400  # the start of an article without a headline that says what it is about
ARTICLE_LANGUAGE = "en"  # fallback names (Russia, Ukraine) are English


@dataclass
class FigureContext:
    """Per-article lookups shared by the figures of one article, computed on first use."""

    article: Article
    sentences: list[tuple[int, int]]

    def __post_init__(self) -> None:
        self._places: dict[tuple[int, int], list[Mention]] = {}
        self._periods: dict[tuple[int, int], list[Period]] = {}
        self._rates: dict[tuple[int, int], list[Cue]] = {}
        self._named: dict[str, bool] = {}

    def places(self, sentence: tuple[int, int]) -> list[Mention]:
        """Places named in one sentence (looked up only for sentences that hold figures)."""
        if sentence not in self._places:
            start, end = sentence
            found = find_places(self.article.text[start:end], self.article.lang)
            self._places[sentence] = [(start + s, start + e, place) for s, e, place in found]
        return self._places[sentence]

    def periods(self, sentence: tuple[int, int]) -> list[Period]:
        """Time expressions of one sentence (searched only in sentences that hold figures)."""
        if sentence not in self._periods:
            self._periods[sentence] = find_periods(
                self.article.text, *sentence, self.article.lang, self.article.published)
        return self._periods[sentence]

    def rates(self, table: CueTable, sentence: tuple[int, int]) -> list[Cue]:
        """Rate cues of one sentence (its numbers share one cue table)."""
        if sentence not in self._rates:
            self._rates[sentence] = table.rates.find(self.article.text, *sentence)
        return self._rates[sentence]

    @cached_property
    def country(self) -> str | None:
        """The foreign country the article is about: the one its headline (or lead) names."""
        lead = self.article.title or self.article.text[:LEAD_CHARS]
        return article_country(find_places(lead, self.article.lang))

    @cached_property
    def _headed_text(self) -> str:
        return f"{self.article.title or ''}\n{self.article.text}"

    @cached_property
    def _countries(self) -> frozenset[str]:
        return countries_named(self._headed_text, self.article.lang)

    def names(self, country: str) -> bool:
        """Whether the article (headline and text) names a country: by a word for it, else by
        a place in it (looked up only when no word names it)."""
        if country not in self._named:
            self._named[country] = names_by_word(self._headed_text, country) or (
                country in self._countries)
        return self._named[country]

    @cached_property
    def sources(self) -> list[Cue]:
        phrases, _ = known_sources()
        return phrases.find(self.article.text)

    @cached_property
    def _source_starts(self) -> list[int]:
        return [cue.start for cue in self.sources]

    def sources_in(self, start: int, end: int) -> list[Cue]:
        """The known sources starting in ``text[start:end]``, in text order."""
        starts = self._source_starts
        return self.sources[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    @cached_property
    def paragraphs(self) -> SpanIndex:
        return SpanIndex(paragraph_starts(self.article.text))


def _gap(start: int, end: int, figure: Figure) -> int:
    if end <= figure.number_start:
        return figure.number_start - end
    return max(start - figure.number_end, 0)


def _rate(context: FigureContext, table: CueTable, figure: Figure,
          sentence: tuple[int, int]) -> str | None:
    near = [cue for cue in context.rates(table, sentence)
            if _gap(cue.start, cue.end, figure) <= RATE_WINDOW]
    return near[0].label if near else None


def _speaks_for(cue: Cue, figure: Figure) -> bool:
    _, info = known_sources()
    return not info[cue.label].counted or figure.counted in info[cue.label].counted


def _sources_before(context: FigureContext, figure: Figure, position: int) -> list[Cue]:
    """Sources of the sentences before, within the paragraph or in the sentence right before."""
    sentence = context.sentences[position]
    paragraph = context.paragraphs.index(figure.number_start)
    earlier = context.sentences[max(position - SOURCE_LOOKBACK, 0)][0]
    previous = context.sentences[max(position - 1, 0)][0]
    return [cue for cue in context.sources_in(earlier, sentence[0]) if (
        cue.start >= previous or context.paragraphs.index(cue.start) == paragraph)
        and _speaks_for(cue, figure)]


def _attribution(context: FigureContext, figure: Figure, position: int) -> str | None:
    sentence = context.sentences[position]
    own = [cue for cue in context.sources_in(*sentence) if _speaks_for(cue, figure)]
    _, info = known_sources()
    if not own:
        before = _sources_before(context, figure, position)
        paired = len(before) > 1 and info[before[-1].label].relay != info[before[-2].label].relay
        own = before[-2:] if paired else before[-1:]
    if not own:
        return None
    origins = [cue for cue in own if not info[cue.label].relay]
    relays = [cue for cue in own if info[cue.label].relay]
    nearest = min(origins or relays, key=lambda cue: _gap(cue.start, cue.end, figure)).label
    relay = next((cue.label for cue in relays if cue.label != nearest), None)
    return f"{nearest} via {relay}" if origins and relay else nearest


@cache
def _place_id(name: str) -> str | None:
    place = resolve_place(name, ARTICLE_LANGUAGE)
    return place.id if place else None


def _period(context: FigureContext, figure: Figure, sentence: tuple[int, int]) -> dict:
    periods = context.periods(sentence)
    if not periods:
        return {}
    period = min(periods, key=lambda found: _gap(found.start, found.end, figure))
    return {"period": period.label, "period_start": period.interval_start,
            "period_end": period.interval_end, "period_precision": period.precision}


def describe(context: FigureContext, table: CueTable, figure: Figure, position: int,
             head: Cue | None) -> dict:
    """who, place, period, attributed_to and rate of a figure in sentence number ``position``."""
    sentence = context.sentences[position]
    place = place_of(figure, context.places(sentence), lambda: context.country,
                     context.names)
    return {
        "who": head.label if head else None,
        "place": place,
        "place_id": _place_id(place) if place and "," not in place else None,
        "attributed_to": _attribution(context, figure, position),
        "rate": _rate(context, table, figure, sentence),
        **_period(context, figure, sentence),
    }

"""The descriptive fields of a figure: who, place, attributed_to and rate.

``who`` is the English label of the head noun after the number; ``rate`` a rate cue near the
number in its sentence; ``attributed_to`` the known source (``lang/cues/sources.toml``) nearest
the number in its sentence, else the last one named earlier in its paragraph, with a relay
agency added as "X via Y"; ``place`` the place nearest the number in its sentence, else the
codebook's default place of the category (war losses happen in Ukraine, the call-up in Russia).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from newsledger.extract.cues import Cue, CueTable, known_sources
from newsledger.extract.sentences import SpanIndex, paragraph_starts
from newsledger.models import Article, Figure
from newsledger.resolve.places import find_places

DEFAULT_PLACE = {"killed": "Ukraine", "killed_or_wounded": "Ukraine", "wounded": "Ukraine",
                 "mobilized": "Russia"}
RATE_WINDOW = 60  # characters between a number and its rate cue
SOURCE_LOOKBACK = 3  # sentences of the same paragraph searched for an earlier source


@dataclass
class FigureContext:
    """Per-article lookups shared by the figures of one article, computed on first use."""

    article: Article
    sentences: list[tuple[int, int]]

    def __post_init__(self) -> None:
        self._places: dict[tuple[int, int], list[tuple[int, int, str]]] = {}

    def places(self, sentence: tuple[int, int]) -> list[tuple[int, int, str]]:
        """Places named in one sentence (looked up only for sentences that hold figures)."""
        if sentence not in self._places:
            start, end = sentence
            found = find_places(self.article.text[start:end], self.article.lang)
            self._places[sentence] = [(start + s, start + e, place.name) for s, e, place in found]
        return self._places[sentence]

    @cached_property
    def sources(self) -> list[Cue]:
        phrases, _ = known_sources()
        return phrases.find(self.article.text)

    @cached_property
    def paragraphs(self) -> SpanIndex:
        return SpanIndex(paragraph_starts(self.article.text))


def _gap(start: int, end: int, figure: Figure) -> int:
    if end <= figure.number_start:
        return figure.number_start - end
    return max(start - figure.number_end, 0)


def _rate(context: FigureContext, table: CueTable, figure: Figure,
          sentence: tuple[int, int]) -> str | None:
    cues = table.rates.find(context.article.text, *sentence)
    near = [cue for cue in cues if _gap(cue.start, cue.end, figure) <= RATE_WINDOW]
    return near[0].label if near else None


def _attribution(context: FigureContext, figure: Figure, position: int) -> str | None:
    sentence = context.sentences[position]
    own = [cue for cue in context.sources if sentence[0] <= cue.start < sentence[1]]
    if not own:
        paragraph = context.paragraphs.index(figure.number_start)
        earlier = context.sentences[max(position - SOURCE_LOOKBACK, 0)][0]
        own = [cue for cue in context.sources if earlier <= cue.start < sentence[0]
               and context.paragraphs.index(cue.start) == paragraph][-1:]
    if not own:
        return None
    _, info = known_sources()
    origins = [cue for cue in own if not info[cue.label].relay]
    relays = [cue for cue in own if info[cue.label].relay]
    nearest = min(origins or relays, key=lambda cue: _gap(cue.start, cue.end, figure)).label
    relay = next((cue.label for cue in relays if cue.label != nearest), None)
    return f"{nearest} via {relay}" if origins and relay else nearest


def _place(context: FigureContext, figure: Figure, sentence: tuple[int, int]) -> str | None:
    spans = context.places(sentence)
    if spans:
        return min(spans, key=lambda span: _gap(span[0], span[1], figure))[2]
    return DEFAULT_PLACE.get(figure.counted)


def describe(context: FigureContext, table: CueTable, figure: Figure, position: int,
             head: Cue | None) -> dict:
    """who, place, attributed_to and rate of a figure in sentence number ``position``."""
    sentence = context.sentences[position]
    return {
        "who": head.label if head else None,
        "place": _place(context, figure, sentence),
        "attributed_to": _attribution(context, figure, position),
        "rate": _rate(context, table, figure, sentence),
    }

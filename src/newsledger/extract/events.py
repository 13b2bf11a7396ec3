"""Events: codebook event mentions with their type, quote, date, place, actors and figure.

Per sentence (a repeated headline passage once), every trigger of the language tables
(``extract.event_tables``) is checked inside its clause: the type's ``excludes``, ``requires``
and the language's blockers (plans, fears, hypotheticals) can veto it. Triggers of one type in
one sentence are one mention unless each carries its own figure. The quote runs from the
participant phrase (the figure, or a participant or actor phrase of the clause) to the
trigger; the figure is the nearest figure of the type's categories in the clause; the date is
the nearest time expression of the clause, else of the sentence, resolved against the
publication date (a tally's as-of day is skipped, a relative time in quoted speech gives none,
a "since" naming a day dates a mobilization order by that day); the place is the places of the
clause, else of the sentence, else the scene of the paragraph's previous sentence
(``extract.event_places``), else the type's default. Two article-wide rules follow the
conventions: every mobilization order takes the order's day when the article states it (the
earliest day any order mention gives: the order precedes what it caused), and a headline
mention takes the body's date.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, cached_property

from newsledger.base.codebook import codebook
from newsledger.base.dates import (
    DateInterval,
    TimeExpression,
    find_time_expressions,
    parse_time_expressions,
    resolve_period,
    time_expressions,
)
from newsledger.base.places import Place, find_places, resolve_place
from newsledger.base.quoted import in_quoted_speech
from newsledger.base.sentences import sentence_spans
from newsledger.extract.event_judge import EventJudge, load_event_judge, sentence_view
from newsledger.extract.event_places import most_specific, respectively, scene_of
from newsledger.extract.event_tables import EventTable, TypeRules, common, tables_for
from newsledger.models import Article, Event, Figure

_CLAUSE_END = re.compile(r"[,;:()—–]\s|\s[—–]\s|\n")
_DATE_HEADER = re.compile(r"^\s?date (\d{4}-\d{2})")
_SPACE = re.compile(r"\s+")
_LIST_JOINER = re.compile(r"[\s,]*(?:\w{1,3}\s+)?(?:\w{1,3}\s+)?")
Span = tuple[int, int]


@dataclass(frozen=True)
class EventConfig:
    """Knobs of event extraction."""

    max_quote_chars: int = 240
    max_figure_gap: int = 120  # characters between a trigger and a figure of the sentence
    use_judge: bool = True  # let the trained judge drop and add mentions where it ships


@dataclass(frozen=True)
class _Trigger:
    rules: TypeRules
    table: EventTable
    span: Span
    clause: Span
    figure: Figure | None
    home: Span | None = None  # a list item's: the clause of the trigger it shares a verb with


@cache
def _compile_skip() -> re.Pattern:
    return re.compile("|".join(common()["skip_sentences"]), re.IGNORECASE)


def publication_date(article: Article) -> str | None:
    """``published``, else the year and month of a leading `` date YYYY-MM`` header line."""
    if article.published:
        return article.published
    header = _DATE_HEADER.match(article.text)
    return header.group(1) if header else None


class _ArticleContext:
    """Per-article lookups shared by its sentences."""

    def __init__(self, article: Article, figures: Iterable[Figure], config: EventConfig) -> None:
        self.article = article
        self.text = article.text
        self.figures = sorted(figures, key=lambda f: f.number_start)
        self.config = config
        self.published = publication_date(article)
        self.tables = tables_for(article.lang)
        self.scene: tuple[int, Place] | None = None  # the previous sentence's end and place

    @cached_property
    def title_span(self) -> Span | None:
        title = self.article.title
        start = self.text.find(title) if title else -1
        return (start, start + len(title)) if start >= 0 else None

    @cached_property
    def host_country(self) -> list[Place]:
        """The foreign country the article names most ("entered the country" means it)."""
        counts = Counter(place for _, _, place in find_places(self.text, self.article.lang)
                         if place.type == "country" and place.name != codebook().home)
        return [counts.most_common(1)[0][0]] if counts else []

    def clause(self, sentence: Span, position: int) -> Span:
        start, end = sentence
        for found in _CLAUSE_END.finditer(self.text, sentence[0], sentence[1]):
            if found.end() <= position:
                start = found.end()
            elif found.start() >= position:
                end = found.start()
                break
        return start, end


def _inside(span: Span, outer: Span) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _gap(a: Span, b: Span) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def _figure_for(context: _ArticleContext, rules: TypeRules, trigger: Span, clause: Span,
                sentence: Span) -> Figure | None:
    counted = set(common()["figure_counted"].get(rules.type, ()))
    near = [f for f in context.figures if f.counted in counted
            and _inside((f.number_start, f.number_end), sentence)]
    in_clause = [f for f in near if _inside((f.number_start, f.number_end), clause)]
    pool = in_clause or [f for f in near if _gap((f.number_start, f.number_end), trigger)
                         <= context.config.max_figure_gap]
    return min(pool, key=lambda f: _gap((f.number_start, f.number_end), trigger), default=None)


@dataclass
class _Sentence:
    """One sentence with its places and time expressions (looked up once)."""

    span: Span
    places: list[tuple[int, int, Place]]
    times: list[TimeExpression]  # spans in article offsets; ``quoted`` read on the whole line


def _sentence(context: _ArticleContext, span: Span) -> _Sentence:
    start, end = span
    text, language = context.text, context.article.lang
    piece = text[start:end]
    places = [(start + s, start + e, p) for s, e, p in find_places(piece, language)]
    times = [replace(t, start=start + t.start, end=start + t.end,
                     quoted=in_quoted_speech(text, start + t.start))
             for t in time_expressions(piece, language)]
    return _Sentence(span, places, times)


def _triggers(context: _ArticleContext, sentence: _Sentence) -> list[_Trigger]:
    text, found = context.text, []
    for table in context.tables:
        for rules in table.types:
            if rules.requires and not rules.requires.search(text, *sentence.span):
                continue
            if rules.excludes and rules.excludes.search(text, *sentence.span):
                continue
            for match in rules.triggers.finditer(text, *sentence.span):
                trigger = _trigger(context, table, rules, match.span(), sentence)
                if trigger:
                    found.append(trigger)
    return found


def _back_reference(table: EventTable, text: str, span: Span, clause: Span) -> bool:
    """The trigger names an event already told ("the detainees"); it adds nothing unless its
    clause gives a figure or a place."""
    return bool(table.back_references) and any(
        m.start() < span[1] and span[0] < m.end()
        for m in table.back_references.finditer(text, *clause))


def _trigger(context: _ArticleContext, table: EventTable, rules: TypeRules, span: Span,
             sentence: _Sentence) -> _Trigger | None:
    text = context.text
    clause = context.clause(sentence.span, span[0])
    clause = (clause[0], max(clause[1], span[1]))
    if not rules.ignore_blockers and table.blockers and table.blockers.search(text, *clause):
        return None
    figure = _figure_for(context, rules, span, clause, sentence.span)
    if figure is None and _back_reference(table, text, span, clause) and not any(
            _inside((s, e), clause) for s, e, _ in sentence.places):
        return None
    if figure is None and common()["needs_participant"].get(rules.type, False):
        participant = table.participants and table.participants.search(text, *clause)
        placed = any(_inside((s, e), clause) for s, e, _ in sentence.places)
        mass = table.mass and table.mass.search(text, *clause)
        if not (participant and (placed or mass)):
            return None
    return _Trigger(rules, table, span, clause, figure)


def _group(triggers: list[_Trigger]) -> list[list[_Trigger]]:
    """Triggers of one type in one sentence: one group per distinct figure."""
    groups: dict[tuple, list[_Trigger]] = {}
    for trigger in triggers:
        figure = trigger.figure.number_start if trigger.figure else None
        key = (trigger.rules.type, figure)
        groups.setdefault(key, []).append(trigger)
    typed_with_figure = {key[0] for key in groups if key[1] is not None}
    return [group for key, group in groups.items()
            if key[1] is not None or key[0] not in typed_with_figure]


def _participant(context: _ArticleContext, trigger: _Trigger) -> Span | None:
    if trigger.figure:
        return trigger.figure.quote_start, trigger.figure.quote_end
    text, clause, spans = context.text, trigger.clause, []
    for pattern in [trigger.table.participants, *(p for _, p in trigger.table.actors)]:
        if pattern is not None:
            spans.extend(m.span() for m in pattern.finditer(text, *clause)
                         if not (m.start() < trigger.span[1] and trigger.span[0] < m.end()))
    return min(spans, key=lambda span: _gap(span, trigger.span), default=None)


def _quote_span(context: _ArticleContext, group: list[_Trigger]) -> Span:
    first = group[0]
    participant = _participant(context, first)
    if participant is None:
        start, end = first.clause
    else:
        start = min(participant[0], first.span[0])
        end = max(participant[1], first.span[1])
    if first.figure:
        start = min(start, first.figure.number_start)
        end = max(end, first.figure.number_end)
    end = min(end, start + context.config.max_quote_chars)
    text = context.text
    while start < end and not text[start].strip():
        start += 1
    while end > start and not text[end - 1].strip():
        end -= 1
    return start, end


def _actors(context: _ArticleContext, table: EventTable, span: Span) -> tuple[str, ...]:
    found = []
    for name, pattern in table.actors:
        found.extend((m.start(), m.end(), name) for m in pattern.finditer(context.text, *span))
    chosen: list[tuple[int, int, str]] = []
    for start, end, name in sorted(found, key=lambda item: item[0] - item[1]):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, name))
    names = [name for _, _, name in sorted(chosen)]
    return tuple(dict.fromkeys(names))


def _date(context: _ArticleContext, sentence: _Sentence,
          trigger: _Trigger) -> DateInterval | None:
    """The interval of the nearest time expression (clause first) that is not an anchor
    phrase wrapped around the trigger itself ("since the mobilization was announced") nor a
    tally's as-of day; a relative time in quoted speech gives none. For ``since_names_day``
    types a "since" expression gives the day it names."""
    times = [t for t in sentence.times if t.kind != "as_of"
             and not _inside(trigger.span, (t.start, t.end))]
    in_clause = [t for t in times if _inside((t.start, t.end), trigger.clause)]
    named_day = trigger.rules.type in common()["since_names_day"]
    for time in sorted(in_clause or times, key=lambda t: _gap((t.start, t.end), trigger.span)):
        interval = resolve_period(time.text, context.published, context.article.lang,
                                  quoted=time.quoted)
        if interval is not None and named_day and time.kind == "since":
            interval = _since_day(time.text, context.published, context.article.lang) or interval
        if interval is not None:
            return interval
    return None


def _since_day(expression: str, published: str | None,
               language: str | None) -> DateInterval | None:
    """The day a "since" expression starts from when it names one ("since 21 September")."""
    for match, _ in parse_time_expressions(expression, language):
        if match.parts:
            part = match.parts[0]
            inner = resolve_period(expression[part.start:part.end], published, language)
            if inner is not None and inner.precision == "day":
                return inner
    return None


def _in_list(text: str, places: list[tuple[int, int, Place]], clause: Span) -> list[Place]:
    """Places of the clause and of the list they belong to ("Moscow, Perm and Omsk" runs over
    commas that end clauses)."""
    inside = [i for i, (s, e, _) in enumerate(places) if _inside((s, e), clause)]
    if not inside:
        return []
    first, last = inside[0], inside[-1]
    while first > 0 and _LIST_JOINER.fullmatch(text[places[first - 1][1]:places[first][0]]):
        first -= 1
    while last + 1 < len(places) and _LIST_JOINER.fullmatch(
            text[places[last][1]:places[last + 1][0]]):
        last += 1
    return [place for _, _, place in places[first:last + 1]]


def _place(context: _ArticleContext, sentence: _Sentence, trigger: _Trigger,
           others: list[Span] = ()) -> list[Place]:
    """Clause places with their list (for movements: destinations after the trigger first,
    then any place of the sentence outside Russia), else the type's default. Places inside
    the list items of the sentence's other figures (``others``) belong to those."""
    rules, kind = common(), trigger.rules.type
    fixed = rules["fixed_place"].get(kind)
    if fixed:
        return [resolve_place(fixed)]
    excluded = set(rules["exclude_places"].get(kind, ()))
    places = [(s, e, p) for s, e, p in sentence.places if p.name not in excluded
              and not any(_inside((s, e), other) for other in others)]
    chosen = _in_list(context.text, places, trigger.clause)
    if not chosen and trigger.home:
        chosen = _in_list(context.text, sentence.places, trigger.home)
    if kind == "border_crossing_surge":
        after = [p for s, _, p in places if s >= trigger.span[1]]
        crossings = [p for p in after + chosen if p.type == "border_crossing"]
        home = codebook().home
        abroad = [p for p in after + chosen if p.country != home]
        anywhere = [p for _, _, p in places if p.country != home]
        chosen = crossings or abroad or chosen or anywhere
        if not chosen and trigger.table.here and trigger.table.here.search(
                context.text, *sentence.span):
            chosen = context.host_country
    if not chosen and not sentence.places:
        chosen = _scene(context, sentence)
    if not chosen:
        default = rules["default_place"].get(kind)
        place = resolve_place(default) if default else None
        chosen = [place] if place else []
    return most_specific(list({place.id: place for place in chosen}.values()))


def _scene(context: _ArticleContext, sentence: _Sentence) -> list[Place]:
    """The one place the events of the previous sentence of the paragraph took ("An office
    was set on fire in Kaluga. There, a pensioner was detained"), for a sentence naming none."""
    if context.scene is None:
        return []
    end, place = context.scene
    return [place] if "\n" not in context.text[end:sentence.span[0]] else []


def _before_mobilization(kind: str, interval) -> bool:
    """Baseline traffic: a movement period that ended before the mobilization began."""
    start = common()["baseline"].get(kind)
    return bool(start and interval and interval.end and interval.end < start)


def _event(context: _ArticleContext, sentence: _Sentence, group: list[_Trigger],
           others: list[Span]) -> Event | None:
    first = group[0]
    interval = _date(context, sentence, first)
    if _before_mobilization(first.rules.type, interval):
        return None
    start, end = _quote_span(context, group)
    found = _place(context, sentence, first, others)
    countries = {place.country for place in found}
    label = interval.label if interval and interval.label else None
    return Event(
        article=context.article.id, type=first.rules.type, quote=context.text[start:end],
        quote_start=start, quote_end=end, date=label,
        date_precision=interval.precision if label else None,
        place=", ".join(place.name for place in found) or None,
        country=countries.pop() if len(countries) == 1 else None,
        actors=_actors(context, first.table, (start, end)),
        figure=first.figure.number_text if first.figure else None,
        place_id=found[0].id if len(found) == 1 else None,
    )


def _rules_of(context: _ArticleContext, kind: str) -> tuple[EventTable, TypeRules] | None:
    return next(((table, rules) for table in context.tables for rules in table.types
                 if rules.type == kind), None)


@cache
def _separators() -> re.Pattern:
    words = "|".join(common()["list_words"])
    return re.compile(rf"[,;–—]|\s-\s|(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def _item(context: _ArticleContext, sentence: _Sentence, figure: Figure) -> Span:
    """A figure's own list item, between the separators (commas, dashes, 'and') around it
    that come after the previous figure and before the next ("Moscow (399), St Petersburg
    (143) and Novosibirsk (70)")."""
    numbers = [(f.number_start, f.number_end) for f in context.figures
               if _inside((f.number_start, f.number_end), sentence.span)]
    low = max((e for s, e in numbers if e <= figure.number_start), default=sentence.span[0])
    high = min((s for s, e in numbers if s >= figure.number_end), default=sentence.span[1])
    pattern = _separators()
    left = [m.end() for m in pattern.finditer(context.text, low, figure.number_start)]
    right = [m.start() for m in pattern.finditer(context.text, figure.number_end, high)]
    return max(left, default=low), min(right, default=high)


def _figure_groups(context: _ArticleContext, sentence: _Sentence,
                   groups: list[list[_Trigger]]) -> list[list[_Trigger]]:
    """Figures no trigger took: one more mention each (one line per destination or per region
    of a list), for the types that split by figure; a ``figure_events`` figure stands alone."""
    shared, text = common(), context.text
    claimed = {group[0].figure.number_start for group in groups if group[0].figure}
    present = {group[0].rules.type: group[0] for group in groups}
    found = []
    for figure in context.figures:
        if figure.number_start in claimed or not _inside(
                (figure.number_start, figure.number_end), sentence.span):
            continue
        for kind in shared["split_by_figure"]:
            model = present.get(kind)
            pair = (model.table, model.rules) if model else (
                _rules_of(context, kind) if kind in shared["figure_events"] else None)
            if pair is None or figure.counted not in shared["figure_counted"].get(kind, ()):
                continue
            table, rules = pair
            segment = _item(context, sentence, figure)
            if (rules.excludes and rules.excludes.search(text, *sentence.span)) or (
                    table.blockers and table.blockers.search(text, *segment)):
                break
            found.append([_Trigger(rules, table, (figure.number_start, figure.number_end),
                                   segment, figure, model.clause if model else None)])
            break
    return found


def _figure_led(context: _ArticleContext, span: Span) -> bool:
    kinds = common()["figure_events"]
    counted = {c for kind in kinds for c in common()["figure_counted"].get(kind, ())}
    return any(f.counted in counted and _inside((f.number_start, f.number_end), span)
               for f in context.figures)


def _sentence_events(context: _ArticleContext, span: Span) -> list[Event]:
    if not _figure_led(context, span) and not any(
            rules.triggers.search(context.text, *span)
            for table in context.tables for rules in table.types):
        return []
    sentence = _sentence(context, span)
    groups = _group(_triggers(context, sentence))
    groups += _figure_groups(context, sentence, groups)
    own = [group[0].clause for group in groups if group[0].figure]
    events = ((group[0].figure, _event(context, sentence, group,
                                       [c for c in own if c != group[0].clause]))
              for group in groups)
    found = [(figure, event) for figure, event in events if event]
    return respectively((place for _, _, place in sentence.places), found)


def _article_rules(context: _ArticleContext, events: list[Event]) -> list[Event]:
    """The order's stated day (the earliest) for every order; the body's date for headline
    mentions."""
    order_day = min((e.date for e in events if e.type == "mobilization_order"
                     and e.date_precision == "day"), default=None)
    title = context.title_span
    result = []
    for event in events:
        if event.type == "mobilization_order" and order_day:
            event = replace(event, date=order_day, date_precision="day")
        elif title and _inside((event.quote_start, event.quote_end), title) and not event.date:
            body = next((e for e in events if e.type == event.type and e.date
                         and e.quote_start >= title[1]), None)
            if body:
                event = replace(event, date=body.date, date_precision=body.date_precision)
        result.append(event)
    return result


def sentence_events(article: Article, figures: Iterable[Figure] = (),
                    config: EventConfig = EventConfig()
                    ) -> Iterator[tuple[_ArticleContext, Span, list[Event]]]:
    """Each sentence (a repeated passage once) with the rules' mentions in it."""
    context = _ArticleContext(article, figures, config)
    text, seen = article.text, set()
    protect = [(f.number_start, f.number_end) for f in context.figures] + [
        (start, end) for start, end, _ in find_time_expressions(text, article.lang)]
    header = _DATE_HEADER.match(text)
    skip = _compile_skip()
    for sentence in sentence_spans(text, protect):
        if header and sentence[0] < header.end():
            sentence = (header.end(), sentence[1])
        passage = _SPACE.sub(" ", text[slice(*sentence)]).strip().casefold()
        if passage in seen or skip.search(passage):
            continue
        seen.add(passage)
        found = _sentence_events(context, sentence)
        yield context, sentence, found
        context.scene = scene_of(sentence, found)


def extract_events(article: Article, figures: Iterable[Figure] = (),
                   config: EventConfig = EventConfig(), judge: EventJudge | None = None
                   ) -> list[Event]:
    """Every event mention an article states, in text order (``figures`` from the figures
    stage supply the participant figures); the trained judge, where it ships, drops and adds
    mentions by what the whole sentence says (``extract.event_judge``)."""
    judge = judge or (load_event_judge() if config.use_judge else None)
    events, context = [], None
    for context, sentence, found in sentence_events(article, figures, config):
        events.extend(_judged(context, judge, sentence, found) if judge else found)
    return _article_rules(context, events) if context else []


def _judged(context: _ArticleContext, judge: EventJudge, span: Span,
            found: list[Event]) -> list[Event]:
    """The rules' mentions the judge keeps, and one mention for each type it adds."""
    probabilities = judge.probabilities(sentence_view(context.article, span, found,
                                                      context.figures))
    kept = [event for event in found if judge.keeps(event.type, probabilities)]
    for kind in judge.added(probabilities, {event.type for event in found}):
        table, rules = _rules_of(context, kind) or (None, None)
        if rules is None:
            continue
        counted = common()["figure_counted"].get(kind, ())
        figure = next((f for f in context.figures if f.counted in counted
                       and _inside((f.number_start, f.number_end), span)), None)
        event = _event(context, _sentence(context, span),
                       [_Trigger(rules, table, span, span, figure)], [])
        kept += [event] if event else []
    return sorted(kept, key=lambda event: event.quote_start)

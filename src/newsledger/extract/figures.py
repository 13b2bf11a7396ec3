"""Figures: quantitative claims about people or events, with their evidence span.

For every number expression of an article (``extract.numbers``) the extractor decides whether
it is a figure, which codebook category it counts, and which short span says so:

1. not a figure when the number is a unit quantity (percent, money, duration, age, date...),
   is followed by a non-figure noun (tanks, kilometres...) or repeats a template headline line;
2. the category is the nearest codebook cue of its sentence (``extract.cues``): strong cues
   (verbs and event nouns) first, weak cues (protesters, reservists...) when no strong cue is
   near; distances grow with every comma crossed, and some categories carry a bonus;
3. a number with no cue inherits the category of the previous figure of its paragraph ("of
   them", "the number rose to", list entries); one with only a people noun is ``other``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np

from newsledger.base.numbers import NumberExpression, find_number_expressions
from newsledger.base.phrases import Cue
from newsledger.base.sentences import SpanIndex, sentence_spans
from newsledger.extract.attributes import FigureContext, describe
from newsledger.extract.cues import CueTable, table_for
from newsledger.extract.judge import Candidate, Judge, encode_contexts, load_judge, with_vectors
from newsledger.models import Article, Figure

_YEAR = re.compile(r"(?<![\d.,\s])(?:19|20)\d\d(?![\d.,])")
_ROW = re.compile(r"(\d[\d\s]*\d|\d)\s+[-–]\s+(\d[\d\s]*\d|\d)")
_COLUMN_GAP = re.compile(r"\s+[-–]\s+")
_APPOSITION = re.compile(r"\w, $")  # "her husband, 41, had": an age between commas
_LEGEND = re.compile(r"\(([^()\n]{3,60}?)\s[-–]\s([^()\n]{3,60}?)\)")
LEGEND_REACH = 2500  # characters between a table legend and its rows
REPEAT_REACH, REPEAT_MIN = 60, 30  # the passage compared to find a repeated headline
INHERIT_REACH = 400  # characters after a figure within which a later one may inherit from it
HEAD_REACH = 25  # characters after a number within which a noun is its head
DATE_JOINERS = frozenset({"", "de", "of", "del", "di", "w dniu"})
DATE_REACH = 30  # characters after a day number within which its month name may end
AGE_RANGE = range(10, 111)  # a bare number between commas after a word is an age
SMALL = 10  # a bare count below this needs a people noun or "of them" to be a figure
VERB_SLOT = 12  # characters between a measure's verb and its value ("reached 98,000")
SUBJECT_REACH = 30  # characters between a bare small subject ("Two") and its codebook verb
CLAUSE_MARKS = ",;:()—–"
DASHES = ("-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014")
OPENING_MARKS = " \t\"'«“„‘(-–—"
# categories whose cue anywhere in a sentence outranks nearer cues of the listed categories
SENTENCE_SCOPE = {"asylum_seekers": frozenset({"left_country", "entered_country",
                                                "crossed_border", "other"})}
# head nouns (English labels) of counts of places: later numbers do not inherit their category
# ("798 held in 33 cities, ... Moscow (around 390)")
PLACE_HEADS = frozenset({"cities", "towns"})
NOT_FIGURE_UNITS = frozenset({"percent", "year", "money", "duration", "distance", "age", "time",
                              "ordinal", "date", "measure"})
NOT_FIGURE_PRECEDING = frozenset({"age", "name"})  # "over the age of 21", "COVID-19"
# a head start (in characters) given to categories whose cues outrank nearer generic ones
CATEGORY_BONUS = {"asylum_seekers": 60, "killed_or_wounded": 30, "deported_or_extradited": 30,
                  "killed": 10, "other": 5}


@dataclass(frozen=True)
class FigureConfig:
    """Knobs of figure extraction."""

    max_cue_distance: int = 140  # characters between a number and a cue of its category
    comma_penalty: int = 40  # added distance per clause punctuation crossed
    max_quote_chars: int = 240
    keep_other: bool = True  # keep figures whose category is ``other``
    use_judge: bool = True  # let the trained judge decide (``extract.judge``) where it ships


@dataclass(frozen=True)
class _Decision:
    counted: str
    cue: Cue | None
    head: Cue | None
    legend: bool = False  # the column of a table under a legend: the judge sees no table


@dataclass
class _Sentence:
    """One sentence with its cues, found once for all the numbers in it."""

    text: str  # the article's
    span: tuple[int, int]
    table: CueTable
    strong: list[Cue]
    numbers: list[NumberExpression]  # the numbers of the sentence that may be figures
    excluded: set[int]  # ids of the numbers of the sentence that may not

    @cached_property
    def heads(self) -> dict[int, int]:
        """Start of each head noun of a number of the sentence -> id of that number."""
        found = ((_head(self.table, self.text, n, self.span[1]), id(n)) for n in self.numbers)
        return {head.start: owner for head, owner in found if head is not None}

    @cached_property
    def weak(self) -> list[Cue]:
        """Weak cues, looked for only when a number of the sentence has no strong cue."""
        return self.table.weak.find(self.text, *self.span)


def _intervening(text: str, number: NumberExpression, cue: Cue, sentence: _Sentence) -> int | None:
    """How many other numbers stand between a number and a cue; None when the cue is the
    head noun of one of them ("1178 people in 38 cities": "cities" belongs to 38)."""
    low, high = sorted((number.start, cue.start))
    between = [other for other in sentence.numbers
               if low < other.start < high and other is not number]
    for other in between:
        if not text[other.end:cue.start].strip():
            return None
        head = _head(sentence.table, text, other, sentence.span[1])
        if head is not None and head.start <= cue.start < head.end:
            return None
    return len(between)


def _distance(text: str, number: NumberExpression, cue: Cue, config: FigureConfig) -> int:
    gap_start, gap_end = (cue.end, number.start) if cue.end <= number.start else (
        number.end, cue.start)
    gap = text[gap_start:gap_end] if gap_end > gap_start else ""
    crossings = sum(gap.count(mark) for mark in CLAUSE_MARKS)
    return max(gap_end - gap_start, 0) + config.comma_penalty * crossings - CATEGORY_BONUS.get(
        cue.label, 0)


def _nearest(text: str, number: NumberExpression, cues: list[Cue], sentence: _Sentence,
             config: FigureConfig) -> Cue | None:
    near = []
    for cue in cues:
        if sentence.heads.get(cue.start, id(number)) != id(number):
            continue  # the head noun of another number ("21 towns")
        crossed = _intervening(text, number, cue, sentence)
        if crossed is None or (cue.start < number.end and number.start < cue.end):
            continue
        distance = _distance(text, number, cue, config) + config.comma_penalty * crossed
        if distance <= config.max_cue_distance:
            near.append((distance, cue))
    return min(near, key=lambda pair: pair[0])[1] if near else None


def _following(text: str, number: NumberExpression, sentence: _Sentence,
               reach: int) -> Cue | None:
    """The first strong cue after a number in its own clause, within ``reach`` characters
    ("110 of them were arrested", "Two later arrived")."""
    for cue in sentence.strong:
        if cue.start < number.end:
            continue
        gap = text[number.end:cue.start]
        if len(gap) > reach or any(mark in gap for mark in CLAUSE_MARKS):
            return None
        return cue
    return None


def _head(table: CueTable, text: str, number: NumberExpression, limit: int) -> Cue | None:
    found = table.head_after.match(text, number.end, limit)
    if not found:
        return None
    start, end = found.span("head")
    return Cue(start, end, table.heads.label_of(found.group("head")))


def _adjacent(cue: Cue | None, number: NumberExpression, before: bool) -> bool:
    if cue is None:
        return False
    gap = number.start - cue.end if before else cue.start - number.end
    return 0 <= gap <= 3


def _is_excluded(table: CueTable, text: str, number: NumberExpression, limit: int) -> bool:
    if number.followed_by in NOT_FIGURE_UNITS or number.is_year_like or _YEAR.search(number.text):
        return True
    if number.fractional or number.preceded_by in NOT_FIGURE_PRECEDING:
        return True  # "1.5" people, an index value ("7,425.81"), a name ("COVID-19")
    if number.high is not None and number.high <= 1:
        return True  # a single person, or a share ("fewer than one in ten"), is not a figure
    if _is_apposed_age(text, number):
        return True
    if _adjacent(table.not_figures.match_at(text, number.end, limit), number, before=False):
        return True
    months_after = table.months.spans(text, number.end, min(number.end + DATE_REACH, limit))
    if months_after and _joined(text[number.end:months_after[0][0]]):
        return True
    before = text[max(number.start - 16, 0):number.start]
    return any(_joined(before[end:]) for _, end in table.months.spans(before)) or any(
        not before[end:].strip().strip("(") for _, end in table.not_before.spans(before))


def _is_apposed_age(text: str, number: NumberExpression) -> bool:
    """Whether a bare number stands between commas right after a word ("his mother, 62, and")."""
    return (number.qualifier == "exact" and number.low in AGE_RANGE and number.text.isdigit()
            and text.startswith(",", number.end)
            and _APPOSITION.search(text, max(number.start - 3, 0), number.start) is not None)


def _joined(gap: str) -> bool:
    """Whether a gap joins a day number and a month name ("21 de setembro", "Sep 26")."""
    return gap.strip(" \u00a0.\t").casefold() in DATE_JOINERS


def _partitive(table: CueTable, text: str, number: NumberExpression, sentence: _Sentence) -> bool:
    """Whether "of them"/"из них" stands right before or after the number."""
    before = table.anaphora.find(text, max(number.start - 20, sentence.span[0]), number.start)
    after = table.anaphora.match_at(text, number.end, sentence.span[1])
    return _adjacent(before[-1] if before else None, number, True) or _adjacent(
        after, number, False)


def _opens_clause(text: str, number: NumberExpression, sentence: _Sentence) -> bool:
    """Whether a number opens its sentence or a clause ("..., and three were handed over")."""
    before = text[sentence.span[0]:number.start].rstrip(OPENING_MARKS)
    conjunction = sentence.table.conjunctions.find(before, max(len(before) - 12, 0))
    if conjunction and conjunction[-1].end == len(before):
        before = before[:conjunction[-1].start].rstrip()
    return not before or before[-1] in ",;:"


def _decide(text: str, number: NumberExpression, sentence: _Sentence, previous: str | None,
            config: FigureConfig, same_line: bool = True) -> _Decision | None:
    """The category of a number, or None when it is no figure. ``previous`` is the category a
    number with no cue of its own inherits; from another line, a weak cue outranks it."""
    table, (start, end) = sentence.table, sentence.span
    head = _head(table, text, number, end)
    if previous is not None and _partitive(table, text, number, sentence):
        verb = _following(text, number, sentence, config.max_cue_distance)
        return _Decision(verb.label if verb else previous, verb, head)
    small = number.high is not None and number.high < SMALL and number.qualifier == "exact"
    if head is None and small and (text.startswith(DASHES, number.end) or not (_opens_clause(
            text, number, sentence) and _following(text, number, sentence, SUBJECT_REACH))):
        return None  # a small bare number is a figure only as the subject of a codebook verb,
        # and not when glued to another one ("cztery-pięć dni temu")
    strong = _nearest(text, number, _measured(text, number, sentence) or sentence.strong,
                      sentence, config)
    if strong is not None:
        strong = _predicate(text, number, strong, head, sentence, config) or strong
        return _Decision(_in_sentence_scope(text, number, strong.label, sentence), strong, head)
    inherits = previous is not None and (
        head is None or table.anaphora.find(text, start, number.start))
    weak = None if inherits and same_line else _nearest(
        text, number, sentence.weak, sentence, config)
    if inherits and weak is None:
        return _Decision(previous, None, head)
    if weak is not None:
        return _Decision(weak.label, weak, head)
    if head is not None:
        return _Decision("other", None, head)
    return None


def _measured(text: str, number: NumberExpression, sentence: _Sentence) -> list[Cue]:
    """The cues of the counted noun when a number is the value of a measure noun ("the number
    of arrivals reached 98,000", "число задержанных превысило 1300", "Zahl der Asylanträge ...
    auf 4.800"): the strong (else weak) cues between the measure and the number, but not the
    verb right before the number ("reached", "przekroczyła"); empty when there is no measure."""
    start = sentence.span[0]
    measures = sentence.table.measures.find(text, start, number.start)
    if not measures or any(measures[-1].end <= other.start < number.start
                           for other in sentence.numbers if other is not number):
        return []
    low = measures[-1].start - 1
    cues = [cue for cue in sentence.strong if low <= cue.end <= number.start] or [
        cue for cue in sentence.weak if low <= cue.end <= number.start]
    if cues and not _in_verb_slot(text, cues[-1], number):
        return cues
    return cues[:-1]


def _in_verb_slot(text: str, cue: Cue, number: NumberExpression) -> bool:
    gap = text[cue.end:number.start]
    return len(gap) <= VERB_SLOT and not any(mark in gap for mark in CLAUSE_MARKS)


def _predicate(text: str, number: NumberExpression, cue: Cue, head: Cue | None,
               sentence: _Sentence, config: FigureConfig) -> Cue | None:
    """The verb of a number's clause when its nearest cue only describes the counted people
    ("dozens of the detained men were handed draft papers", "8 затриманих відправили до
    військових частин", "a dozen Russians who arrived in May were detained"): the first cue of
    another category after it in the same clause."""
    noun_end = max(cue.end, head.end if head is not None else 0)
    describes = cue.start - number.end <= 3 or head is not None and cue.end <= head.end
    relative = head is not None and head.end <= cue.start and \
        sentence.table.relatives.match_at(text, head.end, cue.start) is not None
    if cue.label == "other" or cue.start < number.end or not (describes or relative) or \
            noun_end - number.end > HEAD_REACH + 10 and not relative:
        return None
    for later in sentence.strong:
        if later.start < noun_end:
            continue
        gap = text[cue.end:later.start]
        if len(gap) > config.max_cue_distance or any(mark in gap for mark in CLAUSE_MARKS) or (
                cue.start - number.end <= 3 and sentence.table.conjunctions.spans(gap)):
            return None  # "cientos de miles huyen y las detenciones": a coordinated clause
        if later.label not in (cue.label, "other"):
            return later
    return None


def _in_sentence_scope(text: str, number: NumberExpression, counted: str,
                       sentence: _Sentence) -> str:
    """A category whose cue anywhere in the sentence outranks the nearer cue: people whose
    journey ends in an asylum claim are asylum seekers ("Two ended up in Alaska, where they
    asked for asylum"), unless another number or a semicolon stands between them and it."""
    for label, outranked in SENTENCE_SCOPE.items():
        if counted not in outranked:
            continue
        for cue in sentence.strong:
            low, high = sorted((number.end, cue.start))
            if cue.label == label and ";" not in text[low:high] and _intervening(
                    text, number, cue, sentence) == 0:
                return label
    return counted


def _quote(text: str, number: NumberExpression, decision: _Decision,
           sentence: tuple[int, int], config: FigureConfig) -> tuple[int, int]:
    spans = [(number.start, number.end)] + [
        (cue.start, cue.end) for cue in (decision.cue, decision.head) if cue is not None]
    start = max(min(s for s, _ in spans), sentence[0])
    end = min(max(e for _, e in spans), sentence[1])
    if end - start > config.max_quote_chars:
        start, end = number.start, number.end
    return start, end


def _repeats_earlier_passage(text: str, number: NumberExpression, span: tuple[int, int]) -> bool:
    """Whether the words around a number were printed verbatim earlier (a template headline)."""
    start = max(span[0], number.start - REPEAT_REACH)
    passage = text[start:min(span[1], number.end + REPEAT_REACH)]
    return len(passage.strip()) >= REPEAT_MIN and text.find(passage) < start


def _split_row(text: str, number: NumberExpression) -> list[NumberExpression]:
    """A table row "6986 - 7406" (two counts in two columns, not a range) as two numbers."""
    row = _ROW.fullmatch(number.text) if number.qualifier == "range" else None
    if row is None or not _line_opens_with(text, number.start):
        return [number]
    parts = []
    for group in (1, 2):
        start, end = number.start + row.start(group), number.start + row.end(group)
        value = int(re.sub(r"\D", "", row.group(group)))
        parts.append(replace(number, start=start, end=end, text=text[start:end], low=value,
                             high=value, qualifier="exact", value_start=start, value_end=end))
    return parts


def _table_columns(text: str, numbers: list[NumberExpression]) -> dict[int, int]:
    """Column (0 or 1) of the numbers of "N - M" table rows, by start offset."""
    columns = {}
    for first, second in zip(numbers, numbers[1:], strict=False):
        if _COLUMN_GAP.fullmatch(text, first.end, second.start) and \
                _line_opens_with(text, first.start):
            columns.update({first.start: 0, second.start: 1})
    return columns


def _line_opens_with(text: str, position: int) -> bool:
    """Whether only blanks stand between the start of its line and ``position``."""
    return not text[text.rfind("\n", 0, position) + 1:position].strip()


def _legend(text: str, table: CueTable, before: int) -> list[str]:
    """Categories of the columns of the nearest "(incoming - outgoing)" legend before a row."""
    found = list(_LEGEND.finditer(text, max(before - LEGEND_REACH, 0), before))
    if not found:
        return []
    legend = found[-1]
    columns = [table.counted.find(text, *legend.span(group)) for group in (1, 2)]
    return [cues[0].label for cues in columns] if all(columns) else []


def _verbal_qualifier(table: CueTable, text: str, number: NumberExpression) -> dict:
    """The interval under a verbal qualifier right before an exact number ("exceeded 5,000")."""
    if number.qualifier != "exact":
        return {}
    cues = table.qualifiers.find(text, max(number.start - 40, 0), number.start)
    if not cues or number.start - cues[-1].end > 3:
        return {}
    value, qualifier = number.low, cues[-1].label
    low = None if qualifier in ("at_most", "less_than") else value
    high = value if qualifier in ("approx", "at_most", "less_than") else None
    return {"low": low, "high": high, "qualifier": qualifier}


def _rule_decisions(article: Article, config: FigureConfig) -> Iterator[
        tuple[NumberExpression, _Sentence, int, _Decision | None, FigureContext]]:
    """Every number that is no unit quantity, year or repeated template line, with its
    sentence, the rules' decision (None: the rules see no figure) and the article's context."""
    text = article.text
    numbers = [part for number in find_number_expressions(text, article.lang)
               for part in _split_row(text, number)]
    column_of = _table_columns(text, numbers)
    starts = [number.start for number in numbers]
    sentences = sentence_spans(text, [(n.start, n.end) for n in numbers])
    sentence_index = SpanIndex([start for start, _ in sentences])
    context = FigureContext(article, sentences)
    paragraph_index = context.paragraphs
    analysed: dict[int, _Sentence] = {}
    previous: tuple[str, int, int] | None = None  # category, paragraph and end of the last one
    for number in numbers:
        if not sentences:
            continue
        position = sentence_index.index(number.start)
        if position not in analysed:
            analysed[position] = _analyse(article, sentences[position], numbers, starts)
        sentence = analysed[position]
        if id(number) in sentence.excluded or not sentence.span[0] <= number.start < \
                sentence.span[1] and _is_excluded(sentence.table, text, number, sentence.span[1]) \
                or _repeats_earlier_passage(text, number, sentence.span):
            continue
        paragraph = paragraph_index.index(number.start)
        inherited = previous[0] if previous and (
            previous[1] == paragraph or number.start - previous[2] < INHERIT_REACH) else None
        decision = _decide(text, number, sentence, inherited, config, previous is not None and (
            previous[1] == paragraph and "\n" not in text[previous[2]:number.start]))
        columns = _legend(text, sentence.table, number.start) if number.start in column_of else []
        if columns:
            decision = _Decision(columns[column_of[number.start]], None, None, legend=True)
        if decision is not None and (decision.head is None or
                                     decision.head.label not in PLACE_HEADS):
            previous = (decision.counted, paragraph, number.end)
        yield number, sentence, position, decision, context


def judge_candidate(article: Article, number: NumberExpression, sentence: _Sentence,
                    decision: _Decision | None) -> Candidate:
    """What the trained judge sees of a number: its place in the text and the rules' view."""
    cue = decision.cue if decision is not None else None
    head = decision.head if decision is not None else None
    distance = None
    if cue is not None:
        distance = max(cue.start - number.end, number.start - cue.end, 0)
    return Candidate(
        text=article.text, start=number.start, end=number.end, sentence=sentence.span,
        language=article.lang, qualifier=number.qualifier, low=number.low, high=number.high,
        kind=number.kind, unit=number.followed_by,
        rule=decision.counted if decision is not None else None,
        cue=cue.label if cue is not None else ("head" if head is not None else None),
        cue_distance=distance)


def figure_candidates(article: Article, config: FigureConfig = FigureConfig()
                      ) -> list[tuple[NumberExpression, Candidate]]:
    """Every number the judge decides on, for training it on labelled text."""
    return [(number, judge_candidate(article, number, sentence, decision))
            for number, sentence, _, decision, _ in _rule_decisions(article, config)]


def extract_figures(article: Article, config: FigureConfig = FigureConfig(),
                    judge: Judge | None = None,
                    encode: Callable[[list[str]], np.ndarray] = encode_contexts) -> list[Figure]:
    """Every figure an article states, in text order; ``judge`` replaces the packaged one,
    ``encode`` the sentence encoder (a cache of vectors)."""
    judge = judge or (load_judge() if config.use_judge else None)
    found = list(_rule_decisions(article, config))
    candidates: list[Candidate | None] = [None] * len(found)
    if judge is not None:
        candidates = [judge_candidate(article, number, sentence, decision)
                      for number, sentence, _, decision, _ in found]
        if judge.reads_vectors:
            candidates = with_vectors(candidates, encode)
    figures: list[Figure] = []
    for (number, sentence, position, decision, context), candidate in zip(
            found, candidates, strict=True):
        if judge is not None and not (decision is not None and decision.legend):
            counted = judge.decide(candidate)
            if counted is None:
                continue
            if decision is None or decision.counted != counted:
                head = _head(sentence.table, article.text, number, sentence.span[1])
                decision = _Decision(counted, None, head)
        if decision is None or decision.counted == "other" and not config.keep_other:
            continue
        figures.append(_figure(context, number, decision, sentence, position, config))
    return figures


def _analyse(article: Article, span: tuple[int, int], numbers: list[NumberExpression],
             starts: list[int]) -> _Sentence:
    table = table_for(article.lang, article.text[span[0]:span[1]])
    inside = numbers[bisect.bisect_left(starts, span[0]):bisect.bisect_left(starts, span[1])]
    excluded = {id(n) for n in inside if _is_excluded(table, article.text, n, span[1])}
    return _Sentence(article.text, span, table, table.counted.find(article.text, *span),
                     [n for n in inside if id(n) not in excluded], excluded)


def _figure(context: FigureContext, number: NumberExpression, decision: _Decision,
            sentence: _Sentence, position: int, config: FigureConfig) -> Figure:
    text = context.article.text
    quote_start, quote_end = _quote(text, number, decision, sentence.span, config)
    fields = dict(
        article=context.article.id, number_text=number.text, quote=text[quote_start:quote_end],
        low=number.low, high=number.high, qualifier=number.qualifier, counted=decision.counted,
        number_start=number.start, number_end=number.end, quote_start=quote_start,
        quote_end=quote_end,
    )
    described = describe(context, sentence.table, Figure(**fields), position, decision.head)
    fields.update(_verbal_qualifier(sentence.table, text, number))
    return Figure(**fields, **described)


def extract_figures_stream(articles: Iterable[Article], config: FigureConfig = FigureConfig()
                           ) -> Iterator[tuple[Article, list[Figure]]]:
    """The extract stage: each article with its figures, one article at a time."""
    for article in articles:
        yield article, extract_figures(article, config)

"""Conflicts: figures about one quantity that cannot both be true (this module), figures that
contradict an official reference figure for the same days (this module), and versions of one
story whose aligned sentences disagree (``versions.py``).

Two figures are about one quantity when they count the same category at the same place and
rate, of the same group where both say (``quantities.py``). They conflict when their intervals
cannot both hold at the times they speak of: counts of people who left, were detained or died
are cumulative, so a later, larger total is growth, not a disagreement; a later total below an
earlier lower bound, or two reports of one day with disjoint intervals, is. Gaps within rounding
(``min_ratio``) are not conflicts; two vague magnitudes are too loose to contradict each other;
figures of one story are versions, not independent sources; and two articles that agree on some
value of the quantity are speaking of different parts of it where their other values differ.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from newsledger.base.codebook import codebook
from newsledger.base.dates import names_anchor
from newsledger.base.sentences import sentence_spans
from newsledger.models import Conflict
from newsledger.reconcile.disagreements import disagreement_conflicts, spoken_date
from newsledger.reconcile.quantities import (
    IMPLICIT_PLACE,
    INFINITY,
    Quantity,
    as_of,
    interval,
    names_place,
    place_key,
    quantity,
    same_group,
)

_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class ConflictConfig:
    """What counts as a disagreement between two figures."""

    skip_counted: tuple[str, ...] = ("other",)  # categories too mixed to compare
    min_ratio: float = 1.5  # the larger value at least this many times the smaller one
    band_ratio: float = 3.0  # undated: a count this far above a magnitude stated in words
    same_data: int = 2  # exact values two articles share that make them one data release
    neighbours: int = 200  # stories of one quantity each story is compared with, nearest in time


def conflict_record(kind: str, a: dict, b: dict, why: str, **evidence) -> Conflict:
    """A conflict: both quotes with their articles, the reason and the evidence (the
    ``Conflict`` fields named in ``evidence``)."""
    seed = f"{kind}|{a['article']}|{a['quote']}|{b['article']}|{b['quote']}"
    return Conflict(id=f"{kind}-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10],
                    kind=kind, article_a=a["article"], article_b=b["article"], a=a["quote"],
                    b=b["quote"], why=why, **evidence)


def describe(figure: dict) -> str:
    """A figure's interval for people: "98,000", "300,000..", "20,000..99,999"."""
    low = "" if figure["low"] is None else f"{figure['low']:,}"
    high = "" if figure["high"] is None else f"{figure['high']:,}"
    return low if low == high else f"{low}..{high}"


def _stated(figure: dict) -> bool:
    """True when the quote says more than the number (a bare table cell cannot be read)."""
    return bool(_LETTER.search(figure["quote"].replace(figure["number_text"], "")))


def _overlap(a: dict, b: dict) -> bool:
    a_low, a_high = interval(a)
    b_low, b_high = interval(b)
    return a_low <= b_high and b_low <= a_high


def _gap(lower: dict, upper: dict) -> float:
    """How many times ``upper``'s low end exceeds ``lower``'s high end (≤ 1: they meet)."""
    low, high = interval(upper)[0], interval(lower)[1]
    if high == INFINITY:
        return 0.0
    return low / high if high else INFINITY if low else 0.0


def _moment(figure: dict) -> str | None:
    start, end = as_of(figure)
    return end or start


UNDATED = ("nothing dates them apart, and a total a whole band above a count given in words "
           "for the whole quantity cannot be the same count")


def _whole(figure: dict) -> bool:
    """True when the figure's sentence ties it to no place and no period of its own."""
    sentence = figure.get("sentence")
    return not (figure.get("period") or figure.get("period_start")) and (
        sentence is None or not names_place(figure, sentence))


def _undated_gap(a: dict, b: dict, config: ConflictConfig) -> float:
    """Without dates, growth can explain any gap between two counts, and a magnitude tied to
    a place or time may be a part ("thousands arrived in Almaty"); only a magnitude stated in
    words for the whole quantity ("tens of thousands left the country") that the other count
    exceeds by a whole band contradicts it, and only when both articles name the event the
    crisis starts from (the codebook's ``start``): a count in an article that never does may
    run from another start, or count another crisis's refugees."""
    if not (a.get("names_start", True) and b.get("names_start", True)):
        return 0.0
    gaps = [_gap(low, high) for low, high in ((a, b), (b, a))
            if low["qualifier"] == "vague" and high["qualifier"] != "vague" and _whole(low)]
    return max(gaps, default=0.0) if max(gaps, default=0.0) >= config.band_ratio else 0.0


def contradiction(a: dict, b: dict, config: ConflictConfig = ConflictConfig()
                  ) -> tuple[float, str] | None:
    """How strongly and why two figures of one quantity cannot both be true, or None. Counts
    over periods that start on different days (a day's count, a total since the mobilization)
    are different quantities, never compared."""
    if a["qualifier"] == b["qualifier"] == "vague" or not same_group(a, b):
        return None
    if a.get("period_start") and b.get("period_start") and a["period_start"] != b["period_start"]:
        return None
    when_a, when_b = _moment(a), _moment(b)
    if when_a and when_b and when_a != when_b:
        earlier, later = (a, b) if when_a < when_b else (b, a)
        gap = _gap(later, earlier) if later["qualifier"] != "vague" else 0.0
        reason = (f"the later count (of {spoken_date(_moment(later))}) is below the earlier "
                  f"one's lower bound (of {spoken_date(_moment(earlier))}), and a cumulative "
                  "count cannot shrink")
    elif when_a and when_b:
        gap, reason = max(_gap(a, b), _gap(b, a)), ("they count up to the same day and their "
                                                          "intervals do not overlap")
    else:
        gap, reason = _undated_gap(a, b, config), UNDATED
    return (gap, reason) if gap >= config.min_ratio else None


def _conflicts(key: Quantity, pairs: list[tuple[dict, dict, str]]) -> Iterator[Conflict]:
    """One conflict per disagreement among one quantity's disagreeing pairs."""
    place = next((f["place"] for pair in pairs for f in pair[:2]
                  if f["place"] and place_key(f) == key.place),
                 IMPLICIT_PLACE.get(key.counted) or key.place)
    rate = f" ({key.rate.replace('_', ' ')})" if key.rate else ""

    def record(a: dict, b: dict, why: str, others: tuple) -> Conflict:
        return conflict_record(
            "figure", a, b, why, counted=key.counted, place=key.place, rate=key.rate,
            outlets=(a["outlet"], b["outlet"]), dates=(a["published"], b["published"]),
            intervals=((a["low"], a["high"]), (b["low"], b["high"])),
            numbers=(a["number_text"], b["number_text"]), others=others)

    yield from disagreement_conflicts(codebook().question(key.counted, place) + rate, pairs,
                                      record)


def _agree(first: list[dict], second: list[dict]) -> bool:
    """True when the two articles state a common value of the quantity for one group."""
    return any(_overlap(a, b) and same_group(a, b) for a in first for b in second)


def _values(figures: Iterable[dict]) -> dict[str, set[int]]:
    """Article id -> the values its figures state in numbers (any category)."""
    values: dict[str, set[int]] = defaultdict(set)
    for figure in figures:
        if figure["qualifier"] != "vague" and (figure["low"] or figure["high"]):
            values[figure["article"]].add(figure["low"] or figure["high"])
    return values


_OWN = ("id", "article", "outlet")  # what differs between copies of one figure


def _classes(by_article: dict[str, list[dict]], stories: dict[str, str],
             values: dict[str, set[int]]) -> dict[str, list[list[str]]]:
    """Story -> its articles in classes of identical figures (all but ids and outlet) and
    values, sorted; any two articles of one class meet any other article alike."""
    classes: dict[str, dict[tuple, list[str]]] = defaultdict(lambda: defaultdict(list))
    for article in sorted(by_article):
        same = (tuple(tuple(sorted((k, v) for k, v in figure.items()
                                   if k not in _OWN)) for figure in by_article[article]),
                frozenset(values[article]))
        classes[stories.get(article, article)][same].append(article)
    return {story: list(found.values()) for story, found in classes.items()}


def _best(first: list[dict], second: list[dict], config: ConflictConfig) -> tuple | None:
    """The clearest contradiction between two articles' figures: (rank, a, b, reason)."""
    best = None
    for a in first:
        for b in second:
            if hit := contradiction(a, b, config):
                rank = (hit[0], a["article"], b["article"], a["number_start"])
                if best is None or rank > best[0]:
                    best = (rank, a, b, hit[1])
    return best


def _clearest(classes: list[list[str]], others: list[list[str]], by_article: dict[str, list[dict]],
              values: dict[str, set[int]], config: ConflictConfig) -> tuple | None:
    """The clearest contradiction between two stories' classes of articles; a class is
    represented by its latest article, which the clearest pair of its copies names."""
    found = None
    for one in classes:
        for two in others:
            first, second = sorted((one[-1], two[-1]))
            if _agree(by_article[first], by_article[second]) or len(
                    values[first] & values[second]) >= config.same_data:
                continue
            hit = _best(by_article[first], by_article[second], config)
            if hit and (found is None or hit[0] > found[0]):
                found = hit
    return found


def _earliest(classes: list[list[str]], by_article: dict[str, list[dict]]) -> str:
    """The earliest time a story's figures of one quantity speak of ("~" when undated)."""
    return min((_moment(figure) or "~" for articles in classes
                for figure in by_article[articles[-1]]), default="~")


def figure_conflicts(figures: Iterable[dict], stories: dict[str, str],
                     config: ConflictConfig = ConflictConfig()) -> Iterator[Conflict]:
    """At most one disagreement per quantity and pair of independent stories, the clearest;
    a figure that disagrees with several stories is one conflict (``disagreements.py``).

    Two articles that agree on a value of the quantity, or state ``same_data`` values
    in common, report one data release; their other differences are different parts of it.
    Articles with identical figures (copies) are compared once, by the latest-ingested of
    them, which is the pair the clearest conflict names. Stories are ordered by the time their
    figures speak of and each is compared with the ``neighbours`` that follow it, so a quantity
    reported by many stories costs linear, not quadratic, time.
    """
    for _articles, found in conflicts_by_quantity(figures, stories, config).values():
        yield from found


def quantity_part(figure: dict, config: ConflictConfig = ConflictConfig()) -> str | None:
    """The quantity a figure (with its ``sentence``) is compared within, as text, or None."""
    if figure["counted"] in config.skip_counted or not _stated(figure):
        return None
    key = quantity(figure, figure.get("sentence"))
    return repr(key) if key.place is not None else None


def conflicts_by_quantity(figures: Iterable[dict], stories: dict[str, str],
                          config: ConflictConfig = ConflictConfig(),
                          parts: Collection[str] | None = None,
                          ) -> dict[str, tuple[set[str], list[Conflict]]]:
    """``figure_conflicts`` by quantity (``quantity_part``; those in ``parts`` only, when
    given): the articles with a figure of it and its conflicts, which depend on those
    articles' figures (of any quantity) and stories alone."""
    figures = list(figures)
    values = _values(figures)
    buckets: dict[Quantity, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for figure in figures:
        part = quantity_part(figure, config)
        if part is not None and (parts is None or part in parts):
            buckets[quantity(figure, figure.get("sentence"))][figure["article"]].append(figure)
    parts = {}
    for key in sorted(buckets, key=repr):
        by_article = buckets[key]
        found: dict[tuple[str, str], tuple] = {}
        ordered = sorted(_classes(by_article, stories, values).items(),
                         key=lambda item: (_earliest(item[1], by_article), item[0]))
        for position, (story, classes) in enumerate(ordered):
            for other, other_classes in ordered[position + 1:position + 1 + config.neighbours]:
                if hit := _clearest(classes, other_classes, by_article, values, config):
                    found[min(story, other), max(story, other)] = hit
        pairs = sorted(found.values(), key=lambda item: (-item[0][0], item[0][1:]))  # clearest
        parts[repr(key)] = (set(by_article), list(_conflicts(
            key, [(a, b, reason) for _rank, a, b, reason in pairs])))
    return parts


@lru_cache(maxsize=256)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(sentence_spans(text))


def with_sentences(ledger, figures: Iterable[dict],
                   ids: Iterable[str] | None = None) -> Iterator[dict]:
    """Figure rows (in the ledger's order: by article, articles in ingest order) with their
    sentence and whether their article names the event the crisis starts from
    (``names_start``); the articles (those with ``ids`` when the figures are theirs) are read
    in one stream beside the figures."""
    articles = ledger.articles(ids=ids)
    article, names_start, crisis = None, True, codebook().start
    for figure in figures:
        while article is None or article.id != figure["article"]:
            article = next(articles)
            names_start = crisis is None or names_anchor(article.text, crisis, article.lang)
        start = figure["quote_start"]
        begin, end = next(((s, e) for s, e in _spans(article.text) if s <= start < e),
                          (start, figure["quote_end"]))
        yield {**figure, "sentence": article.text[begin:end], "names_start": names_start}


def days_of(reference: dict) -> str:
    """The days an official figure counts, in words: "on D", "from S to D", "as of D"."""
    since, as_of_day = reference["since"], reference["as_of"]
    if since == as_of_day:
        return f"on {as_of_day}"
    return f"from {since} to {as_of_day}" if since else f"as of {as_of_day}"


def same_days(figure: dict, reference: dict) -> bool:
    """True when the figure's stated period ends on the official figure's day and, where the
    official figure says from when it counts, starts on that day too. A figure without a stated
    period is not compared: a report's date is not the time its count speaks of."""
    start, end = figure.get("period_start"), figure.get("period_end")
    if (end or start) is None or (end or start) != reference["as_of"]:
        return False
    return reference["since"] is None or start == reference["since"]


def _reference_conflict(figure: dict, reference: dict, gap: float) -> Conflict:
    place = reference["place"] or IMPLICIT_PLACE.get(reference["counted"]) or "no place"
    official = describe(reference)
    why = (f"{reference['counted']} in {place} {days_of(reference)}: a report gives "
           f"{describe(figure)} ({figure['outlet'] or figure['article']}, "
           f"{figure['published'] or 'undated'}), the official figure of {reference['source']} "
           f"for the same days is {official} ({reference['url']}); one is {gap:.1f} times the "
           "other, more than rounding explains")
    statement = f"{reference['source']}, {days_of(reference)}: {official} ({reference['url']})"
    return conflict_record("reference", figure, {"article": figure["article"], "quote": statement},
                           why,
        counted=reference["counted"], place=reference["place_id"] or reference["place"],
        figure=figure["id"], reference={key: reference[key] for key in (
            "id", "source", "as_of", "since", "low", "high", "qualifier", "url", "note")},
        outlets=(figure["outlet"], reference["source"]),
        dates=(figure["published"], reference["as_of"]),
        intervals=((figure["low"], figure["high"]), (reference["low"], reference["high"])),
        numbers=(figure["number_text"], official))


def reference_conflicts(figures: Iterable[dict], references: Iterable[dict],
                        stories: dict[str, str], config: ConflictConfig = ConflictConfig()
                        ) -> Iterator[Conflict]:
    """Figures that contradict the official figure for the same quantity, place and days:
    their intervals at least ``min_ratio`` apart; one conflict per story and official figure
    (copies of a story are one source). Only totals (no rate) of everyone the category counts
    are compared, and only figures whose own sentence places them."""
    seen: set[tuple[str, str]] = set()
    by_quantity: dict[tuple, list[dict]] = defaultdict(list)
    for reference in references:
        place = place_key({**reference, "language": "en"})
        by_quantity[reference["counted"], place].append(reference)
    for figure in figures:
        if figure["rate"] or not _stated(figure) or not same_group(figure, {"who": None}):
            continue
        key = quantity(figure, figure.get("sentence"))
        for reference in by_quantity.get((key.counted, key.place), ()):
            gap = max(_gap(figure, reference), _gap(reference, figure))
            source = (stories.get(figure["article"], figure["article"]), reference["id"])
            if same_days(figure, reference) and gap >= config.min_ratio and source not in seen:
                seen.add(source)
                yield _reference_conflict(figure, reference, gap)

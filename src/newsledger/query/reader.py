"""The Reader: one ledger opened once, read through typed filters, pages and sort keys.

Every list method takes its filter (or the filter's fields as keywords), a ``Page`` and a
sort key from its whitelist (the first is the default), and returns a ``Result``; the
``each_*`` methods stream a whole list for exports. Claims and conflicts are their
``models`` records; other rows are the store's row dicts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import fields
from itertools import islice

from newsledger.errors import InvalidFilter
from newsledger.models import Article, Claim, Conflict
from newsledger.query.filters import (
    ArticleFilter,
    ClaimFilter,
    ConflictFilter,
    EventFilter,
    FigureFilter,
    Page,
    Result,
    StoryFilter,
    check_sort,
)
from newsledger.query.places import place_ids
from newsledger.store import Ledger, browse, browse_corpus, browse_events
from newsledger.store.events import place_rows
from newsledger.store.ledger import ARTICLE_FIELDS

SORTS = {
    "articles": tuple(browse.ARTICLE_SORTS), "figures": tuple(browse.FIGURE_SORTS),
    "event_mentions": tuple(browse_events.MENTION_SORTS), "events": browse_events.EVENT_SORTS,
    "claims": tuple(browse_corpus.CLAIM_SORTS), "conflicts": tuple(browse_corpus.CONFLICT_SORTS),
    "stories": tuple(browse_corpus.STORY_SORTS),
}

# The store's list readers: those whose filter has a place, and the corpus stages' lists.
PLACED = {"articles": browse.articles, "figures": browse.figures,
          "event_mentions": browse_events.mentions}
CORPUS = {"claims": browse_corpus.claims, "conflicts": browse_corpus.conflicts,
          "stories": browse_corpus.stories}


def _filter(kind: type, given, values: dict):
    """``given`` (an instance of ``kind`` or None) or a ``kind`` made from ``values``."""
    if given is not None and values:
        raise InvalidFilter("give a filter or its fields, not both")
    if given is not None:
        if not isinstance(given, kind):
            raise InvalidFilter(f"this list takes a {kind.__name__}, not {type(given).__name__}")
        return given
    names = [spec.name for spec in fields(kind)]
    unknown = sorted(set(values) - set(names))
    if unknown:
        raise InvalidFilter(f"{kind.__name__} has no filter {unknown[0]!r}; filters: "
                            f"{', '.join(names)}")
    return kind(**values)


def _article(row: dict) -> Article:
    return Article(**{name: row[name] for name in ARTICLE_FIELDS if name in row})


def _places(chosen) -> frozenset[str]:
    place = getattr(chosen, "place", None)
    return place_ids(place) if place else frozenset()


class Reader:
    """Reads one ledger (``query.open``); closes it on ``close`` or leaving a ``with`` block
    when it opened it."""

    def __init__(self, ledger: Ledger, owns: bool = False) -> None:
        self.ledger = ledger
        self._owns = owns

    def close(self) -> None:
        if self._owns:
            self.ledger.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # the ledger -----------------------------------------------------------------------------
    def name(self) -> str:
        """The ledger as named in provenance (a SQLite file's name, a URL without password)."""
        return self.ledger.display_name()

    def as_of(self) -> str | None:
        """When the newest article was stored."""
        return self.ledger.newest_ingest()

    def version(self) -> tuple:
        """A cheap fingerprint that changes with every write (``store.browse.ledger_version``)."""
        return browse.ledger_version(self.ledger)

    def stats(self) -> dict:
        """Totals and counts by language, outlet and month; declared-vs-detected agreement."""
        return self.ledger.stats()

    def totals(self) -> dict[str, int]:
        """How many articles, figures, stories, claims, conflicts, languages and outlets."""
        return browse.totals(self.ledger)

    def summary(self, top: int = 5) -> dict:
        """The ledger at a glance: totals, languages, date range, figures by what they count
        and the ``top`` best corroborated claims."""
        overview = self.stats()
        months = sorted(month for month in overview["by_month"] if month != "unknown")
        counted = Counter(dict(self.facets()["counted"]))
        top_claims = [
            {key: getattr(claim, key) for key in ("counted", "place", "period", "as_of", "low",
                                                  "high", "stories", "sources", "articles")}
            for claim in self.claims(page=Page(top))
        ] if top else []
        return {
            **{key: overview[key] for key in ("articles", "figures", "events", "stories")},
            "claims": self.ledger.count("claims"), "conflicts": self.ledger.count("conflicts"),
            "languages": overview["by_language"],
            "outlets": len(set(overview["by_outlet"]) - {"unknown"}),
            "months": [months[0], months[-1]] if months else [],
            "figures_by_counted": dict(counted.most_common()), "top_claims": top_claims,
        }

    def facets(self) -> dict[str, list[tuple[str, int]]]:
        """Languages, outlets, figure categories and places to filter on, with counts."""
        return browse.facets(self.ledger)

    def event_facets(self) -> dict[str, list[tuple[str, int]]]:
        """Event types and places to filter on, with their mention counts."""
        return browse_events.event_facets(self.ledger)

    def places(self) -> list[dict]:
        """Places named by figures and events, with mention counts and coordinates."""
        from newsledger.query.place_counts import place_counts

        return place_counts(place_rows(self.ledger))

    def chart_marks(self, chosen: FigureFilter | None = None, **values
                    ) -> tuple[list[dict], int]:
        """Dated figures grouped for a chart, and how many matching figures are undated."""
        chosen = _filter(FigureFilter, chosen, values)
        return browse.chart_marks(self.ledger, chosen, _places(chosen))

    # lists ----------------------------------------------------------------------------------
    def _listing(self, kind: str, chosen, sort: str | None) -> browse.Listing:
        sort = check_sort(sort, SORTS[kind])
        if kind in PLACED:
            return PLACED[kind](self.ledger, chosen, _places(chosen), sort)
        return CORPUS[kind](self.ledger, chosen, sort)

    def _result(self, kind: str, chosen, page: Page, sort: str | None) -> Result:
        rows, total = self._listing(kind, chosen, sort).page(page.offset, page.limit)
        return Result(rows, total, page)

    def articles(self, chosen: ArticleFilter | None = None, page: Page = Page(),
                 sort: str | None = None, **values) -> Result:
        """Articles (id, title, outlet, published, language, url, figure count, snippet):
        sorts "ledger" (ingest order, best matches first when searching), "published",
        "-published"."""
        return self._result("articles", _filter(ArticleFilter, chosen, values), page, sort)

    def figures(self, chosen: FigureFilter | None = None, page: Page = Page(),
                sort: str | None = None, **values) -> Result:
        """Figure rows with their article's outlet, published, language and title: sorts
        "ledger" (article ingest order, then text order), "published", "-published"."""
        return self._result("figures", _filter(FigureFilter, chosen, values), page, sort)

    def event_mentions(self, chosen: EventFilter | None = None, page: Page = Page(),
                       sort: str | None = None, **values) -> Result:
        """Event mentions with their article's outlet and date and their event's id: sorts
        "ledger" (ingest order, then text order), "date" (latest event date first)."""
        return self._result("event_mentions", _filter(EventFilter, chosen, values), page, sort)

    def events(self, chosen: EventFilter | None = None, page: Page = Page(),
               sort: str | None = None, **values) -> Result:
        """Real-world events (mentions merged) with a mention matching the filter, their
        counts over all their mentions: sorts "date" (latest first, undated last, then most
        independent stories), "stories"."""
        chosen = _filter(EventFilter, chosen, values)
        sort = check_sort(sort, SORTS["events"])
        rows, total = browse_events.merged_events(self.ledger, chosen, _places(chosen), sort,
                                                  page.offset, page.limit)
        return Result(rows, total, page)

    def claims(self, chosen: ClaimFilter | None = None, page: Page = Page(),
               sort: str | None = None, **values) -> Result:
        """Claims (``models.Claim``, mentions included): sorts "stories" (most independent
        stories first), "newest" (latest publication first)."""
        return self._result("claims", _filter(ClaimFilter, chosen, values), page, sort)

    def conflicts(self, chosen: ConflictFilter | None = None, page: Page = Page(),
                  sort: str | None = None, **values) -> Result:
        """Conflicts (``models.Conflict``, both articles' titles and languages filled): sorts
        "newest" (the later of the two publication dates first), "kind"."""
        return self._result("conflicts", _filter(ConflictFilter, chosen, values), page, sort)

    def stories(self, chosen: StoryFilter | None = None, page: Page = Page(),
                sort: str | None = None, **values) -> Result:
        """Stories with their origin's metadata and ``members`` (origin first): sorts "size"
        (largest first), "id"."""
        result = self._result("stories", _filter(StoryFilter, chosen, values), page, sort)
        members = browse_corpus.members(self.ledger, [row["id"] for row in result.rows])
        for row in result.rows:
            row["members"] = members[row["id"]]
        return result

    # whole lists, streamed ------------------------------------------------------------------
    def each_figure_page(self, chosen: FigureFilter | None = None, size: int = 1000,
                         **values) -> Iterator[list[dict]]:
        """Every matching figure in the "ledger" order, ``size`` rows at a time, each page
        read on its own short connection (a slow download holds none between pages)."""
        chosen = _filter(FigureFilter, chosen, values)
        return browse.figure_pages(self.ledger, chosen, _places(chosen), size)

    def each_figure(self, chosen: FigureFilter | None = None, **values) -> Iterator[dict]:
        for rows in self.each_figure_page(chosen, **values):
            yield from rows

    def each_article(self, chosen: ArticleFilter | None = None, sort: str | None = None,
                     **values) -> Iterator[Article]:
        """Every matching article as stored (``models.Article``, without its source path)."""
        chosen = _filter(ArticleFilter, chosen, values)
        listing = browse.articles(self.ledger, chosen, _places(chosen),
                                  check_sort(sort, SORTS["articles"]), full=True)
        for row in listing.stream():
            yield _article(row)

    def each(self, kind: str, chosen=None, sort: str | None = None) -> Iterator[dict]:
        """Every row of the list ``kind`` (event_mentions, claims, conflicts, stories)."""
        kinds = {"event_mentions": EventFilter, "claims": ClaimFilter,
                 "conflicts": ConflictFilter, "stories": StoryFilter}
        if kind not in kinds:
            raise InvalidFilter(f"each() lists one of {', '.join(kinds)}; not {kind!r}")
        chosen = _filter(kinds[kind], chosen, {})
        rows = self._listing(kind, chosen, sort).stream()
        if kind != "stories":
            yield from rows
            return
        while batch := list(islice(rows, 200)):  # members read for 200 stories at a time
            members = browse_corpus.members(self.ledger, [row["id"] for row in batch])
            for row in batch:
                yield {**row, "members": members[row["id"]]}

    # one record -----------------------------------------------------------------------------
    def article(self, article_id: str) -> dict:
        """One article's stored columns without its source path; NotFound if none."""
        return self.ledger.article_row(article_id)

    def stored(self, article_id: str) -> Article:
        """One article as ``models.Article`` (text included, source path left out)."""
        return _article(self.article(article_id))

    def figure(self, figure_id: str) -> dict:
        """One figure with its article's outlet, date, language, title and URL; NotFound if
        none."""
        return browse.figure(self.ledger, figure_id)

    def claim(self, claim_id: str) -> Claim:
        """One claim with every mention (quote, outlet, date, language, story)."""
        return browse_corpus.claim(self.ledger, claim_id)

    def conflict(self, conflict_id: str) -> Conflict:
        """One conflict with both articles' titles and languages; NotFound if none."""
        return browse_corpus.conflict(self.ledger, conflict_id)

    def story(self, story_id: str) -> dict:
        """One story with its members (origin first); NotFound if none."""
        return browse_corpus.story(self.ledger, story_id)

    def event(self, event_id: str) -> dict:
        """One real-world event and every mention (quote, outlet, date, language, story)."""
        return browse_events.merged_event(self.ledger, event_id)

    def references(self, counted: str | None = None) -> list[dict]:
        """Official reference figures (``newsledger reference import``), by quantity, place and
        day; ``counted`` checked like a figure filter's."""
        FigureFilter(counted=counted)
        return list(self.ledger.references(counted=counted))

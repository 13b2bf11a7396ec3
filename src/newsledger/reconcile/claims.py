"""Claims: figures that state the same quantity, with their corroboration counted in stories.

Figures join one claim when they count the same category at the same place and rate, up to
the same day (their periods resolved to calendar dates against each article's date; the
stated period's words when it could not be resolved), and their intervals overlap ("hundreds
of thousands" and "300,000" can be one claim; "98,000" and "200,000" cannot).

Corroboration counts independent stories, not articles: twenty copies of one wire story are
one story. It also counts originating sources: a figure attributed to a body ("according to
OVD-Info", "the ministry via Interfax": the body, not the agency that relays it) comes from
that body however many stories repeat it; an unattributed figure, or one a relaying agency
alone is credited with, is its story's own. Only known sources (``base/lang/sources.toml``)
are named: an attribution may name a private person.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsledger.base.sources import known_sources
from newsledger.models import Claim, ClaimMention
from newsledger.reconcile.quantities import (
    INFINITY,
    count_day,
    interval,
    is_estimate,
    period_key,
    place_key,
    who_group,
)


@dataclass(frozen=True)
class ClaimConfig:
    skip_counted: tuple[str, ...] = ("other",)  # categories too mixed to compare


def claim_key(figure: dict) -> tuple:
    """What a figure counts, where, when, at what rate and of which group."""
    return (figure["counted"], place_key(figure), period_key(figure), figure["rate"],
            who_group(figure.get("who")))


def story_of(ledger) -> dict[str, str]:
    """Article id -> story id for articles in a story (others are their own story)."""
    return {m.article: story.id for story in ledger.stories() for m in story.members}


def _clusters(figures: list[dict]) -> Iterator[list[dict]]:
    """Figures whose intervals overlap the running intersection of their cluster."""
    cluster: list[dict] = []
    low, high = 0.0, INFINITY
    for figure in sorted(figures, key=lambda f: (interval(f), f["article"], f["number_start"])):
        f_low, f_high = interval(figure)
        if cluster and f_low <= high and low <= f_high:
            cluster.append(figure)
            low, high = max(low, f_low), min(high, f_high)
            continue
        if cluster:
            yield cluster
        cluster, (low, high) = [figure], (f_low, f_high)
    if cluster:
        yield cluster


RELAYED = " via "  # "OVD-Info via SOTA": the originating source, then who relayed it


def _attribution(figure: dict) -> tuple[str, str | None] | None:
    """The body a figure is attributed to (before any relay) as (key, name when a known
    source), or None when unattributed or credited to a relaying agency alone."""
    attributed = (figure.get("attributed_to") or "").split(RELAYED)[0].strip()
    known = known_sources()[1].get(attributed)
    if not attributed or (known and known.relay):
        return None
    return f"source:{attributed.casefold()}", attributed if known else None


def originating_sources(mentions: list[dict], stories: dict[str, str]
                        ) -> list[tuple[str, str | None]]:
    """Each mention's originating source (key, name when known): its attribution; else the
    attribution another mention of its story gives (a copy that drops "according to"); else
    its story itself."""
    attributions = [_attribution(m) for m in mentions]
    by_story: dict[str, tuple[str, str | None]] = {}
    for mention, found in zip(mentions, attributions, strict=True):
        if found:
            by_story.setdefault(stories.get(mention["article"], mention["article"]), found)
    origins = []
    for mention, found in zip(mentions, attributions, strict=True):
        story = stories.get(mention["article"], mention["article"])
        origins.append(found or by_story.get(story) or (f"story:{story}", None))
    return origins


def build_claim(key: tuple, mentions: list[dict], stories: dict[str, str]) -> Claim:
    """One claim: corroboration, outlets, dates, spread and every mention."""
    counted, place, period, rate, group, estimate = key
    dates = sorted(m["published"] for m in mentions if m["published"])
    lows = [m["low"] for m in mentions if m["low"] is not None]
    highs = [m["high"] for m in mentions if m["high"] is not None]
    first = mentions[0]
    origins = originating_sources(mentions, stories)
    named = Counter(name for _key, name in origins if name)
    seed = (f"{counted}|{place}|{period}|{rate}|{group}|{first['article']}|"
            f"{first['number_start']}" + ("|estimate" if estimate else ""))
    return Claim(
        id="claim-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10],
        counted=counted, place=first["place"], period=first["period"],
        low=min(lows) if lows else None, high=max(highs) if highs else None,
        stories=len({stories.get(m["article"], m["article"]) for m in mentions}),
        articles=len({m["article"] for m in mentions}),
        first=dates[0] if dates else None, last=dates[-1] if dates else None,
        as_of=count_day(first), estimate=estimate,
        rate=rate, who=group, outlets=tuple(sorted({m["outlet"] for m in mentions if m["outlet"]})),
        mentions=tuple(ClaimMention(
            figure=m["id"], article=m["article"], story=stories.get(m["article"]),
            outlet=m["outlet"], published=m["published"], language=m["language"],
            number_text=m["number_text"], quote=m["quote"], low=m["low"], high=m["high"],
            qualifier=m["qualifier"], attributed_to=m["attributed_to"], source=origin[1])
            for m, origin in zip(mentions, origins, strict=True)),
        sources=len({key for key, _name in origins}),
        origins=tuple(sorted(named, key=lambda name: (-named[name], name))),
    )


def claim_part(figure: dict, config: ClaimConfig = ClaimConfig()) -> str | None:
    """The part of the claims a figure belongs to (its claim key, as text), or None."""
    return None if figure["counted"] in config.skip_counted else repr(claim_key(figure))


def claims_by_part(figures: Iterable[dict], stories: dict[str, str],
                   config: ClaimConfig = ClaimConfig()) -> dict[str, list[Claim]]:
    """The claims of the figures (rows as ``Ledger.figures`` yields them) by claim key: each
    key's claims depend on its figures and their stories alone. Within a key, the figures of
    a story that calls them an estimate are an estimate (a copy may drop the word) and go into
    claims of their own."""
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for figure in figures:
        if figure["counted"] not in config.skip_counted:
            by_key[claim_key(figure)].append(figure)
    parts = {}
    for key in sorted(by_key, key=repr):
        story_of = [stories.get(f["article"], f["article"]) for f in by_key[key]]
        estimated = {story for story, f in zip(story_of, by_key[key], strict=True)
                     if is_estimate(f)}
        split: dict[bool, list[dict]] = defaultdict(list)
        for story, figure in zip(story_of, by_key[key], strict=True):
            split[story in estimated].append(figure)
        parts[repr(key)] = [build_claim((*key, estimate), cluster, stories)
                            for estimate in sorted(split) for cluster in _clusters(split[estimate])]
    return parts


def group_claims(figures: Iterable[dict], stories: dict[str, str],
                 config: ClaimConfig = ClaimConfig()) -> list[Claim]:
    """Every claim of the figures (rows as ``Ledger.figures`` yields them)."""
    return [claim for claims in claims_by_part(figures, stories, config).values()
            for claim in claims]

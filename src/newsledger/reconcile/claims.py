"""Claims: figures that state the same quantity, with their corroboration counted in stories.

Figures join one claim when they count the same category at the same place, period and rate,
and their intervals overlap ("hundreds of thousands" and "300,000" can be one claim; "98,000"
and "200,000" cannot). Corroboration counts independent stories, not articles: twenty copies
of one wire story are one source.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsledger.models import Claim, ClaimMention
from newsledger.reconcile.quantities import INFINITY, interval, period_key, place_key, who_group


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


def build_claim(key: tuple, mentions: list[dict], stories: dict[str, str]) -> Claim:
    """One claim: corroboration, outlets, dates, spread and every mention."""
    counted, place, period, rate, group = key
    dates = sorted(m["published"] for m in mentions if m["published"])
    lows = [m["low"] for m in mentions if m["low"] is not None]
    highs = [m["high"] for m in mentions if m["high"] is not None]
    first = mentions[0]
    seed = f"{counted}|{place}|{period}|{rate}|{group}|{first['article']}|{first['number_start']}"
    return Claim(
        id="claim-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10],
        counted=counted, place=first["place"], period=first["period"],
        low=min(lows) if lows else None, high=max(highs) if highs else None,
        stories=len({stories.get(m["article"], m["article"]) for m in mentions}),
        articles=len({m["article"] for m in mentions}),
        first=dates[0] if dates else None, last=dates[-1] if dates else None,
        rate=rate, who=group, outlets=tuple(sorted({m["outlet"] for m in mentions if m["outlet"]})),
        mentions=tuple(ClaimMention(
            figure=m["id"], article=m["article"], story=stories.get(m["article"]),
            outlet=m["outlet"], published=m["published"], language=m["language"],
            number_text=m["number_text"], quote=m["quote"], low=m["low"], high=m["high"],
            qualifier=m["qualifier"], attributed_to=m["attributed_to"]) for m in mentions),
    )


def claim_part(figure: dict, config: ClaimConfig = ClaimConfig()) -> str | None:
    """The part of the claims a figure belongs to (its claim key, as text), or None."""
    return None if figure["counted"] in config.skip_counted else repr(claim_key(figure))


def claims_by_part(figures: Iterable[dict], stories: dict[str, str],
                   config: ClaimConfig = ClaimConfig()) -> dict[str, list[Claim]]:
    """The claims of the figures (rows as ``Ledger.figures`` yields them) by claim key: each
    key's claims depend on its figures and their stories alone."""
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for figure in figures:
        if figure["counted"] not in config.skip_counted:
            by_key[claim_key(figure)].append(figure)
    return {repr(key): [build_claim(key, cluster, stories) for cluster in _clusters(by_key[key])]
            for key in sorted(by_key, key=repr)}


def group_claims(figures: Iterable[dict], stories: dict[str, str],
                 config: ClaimConfig = ClaimConfig()) -> list[Claim]:
    """Every claim of the figures (rows as ``Ledger.figures`` yields them)."""
    return [claim for claims in claims_by_part(figures, stories, config).values()
            for claim in claims]

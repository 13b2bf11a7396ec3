"""Conflicts: figures about one quantity that cannot both be true, and versions of one story
whose aligned sentences disagree (a negation flip, a changed number).

Figure conflicts compare claims (``claims.py``) of the same category and rate whose places and
periods are compatible (equal, or one unstated) and whose intervals are disjoint. Two vague
magnitudes ("tens of thousands" vs "hundreds of thousands") are too loose to contradict each
other, and figures of one story are versions, not independent sources, so neither is flagged.
Version conflicts align each member of a story with its origin, across languages.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from importlib import resources
from itertools import combinations

from newsledger.pipeline import corpus_stage
from newsledger.resolve.claims import interval
from newsledger.store import claims as store
from newsledger.stories.align import align, sentences_of
from newsledger.stories.anchors import number_keys

# DESIGN.md: departures with no destination are placed in the country left
IMPLICIT_PLACE = {"left_country": "russia"}
_WORD = re.compile(r"\w+n't|n'|\w+", re.IGNORECASE)


def _conflict(kind: str, a: dict, b: dict, why: str, data: dict) -> dict:
    seed = f"{kind}|{a['article']}|{a['quote']}|{b['article']}|{b['quote']}"
    return {"id": f"{kind}-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10], "kind": kind,
            "article_a": a["article"], "article_b": b["article"], "a": a["quote"],
            "b": b["quote"], "why": why, "data": data}


def _compatible(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def _place(claim: dict) -> str | None:
    """The claim's place, or the codebook's implicit one ("left" means left Russia)."""
    place = (claim["place"] or "").casefold() or None
    return place or IMPLICIT_PLACE.get(claim["counted"])


def _disjoint(a: dict, b: dict) -> bool:
    a_low, a_high = interval(a)
    b_low, b_high = interval(b)
    return a_high < b_low or b_high < a_low


def _describe(m: dict) -> str:
    low = "" if m["low"] is None else f"{m['low']:,}"
    high = "" if m["high"] is None else f"{m['high']:,}"
    return low if low == high else f"{low}..{high}"


def figure_conflicts(claims: list[dict]) -> Iterator[dict]:
    """Pairs of mentions from different stories whose claims cannot both be true."""
    by_kind: dict[tuple, list[dict]] = defaultdict(list)
    for claim in claims:
        by_kind[claim["counted"], claim["data"]["rate"]].append(claim)
    for (counted, _rate), group in sorted(by_kind.items(), key=repr):
        for one, two in combinations(group, 2):
            place = _place(one)
            if place is None or place != _place(two) or not _compatible(one["period"],
                                                                        two["period"]):
                continue
            pair = _pick(one["data"]["mentions"], two["data"]["mentions"])
            if pair is None:
                continue
            a, b = pair
            why = (f"{counted}: {_describe(a)} ({a['outlet'] or a['article']}, "
                   f"{a['published'] or 'undated'}) vs {_describe(b)} "
                   f"({b['outlet'] or b['article']}, {b['published'] or 'undated'})")
            yield _conflict("figure", a, b, why, {
                "counted": counted, "claims": [one["id"], two["id"]],
                "outlets": [a["outlet"], b["outlet"]], "dates": [a["published"], b["published"]],
                "intervals": [[a["low"], a["high"]], [b["low"], b["high"]]]})


def _pick(first: list[dict], second: list[dict]) -> tuple[dict, dict] | None:
    """The first pair of disjoint mentions from different stories, not both vague."""
    for a in first:
        for b in second:
            story_a, story_b = a["story"] or a["article"], b["story"] or b["article"]
            if story_a == story_b or (a["qualifier"] == b["qualifier"] == "vague"):
                continue
            if _disjoint(a, b):
                return a, b
    return None


@cache
def _table() -> dict:
    path = resources.files("newsledger.stories").joinpath("lang/negation.toml")
    return tomllib.loads(path.read_text("utf-8"))


def negations() -> dict[str, list[str]]:
    return {k: v for k, v in _table().items() if k != "prefixes"}


def _tokens(sentence: str) -> list[str]:
    return [t.casefold() for t in _WORD.findall(sentence.replace("’", "'"))]


def negated(sentence: str, language: str | None, other: str = "") -> bool:
    """True when the sentence has a negation word, or a negative-prefixed word whose stem is
    a word of ``other`` ("disagree" beside "agree")."""
    tokens = _tokens(sentence)
    words = set(negations().get(language or "", ()))
    if any(token in words or token.endswith("n't") for token in tokens):
        return True
    stems = set(_tokens(other))
    return any(token.startswith(p) and token[len(p):] in stems
               for token in tokens for p in _table()["prefixes"].get(language or "", ()))


def disagreement(a: str, b: str, lang_a: str | None, lang_b: str | None) -> str | None:
    """Why two aligned sentences disagree, or None."""
    known = negations()
    if lang_a in known and lang_b in known and negated(a, lang_a, b) != negated(b, lang_b, a):
        return "negation flip"
    numbers_a, numbers_b = number_keys(a), number_keys(b)
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return "changed number"
    return None


def version_conflicts(ledger, threshold: float = 0.7) -> Iterator[dict]:
    """Aligned sentences of a story's members that disagree with the origin's."""
    for story in ledger.stories():
        ids = [m["article"] for m in story["members"]]
        articles = {a.id: a for a in ledger.articles(ids=ids)}
        origin = articles[story["origin"]]
        base = sentences_of(origin.text)
        for member in ids:
            if member == origin.id:
                continue
            other = articles[member]
            version = sentences_of(other.text)
            for pair in align(base, version, threshold):
                a, b = base.sentence(pair.a).strip(), version.sentence(pair.b).strip()
                why = disagreement(a, b, origin.lang, other.lang)
                if why:
                    yield _conflict("version", {"article": origin.id, "quote": a},
                                    {"article": other.id, "quote": b}, why,
                                    {"story": story["id"], "similarity": round(pair.score, 3),
                                     "outlets": [origin.outlet, other.outlet],
                                     "dates": [origin.published, other.published]})


def find_conflicts(ledger) -> Iterator[dict]:
    yield from figure_conflicts(list(store.claims(ledger)))
    yield from version_conflicts(ledger)


@corpus_stage("conflicts", order=30)
def conflicts_stage(ledger, settings) -> None:
    """Flag figure and version conflicts (after stories and claims)."""
    store.replace_conflicts(ledger, find_conflicts(ledger))

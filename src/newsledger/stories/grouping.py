"""The stories stage: copies, near-duplicates and translations of one text become one story.

Three passes over the ledger, each near-linear:

1. Stream the articles; MinHash LSH finds same-language near-duplicates as each article
   arrives. Only a few members per story are indexed, so a story copied ten thousand times
   costs as much to query as one copied ten times.
2. Block the first article of every group ("leader") on rare anchors (numbers, names, named
   sources; ``anchors.py``); leaders sharing enough anchor weight are candidates. Anchors
   shared by more than ``max_block`` leaders are dropped (block purging), so no block is large.
   An anchor of ``n`` leaders weighs ``log(anchor_scale / n)`` (a fixed scale, not the number
   of leaders) and weights are summed exactly (``math.fsum``): a leader's candidates change only
   when one of its anchors gains a leader, so ``incremental.py`` can update a ledger's stories
   and reach what this full pass gives.
3. Verify each candidate with the trained pair verifier (``verifier.py``: numbers in text
   order, names folded across scripts, character n-grams, aligned sentences from ``align.py``,
   shared agency credit, outlet citation, quoted speech). Groups are joined only through
   verified pairs, the most probable first, and a join that would put together two articles
   the verifier keeps apart is not made: a group is split on those pairs, not merged.

Over a ledger, signatures (``minhash.Signatures``) and sentence vectors (``vectors.Vectors``)
are kept in its cache table, so re-running the stage after an ingest only signs and encodes
new or changed texts.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import combinations

from datasketch import LeanMinHash, MinHashLSH

from newsledger.base.align import Sentences, sentences_of
from newsledger.base.sources import known_sources
from newsledger.base.vectors import Vectors
from newsledger.models import Article, Story, StoryMember
from newsledger.stories.anchors import anchor_keys, hashed
from newsledger.stories.minhash import Signatures
from newsledger.stories.verifier import (
    Profile,
    Verifier,
    cheap_features,
    pair_features,
    profile,
    sentence_features,
)
from newsledger.stories.verifier import load as load_verifier

Fetch = Callable[[list[str]], Iterable[Article]]
EVIDENCE = ("word_jaccard", "char_containment", "numbers_order", "names_containment",
            "aligned_share", "agency_shared", "cites_outlet")  # kept with a joining edge


@dataclass(frozen=True)
class StoryConfig:
    """Thresholds of the grouping (similarities are 0..1)."""

    num_perm: int = 64
    shingle: int = 3
    near_duplicate: float = 0.5  # estimated Jaccard of word shingles
    copy: float = 0.9
    index_below: float = 0.8  # an article this close to an indexed one is not indexed itself
    max_indexed: int = 8  # indexed members per group
    max_block: int = 50  # anchors shared by more leaders are too common to block on
    min_shared: int = 2  # rare anchors two candidates share at least
    min_anchor_overlap: float = 0.1  # shared weight / the smaller article's anchor weight
    max_candidates: int = 20  # per leader, by anchor weight
    anchor_scale: float = 1000.0  # an anchor of n leaders weighs log(anchor_scale / n)


@dataclass(slots=True)
class _Item:
    """What the grouping keeps per article: ids and dates, never the text."""

    id: str
    language: str | None
    published: str | None
    order: int
    parent: int


@dataclass(frozen=True, slots=True)
class _Edge:
    """Why two articles were joined."""

    a: int
    b: int
    relation: str
    score: float
    evidence: dict


@dataclass
class _Leader:
    item: int
    anchors: tuple[int, ...]


class _Groups:
    """Union-find over article indices (root: the earliest ingested) and the joining edges."""

    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.edges: list[_Edge] = []

    def root(self, index: int) -> int:
        items = self.items
        while items[index].parent != index:
            items[index].parent = items[items[index].parent].parent
            index = items[index].parent
        return index

    def join(self, edge: _Edge) -> None:
        ra, rb = self.root(edge.a), self.root(edge.b)
        if ra != rb:
            first, second = sorted((ra, rb))
            self.items[second].parent = first
            self.edges.append(edge)


def relay_wires() -> frozenset[str]:
    """The known sources that relay other outlets' stories (news agencies)."""
    return frozenset(name for name, source in known_sources()[1].items() if source.relay)


def _signed(articles: Iterable[Article], signatures: Signatures,
            chunk: int = 500) -> Iterator[tuple[Article, LeanMinHash]]:
    """The articles with their signatures, looked up and made a chunk at a time."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == chunk:
            yield from zip(batch, signatures.of(batch), strict=True)
            batch = []
    yield from zip(batch, signatures.of(batch), strict=True)


@cache
def band_ranges(threshold: float, num_perm: int) -> tuple[tuple[int, int], ...]:
    """The bands (hash value ranges) MinHash LSH uses at this threshold."""
    return tuple(MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges)


def band_keys(sketch: LeanMinHash, config: StoryConfig) -> list[str]:
    """A sketch's LSH band keys: two sketches are candidates when they share one."""
    values = sketch.hashvalues
    return [f"{band}:{values[start:end].tobytes().hex()}" for band, (start, end) in
            enumerate(band_ranges(config.near_duplicate, config.num_perm))]


class Bands:
    """The LSH index of pass 1: band key -> indexed items, and the indexed count per group."""

    def __init__(self) -> None:
        self.members: dict[str, list[int]] = defaultdict(list)
        self.sketches: dict[int, LeanMinHash] = {}
        self.indexed: Counter[int] = Counter()

    def query(self, keys: list[str]) -> set[int]:
        return {item for key in keys for item in self.members.get(key, ())}

    def insert(self, item: int, keys: list[str], sketch: LeanMinHash, root: int) -> None:
        for key in keys:
            self.members[key].append(item)
        self.sketches[item] = sketch
        self.indexed[root] += 1


def near_duplicate(index: int, sketch: LeanMinHash, config: StoryConfig, groups: _Groups,
                   bands: Bands) -> tuple[bool, list[str] | None]:
    """Pass 1 for one article (item ``index``, the last of ``groups``): join it to its
    nearest indexed near-duplicate; returns whether it leads a new group, and its band keys
    when it is indexed (else None)."""
    keys = band_keys(sketch, config)
    scored = [(sketch.jaccard(bands.sketches[c]), -c, c) for c in bands.query(keys)]
    best = max(scored, default=None)
    if best is not None and best[0] >= config.near_duplicate:
        similarity, _, match = best
        relation = "copy" if similarity >= config.copy else "near_duplicate"
        groups.join(_Edge(match, index, relation, round(similarity, 3),
                          {"jaccard": round(similarity, 3)}))
        root = groups.root(index)
        if similarity >= config.index_below or bands.indexed[root] >= config.max_indexed:
            return False, None
        leads = False
    else:
        root, leads = index, True
    bands.insert(index, keys, sketch, root)
    return leads, keys


def _near_duplicates(articles: Iterable[Article], config: StoryConfig, groups: _Groups,
                     signatures: Signatures) -> Iterator[tuple[int, Article]]:
    """Pass 1: join near-duplicates; yields the articles that start a new group (leaders)."""
    bands = Bands()
    for article, sketch in _signed(articles, signatures):
        index = len(groups.items)
        groups.items.append(_Item(article.id, article.lang, article.published, index, index))
        if near_duplicate(index, sketch, config, groups, bands)[0]:
            yield index, article


def _candidates(leaders: list[_Leader], config: StoryConfig,
                frequency: Mapping[int, int] | None = None,
                owners: Collection[int] | None = None) -> list[tuple[int, int, float, float]]:
    """Pass 2: leader pairs (i, j, weight, overlap) sharing rare anchors, by blocking;
    ``frequency`` counts each anchor's leaders (those of ``leaders`` by default), and
    ``owners`` keeps the pairs ranked by those positions only (a pair's earlier leader
    ranks it)."""
    frequency = frequency or Counter(key for leader in leaders for key in leader.anchors)
    idf = {key: math.log(config.anchor_scale / n) for key, n in frequency.items()
           if n <= config.max_block}
    blocks: dict[int, list[int]] = defaultdict(list)
    for position, leader in enumerate(leaders):
        for key in leader.anchors:
            if 1 < frequency[key] <= config.max_block:
                blocks[key].append(position)
    shared: dict[tuple[int, int], list[float]] = defaultdict(list)
    for key, members in blocks.items():
        for pair in combinations(members, 2):
            if owners is None or pair[0] in owners:
                shared[pair].append(idf[key])
    mass = [math.fsum(idf.get(key, 0.0) for key in leader.anchors) for leader in leaders]
    ranked: dict[int, list[tuple[float, int, int, float]]] = defaultdict(list)
    for (i, j), weights in shared.items():
        weight = math.fsum(weights)
        overlap = weight / max(min(mass[i], mass[j]), 1e-9)
        if len(weights) >= config.min_shared and overlap >= config.min_anchor_overlap:
            ranked[i].append((weight, i, j, overlap))
    chosen = []
    for options in ranked.values():
        options.sort(reverse=True)
        chosen.extend((i, j, w, o) for w, i, j, o in options[:config.max_candidates])
    return sorted(chosen)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The pair verifier's decision on two leaders, with its evidence (rounded)."""

    probability: float
    relation: str
    values: dict


def verify_pairs(fetch: Fetch, pairs: list[tuple[str, str]], config: StoryConfig,
                 vectors: Vectors, verifier: Verifier,
                 wires: frozenset[str]) -> dict[tuple[str, str], Verdict]:
    """Pass 3, scoring: each candidate pair (article ids) scored by the trained verifier.
    Same-language pairs whose exact word shingles overlap enough (MinHash estimates missed
    them) are copies without the encoder; the others are aligned, each article's sentences
    encoded once."""
    needed = sorted({article for pair in pairs for article in pair})
    profiles: dict[str, Profile] = {}
    for start in range(0, len(needed), 500):
        for article in fetch(needed[start:start + 500]):
            profiles[article.id] = profile(article.text, article.lang, article.published,
                                           article.outlet, wires)
    encoded: dict[str, Sentences] = {}

    def sentences(article: str) -> Sentences:
        if article not in encoded:
            encoded[article] = sentences_of(profiles[article].text, vectors=vectors)
        return encoded[article]

    verdicts = {}
    for a, b in pairs:
        values = cheap_features(profiles[a], profiles[b])
        if values["same_language"] and values["word_jaccard"] >= config.near_duplicate:
            probability = 1.0
        else:
            values = pair_features(values, sentence_features(sentences(a), sentences(b)))
            probability = verifier.probability(values)
        verdicts[a, b] = Verdict(
            probability, "near_duplicate" if values["same_language"] else "translation",
            {key: round(values[key], 3) for key in EVIDENCE if key in values})
    return verdicts


def join_verdicts(groups: _Groups, candidates: Iterable[tuple[int, int, float, float, Verdict]],
                  verifier: Verifier) -> None:
    """Pass 3, joining: the verified pairs (items a, b, anchor weight and overlap, verdict),
    most probable first, never joining two groups when the verifier keeps one member of each
    apart (a pair scored below its ``split`` probability)."""
    scored, apart, items = [], defaultdict(set), set()
    for a, b, weight, overlap, verdict in candidates:
        items.update((a, b))
        if verdict.probability < verifier.split:
            apart[a].add(b)
            apart[b].add(a)
        if verdict.probability >= verifier.join:
            evidence = {"anchors": round(weight, 2), "anchor_overlap": round(overlap, 3)}
            scored.append((verdict.probability, a, b, verdict.relation,
                           evidence | verdict.values))
    _join_verified(groups, scored, apart, items)


def _join_verified(groups: _Groups, scored: list, apart: dict[int, set[int]],
                   items: Iterable[int]) -> None:
    """Join verified pairs (probability, a, b, relation, evidence), most probable first,
    skipping a join that would put two articles kept ``apart`` in one group."""
    members = {n: {n} for n in items}
    for probability, a, b, relation, evidence in sorted(scored, key=lambda s: (-s[0], s[1:3])):
        ra, rb = groups.root(a), groups.root(b)
        if ra == rb or any(apart.get(m, set()) & members[rb] for m in members[ra]):
            continue
        groups.join(_Edge(a, b, relation, round(probability, 3),
                          {"probability": round(probability, 3), **evidence}))
        merged = members.pop(ra) | members.pop(rb)
        members[groups.root(a)] = merged


def _story(members: list[int], items: list[_Item], edges: list[_Edge]) -> Story:
    """A story whose members carry the edge that reached them from the origin."""
    origin = min(members, key=lambda m: (items[m].published is None, items[m].published or "",
                                         items[m].order))
    neighbours: dict[int, list[tuple[int, _Edge]]] = defaultdict(list)
    for edge in edges:
        neighbours[edge.a].append((edge.b, edge))
        neighbours[edge.b].append((edge.a, edge))
    reached: dict[int, _Edge | None] = {origin: None}
    queue = [origin]
    for current in queue:
        for other, edge in neighbours[current]:
            if other not in reached:
                reached[other] = edge
                queue.append(other)
    story_members = []
    for member in sorted(members, key=lambda m: (m != origin, items[m].order)):
        edge = reached[member]
        if edge is None:
            story_members.append(StoryMember(items[member].id, "origin"))
            continue
        via = items[edge.a if edge.b == member else edge.b].id
        story_members.append(StoryMember(items[member].id, edge.relation, edge.score,
                                         json.dumps({"via": via, **edge.evidence})))
    story_id = "story-" + hashlib.sha1(items[origin].id.encode("utf-8")).hexdigest()[:12]
    return Story(story_id, items[origin].id, tuple(story_members))


def group_articles(articles: Iterable[Article], fetch: Fetch,
                   config: StoryConfig = StoryConfig(), vectors: Vectors | None = None,
                   signatures: Signatures | None = None,
                   verifier: Verifier | None = None) -> list[Story]:
    """Every story of two or more articles in a stream; ``fetch(ids)`` reads the few articles
    whose sentences must be aligned (only the text of candidate pairs is read twice);
    ``vectors`` encodes their sentences and ``signatures`` signs the texts (a ledger's cache
    keeps both across runs); ``verifier`` decides the candidate pairs (the shipped one by
    default)."""
    groups = _Groups()
    leaders = []
    wires = relay_wires()
    signatures = signatures or Signatures(config.num_perm, config.shingle)
    for index, article in _near_duplicates(articles, config, groups, signatures):
        leaders.append(_Leader(index, hashed(anchor_keys(article.text))))
    verifier = verifier or load_verifier()
    candidates = [(leaders[i].item, leaders[j].item, weight, overlap)
                  for i, j, weight, overlap in _candidates(leaders, config)]
    ids = [(groups.items[a].id, groups.items[b].id) for a, b, _w, _o in candidates]
    verdicts = verify_pairs(fetch, ids, config, vectors or Vectors(), verifier, wires)
    join_verdicts(groups, [(*pair, verdicts[key]) for pair, key in zip(candidates, ids,
                                                                        strict=True)], verifier)
    return assemble(groups)


def assemble(groups: _Groups) -> list[Story]:
    """The stories of two or more articles the joined groups make."""
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(groups.items)):
        members[groups.root(index)].append(index)
    edges: dict[int, list[_Edge]] = defaultdict(list)
    for edge in groups.edges:
        edges[groups.root(edge.a)].append(edge)
    return [_story(group, groups.items, edges[root])
            for root, group in members.items() if len(group) > 1]


def group_stories(ledger, config: StoryConfig = StoryConfig()) -> list[Story]:
    """Every story of two or more articles in the ledger (sentence vectors and signatures kept
    in its cache)."""
    vectors, signatures = Vectors(ledger), Signatures(config.num_perm, config.shingle, ledger)
    stories = group_articles(ledger.articles(), lambda ids: ledger.articles(ids=ids), config,
                             vectors, signatures)
    vectors.flush()
    signatures.flush()
    return stories

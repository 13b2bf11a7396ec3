"""The stories stage: copies, near-duplicates and translations of one text become one story.

Three passes over the ledger, each near-linear:

1. Stream the articles; MinHash LSH finds same-language near-duplicates as each article
   arrives. Only a few members per story are indexed, so a story copied ten thousand times
   costs as much to query as one copied ten times.
2. Block the first article of every group ("leader") on rare anchors (numbers, names, named
   sources; ``anchors.py``); leaders sharing enough anchor weight are candidates. Anchors
   shared by more than ``max_block`` leaders are dropped (block purging), so no block is large.
3. Verify each candidate by aligning sentences across languages (``align.py``): many aligned
   sentences make one story; a few aligned sentences count only when one article names the
   other's outlet as its source, or the two credit the same news agency and share one quoted
   speech (the same words in quotation marks, in any language). Independent reports crediting
   one agency paraphrase its facts; copies and translations of one wire story carry its quotes.

Over a ledger, signatures (``minhash.Signatures``) and sentence vectors (``vectors.Vectors``)
are kept in its cache table, so re-running the stage after an ingest only signs and encodes
new or changed texts.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

from datasketch import LeanMinHash, MinHashLSH

from newsledger.extract.cues import known_sources
from newsledger.models import Article, Story, StoryMember
from newsledger.pipeline import corpus_stage
from newsledger.stories.align import Sentences, align, sentences_of
from newsledger.stories.anchors import anchor_keys, cites_outlet, hashed
from newsledger.stories.minhash import Signatures, jaccard
from newsledger.stories.vectors import Vectors

Fetch = Callable[[list[str]], Iterable[Article]]
QUOTATION_MARKS = "\"“”«»„‟‹›「」"


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
    min_shared: int = 4  # rare anchors two candidates share at least
    min_anchor_overlap: float = 0.2  # shared weight / the smaller article's anchor weight
    max_candidates: int = 20  # per leader, by anchor weight
    sentence_similarity: float = 0.7
    aligned: float = 0.3  # share of aligned sentences that alone makes one story...
    min_pairs: int = 2  # ...when at least this many sentences align
    min_aligned: int = 1  # aligned sentences enough with a citation or a shared wire quote


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
    sources: frozenset[str]
    outlet: str | None


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


def _near_duplicates(articles: Iterable[Article], config: StoryConfig, groups: _Groups,
                     signatures: Signatures) -> Iterator[tuple[int, Article]]:
    """Pass 1: join near-duplicates; yields the articles that start a new group (leaders)."""
    lsh = MinHashLSH(threshold=config.near_duplicate, num_perm=config.num_perm)
    sketches: dict[int, LeanMinHash] = {}
    indexed: Counter[int] = Counter()
    for article, sketch in _signed(articles, signatures):
        index = len(groups.items)
        groups.items.append(_Item(article.id, article.lang, article.published, index, index))
        scored = [(sketch.jaccard(sketches[c]), -c, c) for c in lsh.query(sketch)]
        best = max(scored, default=None)
        if best is not None and best[0] >= config.near_duplicate:
            similarity, _, match = best
            relation = "copy" if similarity >= config.copy else "near_duplicate"
            groups.join(_Edge(match, index, relation, round(similarity, 3),
                              {"jaccard": round(similarity, 3)}))
            root = groups.root(index)
            if similarity >= config.index_below or indexed[root] >= config.max_indexed:
                continue
        else:
            root = index
            yield index, article
        lsh.insert(index, sketch)
        sketches[index] = sketch
        indexed[root] += 1


def _candidates(leaders: list[_Leader], config: StoryConfig) -> list[tuple[int, int, float, float]]:
    """Pass 2: leader pairs (i, j, weight, overlap) sharing rare anchors, by blocking."""
    frequency = Counter(key for leader in leaders for key in leader.anchors)
    total = len(leaders)
    idf = {key: math.log(total / n) for key, n in frequency.items() if n <= config.max_block}
    blocks: dict[int, list[int]] = defaultdict(list)
    for position, leader in enumerate(leaders):
        for key in leader.anchors:
            if 1 < frequency[key] <= config.max_block:
                blocks[key].append(position)
    weights: dict[tuple[int, int], float] = defaultdict(float)
    shared: Counter[tuple[int, int]] = Counter()
    for key, members in blocks.items():
        for pair in combinations(members, 2):
            weights[pair] += idf[key]
            shared[pair] += 1
    mass = [sum(idf.get(key, 0.0) for key in leader.anchors) for leader in leaders]
    ranked: dict[int, list[tuple[float, int, int, float]]] = defaultdict(list)
    for (i, j), weight in weights.items():
        overlap = weight / max(min(mass[i], mass[j]), 1e-9)
        if shared[i, j] >= config.min_shared and overlap >= config.min_anchor_overlap:
            ranked[i].append((weight, i, j, overlap))
    chosen = []
    for options in ranked.values():
        options.sort(reverse=True)
        chosen.extend((i, j, w, o) for w, i, j, o in options[:config.max_candidates])
    return sorted(chosen)


def _verify(fetch: Fetch, leaders: list[_Leader], candidates, groups: _Groups,
            config: StoryConfig, vectors: Vectors) -> None:
    """Pass 3: join the candidates that are one story. Same-language pairs whose exact word
    shingles overlap enough (MinHash estimates missed them) join without the encoder; the
    others are aligned, each article's sentences encoded once, only when needed."""
    needed = sorted({leaders[k].item for pair in candidates for k in pair[:2]})
    texts: dict[int, str] = {}
    position = {groups.items[n].id: n for n in needed}
    for start in range(0, len(needed), 500):
        chunk = [groups.items[n].id for n in needed[start:start + 500]]
        for article in fetch(chunk):
            texts[position[article.id]] = article.text
    encoded: dict[int, Sentences] = {}

    def sentences(item: int) -> Sentences:
        if item not in encoded:
            encoded[item] = sentences_of(texts[item], vectors=vectors)
        return encoded[item]

    for i, j, weight, overlap in candidates:
        a, b = leaders[i], leaders[j]
        if groups.root(a.item) == groups.root(b.item):
            continue
        same = groups.items[a.item].language == groups.items[b.item].language
        evidence = {"anchors": round(weight, 2), "anchor_overlap": round(overlap, 3)}
        if same and (similarity := jaccard(texts[a.item], texts[b.item], config.shingle)
                     ) >= config.near_duplicate:
            groups.join(_Edge(a.item, b.item, "near_duplicate", round(similarity, 3),
                              {"jaccard": round(similarity, 3), **evidence}))
            continue
        first, second = sentences(a.item), sentences(b.item)
        matches = align(first, second, config.sentence_similarity)
        pairs = len(matches)
        aligned = pairs / max(min(len(first.spans), len(second.spans)), 1)
        shared = sorted(a.sources & b.sources)
        cites = (cites_outlet(first.text, b.outlet) or cites_outlet(second.text, a.outlet))
        by_alignment = aligned >= config.aligned and pairs >= config.min_pairs
        wire = shared and any(_quoted(first.sentence(m.a)) and _quoted(second.sentence(m.b))
                              for m in matches)
        if not by_alignment and not ((wire or cites) and pairs >= config.min_aligned):
            continue
        groups.join(_Edge(a.item, b.item, "near_duplicate" if same else "translation",
                          round(aligned, 3), {"aligned": round(aligned, 3), **evidence,
                                              "sources": shared, "cites": cites}))


def _quoted(sentence: str) -> bool:
    """True when the sentence carries quoted speech (a quotation mark of any language)."""
    return any(mark in sentence for mark in QUOTATION_MARKS)


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
                   signatures: Signatures | None = None) -> list[Story]:
    """Every story of two or more articles in a stream; ``fetch(ids)`` reads the few articles
    whose sentences must be aligned (only the text of candidate pairs is read twice);
    ``vectors`` encodes their sentences and ``signatures`` signs the texts (a ledger's cache
    keeps both across runs)."""
    groups = _Groups()
    leaders = []
    wires = {name for name, source in known_sources()[1].items() if source.relay}
    signatures = signatures or Signatures(config.num_perm, config.shingle)
    for index, article in _near_duplicates(articles, config, groups, signatures):
        keys = anchor_keys(article.text)
        sources = frozenset(key for key in keys if key[1:] in wires)
        leaders.append(_Leader(index, hashed(keys), sources, article.outlet))
    _verify(fetch, leaders, _candidates(leaders, config), groups, config, vectors or Vectors())
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


@corpus_stage("stories", order=10)
def stories_stage(ledger, settings) -> None:
    """Regroup the ledger's stories (copies, near-duplicates, translations)."""
    ledger.replace_stories(group_stories(ledger))

"""The stories stage over a ledger, updated with the articles added since its last run.

The three passes of ``grouping.py`` keep their state in the ledger (``store.corpus_state``):
each article's near-duplicate decision, the LSH bands of indexed articles, the anchors of each
group's leader and every verified candidate pair. A run over new articles then

1. runs pass 1 for them alone, against the stored bands that share a band with one of them
   (articles are added at the end of the ingest order, so earlier decisions stand);
2. re-ranks the candidates of the leaders whose ranking can change: the new leaders, the
   leaders holding one of their anchors (its count changed, so its weight did, or it was
   purged), and the leaders blocked with those (their partners' anchor mass changed);
3. verifies the pairs not verified before, then regroups every leader connected to a changed
   one through a pair that joins or keeps apart (``probability >= join`` or ``< split``),
   old pairs and new, since only such a component's pairs decide its joins;

and replaces the stories of the regrouped articles. Anchor weights depend on an anchor's own
count only and candidate order on ingest order, so the result is the full pass's, by
construction (tests/pipeline/test_incremental.py checks it byte for byte). A full run is the
same code with an empty state. An article whose text changed is an earlier decision changed:
the stage then rebuilds from scratch.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from newsledger.base.vectors import Vectors
from newsledger.models import Article, Story
from newsledger.stories.anchors import anchor_keys, hashed
from newsledger.stories.grouping import (
    Bands,
    Fetch,
    StoryConfig,
    Verdict,
    _candidates,
    _Edge,
    _Groups,
    _Item,
    _Leader,
    assemble,
    band_keys,
    join_verdicts,
    near_duplicate,
    relay_wires,
    verify_pairs,
)
from newsledger.stories.minhash import Signatures
from newsledger.stories.verifier import Verifier


@dataclass
class StoryUpdate:
    """What a run writes: new state rows, the leaders whose pairs are replaced, and the
    stories of the regrouped articles (``store.corpus_state.StoryState.write``)."""

    items: list[dict] = field(default_factory=list)
    bands: list[dict] = field(default_factory=list)
    anchors: list[dict] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    pairs: list[dict] = field(default_factory=list)
    regrouped: list[str] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)


class _Empty:
    """The state of a ledger grouped from scratch (a full run): nothing stored."""

    def band_members(self, keys): return {}
    def items(self, articles): return {}
    def members(self, leaders): return {}
    def indexed_counts(self, leaders): return {}
    def anchor_counts(self, anchors): return {}
    def anchor_leaders(self, anchors): return set()
    def anchors_of(self, leaders): return {}
    def pairs_touching(self, leaders): return {}


@dataclass
class _Run:
    """One run: the articles it looked at (``info``: order, leader, via, relation, score,
    published, language) and what it found."""

    config: StoryConfig
    state: object
    info: dict[str, dict] = field(default_factory=dict)
    new: list[str] = field(default_factory=list)
    anchors: dict[str, tuple[int, ...]] = field(default_factory=dict)
    counts: dict[int, int] = field(default_factory=dict)
    added: Counter = field(default_factory=Counter)  # anchor -> new leaders holding it
    new_pairs: dict[tuple[str, str], tuple[float, float, Verdict]] = field(default_factory=dict)
    stored_pairs: dict[tuple[str, str], dict] = field(default_factory=dict)
    update: StoryUpdate = field(default_factory=StoryUpdate)

    def anchors_of(self, leaders: Iterable[str]) -> dict[str, tuple[int, ...]]:
        missing = [leader for leader in leaders if leader not in self.anchors]
        self.anchors.update(self.state.anchors_of(missing))
        return {leader: self.anchors.get(leader, ()) for leader in leaders}

    def count(self, keys: Iterable[int]) -> dict[int, int]:
        """Leaders holding each anchor, stored and new."""
        keys = set(keys)
        stored = self.state.anchor_counts(keys - set(self.counts))
        for key in keys - set(self.counts):
            self.counts[key] = stored.get(key, 0) + self.added[key]
        return {key: self.counts[key] for key in keys}

    def neighbours(self, leaders: set[str]) -> set[str]:
        """Leaders blocked with ``leaders`` (sharing an anchor of 2..max_block leaders)."""
        keys = {key for found in self.anchors_of(leaders).values() for key in found}
        rare = {key for key, n in self.count(keys).items() if 1 < n <= self.config.max_block}
        new = {leader for leader in self.new if self.info[leader]["leader"] == leader
               and rare.intersection(self.anchors[leader])}
        return self.state.anchor_leaders(rare) | new

    def effective(self, verdict_probability: float, verifier: Verifier) -> bool:
        """A pair that joins or keeps apart (the others decide nothing)."""
        return verdict_probability >= verifier.join or verdict_probability < verifier.split


def update_stories(state, articles: Iterable[Article], orders: dict[str, int], fetch: Fetch,
                   signatures: Signatures, vectors: Vectors, verifier: Verifier,
                   config: StoryConfig = StoryConfig(), full: bool = False) -> StoryUpdate:
    """The state rows and stories that ``articles`` (new, in ingest order; ``orders`` gives
    their ingest order) make over the stored ``state`` (ignored when ``full``)."""
    run = _Run(config, _Empty() if full else state)
    _near_duplicates(run, articles, orders, fetch, signatures)
    owners = _ranked(run, fetch, vectors, verifier)
    joined = {run.info[a]["leader"] for a in run.new}
    region = _region(run, owners | joined, verifier)
    _regroup(run, region, verifier)
    run.update.owners = sorted(owners)
    return run.update


def _near_duplicates(run: _Run, articles: Iterable[Article], orders: dict[str, int],
                     fetch: Fetch, signatures: Signatures) -> None:
    """Pass 1 for the new articles (a full run streams them in batches)."""
    groups, bands = _Groups(), Bands()
    batches = _batches(articles) if isinstance(run.state, _Empty) else [list(articles)]
    for batch in batches:
        _preload(run, batch, orders, fetch, signatures, groups, bands)
    run.update.anchors = [{"anchor": key, "leader": leader}
                          for leader, keys in run.anchors.items() for key in keys]


def _batches(articles: Iterable[Article], size: int = 500) -> Iterator[list[Article]]:
    stream = iter(articles)
    while batch := list(islice(stream, size)):
        yield batch


def _preload(run: _Run, articles: list[Article], orders: dict[str, int], fetch: Fetch,
             signatures: Signatures, groups: _Groups, bands: Bands) -> None:
    """Pass 1 for a batch of new articles, after the stored items that share a band with
    one of them (and their leaders) are loaded, so that item indices follow ingest order."""
    config = run.config
    sketches = signatures.of(articles)
    keys = {key for sketch in sketches for key in band_keys(sketch, config)}
    stored = run.state.band_members(keys)
    matched = {article for found in stored.values() for article in found}
    info = run.state.items(matched)
    info |= run.state.items({row["leader"] for row in info.values()} - set(info))
    local = {item.id: index for index, item in enumerate(groups.items)}
    for article in sorted(info, key=lambda a: info[a]["ingest_order"]):
        row = info[article]
        local[article] = len(groups.items)
        groups.items.append(_Item(article, row["language"], row["published"],
                                  row["ingest_order"], local[row["leader"]]))
    for key, found in stored.items():
        bands.members[key] = [local[article] for article in found]
    ids = sorted(matched)
    for article, sketch in zip(ids, _stored_sketches(fetch, ids, signatures), strict=True):
        bands.sketches[local[article]] = sketch
    for leader, n in run.state.indexed_counts({row["leader"] for row in info.values()}).items():
        bands.indexed[local[leader]] = n
    for article, sketch in zip(articles, sketches, strict=True):
        index = len(groups.items)
        groups.items.append(_Item(article.id, article.lang, article.published,
                                  orders[article.id], index))
        leads, indexed = near_duplicate(index, sketch, config, groups, bands)
        row = {"article": article.id, "ingest_order": orders[article.id],
               "content_hash": article.content_hash, "indexed": int(indexed is not None),
               "leader": groups.items[groups.root(index)].id, "via": None, "relation": None,
               "score": None}
        if not leads:
            edge = groups.edges[-1]
            row |= {"via": groups.items[edge.a].id, "relation": edge.relation,
                    "score": edge.score}
        else:
            run.anchors[article.id] = hashed(anchor_keys(article.text))
            run.added.update(run.anchors[article.id])
        run.update.items.append(row)
        run.update.bands.extend({"band": key, "article": article.id} for key in indexed or ())
        run.info[article.id] = row | {"published": article.published, "language": article.lang}
        run.new.append(article.id)


def _stored_sketches(fetch: Fetch, ids: list[str], signatures: Signatures) -> list:
    by_id = {article.id: article for article in fetch(ids)}
    return signatures.of([by_id[article] for article in ids])


def _ranked(run: _Run, fetch: Fetch, vectors: Vectors, verifier: Verifier) -> set[str]:
    """Pass 2 and the scoring of pass 3 for the leaders whose candidates can change (the
    owners, returned): new leaders, stored leaders holding one of their anchors while it was
    not purged, and the leaders blocked with either. Pairs verified before keep their verdict."""
    config, new = run.config, {a for a in run.new if run.info[a]["leader"] == a}
    touched = {key for leader in new for key in run.anchors[leader]}
    before = run.state.anchor_counts(touched)
    changed = run.state.anchor_leaders(
        {key for key, n in before.items() if n <= config.max_block}) | new
    owners = changed | run.neighbours(changed)
    ranked = owners | run.neighbours(owners)
    orders = {a: row["ingest_order"] for a, row in run.state.items(ranked - new).items()}
    orders |= {a: run.info[a]["ingest_order"] for a in ranked & new}
    leaders = sorted(ranked, key=orders.__getitem__)
    anchors = run.anchors_of(leaders)
    frequency = run.count({key for found in anchors.values() for key in found})
    positions = {leader: position for position, leader in enumerate(leaders)}
    found = _candidates([_Leader(positions[leader], anchors[leader]) for leader in leaders],
                        config, frequency, {positions[leader] for leader in owners})
    run.stored_pairs.update(run.state.pairs_touching(owners))
    pairs = [(leaders[i], leaders[j], weight, overlap) for i, j, weight, overlap in found]
    todo = [(a, b) for a, b, _w, _o in pairs if (a, b) not in run.stored_pairs]
    verdicts = verify_pairs(fetch, todo, config, vectors, verifier, relay_wires())
    for a, b, weight, overlap in pairs:
        verdict = verdicts.get((a, b)) or _verdict(run.stored_pairs[a, b])
        run.new_pairs[a, b] = (weight, overlap, verdict)
        run.update.pairs.append({
            "a": a, "b": b, "probability": verdict.probability, "relation": verdict.relation,
            "detail": json.dumps({"weight": weight, "overlap": overlap,
                                  "values": verdict.values})})
    return owners


def _verdict(row: dict) -> Verdict:
    return Verdict(row["probability"], row["relation"], json.loads(row["detail"])["values"])


def _region(run: _Run, start: set[str], verifier: Verifier) -> set[str]:
    """Every leader linked to ``start`` by a pair that joins or keeps apart, through the
    stored pairs and the new ones (a superset of the components of the new pairs)."""
    by_leader: dict[str, set[str]] = {}
    for (a, b), (_w, _o, verdict) in run.new_pairs.items():
        if run.effective(verdict.probability, verifier):
            by_leader.setdefault(a, set()).add(b)
            by_leader.setdefault(b, set()).add(a)
    region, frontier = set(start), set(start)
    while frontier:
        stored = run.state.pairs_touching(frontier)
        run.stored_pairs.update(stored)
        reached = {end for (a, b), row in stored.items()
                   if run.effective(row["probability"], verifier) for end in (a, b)}
        reached |= {other for leader in frontier for other in by_leader.get(leader, ())}
        frontier = reached - region
        region |= frontier
    return region


def _regroup(run: _Run, region: set[str], verifier: Verifier) -> None:
    """The stories of every article led by a ``region`` leader: pass-1 joins replayed in
    ingest order, then pass 3's joins over the region's pairs (new pairs for the owners,
    stored ones for the others)."""
    members = run.state.members(region - set(run.new))
    members |= {a: run.info[a] for a in run.new if run.info[a]["leader"] in region}
    groups, local = _Groups(), {}
    for article in sorted(members, key=lambda a: members[a]["ingest_order"]):
        row, index = members[article], len(groups.items)
        local[article] = index
        groups.items.append(_Item(article, row["language"], row["published"],
                                  row["ingest_order"], index))
    for article in sorted(members, key=lambda a: members[a]["ingest_order"]):
        row = members[article]
        if row["via"] is not None:
            score = row["score"]
            groups.join(_Edge(local[row["via"]], local[article], row["relation"], score,
                              {"jaccard": score}))
    owners = {a for a, _b in run.new_pairs}
    pairs = dict(run.new_pairs)
    for (a, b), row in run.stored_pairs.items():
        if a not in owners and a in region and b in region:
            detail = json.loads(row["detail"])
            pairs[a, b] = (detail["weight"], detail["overlap"], _verdict(row))
    join_verdicts(groups, [(local[a], local[b], weight, overlap, verdict)
                           for (a, b), (weight, overlap, verdict) in pairs.items()
                           if a in region and b in region
                           and run.effective(verdict.probability, verifier)], verifier)
    run.update.regrouped = sorted(members)
    run.update.stories = assemble(groups)

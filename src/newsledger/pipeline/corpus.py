"""The corpus stages over a ledger, each updating only what the articles changed since the
stages last finished touch (``Ledger.dirty_articles``), or rebuilding everything when it keeps
no state yet (a first run, or after ``Ledger.forget_corpus_state``, as ``analyze`` does).

- stories: ``stories.incremental`` (new articles against the stored state);
- claims: the claims of every claim key a dirty article's figures had or have;
- conflicts: the figure conflicts of every quantity a dirty article's figures had or have,
  and the reference and version conflicts of the stories holding a dirty article;
- events: the merged event ids of every merge key a dirty article's mentions had or have.

Each part (a claim key, a quantity, a merge key, a story) is computed from its own figures,
mentions and stories alone, so recomputing the parts touched gives what a full run gives.
The stories stage marks the articles whose story changed dirty for the stages after it, in
the transaction that writes the stories, so a run killed at any point is repeated right.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsledger.base.vectors import Vectors
from newsledger.reconcile.claims import claim_part, claims_by_part, story_of
from newsledger.reconcile.conflicts import (
    conflicts_by_quantity,
    quantity_part,
    reference_conflicts,
    with_sentences,
)
from newsledger.reconcile.event_merge import event_id, merge_key, merge_mentions
from newsledger.reconcile.versions import version_conflicts
from newsledger.settings import Settings
from newsledger.store import Ledger
from newsledger.stories.grouping import StoryConfig
from newsledger.stories.incremental import StoryUpdate, update_stories
from newsledger.stories.minhash import Signatures
from newsledger.stories.verifier import load as load_verifier


def _new_articles(ledger: Ledger, state) -> list[str] | None:
    """The dirty articles the stories stage has not grouped, in ingest order; None when the
    stage must rebuild (no state, a grouped text changed, or an article came out of order)."""
    if not state.ready():
        return None
    dirty = ledger.dirty_articles()
    grouped = state.items(dirty)
    orders = ledger.ingest_orders(dirty)
    hashes = {a.id: a.content_hash for a in ledger.articles(ids=[d for d in grouped])}
    if any(hashes.get(a) != row["content_hash"] for a, row in grouped.items()):
        return None
    new = sorted((a for a in orders if a not in grouped), key=orders.__getitem__)
    if new and orders[new[0]] <= state.last_order():
        return None
    return new


def stories_stage(ledger: Ledger, settings: Settings) -> None:
    """Group the new articles into stories (copies, near-duplicates, translations)."""
    config = StoryConfig()
    state = ledger.story_state()
    new = _new_articles(ledger, state)
    if new == []:
        return
    vectors = Vectors(ledger)
    signatures = Signatures(config.num_perm, config.shingle, ledger)
    orders = ledger.ingest_orders(new)  # an article stored after this waits for the next run
    articles = (a for a in ledger.articles(ids=new) if a.id in orders)
    update: StoryUpdate = update_stories(
        state, articles, orders, lambda ids: ledger.articles(ids=ids),
        signatures, vectors, load_verifier(), config, full=new is None)
    state.write(items=update.items, bands=update.bands, anchors=update.anchors,
                owners=update.owners, pairs=update.pairs, regrouped=update.regrouped,
                stories=update.stories, full=new is None)
    vectors.flush()
    signatures.flush()


def _touched(ledger: Ledger, stage: str, rows: Iterable[dict], part) -> tuple[set, set]:
    """The parts a stage must recompute (those the dirty articles' rows fall in, and the
    stored parts holding a dirty article) and every article those parts hold."""
    dirty = ledger.dirty_articles()
    parts = {key for row in rows if (key := part(row)) is not None}
    parts |= ledger.parts_of(stage, dirty)
    return parts, ledger.part_members(stage, parts) | dirty


def claims_stage(ledger: Ledger, settings: Settings) -> None:
    """Regroup the figures of the touched claim keys into claims (after the stories stage)."""
    if not ledger.part_ready("claims"):
        ledger.replace_claim_parts(None, claims_by_part(ledger.figures(), story_of(ledger)))
        return
    parts, articles = _touched(ledger, "claims", ledger.figures(ledger.dirty_articles()),
                               claim_part)
    figures = [f for f in ledger.figures(articles) if claim_part(f) in parts]
    found = claims_by_part(figures, ledger.story_state().stories_of(articles))
    ledger.replace_claim_parts(parts, found)


def conflicts_stage(ledger: Ledger, settings: Settings) -> None:
    """Flag the figure, reference and version conflicts the changes touch (after stories and
    claims); sentence vectors are read from and kept in the ledger's cache."""
    vectors = Vectors(ledger)
    references = list(ledger.references())
    if not ledger.part_ready("conflicts"):
        figures, stories = list(with_sentences(ledger, ledger.figures())), story_of(ledger)
        others = [*reference_conflicts(figures, references, stories),
                  *version_conflicts(ledger, vectors=vectors)]
        ledger.replace_conflict_parts(None, conflicts_by_quantity(figures, stories), others,
                                      {})
        vectors.flush()
        return
    dirty, state = ledger.dirty_articles(), ledger.story_state()
    parts, articles = _touched(ledger, "conflicts", with_sentences(
        ledger, ledger.figures(dirty), dirty), quantity_part)
    figures = with_sentences(ledger, ledger.figures(articles), articles)
    found = conflicts_by_quantity(figures, state.stories_of(articles), parts=parts)
    stories = list(ledger.stories(set(state.stories_of(dirty).values())))
    others = list(version_conflicts(ledger, vectors=vectors, stories=stories, changed=dirty))
    stale = {"version": dirty}
    if references:  # a story's reference conflicts: its first figure against each official one
        held = dirty | {m.article for story in stories for m in story.members}
        others += reference_conflicts(with_sentences(ledger, ledger.figures(held), held),
                                      references, state.stories_of(held))
        stale["reference"] = held
    ledger.replace_conflict_parts(parts, found, others, stale)
    vectors.flush()


def event_merge_stage(ledger: Ledger, settings: Settings) -> None:
    """Give the mentions of the touched merge keys the id of their merged event (after the
    stories stage)."""
    full = not ledger.part_ready("events")
    if full:
        mentions, stories = list(ledger.events()), ledger.story_by_article()
        parts = None
    else:
        parts, articles = _touched(ledger, "events", ledger.events(ledger.dirty_articles()),
                                   lambda m: repr(merge_key(m)))
        mentions = [m for m in ledger.events(articles) if repr(merge_key(m)) in parts]
        stories = ledger.story_state().stories_of(articles)
    ids, held = {}, {}
    for group in merge_mentions(mentions, stories):
        for mention in group:
            if full or mention["event_id"] != event_id(group[0]):  # write only what changed
                ids[mention["id"]] = event_id(group[0])
            held.setdefault(repr(merge_key(mention)), set()).add(mention["article"])
    ledger.set_event_parts(parts, ids, held)

"""The ledger's tables (SQLAlchemy Core) and its schema version.

Offsets (``*_start``/``*_end``) are character offsets into ``articles.text``.
Raising ``SCHEMA_VERSION`` needs a step in ``migrations.py``.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 7

metadata = MetaData()

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    comment="Ledger bookkeeping: schema version.",
)

articles = Table(
    "articles", metadata,
    Column("id", String(255), primary_key=True,
           comment="Article id (json id, file stem or URL slug)"),
    Column("version", Integer, nullable=False, default=1,
           comment="Increases when the text changes"),
    Column("url", Text),
    Column("outlet", String(255), comment="Host name of the URL without www."),
    Column("published", String(10), comment="Publication date, YYYY-MM-DD"),
    Column("language", String(8), comment="Language declared by the source"),
    Column("detected_language", String(8), comment="Language detected from the text"),
    Column("language_confidence", Float, comment="Detector confidence, 0..1"),
    Column("title", Text),
    Column("text", Text, nullable=False, comment="Text exactly as ingested; offsets refer to it"),
    Column("content_hash", String(64), nullable=False, comment="sha256 of the text"),
    Column("source_path", Text, comment="File or URL it was read from (private)"),
    Column("ingested_at", String(32), nullable=False),
    Column("ingest_order", Integer, nullable=False, comment="Order of first ingest"),
    comment="One row per article, its current version.",
)
Index("ix_articles_language", articles.c.language)
Index("ix_articles_outlet", articles.c.outlet)
Index("ix_articles_published", articles.c.published)
articles_ingest_order_index = Index("ix_articles_ingest_order", articles.c.ingest_order)

article_versions = Table(
    "article_versions", metadata,
    Column("article", String(255), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("title", Text),
    Column("published", String(10)),
    Column("ingested_at", String(32), nullable=False),
    comment="Earlier texts of articles whose text changed under the same id.",
)

figures = Table(
    "figures", metadata,
    Column("id", String(64), primary_key=True,
           comment="Figure id: a hash of article, number span and text (schema 6)"),
    Column("article", String(255), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("number_text", Text, nullable=False, comment="Number expression as printed"),
    Column("quote", Text, nullable=False, comment="Exact span saying what is counted"),
    Column("low", Integer, comment="Interval low end (null: open)"),
    Column("high", Integer, comment="Interval high end (null: open)"),
    Column("qualifier", String(16), nullable=False),
    Column("counted", String(32), nullable=False, comment="Codebook category"),
    Column("who", Text),
    Column("place", Text),
    Column("period", Text),
    Column("attributed_to", Text),
    Column("rate", String(16)),
    Column("number_start", Integer, nullable=False),
    Column("number_end", Integer, nullable=False),
    Column("quote_start", Integer, nullable=False),
    Column("quote_end", Integer, nullable=False),
    Column("place_id", String(64), comment="Gazetteer id of the place"),
    Column("period_start", String(10)),
    Column("period_end", String(10)),
    Column("period_precision", String(8)),
    comment="Quantitative claims with their evidence span.",
)
Index("ix_figures_article", figures.c.article)
Index("ix_figures_counted", figures.c.counted)
Index("ix_figures_place", figures.c.place)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article", String(255), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(32), nullable=False, comment="Codebook event type"),
    Column("quote", Text, nullable=False),
    Column("quote_start", Integer, nullable=False),
    Column("quote_end", Integer, nullable=False),
    Column("date", String(10), comment="YYYY, YYYY-MM or YYYY-MM-DD"),
    Column("date_precision", String(8)),
    Column("place", Text),
    Column("country", Text),
    Column("actors", Text, comment="JSON list of institutions and groups"),
    Column("figure", Text, comment="Participants or fatalities as printed"),
    Column("place_id", String(64)),
    Column("event_id", String(64), comment="The merged real-world event"),
    comment="Event mentions with their evidence span.",
)
Index("ix_events_article", events.c.article)
Index("ix_events_type", events.c.type)

stories = Table(
    "stories", metadata,
    Column("id", String(64), primary_key=True),
    Column("origin", String(255), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("size", Integer, nullable=False),
    comment="Groups of articles that are one story (copies, near-duplicates, translations).",
)

story_members = Table(
    "story_members", metadata,
    Column("article", String(255), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story", String(64), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("relation", String(16), nullable=False,
           comment="origin, copy, near_duplicate, translation"),
    Column("score", Float, comment="Similarity to the origin"),
    Column("evidence", Text, comment="JSON of the signals that joined it"),
)
Index("ix_story_members_story", story_members.c.story)

claims = Table(
    "claims", metadata,
    Column("id", String(64), primary_key=True),
    Column("counted", String(32), nullable=False),
    Column("place", Text),
    Column("period", Text),
    Column("low", Integer, comment="Smallest low end of its figures"),
    Column("high", Integer, comment="Largest high end of its figures"),
    Column("stories", Integer, nullable=False, comment="Independent stories stating it"),
    Column("articles", Integer, nullable=False),
    Column("first", String(10), comment="Earliest publication date"),
    Column("last", String(10), comment="Latest publication date"),
    Column("data", Text, nullable=False, comment="JSON: outlets and every mention"),
    comment="Figures stating one quantity, with their corroboration (schema 2).",
)
Index("ix_claims_stories", claims.c.stories)

conflicts = Table(
    "conflicts", metadata,
    Column("id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False, comment="figure or version"),
    Column("article_a", String(255), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("article_b", String(255), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("a", Text, nullable=False, comment="Quote from article_a"),
    Column("b", Text, nullable=False, comment="Quote from article_b"),
    Column("why", Text, nullable=False),
    Column("data", Text, nullable=False, comment="JSON: outlets, dates, spans, claim"),
    comment="Figures that cannot both be true; versions of one story that disagree (schema 2).",
)

cache = Table(
    "cache", metadata,
    Column("kind", String(32), primary_key=True, comment="What is cached: sentence, minhash"),
    Column("key", String(64), primary_key=True, comment="Hash of the input it was computed from"),
    Column("value", LargeBinary, nullable=False),
    comment="Derived data kept so corpus stages never recompute it: sentence vectors by a hash "
            "of the sentence, MinHash signatures by the text's hash (schema 4).",
)

reference_figures = Table(
    "reference_figures", metadata,
    Column("id", String(64), primary_key=True,
           comment="Hash of source, as_of, since, counted and place"),
    Column("source", Text, nullable=False, comment="Who states the figure (an authority)"),
    Column("as_of", String(10), nullable=False, comment="The day the figure stands at"),
    Column("since", String(10), comment="First day it counts from (null: a running total)"),
    Column("counted", String(32), nullable=False, comment="Codebook category"),
    Column("place", Text, comment="Place as written in the file"),
    Column("place_id", String(64), comment="Gazetteer id of the place"),
    Column("low", Integer, comment="Interval low end (null: open)"),
    Column("high", Integer, comment="Interval high end (null: open)"),
    Column("qualifier", String(16), nullable=False),
    Column("url", Text, nullable=False, comment="Where the statement is reported"),
    Column("note", Text),
    Column("file", Text, nullable=False, comment="Name of the CSV file it was imported from"),
    Column("line", Integer, nullable=False, comment="Its line in that file"),
    comment="Official figures imported from a reference CSV, shown beside the ledger's "
            "figures and compared with them (schema 5).",
)
Index("ix_reference_figures_counted", reference_figures.c.counted)

# what the corpus stages keep to update the ledger incrementally (schema 7) ------------------
corpus_dirty = Table(
    "corpus_dirty", metadata,
    Column("article", String(255), primary_key=True),
    Column("stamp", String(40), primary_key=True,
           comment="The change that marked it: the store's due token, or 'story'"),
    comment="Articles the corpus stages have not yet seen since they changed: stored or "
            "analysed anew, or moved to another story by the stories stage.",
)

story_items = Table(
    "story_items", metadata,
    Column("article", String(255), primary_key=True),
    Column("ingest_order", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False, comment="The text it was grouped by"),
    Column("leader", String(255), nullable=False,
           comment="First article of its near-duplicate group (itself when it leads)"),
    Column("indexed", Integer, nullable=False, comment="1 when in the LSH index"),
    Column("via", String(255), comment="The article it is a near-duplicate of"),
    Column("relation", String(16)),
    Column("score", Float),
    comment="The stories stage's near-duplicate pass, per article.",
)
Index("ix_story_items_leader", story_items.c.leader)

story_bands = Table(
    "story_bands", metadata,
    Column("band", String(80), primary_key=True, comment="LSH band and its hash values"),
    Column("article", String(255), primary_key=True),
    comment="The stories stage's LSH index of indexed articles.",
)

story_anchors = Table(
    "story_anchors", metadata,
    Column("anchor", BigInteger, primary_key=True),
    Column("leader", String(255), primary_key=True),
    comment="Anchors (numbers, names, sources) of each near-duplicate group's leader.",
)
Index("ix_story_anchors_leader", story_anchors.c.leader)

story_pairs = Table(
    "story_pairs", metadata,
    Column("a", String(255), primary_key=True, comment="The earlier leader, which ranks it"),
    Column("b", String(255), primary_key=True),
    Column("probability", Float, nullable=False, comment="The pair verifier's"),
    Column("relation", String(16), nullable=False),
    Column("detail", Text, nullable=False, comment="JSON of the verifier's evidence"),
    comment="Candidate leader pairs of the stories stage with their verification.",
)
Index("ix_story_pairs_b", story_pairs.c.b)

part_articles = Table(
    "part_articles", metadata,
    Column("stage", String(16), primary_key=True),
    Column("part", Text, primary_key=True, comment="A quantity or merge key"),
    Column("article", String(255), primary_key=True),
    comment="The articles whose figures or mentions fall in each part a corpus stage computes "
            "on its own (claims by quantity, figure conflicts, event merge keys).",
)
Index("ix_part_articles_article", part_articles.c.article)

part_rows = Table(
    "part_rows", metadata,
    Column("stage", String(16), primary_key=True),
    Column("part", Text, primary_key=True),
    Column("row_id", String(64), primary_key=True, comment="A claim or conflict id"),
    comment="The claims and conflicts each part gave.",
)

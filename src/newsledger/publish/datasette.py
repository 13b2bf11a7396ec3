"""Datasette metadata for a SQLite ledger: descriptions, facets, labels and full-text search.

Descriptions come from the schema's table and column comments (else from the same table's
export column, else from a shared column such as ``article``), so the store stays the one place
that documents its columns. The article search uses the ``articles_fts`` table the store keeps
in sync by triggers (its row id is the article's ``ingest_order``). The ledger file is the
private store: it holds the full texts. ``public_metadata`` describes the public edition that
``publish.sqlite_public`` writes instead: export tables only, no text, no search over it.

Datasette runs SQL, not Python, so it cannot call the Reader; the file it should publish is
therefore built through it: ``export sqlite --public`` writes each table with the exporters,
which read through ``query.Reader`` and redact in the one export writer. The SQL views
(``store.views``) only join the private file's tables for its owner.
"""

from __future__ import annotations

from importlib.metadata import version

from newsledger.publish.exports import load_exporters
from newsledger.store import Ledger, schema
from newsledger.store.search import FTS_TABLE
from newsledger.store.views import VIEWS

# What to facet on and which column names a row (Datasette's "label column") per table.
FACETS = {
    "articles": ["language", "outlet"], "figures": ["counted", "qualifier"],
    "events": ["type", "country"], "claims": ["counted"], "conflicts": ["kind"],
    "figure_evidence": ["counted", "language", "outlet"], "claim_list": ["counted"],
    "conflict_pairs": ["kind", "outlet_a"], "story_members": ["relation"],
}
LABELS = {"articles": "title", "stories": "origin", "claims": "counted"}
HIDDEN = ("meta", "cache", FTS_TABLE)  # cache: derived vectors and signatures
VIEW_DESCRIPTIONS = {
    "figure_evidence": "Each figure beside its article's outlet, date, language and title.",
    "claim_list": "Claims, one quantity stated by several figures, with their corroboration.",
    "conflict_pairs": "Conflicting figures and versions side by side with their outlets.",
}


# The export table that documents a store table of another name.
EXPORT_OF = {"story_members": "stories"}
# What ``id`` is in each store table (the exports name these columns otherwise, or not at all).
IDS = {"figures": "Figure row id, numbered by the ledger in ingest order",
       "events": "Event mention row id, numbered by the ledger in ingest order",
       "stories": "Story id (also in story_members.story)",
       "claims": "Claim id: a content hash of its quantity, place and period",
       "conflicts": "Conflict id: a content hash of the two records that disagree"}
# Descriptions of columns that mean one thing in every table; "id" is not one of them.
SHARED = ("article", "outlet", "published", "language", "counted", "place", "place_id",
          "quote", "quote_start", "quote_end")


def _export_descriptions(table: str) -> dict[str, str]:
    """Column descriptions for ``table``: its own export's first, then shared columns."""
    exporters = load_exporters()
    shared = {column.name: column.description for exporter in exporters.values()
              for column in exporter.columns if column.name in SHARED}
    own = exporters.get(EXPORT_OF.get(table, table))
    ids = {"id": IDS[table]} if table in IDS else {}
    return shared | ({c.name: c.description for c in own.columns} if own else {}) | ids


def table_metadata(table, fallback: dict[str, str] | None = None) -> dict:
    """One table's Datasette metadata from its schema comments."""
    fallback = _export_descriptions(table.name) if fallback is None else fallback
    columns = {column.name: column.comment or fallback[column.name] for column in table.columns
               if column.comment or column.name in fallback}
    record: dict = {"description": table.comment or "", "columns": columns}
    if table.name in FACETS:
        record["facets"] = FACETS[table.name]
    if table.name in LABELS:
        record["label_column"] = LABELS[table.name]
    if table.name == "articles":
        record.update(fts_table=FTS_TABLE, fts_pk="ingest_order", searchmode="raw")
    return record


def _about() -> dict:
    return {
        "title": "newsledger",
        "description": "Figures and events of crisis news, each with the exact sentence it "
                       "came from, grouped into stories, claims and conflicts.",
        "source": f"newsledger {version('newsledger')}",
        "license": "Quotes belong to their outlets; the ledger's own data: CC BY 4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
    }


def public_metadata(database: str = "public") -> dict:
    """The metadata.json for the public edition (``export sqlite --public``): each export
    table with its export's descriptions; no article text or source path is in the file."""
    from newsledger.publish.sqlite_public import NEVER_PUBLIC

    tables = {}
    for name, exporter in sorted(load_exporters().items()):
        columns = {c.name: c.description for c in exporter.columns
                   if c.name in exporter.column_names(public=True) and c.name not in NEVER_PUBLIC}
        record: dict = {"description": exporter.description, "columns": columns}
        if name in FACETS:
            record["facets"] = [f for f in FACETS[name] if f in columns]
        if name in LABELS and LABELS[name] in columns:
            record["label_column"] = LABELS[name]
        tables[name] = record
    tables["provenance"] = {"description": "Where each table came from: tool, ledger, date, "
                                           "filters; public and redacted."}
    about = _about()
    about["description"] += " Public edition: private persons' names replaced by a role."
    return about | {"databases": {database: {"tables": tables}}}


def datasette_metadata(database: str = "newsledger") -> dict:
    """The metadata.json for ``datasette <database>.db --metadata metadata.json``."""
    tables = {name: table_metadata(table)
              for name, table in schema.metadata.tables.items() if name not in HIDDEN}
    for name in HIDDEN:
        tables[name] = {"hidden": True}
    for name, description in VIEW_DESCRIPTIONS.items():
        tables[name] = {"description": description, "facets": FACETS.get(name, [])}
    return _about() | {"databases": {database: {"tables": tables}}}


def prepare_for_datasette(ledger: Ledger) -> dict:
    """Create the ledger's views (``store.views``) and return its Datasette metadata."""
    ledger.create_views()
    name = ledger.display_name().rsplit(".", 1)[0] or "newsledger"
    metadata = datasette_metadata(name)
    views = set(ledger.view_names())
    tables = metadata["databases"][name]["tables"]
    for view in VIEWS:
        if view not in views:
            tables.pop(view, None)
    return metadata

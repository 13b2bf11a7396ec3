"""Datasette metadata for a SQLite ledger: descriptions, facets, labels and full-text search.

Descriptions come from the schema's table and column comments (else from the export column
of the same name), so the store stays the one place that documents its columns. The article
search uses the ``articles_fts`` table the store keeps in sync by triggers (its row id is the
article's ``ingest_order``). The SQLite file is the private store: it holds the full texts.
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


def _export_descriptions() -> dict[str, str]:
    return {column.name: column.description for exporter in load_exporters().values()
            for column in exporter.columns}


def table_metadata(table, fallback: dict[str, str]) -> dict:
    """One table's Datasette metadata from its schema comments."""
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


def datasette_metadata(database: str = "newsledger") -> dict:
    """The metadata.json for ``datasette <database>.db --metadata metadata.json``."""
    fallback = _export_descriptions()
    tables = {name: table_metadata(table, fallback)
              for name, table in schema.metadata.tables.items() if name not in HIDDEN}
    for name in HIDDEN:
        tables[name] = {"hidden": True}
    for name, description in VIEW_DESCRIPTIONS.items():
        tables[name] = {"description": description, "facets": FACETS.get(name, [])}
    return {
        "title": "newsledger",
        "description": "Figures and events of crisis news, each with the exact sentence it "
                       "came from, grouped into stories, claims and conflicts.",
        "source": f"newsledger {version('newsledger')}",
        "license": "Quotes belong to their outlets; the ledger's own data: CC BY 4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "databases": {database: {"tables": tables}},
    }


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

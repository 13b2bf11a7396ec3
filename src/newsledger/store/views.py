"""Read-only views that make a SQLite ledger pleasant in Datasette (and any SQL client).

``figure_evidence`` puts each figure beside its article's outlet, date and title;
``claim_list`` and ``conflict_pairs`` exist when the claims and conflicts tables do.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

VIEWS = {
    "figure_evidence": ("figures", """
        SELECT f.id, f.counted, f.number_text, f.low, f.high, f.qualifier, f.who, f.place,
               f.period, f.period_start, f.period_end, f.attributed_to, f.quote, f.article,
               a.outlet, a.published, COALESCE(a.language, a.detected_language) AS language,
               a.title, a.url
        FROM figures f JOIN articles a ON a.id = f.article"""),
    "claim_list": ("claims", """
        SELECT c.id, c.counted, c.place, c.period, c.low, c.high, c.stories, c.articles,
               c.first, c.last
        FROM claims c"""),
    "conflict_pairs": ("conflicts", """
        SELECT k.id, k.kind, k.why, k.article_a, a.outlet AS outlet_a, a.published AS published_a,
               k.a, k.article_b, b.outlet AS outlet_b, b.published AS published_b, k.b
        FROM conflicts k JOIN articles a ON a.id = k.article_a
        JOIN articles b ON b.id = k.article_b"""),
}


def create_views(connection: Connection) -> list[str]:
    """Create (or replace) every view whose table exists; returns their names."""
    created = []
    for name, (table, query) in VIEWS.items():
        if not connection.dialect.has_table(connection, table):
            continue
        connection.execute(text(f"DROP VIEW IF EXISTS {name}"))
        connection.execute(text(f"CREATE VIEW {name} AS {query}"))
        created.append(name)
    return created

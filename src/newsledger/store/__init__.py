"""The store: schema, migrations and the Ledger, over SQLite or PostgreSQL."""

from newsledger.store.ledger import Ledger

__all__ = ["Ledger"]

"""The typer application and the options every command shares."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsledger.errors import NewsledgerError
from newsledger.models import plain
from newsledger.settings import Settings

app = typer.Typer(
    help="newsledger: a citable ledger of figures and events from crisis news.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

DbOption = typer.Option(
    None, "--db", envvar="NEWSLEDGER_DB",
    help="Database: SQLite path or URL (sqlite:///x.db, postgresql://...). Default newsledger.db.",
)
JsonOption = typer.Option(False, "--json", help="Print JSON instead of a table.")


# reading: every read command goes through one query.Reader and its checked filters ---------
LimitOption = typer.Option(None, "--limit", help="At most this many rows (default: all).")
OffsetOption = typer.Option(0, "--offset", help="Rows to skip first.")


def sort_option(kind: str) -> typer.Option:
    from newsledger.query import SORTS

    return typer.Option(None, "--sort", help=f"Order: {', '.join(SORTS[kind])} (default "
                                             f"{SORTS[kind][0]}).")


def page_of(limit: int | None, offset: int):
    """The ``query.Page`` of ``--limit`` and ``--offset`` (checked: NL320)."""
    from newsledger.query import Page

    return Page(limit, offset)


def counted(result, noun: str) -> str:
    """A table title: "12 figures", or "10 of 12 figures" for a part of the list."""
    shown = len(result.rows)
    return f"{shown} {noun}" if shown == result.total else f"{shown} of {result.total} {noun}"


def settings_for(db: str | None, **overrides) -> Settings:
    return Settings.from_env(db=db, **overrides)


def fail(error: NewsledgerError) -> None:
    """Print a coded error on one line and exit non-zero."""
    errors.print(f"[red]error[/red] {escape(str(error))}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def command(*args, on: typer.Typer | None = None, **kwargs) -> Callable[[Callable], Callable]:
    """``app.command`` (or ``on.command`` for a group of commands) whose coded errors print
    as one line and exit 2 (see ``fail``); a database that fails under a command (server
    gone, locked, read-only) is a coded error too."""

    def decorate(function: Callable) -> Callable:
        @functools.wraps(function)
        def reporting_errors(*call_args, **call_kwargs):
            from sqlalchemy.exc import OperationalError

            try:
                return function(*call_args, **call_kwargs)
            except NewsledgerError as error:
                fail(error)
            except OperationalError as error:
                from newsledger.store.engine import store_error

                fail(store_error(error, call_kwargs.get("db") or Settings.from_env().db))

        return (on or app).command(*args, **kwargs)(reporting_errors)

    return decorate


def show_rows(rows: list[dict], as_json: bool, columns: Sequence[str], title: str | None = None,
              wide: Sequence[str] = ()) -> None:
    """Rows as JSON (``--json``) or as a terminal table."""
    if as_json:
        print_json(rows)
    else:
        print_table(rows, columns, title=title, wide=wide)


def print_json(data) -> None:
    sys.stdout.write(json.dumps(plain(data), ensure_ascii=False, indent=2, default=str) + "\n")


def print_table(rows: Iterable[dict], columns: Sequence[str], title: str | None = None,
                wide: Sequence[str] = ()) -> None:
    """A terminal table of ``rows``; columns named in ``wide`` wrap instead of truncating."""
    table = Table(title=title, show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold" if column in wide else "ellipsis",
                         no_wrap=column not in wide, max_width=None if column in wide else 40,
                         min_width=max(len(column), 10) if column in wide else None)
    for row in rows:
        table.add_row(*[_cell(row.get(column)) for column in columns])
    console.print(table)


def _cell(value) -> str:
    if value is None:
        return ""
    return str(value)

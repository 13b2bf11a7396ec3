"""The typer application and the options every command shares."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

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


# tables that fit the terminal ---------------------------------------------------------------
ID, SHORT, TEXT = "id", "short", "text"  # how a column of ``print_fitted`` may be laid out
ID_COLUMNS = frozenset({"id", "article", "story", "claim", "event_id", "place_id"})
MIN_TEXT_WIDTH = 20  # a wrapping column narrower than this is hard to read


def print_table(rows: Iterable[dict], columns: Sequence[str], title: str | None = None,
                wide: Sequence[str] = ()) -> None:
    """A terminal table of ``rows`` (see ``print_fitted``): columns named in ``wide`` wrap,
    ids (``ID_COLUMNS``) and the other columns stay on one line."""
    print_fitted([(column, TEXT if column in wide else ID if column in ID_COLUMNS else SHORT)
                  for column in columns],
                 [[row.get(column) for column in columns] for row in rows], title=title)


def print_fitted(columns: Sequence[tuple[str, str]], rows: Iterable[Sequence],
                 title: str | None = None, show_lines: bool = False) -> None:
    """Print a table fitted to the terminal's width: ``ID`` columns are never wrapped nor cut
    (an id can be copied), ``SHORT`` columns stay on one line while they fit (else they fold,
    never cut), ``TEXT`` columns share the rest of the width and wrap. Cells are plain values
    (printed as they are, no markup) or rich ``Text``."""
    rows = [[_cell(value) for value in row] for row in rows]
    needs = [max([cell_len(name)] + [_cell_width(row[i]) for row in rows])
             for i, (name, _kind) in enumerate(columns)]
    widths = _fit(columns, needs, console.width - 3 * len(columns) - 1)
    table = Table(title=title, show_lines=show_lines,
                  expand=any(kind == TEXT for _name, kind in columns))
    for (name, kind), need, width in zip(columns, needs, widths, strict=True):
        if kind == TEXT:
            table.add_column(name, overflow="fold", ratio=1, min_width=width)
        else:
            table.add_column(name, no_wrap=width >= need, overflow="fold", width=width,
                             min_width=width)
    for row in rows:
        table.add_row(*row)
    console.print(table)


def _fit(columns: Sequence[tuple[str, str]], needs: list[int], available: int) -> list[int]:
    """Column widths within ``available`` cells: text columns at least ``MIN_TEXT_WIDTH`` (they
    take the rest), ids as wide as they need. While the row is too wide, short columns are
    narrowed widest first down to their heading, then text columns down to half their
    minimum, and only then ids (they fold, never cut)."""
    widths = [min(need, MIN_TEXT_WIDTH) if kind == TEXT else need
              for (_name, kind), need in zip(columns, needs, strict=True)]
    for narrowed in (SHORT, TEXT, ID):
        floors = [width if kind != narrowed else MIN_TEXT_WIDTH // 2 if kind == TEXT
                  else min(need, max(cell_len(name), 10))
                  for (name, kind), need, width in zip(columns, needs, widths, strict=True)]
        while sum(widths) > available:
            narrowable = [i for i, width in enumerate(widths) if width > floors[i]]
            if not narrowable:
                break
            widths[max(narrowable, key=lambda i: widths[i])] -= 1
    return widths


def highlighted(quote: str, part: str | None) -> Text:
    """The quote with ``part`` (its number expression) in bold where the quote holds it."""
    text = Text(quote)
    start = quote.find(part) if part else -1
    if start >= 0:
        text.stylize("bold yellow", start, start + len(part))
    return text


def _cell(value) -> Text:
    if isinstance(value, Text):
        return value
    return Text("" if value is None else str(value))


def _cell_width(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.splitlines()), default=0)

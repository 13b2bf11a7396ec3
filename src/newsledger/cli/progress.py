"""Progress on stderr for the long commands (ingest, crawl, analyze, export, evaluate) and
what Ctrl-C leaves: one line saying what was kept, exit 130.

The bars show items done, their rate and, where the total is known, the time left; they are
drawn only when stderr is a terminal, so piped output, CSV on stdout and tests stay clean.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text
from sqlalchemy.exc import SQLAlchemyError

from newsledger.cli.app import errors
from newsledger.errors import NewsledgerError, printable

INTERRUPTED_EXIT = 130  # the shell's code for a command ended by SIGINT


class RateColumn(ProgressColumn):
    """Items per second (per minute when slower than one a second)."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        if not speed:
            return Text("", style="progress.data.speed")
        shown = f"{speed:.1f}/s" if speed >= 1 else f"{speed * 60:.1f}/min"
        return Text(shown, style="progress.data.speed")


def progress(unit: str) -> Progress:
    """A progress display of ``unit`` (articles, rows...) on stderr; a no-op off a terminal."""
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TextColumn(unit), TaskProgressColumn(), RateColumn(),
                    TimeElapsedColumn(), TimeRemainingColumn(), console=errors,
                    transient=True, disable=not errors.is_terminal)


class ItemTally:
    """``on_item`` for ingest, crawl and analyze: advances the bar, prints failures and
    warnings, and counts each status (what an interrupted run kept)."""

    def __init__(self, bar: Progress, description: str, total: int | None = None) -> None:
        self.bar, self.task = bar, bar.add_task(description, total=total)
        self.counts: Counter[str] = Counter()

    def __call__(self, status: str, label: str) -> None:
        self.counts[status] += 1
        if status in ("failed", "warning"):
            colour = "red" if status == "failed" else "yellow"
            errors.print(f"[{colour}]{status}[/{colour}] {escape(label)}", highlight=False,
                         soft_wrap=True)
        self.bar.update(self.task, advance=1,
                        description=f"{status} {escape(printable(label)[:40])}")

    @property
    def stored(self) -> int:
        return self.counts["new"] + self.counts["updated"]


def interrupted(kept: str) -> NoReturn:
    """Say in one line what an interrupted command kept, and exit 130."""
    errors.print(f"interrupted: {kept}", highlight=False, soft_wrap=True, markup=False)
    raise typer.Exit(INTERRUPTED_EXIT)


@contextmanager
def on_interrupt(kept: Callable[[], str]) -> Iterator[None]:
    """Turn Ctrl-C inside the block into ``interrupted(kept())``."""
    try:
        yield
    except KeyboardInterrupt:
        interrupted(kept())


def corpus_note(db: str | None) -> str:
    """", corpus stages due" when the ledger's corpus stages have not seen every change (the
    next ingest or analyze runs them)."""
    from newsledger import query

    try:
        with query.open(db) as reader:
            due = reader.ledger.corpus_due()
    except (NewsledgerError, SQLAlchemyError):  # a note on the way out must not raise
        return ""
    return ", corpus stages due (the next ingest or analyze runs them)" if due else ""

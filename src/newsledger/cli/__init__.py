"""Command line: thin typer commands over ``newsledger.api``."""

from newsledger.cli import (  # noqa: F401  (registers commands)  # noqa: F401  (export, migrate)
    articles,
    crawl,
    events,  # noqa: F401  (events, places)
    export,
    figures,
    labels,
    settings,
    store,
    stories,
    web,
)
from newsledger.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]

"""Command line: thin typer commands over ``newsledger.api`` and ``newsledger.query``."""

from newsledger.cli import (  # noqa: F401  (registers commands)  # noqa: F401  (export, migrate)
    articles,
    cite,
    crawl,
    events,  # noqa: F401  (events, places)
    export,
    figures,
    labels,
    series,  # noqa: F401  (series, reference import)
    settings,
    store,
    stories,
    web,
)
from newsledger.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]

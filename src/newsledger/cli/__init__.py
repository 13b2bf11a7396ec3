"""Command line: thin typer commands over ``newsledger.api``."""

from newsledger.cli import articles, figures, settings, stories, web  # noqa: F401  (registers commands)
from newsledger.cli import events  # noqa: F401  (events, places)
from newsledger.cli import export, store  # noqa: F401  (export, migrate)
from newsledger.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]

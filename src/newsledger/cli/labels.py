"""``newsledger labels``: how well our labels agree, between labellers and with gold."""

from __future__ import annotations

from pathlib import Path

import typer

from newsledger.cli.app import JsonOption, app, console, print_json
from newsledger.evaluation.agreement import agreement, event_agreement, relabel_agreement
from newsledger.labels import load_event_labels, load_figure_labels

labels_app = typer.Typer(help="Our labels on the shared corpora (ids and offsets).",
                         no_args_is_help=True)
app.add_typer(labels_app, name="labels")


@labels_app.command("agreement")
def agreement_command(
    labels_dir: str = typer.Argument("labels/pool", help="A label folder."),
    corpus_dir: str = typer.Argument("../shared/corpus/pool", help="The corpus it labels."),
    relabel_dir: str = typer.Option("labels/dev_relabel", help="A blind re-label of gold."),
    gold_dir: str = typer.Option("../shared/corpus/dev", help="The gold corpus re-labelled."),
    as_json: bool = JsonOption,
) -> None:
    """Per-field agreement of labellers on doubly labelled articles, and of a blind
    re-label with the gold it re-labels."""
    labels = load_figure_labels(labels_dir, corpus_dir)
    rows = agreement(labels, corpus_dir) | {"relabel~gold": relabel_agreement(relabel_dir,
                                                                             gold_dir)}
    if (Path(labels_dir) / "events_done").is_dir():
        events = load_event_labels(labels_dir, corpus_dir)
        rows |= {f"events {key}": value for key, value in event_agreement(events,
                                                                          corpus_dir).items()}
    if as_json:
        print_json(rows)
        return
    for name, row in rows.items():
        fields = ", ".join(f"{key}={value}" for key, value in row.items())
        console.print(f"{name}: {fields}")

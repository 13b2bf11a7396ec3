"""The README's Python examples run as written (in a scratch folder holding the demo corpus)."""

import os
import re
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]
EXAMPLES = re.findall(r"```python\n(.*?)```", (REPO / "README.md").read_text("utf-8"), re.S)


def test_the_readme_has_python_examples():
    assert EXAMPLES


@pytest.mark.parametrize("code", EXAMPLES, ids=lambda code: code.splitlines()[0][:40])
def test_a_readme_example_runs(code, tmp_path, capsys):
    (tmp_path / "demo").symlink_to(REPO / "demo", target_is_directory=True)
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    finally:
        os.chdir(here)
    assert capsys.readouterr().out.strip()  # every example prints what it shows


TOUR = re.search(r"## A short tour.*?```sh\n(.*?)```", (REPO / "README.md").read_text("utf-8"),
                 re.S).group(1)
COMMANDS = [line.split("  #")[0].split() for line in TOUR.splitlines()
            if line.startswith(".venv/bin/newsledger ") and " serve " not in line]


def test_the_tour_has_commands():
    assert len(COMMANDS) >= 10


@pytest.fixture(scope="module")
def tour_folder(tmp_path_factory) -> Path:
    """A scratch folder with the demo ledger built as `make demo` builds it."""
    from newsledger import api

    folder = tmp_path_factory.mktemp("tour")
    (folder / "reference").symlink_to(REPO / "reference", target_is_directory=True)
    api.ingest([str(REPO / "demo")], db=str(folder / "demo.db"))
    return folder


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command[1:3]))
def test_a_tour_command_runs_on_the_demo_ledger(command, tour_folder):
    from typer.testing import CliRunner

    from newsledger.cli import app

    here = os.getcwd()
    os.chdir(tour_folder)
    try:
        result = CliRunner().invoke(app, command[1:])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    assert result.output.strip() or "-o" in command

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

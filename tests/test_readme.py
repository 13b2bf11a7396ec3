"""The README's Python examples run: in a fresh folder beside a link to ``demo/``."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_readme_python_examples_run(tmp_path, monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", (REPO / "README.md").read_text("utf-8"),
                        re.DOTALL)
    assert blocks
    (tmp_path / "demo").symlink_to(REPO / "demo", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {})  # noqa: S102
    assert "17 new" in printed.getvalue() and "figures; next page:" in printed.getvalue()

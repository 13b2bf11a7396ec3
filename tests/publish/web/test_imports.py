"""The web app reads the ledger only through the read API: no module under publish/web
imports a store module."""

from __future__ import annotations

import ast
from pathlib import Path

WEB = Path(__file__).resolve().parents[3] / "src" / "newsledger" / "publish" / "web"


def imported(path: Path) -> set[str]:
    """Every module a Python file imports (``from x import y`` gives x and x.y)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_web_module_imports_the_store():
    modules = sorted(WEB.rglob("*.py"))
    assert len(modules) >= 8
    reaching = {path.name: sorted(name for name in imported(path)
                                  if name == "newsledger.store"
                                  or name.startswith("newsledger.store."))
                for path in modules}
    assert {name: found for name, found in reaching.items() if found} == {}


def test_the_check_sees_a_store_import():
    source = "from newsledger.store import Ledger\nimport newsledger.store.browse\n"
    tree = Path(__file__).with_name("_probe.py")
    try:
        tree.write_text(source, "utf-8")
        assert {"newsledger.store", "newsledger.store.browse"} <= imported(tree)
    finally:
        tree.unlink()

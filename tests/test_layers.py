"""The package's layers point one way: the import graph between its packages has no cycle,
and each layer imports only the layers below it."""

import ast
from pathlib import Path

import newsledger

ROOT = Path(newsledger.__file__).parent
CORE = {"errors", "settings", "models"}
STAGES = {"ingest", "extract", "stories", "reconcile"}
# what each layer may import besides itself and the core
ALLOWED = {
    "base": set(),
    **{stage: {"base"} for stage in STAGES},
    "store": {"base"},
    "query": {"base", "store"},
}


def _unit(module: str) -> str:
    """The package (or root module) a dotted module name belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "newsledger"


def _imports() -> dict[str, dict[str, set[str]]]:
    """unit -> imported unit -> the importing modules."""
    graph: dict[str, dict[str, set[str]]] = {}
    for path in ROOT.rglob("*.py"):
        module = ".".join(("newsledger", *path.relative_to(ROOT).with_suffix("").parts))
        source = _unit(module.removesuffix(".__init__"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "newsledger":
                targets = [f"newsledger.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsledger."):
                targets = [node.module]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("newsledger.")]
            else:
                continue
            for target in targets:
                if _unit(target) != source:
                    graph.setdefault(source, {}).setdefault(_unit(target), set()).add(module)
    return graph


def _cycle(graph) -> list[str]:
    """One cycle of the graph as a path, or []."""
    state: dict[str, str] = {}

    def visit(node, path):
        state[node] = "open"
        for target in graph.get(node, {}):
            if state.get(target) == "open":
                return path[path.index(target):] + [target] if target in path else [node, target]
            if target not in state:
                found = visit(target, path + [target])
                if found:
                    return found
        state[node] = "done"
        return []

    for node in sorted(graph):
        if node not in state:
            found = visit(node, [node])
            if found:
                return found
    return []


def test_no_cycle_between_packages():
    assert _cycle(_imports()) == []


def test_each_layer_imports_only_the_layers_below():
    graph = _imports()
    wrong = {f"{unit} -> {target} ({', '.join(sorted(modules))})"
             for unit, allowed in ALLOWED.items()
             for target, modules in graph.get(unit, {}).items()
             if target not in allowed | CORE}
    assert wrong == set()


def test_the_core_imports_no_layer_above_the_base():
    graph = _imports()
    assert {target for unit in CORE for target in graph.get(unit, {})} <= CORE | {"base"}


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b": set()}, "b": {"a": set()}}) == ["a", "b", "a"]

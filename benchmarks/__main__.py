"""``python -m benchmarks [NAME...]``: run every ``benchmarks/bench_*.py`` module's ``run()``
(or only the named ones, e.g. ``ingest``) and print their results as one table. Each runs in a
fresh interpreter of its own, so the memory and load times it reports are its own, not what the
benchmarks before it left behind."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table


def bench_names() -> list[str]:
    """The benchmark modules in this folder, by name without the ``bench_`` prefix."""
    return sorted(path.stem.removeprefix("bench_")
                  for path in Path(__file__).parent.glob("bench_*.py"))


RUN_ONE = ("import json, sys\nfrom benchmarks.bench_{name} import run\n"
           "sys.stdout.write('\\n' + json.dumps(run()) + '\\n')")


def run_one(name: str) -> dict:
    """The result of one benchmark's ``run()``, run in a fresh interpreter."""
    done = subprocess.run([sys.executable, "-c", RUN_ONE.format(name=name)],
                          cwd=Path(__file__).parents[1], stdout=subprocess.PIPE, check=True,
                          text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_all(names: list[str]) -> list[tuple[str, dict, float]]:
    results = []
    for name in names:
        started = time.perf_counter()
        results.append((name, run_one(name), time.perf_counter() - started))
    return results


def _flat(result: dict, prefix: str = ""):
    """(measure, value) pairs, nested results named "outer inner"."""
    for measure, value in result.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{measure} ")
        else:
            yield f"{prefix}{measure}", value


def main(argv: list[str]) -> int:
    known = bench_names()
    unknown = sorted(set(argv) - set(known))
    if unknown:
        print(f"unknown benchmark {unknown[0]!r}; known: {', '.join(known)}", file=sys.stderr)
        return 2
    table = Table(title="newsledger benchmarks")
    for column in ("benchmark", "measure", "value"):
        table.add_column(column, overflow="fold")
    for name, result, seconds in run_all(argv or known):
        for measure, value in _flat(result):
            if measure != "name":
                table.add_row(name, measure, f"{value:,}" if isinstance(value, int) else str(value))
        table.add_row(name, "wall seconds", f"{seconds:.1f}", end_section=True)
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

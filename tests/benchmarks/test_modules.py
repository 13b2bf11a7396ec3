"""Every benchmark module imports and has its ``run()``, so ``make bench`` never breaks unseen
when the code it measures moves (the benchmarks themselves run in ``make bench`` only)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from benchmarks.__main__ import bench_names  # noqa: E402


@pytest.mark.parametrize("name", bench_names())
def test_the_benchmark_module_imports_and_runs_by_name(name):
    module = importlib.import_module(f"benchmarks.bench_{name}")
    assert callable(module.run)

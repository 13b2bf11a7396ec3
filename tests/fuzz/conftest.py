"""Hypothesis settings of the fuzz targets, and the number of inputs each target ran.

The summary at the end of the run gives each target's inputs and seconds, also when the run is
interrupted (Ctrl-C), so a long ``make fuzz`` always reports what it covered.
"""

import functools
import os
import sys
import time
from pathlib import Path

from hypothesis import settings

# ``make test`` runs each target briefly on a fixed sequence of inputs (the same every run, so a
# red CI is never luck); ``make fuzz`` sets NEWSLEDGER_FUZZ_EXAMPLES and explores at random.
EXAMPLES = os.environ.get("NEWSLEDGER_FUZZ_EXAMPLES")
settings.register_profile("fuzz", max_examples=int(EXAMPLES or 50), deadline=None,
                          derandomize=EXAMPLES is None)
settings.load_profile("fuzz")

PROGRESS_EVERY = 10_000  # a progress line on stderr (seen with ``pytest -s``)
_HERE = Path(__file__).parent
_RUNS: dict[str, list[float]] = {}  # node id -> [inputs, first call, last call]


def _counted(nodeid: str, test):
    run = _RUNS.setdefault(nodeid, [0, 0.0, 0.0])

    @functools.wraps(test)
    def counted(*args, **kwargs):
        now = time.monotonic()
        run[0] += 1
        run[1] = run[1] or now
        run[2] = now
        if run[0] % PROGRESS_EVERY == 0:
            print(f"{nodeid}: {run[0]:.0f} inputs, {now - run[1]:.0f} s", file=sys.stderr,
                  flush=True)
        return test(*args, **kwargs)
    return counted


def pytest_collection_modifyitems(items):
    for item in items:
        handle = getattr(getattr(item, "obj", None), "hypothesis", None)
        if handle is not None and _HERE in Path(item.path).parents:
            handle.inner_test = _counted(item.nodeid, handle.inner_test)


def pytest_terminal_summary(terminalreporter):
    if _RUNS:
        terminalreporter.section("fuzz inputs per target")
    for nodeid, (inputs, first, last) in _RUNS.items():
        terminalreporter.write_line(f"{nodeid}: {inputs:.0f} inputs in {last - first:.0f} s")

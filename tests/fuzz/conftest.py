"""Hypothesis settings of the fuzz targets: NEWSLEDGER_FUZZ_EXAMPLES inputs per target."""

import os

from hypothesis import settings

# ``make test`` runs each target briefly on a fixed sequence of inputs (the same every run, so a
# red CI is never luck); ``make fuzz`` sets NEWSLEDGER_FUZZ_EXAMPLES and explores at random.
EXAMPLES = os.environ.get("NEWSLEDGER_FUZZ_EXAMPLES")
settings.register_profile("fuzz", max_examples=int(EXAMPLES or 50), deadline=None,
                          derandomize=EXAMPLES is None)
settings.load_profile("fuzz")

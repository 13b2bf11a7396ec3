"""Hypothesis settings of the fuzz targets: NEWSLEDGER_FUZZ_EXAMPLES inputs per target."""

import os

from hypothesis import settings

settings.register_profile("fuzz", max_examples=int(os.environ.get("NEWSLEDGER_FUZZ_EXAMPLES", "50")), deadline=None)  # noqa: E501
settings.load_profile("fuzz")

"""The built-in stages, registered in pipeline order."""

from __future__ import annotations

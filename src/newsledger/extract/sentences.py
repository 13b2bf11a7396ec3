"""Sentence and paragraph spans of a text, cheap and language-independent.

A sentence ends at a line break, or at ``.``/``!``/``?``/``…`` (with closing quotes or
brackets) followed by whitespace and a capital letter, digit or opening quote. Positions a
caller protects (the inside of number expressions such as "53 tys. Rosjan") never end one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

_END = re.compile(r"[.!?…][\"'»”’)\]]*[ \t\u00a0]+(?=[\"'«“„(\[]?[^\W\d_a-zа-яё]|\d)|\n+")
_PARAGRAPH = re.compile(r"\n\s*\n")


def _protected(position: int, spans: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def sentence_spans(text: str, protect: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) of every non-blank sentence, in order; ends inside ``protect`` are skipped."""
    protected = sorted(protect)
    spans, start = [], 0
    for found in _END.finditer(text):
        if _protected(found.start(), protected):
            continue
        if text[start:found.start() + 1].strip():
            spans.append((start, found.start() + (found.group()[0] != "\n")))
        start = found.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def paragraph_starts(text: str) -> list[int]:
    """The start offset of every paragraph (blocks separated by a blank line)."""
    return [0] + [found.end() for found in _PARAGRAPH.finditer(text)]


class SpanIndex:
    """Find which of a sorted list of spans (or starts) contains an offset."""

    def __init__(self, starts: list[int]) -> None:
        self.starts = starts

    def index(self, position: int) -> int:
        return max(bisect.bisect_right(self.starts, position) - 1, 0)

"""Sentence and paragraph spans of a text, cheap and language-independent.

A sentence ends at a line break, or at ``.``/``!``/``?``/``…`` (with closing quotes or
brackets) followed by whitespace and a capital letter, digit or opening quote. Positions a
caller protects (the inside of number expressions such as "53 tys. Rosjan") never end one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

# one leading character class, so that the scan skips ahead to the next candidate end
_END = re.compile(r"[.!?…\n](?:(?<=\n)\n*|(?<=[.!?…])[\"'»”’)\]]*[ \t\u00a0]+"
                  r"(?=[\"'«“„(\[]?[^\W\d_a-zа-яё]|\d))")
_NOT_BLANK = re.compile(r"\S")
_PARAGRAPH = re.compile(r"\n\s*\n")


def sentence_spans(text: str, protect: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) of every non-blank sentence, in order; ends inside ``protect`` are skipped."""
    protected = sorted(protect)
    protected_starts = [start for start, _ in protected]
    spans, start = [], 0
    for found in _END.finditer(text):
        end = found.start()
        index = bisect.bisect_right(protected_starts, end) - 1
        if index >= 0 and end < protected[index][1]:
            continue
        if _NOT_BLANK.search(text, start, end + 1):
            spans.append((start, end + (text[end] != "\n")))
        start = found.end()
    if _NOT_BLANK.search(text, start):
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

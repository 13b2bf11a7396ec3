"""Quoted speech: whether a position of a text stands between quotation marks.

A quote's "yesterday" or "on Monday" counts from the day the words were said, which the text
often does not state, so callers resolve such expressions only outside quotes. Marks are read
line by line (a quote left open does not run past a line break; a quote running on through
paragraphs opens again on each): « » and ‹ › pair
as written; „ opens a quote that “ or ” closes (German and Eastern European style); “ opens
one that ” closes (English style); a straight " opens and closes in turn.
"""

from __future__ import annotations

import re

_MARKS = re.compile("[«»‹›„“”\"]")
_CLOSING = {"«": "»", "‹": "›", "„": "“”", "“": "”", '"': '"'}


def in_quoted_speech(text: str, position: int) -> bool:
    """True when `text[position]` stands inside a quotation opened earlier on its line."""
    start = text.rfind("\n", 0, position) + 1
    open_marks: list[str] = []
    for found in _MARKS.finditer(text, start, position):
        mark = found.group()
        if open_marks and mark in _CLOSING[open_marks[-1]]:
            open_marks.pop()
        elif mark in _CLOSING:
            open_marks.append(mark)
    return bool(open_marks)

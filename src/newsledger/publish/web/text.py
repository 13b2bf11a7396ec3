"""Article text cut into plain and highlighted pieces, and word-level differences of quotes.

Everything returned is plain text; the templates escape it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from newsledger.store.search import MARK_END, MARK_START

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Piece:
    """A run of article text; ``figure`` is the index of the figure it highlights, if any."""

    text: str
    figure: int | None = None


def highlight(text: str, figures: list[dict]) -> list[Piece]:
    """The text as pieces with each figure's number expression its own piece; a figure whose
    span overlaps an earlier one or lies outside the text stays unhighlighted."""
    pieces: list[Piece] = []
    cursor = 0
    spans = sorted((f["number_start"], f["number_end"], i) for i, f in enumerate(figures))
    for start, end, index in spans:
        if start < cursor or end > len(text) or start >= end:
            continue
        if start > cursor:
            pieces.append(Piece(text[cursor:start]))
        pieces.append(Piece(text[start:end], index))
        cursor = end
    if cursor < len(text):
        pieces.append(Piece(text[cursor:]))
    return pieces


def word_diff(a: str, b: str, threshold: float = 0.3) -> tuple[list[tuple[str, bool]], ...]:
    """Both quotes as (token, differs) lists. Quotes too unlike to align (translations) mark
    only their numbers."""
    tokens_a, tokens_b = _TOKEN.findall(a), _TOKEN.findall(b)
    words_a = [t.casefold() for t in tokens_a]
    words_b = [t.casefold() for t in tokens_b]
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    if _similarity(words_a, words_b) < threshold:
        return _numbers(tokens_a), _numbers(tokens_b)
    same_a, same_b = set(), set()
    for block in matcher.get_matching_blocks():
        same_a.update(range(block.a, block.a + block.size))
        same_b.update(range(block.b, block.b + block.size))
    return _marked(tokens_a, same_a), _marked(tokens_b, same_b)


def _similarity(words_a: list[str], words_b: list[str]) -> float:
    """How alike two token lists are, spaces left out."""
    return SequenceMatcher(None, [w for w in words_a if not w.isspace()],
                           [w for w in words_b if not w.isspace()], autojunk=False).ratio()


def _marked(tokens: list[str], same: set[int]) -> list[tuple[str, bool]]:
    return [(token, i not in same and not token.isspace()) for i, token in enumerate(tokens)]


def _numbers(tokens: list[str]) -> list[tuple[str, bool]]:
    return [(token, any(ch.isdigit() for ch in token)) for token in tokens]


def marked(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, is_match) runs (the store marks matches)."""
    runs = []
    for i, run in enumerate(re.split(f"[{MARK_START}{MARK_END}]", snippet)):
        if run:
            runs.append((run, i % 2 == 1))
    return runs


def web_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None: a stored ``javascript:`` URL never becomes a link."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None

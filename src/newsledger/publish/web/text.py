"""Article text cut into plain and highlighted pieces, and word-level differences of quotes.

Everything returned is plain text; the templates escape it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from urllib.parse import quote, urlsplit

from newsledger.query import MARK_END, MARK_START

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Piece:
    """A run of article text: ``figure`` is the index of the figure whose number it is,
    ``event`` the index of the event mention whose quote holds it, ``event_end`` marks the
    quote's last piece (where the template puts the link to the event)."""

    text: str
    figure: int | None = None
    event: int | None = None
    event_end: bool = False


def _kept(spans: list[tuple[int, int, int]], length: int) -> list[tuple[int, int, int]]:
    """(start, end, index) spans in text order, leaving out empty ones, ones past the text and
    ones overlapping an earlier span."""
    kept, cursor = [], 0
    for start, end, index in sorted(spans):
        if cursor <= start < end <= length:
            kept.append((start, end, index))
            cursor = end
    return kept


def _snapped(start: int, end: int, numbers: list[tuple[int, int, int]]) -> tuple[int, int]:
    """A quote's ends moved out of any number they cut, so a number stays one piece."""
    for number_start, number_end, _ in numbers:
        if number_start < start < number_end:
            start = number_start
        if number_start < end < number_end:
            end = number_end
    return start, end


def highlight(text: str, figures: list[dict], events: list[dict] = ()) -> list[Piece]:
    """The text as pieces: each figure's number expression its own piece, and the pieces inside
    an event mention's quote marked with it. A span overlapping an earlier one of its kind, or
    lying outside the text, stays unmarked."""
    numbers = _kept([(f["number_start"], f["number_end"], i) for i, f in enumerate(figures)],
                    len(text))
    quotes = _kept([(*_snapped(e["quote_start"], e["quote_end"], numbers), i)
                    for i, e in enumerate(events)], len(text))
    cuts = sorted({0, len(text), *(p for start, end, _ in numbers + quotes for p in (start, end))})
    figure_at = {start: index for start, _, index in numbers}
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        quote = next((q for q in quotes if q[0] <= start and end <= q[1]), None)
        pieces.append(Piece(text[start:end], figure_at.get(start),
                            quote[2] if quote else None, bool(quote and quote[1] == end)))
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


def id_path(value: str) -> str:
    """An id as one URL path segment: everything but letters, digits and ``_.-~`` quoted, so an
    id holding "/", "?", "#" or "%" still opens its own page."""
    return quote(str(value), safe="")

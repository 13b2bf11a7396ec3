"""Phrase sets: short phrases compiled once into one fast regular expression.

Phrase syntax: words separated by spaces (any whitespace run matches); a ``*`` after a word
makes that word a stem (``arrest*`` matches "arrests", "arrested"); matching is
case-insensitive (unless the set says otherwise) and starts at a word boundary. Every table of
cue phrases (figure cues, event triggers, known sources, place words) uses this syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """The regex atoms of one cue phrase: any word may be a stem ("ordin* de încorporare"),
    and the phrase ends in a stem or a word boundary."""
    tokens: list[str] = []
    for index, word in enumerate(phrase.split()):
        stem = word.rstrip("*")
        tokens.extend(([r"\s+"] if index else []) + [re.escape(char) for char in stem])
        if stem != word:
            tokens.append(r"\w*")
    if not phrase.endswith("*"):
        tokens.append(r"(?!\w)")
    return tuple(tokens)


_SPECIAL_TOKENS = (r"\s+", r"\w*", r"(?!\w)")  # every other token is one escaped character


def _render_trie(node: dict, after_first: str = "") -> str:
    # continuations first and word ends last, so that the longest phrase wins at a position
    branches = sorted((token for token in node if token), key=lambda t: t in _SPECIAL_TOKENS[1:])
    parts = [token + after_first + _render_trie(node[token]) for token in branches]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in node else body


def compile_phrases(phrases: list[str], flags: int = re.IGNORECASE) -> re.Pattern | None:
    """One regex over all phrases, rendered as a prefix trie (fast to scan), word-initial.

    Case-sensitive phrases test the word start after their first character (the character
    before it is no word character), so that the regex engine can skip ahead to the first
    characters of the phrases."""
    if not phrases:
        return None
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for token in phrase_tokens(phrase):
            node = node.setdefault(token, {})
        node[""] = {}
    if not flags & re.IGNORECASE and not set(trie) & set(_SPECIAL_TOKENS):
        return re.compile(_render_trie(trie, r"(?<!\w.)"), flags)
    return re.compile(r"(?<!\w)" + _render_trie(trie), flags)


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    label: str  # a counted category, an English noun phrase, a qualifier...


class PhraseSet:
    """Phrases grouped by label, searchable all at once; each hit knows its label."""

    def __init__(self, groups: dict[str, list[str]], flags: int = re.IGNORECASE) -> None:
        self.pattern = compile_phrases([p for phrases in groups.values() for p in phrases], flags)
        self._labels = [(compile_phrases(phrases, flags), label)
                        for label, phrases in groups.items()]
        self._phrases = {label: [(compile_phrases([p], flags), len(p.rstrip("*")))
                                 for p in phrases] for label, phrases in groups.items()}
        self._label_of: dict[str, str] = {}

    def label_of(self, matched: str) -> str:
        """The label of a matched phrase; when phrases of several labels match ("Einberufung*"
        and "Einberufungsbescheid*"), the one with the longest literal part wins."""
        if matched not in self._label_of:
            self._label_of[matched] = self._find_label(matched)
        return self._label_of[matched]

    def _find_label(self, matched: str) -> str:
        labels = [label for pattern, label in self._labels
                  if pattern is not None and pattern.fullmatch(matched)]
        if len(labels) < 2:
            return labels[0] if labels else ""
        return max(labels, key=lambda label: self._specificity(label, matched))

    def _specificity(self, label: str, matched: str) -> int:
        return max(length for pattern, length in self._phrases[label]
                   if pattern.fullmatch(matched))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Cue]:
        """Every cue in ``text[start:end]``, in text order."""
        if self.pattern is None:
            return []
        end = len(text) if end is None else end
        return [Cue(m.start(), m.end(), self.label_of(m.group()))
                for m in self.pattern.finditer(text, start, end)]

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """The spans of every cue in ``text[start:end]`` (`find` without the labels)."""
        if self.pattern is None:
            return []
        end = len(text) if end is None else end
        return [found.span() for found in self.pattern.finditer(text, start, end)]

    def match_at(self, text: str, position: int, end: int) -> Cue | None:
        """The cue starting at ``position`` (after leading whitespace or a hyphen), if any."""
        if self.pattern is None:
            return None
        while position < end and (text[position].isspace() or text[position] in "-‐‑"):
            position += 1
        found = self.pattern.match(text, position, end)
        return Cue(found.start(), found.end(), self.label_of(found.group())) if found else None

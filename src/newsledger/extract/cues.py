"""Per-language cue tables for figures, compiled once into fast regular expressions.

A table (``lang/cues/<lang>.toml``) lists short phrases: codebook cues per ``counted``
category, head nouns of counted people with their English label, nouns that make a number
not a figure, rate cues, verbal qualifiers, anaphora ("of them"), clause-opening
conjunctions ("and"), relative pronouns ("who"), measure nouns ("the number of") and source
cues.
Phrase syntax: words separated by spaces (any whitespace run matches); a ``*`` after a word
makes that word a stem (``arrest*`` matches "arrests", "arrested"); matching is
case-insensitive and starts at a word boundary. ``sources.toml`` names known sources in
every language with their canonical English name.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FALLBACK_LANGUAGE = "en"
CUES_DIR = Path(__file__).parent / "lang" / "cues"


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


@dataclass(frozen=True)
class CueTable:
    """The compiled cues of one language."""

    language: str
    script: str
    counted: PhraseSet  # strong cues: label = category
    weak: PhraseSet  # cues that decide only when no strong cue is near
    heads: PhraseSet  # people nouns: label = English "who"
    head_after: re.Pattern  # a head noun within two words after a number (group "head")
    not_figures: PhraseSet  # head nouns of numbers that are not figures
    not_before: PhraseSet  # words right before a number that is not a figure ("Article")
    measures: PhraseSet  # "the number of", "число": the counted noun follows, the value later
    anaphora: PhraseSet  # "of them", "the number": label = "anaphora"
    rates: PhraseSet  # label = rate
    qualifiers: PhraseSet  # verbal qualifiers right before a number: label = qualifier
    months: PhraseSet  # month names: a number next to one is a date
    conjunctions: PhraseSet  # words opening a coordinated clause ("and", "и", "et")
    relatives: PhraseSet  # relative pronouns opening a clause about a noun ("who", "которые")


def _group(data: dict, key: str, label: str | None = None) -> dict[str, list[str]]:
    value = data.get(key, {})
    if isinstance(value, list):
        return {label or key: value}
    if label is None:
        return {name: list(phrases) if isinstance(phrases, list) else [phrases]
                for name, phrases in value.items()}
    return {label: [p for phrases in value.values() for p in phrases]}


def _heads(data: dict) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for phrase, english in data.get("heads", {}).items():
        groups.setdefault(english, []).append(phrase)
    return groups


def _read_toml(name: str) -> dict:
    path = CUES_DIR / name
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def _languages() -> frozenset[str]:
    """The codes of the language tables (sources.toml is none)."""
    return frozenset(path.stem for path in CUES_DIR.glob("*.toml")) - {"sources"}


@cache
def cue_table(language: str | None) -> CueTable:
    """The compiled table of a language, the English one when the language has none."""
    data = _read_toml(f"{language}.toml") if language in _languages() else {}
    if not data:
        data, language = _read_toml(f"{FALLBACK_LANGUAGE}.toml"), FALLBACK_LANGUAGE
    heads = PhraseSet(_heads(data))
    return CueTable(
        language=language,
        script=data.get("script", "latin"),
        counted=PhraseSet(_group(data, "counted")),
        weak=PhraseSet(_group(data, "weak")),
        heads=heads,
        head_after=re.compile(
            r"\s*(?:[^\s.,;:!?()\d]+\s+){0,3}?(?P<head>" + heads.pattern.pattern + ")"
            if heads.pattern else "(?!)", re.IGNORECASE),
        not_figures=PhraseSet({"not_figure": data.get("not_figures", {}).get("nouns", [])}),
        not_before=PhraseSet({"not_figure": data.get("not_figures", {}).get("before", [])}),
        measures=PhraseSet(_group(data, "measures", "measure")),
        anaphora=PhraseSet(_group(data, "anaphora", "anaphora")),
        rates=PhraseSet(_group(data, "rate")),
        qualifiers=PhraseSet(_group(data, "qualifiers")),
        months=PhraseSet(_group(data, "months", "month")),
        conjunctions=PhraseSet(_group(data, "conjunctions", "conjunction")),
        relatives=PhraseSet(_group(data, "relatives", "relative")),
    )


@dataclass(frozen=True)
class Source:
    name: str
    relay: bool  # a news agency or outlet passing on someone else's figure
    counted: frozenset[str] = frozenset()  # the only categories it speaks for (empty: all)


@cache
def known_sources() -> tuple[PhraseSet, dict[str, Source]]:
    """Known sources in every language: a case-sensitive phrase set labelled by canonical name."""
    data = _read_toml("sources.toml")
    groups = {name: entry["aliases"] for name, entry in data.items()}
    info = {name: Source(name, bool(entry.get("relay")), frozenset(entry.get("counted", [])))
            for name, entry in data.items()}
    return PhraseSet(groups, flags=0), info


SCRIPTS = {
    "cyrillic": re.compile(r"[\u0400-\u04FF]"), "greek": re.compile(r"[\u0370-\u03FF]"),
    "armenian": re.compile(r"[\u0530-\u058F]"), "latin": re.compile(r"[A-Za-z]"),
}
# the table used for a sentence written in another script than its article's language
SCRIPT_FALLBACK = {"cyrillic": "ru", "latin": "en", "greek": "el", "armenian": "hy"}


def script_of(text: str) -> str:
    """The script most letters of ``text`` are written in ("" when it has no letters)."""
    counts = {name: len(pattern.findall(text)) for name, pattern in SCRIPTS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] else ""


@cache
def _other_scripts(script: str) -> re.Pattern:
    """A letter of any script but ``script``."""
    return re.compile("|".join(pattern.pattern for name, pattern in SCRIPTS.items()
                               if name != script) or "(?!)")


def table_for(language: str | None, sentence: str) -> CueTable:
    """The article language's table, or the table of the sentence's own script if it differs."""
    table = cue_table(language)
    if not _other_scripts(table.script).search(sentence):
        return table  # written in the table's script, or in no script at all
    script = script_of(sentence)
    if script != table.script and script in SCRIPT_FALLBACK:
        return cue_table(SCRIPT_FALLBACK[script])
    return table

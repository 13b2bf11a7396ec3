"""Date tables: one language's words (lang/dates_<language>.toml) compiled into patterns.

Each table lists month and weekday forms, counts, units, anchors, relative phrases and pattern
templates with placeholders ({N}, {UNIT}, {ANCHOR}); `grammar` compiles them once per language
into the atoms `resolve.dates` finds in text, with the lookup tables their groups need.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsledger.base.folding import fold, folded_pattern

LANG_DIR = Path(__file__).with_name("lang")
_WORD_START = r"(?<!\w)"


@dataclass(frozen=True, slots=True)
class Match:
    """One expression found in text: its span, kind and the captured groups."""

    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    parts: tuple[Match, ...] = ()
    role: str = ""  # "as_of" when a lead makes it the day a tally stands at


@cache
def available_languages() -> tuple[str, ...]:
    """Languages with a date table."""
    names = sorted(path.stem.removeprefix("dates_") for path in LANG_DIR.glob("dates_*.toml"))
    return tuple(name for name in names if name != "common")


@cache
def _table(language: str) -> dict:
    with (LANG_DIR / f"dates_{language}.toml").open("rb") as handle:
        return tomllib.load(handle)


def _alternation(forms: list[str], escape: bool = True) -> str:
    """Any of ``forms``, the longest first; literal forms as a prefix tree (case-insensitive
    patterns try it much faster, and it tries a form before any form that is its prefix, as
    the longest-first list does)."""
    if escape:  # letters case-insensitive matching equates, written alike, share a branch
        return "(?:" + _tree([fold(form) or form for form in forms]) + ")"
    ordered = sorted(forms, key=len, reverse=True)
    return "(?:" + "|".join(ordered) + ")"


def _tree(forms: list[str]) -> str:
    heads: dict[str, list[str]] = {}
    for form in forms:
        heads.setdefault(form[:1], []).append(form[1:])
    # a space stays a space, for `_spaced` to make it any run of whitespace
    branches = [(head if head == " " else re.escape(head)) + _tree(rests)
                for head, rests in sorted(heads.items()) if head]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in heads:
        return body
    return f"(?:{body})?" if branches else ""


def _spaced(pattern: str) -> str:
    return pattern.replace(" ", r"\s+")


@dataclass(frozen=True)
class DateGrammar:
    """The compiled patterns of one language and the lookup tables their groups need."""

    language: str
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    ambiguous_months: frozenset[str]
    abbreviations: frozenset[str]  # month forms that may take a full stop ("Sept.")
    numbers: dict[str, int]
    unit_of: list[tuple[re.Pattern, str]]
    anchor_of: list[tuple[re.Pattern, str]]
    atoms: list[tuple[str, re.Pattern]]
    since: re.Pattern
    range_from: re.Pattern
    range_to: re.Pattern
    preposition: re.Pattern
    anywhere: re.Pattern | None  # every atom at once over folded text (None: cannot be)
    as_of: re.Pattern  # a lead that makes a date the day a tally stands at ("as of")
    since_after: re.Pattern  # a "since" written after the date (Armenian "... ի վեր")
    ordinals: dict[str, int]  # "second" = 2, for "the second year of the war"

    def atom_matches(self, text: str, folded: str | None) -> Iterator[tuple[str, re.Match]]:
        """What ``finditer`` of every atom in turn yields over ``text``.

        Atoms are tried only where ``anywhere`` finds that one starts in ``folded`` (the text's
        `newsledger.base.folding.fold`): most text holds no time expression, and one case-sensitive
        scan of the folded text is much faster than one case-insensitive scan per atom.
        """
        if self.anywhere is None or folded is None:
            for kind, pattern in self.atoms:
                yield from ((kind, found) for found in pattern.finditer(text))
            return
        starts, found = [], self.anywhere.search(folded)
        while found:
            starts.append(found.start())
            found = self.anywhere.search(folded, found.start() + 1)
        for kind, pattern in self.atoms:
            allowed = 0
            for position in starts:
                if position >= allowed and (found := pattern.match(text, position)):
                    allowed = max(found.end(), position + 1)
                    yield kind, found


def _anywhere(atoms: list[tuple[str, re.Pattern]]) -> re.Pattern | None:
    """One case-sensitive pattern over folded text that matches wherever an atom does (the
    shared leading word boundary tested once); None when an atom cannot be folded."""
    folded = [folded_pattern(pattern.pattern) for _, pattern in atoms]
    if None in folded:
        return None
    sources = [source for source in folded if source is not None]
    bounded = [source.removeprefix(_WORD_START) for source in sources
               if source.startswith(_WORD_START)]
    others = [source for source in sources if not source.startswith(_WORD_START)]
    return re.compile("|".join([f"{_WORD_START}(?:{'|'.join(bounded)})", *others]))


@cache
def grammar(language: str) -> DateGrammar:
    """Compile a language's date table (cached)."""
    table = _table(language)
    month_of = {form.lower(): index + 1 for index, forms in enumerate(table["months"])
                for form in forms}
    weekday_of = {form.lower(): index for index, forms in enumerate(table["weekdays"])
                  for form in forms}
    numbers = {word.lower(): value for word, value in table.get("numbers", {}).items()}
    ordinals = {word.lower(): value for word, value in table.get("ordinals", {}).items()}
    month = f"(?P<month>{_alternation(list(month_of))})\\.?"
    day_suffix = table.get("day_suffix", "")
    of = _alternation(table.get("of", []) or ["\x00"])
    year_words = table.get("year_words", [])
    year_tail = rf"(?:\s*{_alternation(year_words, escape=False)})?" if year_words else ""
    year = rf"(?P<year>(?:19|20)\d\d)(?!\d){year_tail}"
    day = rf"(?P<day>[0-3]?\d){day_suffix}"
    number = rf"(?:\d+|{_alternation(list(numbers))})" if numbers else r"\d+"
    units = table.get("units", {})
    anchors = table.get("anchors", {})
    placeholders = {
        "{N}": f"(?P<n>{number})", "{N2}": f"(?P<n2>{number})",
        "{ORD}": f"(?P<ordinal>{_alternation(list(ordinals) or ['x^'], escape=False)})",
        "{UNIT}": f"(?P<unit>{'|'.join(units.values()) or 'x^'})",
        "{ANCHOR}": f"(?P<anchor>{'|'.join(anchors.values()) or 'x^'})",
    }
    to = _alternation(table.get("range_to", []) + ["-", "–", "—"])
    atoms: list[tuple[str, re.Pattern]] = []

    def add(kind: str, pattern: str) -> None:
        for key, value in placeholders.items():
            pattern = pattern.replace(key, value)
        atoms.append((kind, re.compile(rf"(?<!\w){_spaced(pattern)}(?!\w)", re.IGNORECASE)))

    for kind, templates in table.get("patterns", {}).items():
        for template in templates:
            add(kind, template)
    for meaning, phrases in table.get("relative", {}).items():
        add(f"relative:{meaning}", _alternation(phrases, escape=False))
    add("iso", r"(?P<year>\d{4})-(?P<month_number>\d\d)-(?P<day>\d\d)")
    add("numeric", r"(?P<day>[0-3]?\d)[./](?P<month_number>[01]?\d)[./](?P<year>(?:19|20)\d\d)")
    add("day_range", rf"(?P<first_day>[0-3]?\d){day_suffix}\s*{to}\s*{day}\s*(?:{of}\s+)?"
        rf"{month}(?:,?\s*(?:{of}\s+)?{year})?")
    add("day_range", rf"{month}\s+(?P<first_day>[0-3]?\d){day_suffix}\s*[-–—]\s*{day}"
        rf"(?:,?\s*{year})?")
    add("date", rf"{day}\s*(?:{of}\s+)?{month}(?:,?\s*(?:{of}\s+)?{year})?")
    add("date", rf"{month}\s+{day}(?:,?\s*{year})?")
    add("month_year", rf"{month}\s*,?\s*(?:{of}\s+)?{year}")
    add("month", month)
    add("weekday", f"(?P<weekday>{_alternation(list(weekday_of))})")
    year_prepositions = table.get("year_prepositions", [])
    if year_prepositions:
        add("year", rf"(?P<lead>{_alternation(year_prepositions, escape=False)}\s+){year}")
    if year_words:
        atoms.append(("year", re.compile(rf"(?<![\d.,]){year}", re.IGNORECASE)))

    def keyed(mapping: dict[str, str]) -> list[tuple[re.Pattern, str]]:
        return [(re.compile(_spaced(p), re.IGNORECASE), key) for key, p in mapping.items()]

    def leading(words: list[str]) -> re.Pattern:
        return re.compile(rf"(?<!\w){_spaced(_alternation(words or ['x^'], False))}\s+$",
                          re.IGNORECASE)

    abbreviations = frozenset(
        form.lower() for forms in table["months"] for form in forms
        if any(other != form and other.startswith(form) for other in forms)
    )
    return DateGrammar(
        language, month_of, weekday_of, frozenset(table.get("ambiguous_months", [])),
        abbreviations, numbers,
        keyed(units), keyed(anchors), atoms, leading(table.get("since", [])),
        leading(table.get("range_from", [])),
        re.compile(rf"^\s*{_spaced(to)}\s*$", re.IGNORECASE),
        leading(table.get("prepositions", [])),
        _anywhere(atoms),
        leading(table.get("as_of", [])),
        re.compile(rf"\s+{_spaced(_alternation(table.get('since_after') or ['x^'], False))}"
                   r"(?!\w)", re.IGNORECASE),
        ordinals,
    )

"""Per-language number tables: loading the TOML files and merging them into one lexicon.

The schema of a table is documented in :mod:`newsledger.base.numbers`. A lexicon maps every
lower-cased word form to what it means (additive number, multiplier, magnitude, vague plural...),
and keeps the phrase lists (qualifiers, range words, unit words) the grammar needs.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from newsledger.errors import BadOption

QUALIFIER_KINDS = ("approx", "at_least", "more_than", "at_most", "less_than")
UNIT_KINDS = ("percent", "money", "age", "duration", "year", "distance", "time", "ordinal",
              "measure")
PRECEDING_KINDS = ("legal", "number_sign", "age", "phone", "year")
# Word-form roles; a form may have several (Russian "тысячи" is a magnitude and a vague plural).
ROLES = ("numbers", "fractions", "multipliers", "magnitudes", "vague")


@dataclass
class Lexicon:
    """Everything the grammar knows about number wording in one language (or a union)."""

    languages: tuple[str, ...]
    decimal_separator: str = "."
    words: dict[str, dict[str, float]] = field(default_factory=lambda: {r: {} for r in ROLES})
    weak: set[str] = field(default_factory=set)
    joined_weak: set[str] = field(default_factory=set)
    joiners: set[str] = field(default_factory=set)
    inner_joiners: set[str] = field(default_factory=set)
    compound: bool = False
    several: set[str] = field(default_factory=set)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    approximate: set[str] = field(default_factory=set)
    singular: set[str] = field(default_factory=set)
    vague_connectors: set[str] = field(default_factory=set)
    qualifiers: dict[str, set[str]] = field(
        default_factory=lambda: {kind: set() for kind in QUALIFIER_KINDS}
    )
    qualifiers_after: dict[str, set[str]] = field(
        default_factory=lambda: {kind: set() for kind in QUALIFIER_KINDS}
    )
    range_openers: set[str] = field(default_factory=set)
    range_closers: set[str] = field(default_factory=set)
    range_connectors: set[str] = field(default_factory=set)
    units: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in UNIT_KINDS})
    currency_before: set[str] = field(default_factory=set)
    preceding: dict[str, set[str]] = field(
        default_factory=lambda: {kind: set() for kind in PRECEDING_KINDS})
    change_words: set[str] = field(default_factory=set)
    suffixes: dict[str, float] = field(default_factory=dict)
    counters: set[str] = field(default_factory=set)
    verbal_after: dict[str, set[str]] = field(
        default_factory=lambda: {kind: set() for kind in QUALIFIER_KINDS}
    )
    digits_after_magnitude: bool = False

    def merge(self, table: dict) -> None:
        """Add one parsed TOML table to this lexicon."""
        endings = table.get("inflections", {})
        excluded = _lower(table.get("exclude", []))
        for role in ROLES:
            for value, forms in table.get(role, {}).items():
                for form in _inflected(_lower(forms), endings if role == "numbers" else {}):
                    if form not in excluded:
                        self.words[role][form] = float(value)
        self.weak |= _lower(table.get("weak", []))
        self.joined_weak |= _lower(table.get("joined_weak", []))
        self.joiners |= _lower(table.get("joiners", []))
        self.inner_joiners |= _lower(table.get("inner_joiners", []))
        self.compound = self.compound or bool(table.get("compound", False))
        self.several |= _lower(table.get("several", []))
        for form, (low, high) in table.get("vague_spans", {}).items():
            self.spans[form.lower()] = (low, high)
        self.approximate |= _lower(table.get("approximate", []))
        self.singular |= _lower(table.get("singular_after_qualifier", []))
        self.vague_connectors |= _lower(table.get("vague_connectors", []))
        for kind in QUALIFIER_KINDS:
            self.qualifiers[kind] |= _lower(table.get("qualifiers", {}).get(kind, []))
            self.qualifiers_after[kind] |= _lower(table.get("qualifiers_after", {}).get(kind, []))
        ranges = table.get("ranges", {})
        self.range_openers |= _lower(ranges.get("openers", []))
        self.range_closers |= _lower(ranges.get("closers", []))
        self.range_connectors |= _lower(ranges.get("connectors", []))
        for kind in UNIT_KINDS:
            self.units[kind] |= _lower(table.get("units", {}).get(kind, []))
        self.currency_before |= _lower(table.get("currency_before", []))
        for kind in PRECEDING_KINDS:
            self.preceding[kind] |= _lower(table.get("preceded_by", {}).get(kind, []))
        self.change_words |= _lower(table.get("change_words", []))
        self.counters |= _lower(table.get("counters", []))
        for kind in QUALIFIER_KINDS:
            self.verbal_after[kind] |= _lower(table.get("verbal_after", {}).get(kind, []))
        self.digits_after_magnitude = self.digits_after_magnitude or bool(
            table.get("digits_after_magnitude", False))
        for value, forms in table.get("suffixes", {}).items():
            self.suffixes.update(dict.fromkeys(_lower(forms), float(value)))


def _inflected(forms: set[str], endings: dict[str, list[str]]) -> set[str]:
    """The forms plus, for each form ending in a key of ``endings``, that ending replaced by
    each listed ending (Russian "пять" -> "пяти", "пятью")."""
    result = set(forms)
    for form in forms:
        for ending, replacements in endings.items():
            if form.endswith(ending):
                result |= {form.removesuffix(ending) + new for new in replacements}
    return result


def _lower(items: list[str]) -> set[str]:
    return {item.lower() for item in items}


@cache
def available_languages() -> tuple[str, ...]:
    """ISO 639-1 codes of the shipped tables (``common`` is shared by all and not a language)."""
    folder = resources.files("newsledger.base") / "lang" / "numbers"
    names = (entry.name for entry in folder.iterdir() if entry.name.endswith(".toml"))
    return tuple(sorted(n.removesuffix(".toml") for n in names if n != "common.toml"))


@cache
def read_table(name: str) -> dict:
    """The parsed TOML table ``lang/numbers/<name>.toml``."""
    path = resources.files("newsledger.base") / "lang" / "numbers" / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BadOption(f"no number table for language {name!r}") from error


@cache
def lexicon_for(language: str | None) -> Lexicon:
    """The lexicon for an ISO 639-1 code: its table (plus the tables it names in ``also``)
    merged over ``common``; the union of all tables (but those with ``union = false``) when the
    language is None or unknown."""
    known = available_languages()
    union = [name for name in known if read_table(name).get("union", True)]
    wanted = [language] if language in known else union
    names: list[str] = []
    while wanted:
        name = wanted.pop(0)
        if name not in names:
            names.append(name)
            wanted.extend(read_table(name).get("also", []))
    lexicon = Lexicon(languages=tuple(names))
    lexicon.merge(read_table("common"))
    for name in names:
        lexicon.merge(read_table(name))
    # The union has no decimal convention: "1,500" and "1.500" are both 1500 there.
    known_language = len(names) == 1 or language in known
    lexicon.decimal_separator = read_table(names[0]).get("decimal_separator", ".") * known_language
    return lexicon

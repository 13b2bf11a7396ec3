"""Per-language cue tables for figures, compiled once into fast regular expressions.

A table (``cues/<lang>.toml`` of the codebook) lists short phrases: codebook cues per ``counted``
category, head nouns of counted people with their English label, nouns that make a number
not a figure, rate cues, verbal qualifiers, anaphora ("of them"), clause-opening
conjunctions ("and"), relative pronouns ("who"), measure nouns ("the number of") and source
cues, in the phrase syntax of ``base.phrases``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from newsledger.base.codebook import codebook
from newsledger.base.languages import table_language
from newsledger.base.phrases import PhraseSet

FALLBACK_LANGUAGE = "en"
CUES_DIR = codebook().cues_dir


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
    """The codes of the language tables."""
    return frozenset(path.stem for path in CUES_DIR.glob("*.toml"))


@cache
def rate_names() -> tuple[str, ...]:
    """Every rate a figure can have (the ``[rate]`` labels of the language tables)."""
    return tuple(sorted({name for language in _languages()
                         for name in _read_toml(f"{language}.toml").get("rate", {})}))


@cache
def cue_table(language: str | None) -> CueTable:
    """The compiled table of a language (or of the language whose tables read it: Croatian and
    Bosnian are read as Serbian), the English one when there is none."""
    language = table_language(language, _languages())
    data = _read_toml(f"{language}.toml") if language else {}
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

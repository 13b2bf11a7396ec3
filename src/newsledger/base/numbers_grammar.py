"""The number-expression grammar compiled into regular expressions, once per language.

Word lists are turned into prefix tries rendered as regex alternations, so that a scan tests only
the characters that can start a number word. One scanner regex finds whole expressions (qualifier,
range, vague magnitude or number); a tokenizer regex splits a found span into word forms and digit
strings for evaluation; a unit regex reads the word that follows a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsledger.base.folding import folded_pattern
from newsledger.base.numbers_tables import (
    PRECEDING_KINDS,
    QUALIFIER_KINDS,
    ROLES,
    UNIT_KINDS,
    Lexicon,
    lexicon_for,
)
from newsledger.base.scripts import HANGUL, KANA_AND_HAN, TATWEEL

# Thousands separators seen in print: comma, dot, (no-break/thin/narrow) spaces, apostrophes and
# the Armenian full stop U+2024.
GROUP_SEPARATORS = (",", ".", " ", "\u00a0", "\u2009", "\u202f", "'", "\u2019", "\u2024")
_GROUPED = "|".join(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+" for sep in GROUP_SEPARATORS)
# Scripts written without spaces between words (kana, CJK ideographs, Hangul syllables glued to
# particles) and the Arabic tatweel ("الـ60"): a number touches their letters ("で215人", "20万人",
# "300명"), so no word boundary is asked for between a number and one of these characters.
_SCRIPTS = (TATWEEL, KANA_AND_HAN, HANGUL)
UNSPACED = "".join(_SCRIPTS)
NO_WORD_BEFORE = rf"(?<![^\W{UNSPACED}])"
NO_WORD_AFTER = rf"(?:(?<=[{UNSPACED}])|(?![^\W{UNSPACED}]))"
# The Arabic one-letter prefixes و (and), ب (by), ل (to) are glued to digits ("و200").
_PREFIXES = "\u0648\u0628\u0644"
_DIGITS_BEFORE = rf"(?<![^\W{UNSPACED}{_PREFIXES}])"
# Those classes hold no cased letter: they are compiled case-sensitively (see `_compiled`).
_UNCASED_CLASSES = (f"[^\\W{UNSPACED}{_PREFIXES}]", f"[^\\W{UNSPACED}]", f"[{UNSPACED}]")
# A clock time ("10:30", "10h30") is one token; digits around a slash ("21/09") are no number.
DIGITS = (
    rf"(?<![.,:/]){_DIGITS_BEFORE}(?:\d{{1,2}}[:h]\d{{2}}|(?:{_GROUPED})(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![.,:/]?\d)"
)
_DASHES = r"\-\u2010-\u2014"  # hyphen-minus and U+2010..U+2014, for use inside a [class]


def _compiled(source: str, scripts: str) -> re.Pattern:
    """``source`` compiled case-insensitively, its classes of unspaced scripts case-sensitively
    (re would case-fold tens of thousands of ideographs one by one) and narrowed to ``scripts``."""
    for uncased in _UNCASED_CLASSES:
        source = source.replace(uncased, f"(?-i:{uncased})")
    return re.compile(_narrowed(source, scripts), re.IGNORECASE)


def _narrowed(source: str, scripts: str) -> str:
    """``source`` with its classes of unspaced scripts cut down to the scripts the lexicon
    writes words in (compiling a class of every ideograph is slow): a character no text has
    when there are none."""
    return source.replace(UNSPACED, scripts or "\uffff")


def _scripts_of(forms: list[str]) -> str:
    """The unspaced scripts (``_SCRIPTS``: tatweel, kana and ideographs, Hangul) some of the
    forms are written in."""
    text = "".join(forms)
    return "".join(script for script in _SCRIPTS if re.search(f"[{script}]", text))


def alternation(phrases: set[str] | list[str]) -> str:
    """A regex matching any of the phrases, longest first, rendered from a prefix trie.

    A space inside a phrase matches any run of whitespace, an apostrophe either apostrophe, a
    trailing ``*`` any word continuation (a stem).
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie) if trie else "(?!)"


def _render(node: dict) -> str:
    branches = [_atom(char) + _render(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def _atom(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char in "'\u2019":
        return "['\u2019]"
    if char == "*":
        return r"\w*"
    if char in "-\u2010\u2011\u2012\u2013\u2014":
        return f"[{_DASHES}]"
    return re.escape(char)


@dataclass(frozen=True)
class NumberGrammar:
    """Compiled regexes for one lexicon."""

    lexicon: Lexicon
    scanner: re.Pattern
    folded_scanner: re.Pattern | None  # the scanner over folded text: finds starts fast
    single: re.Pattern
    tokenizer: re.Pattern  # number words, joiners and digit strings
    vague_tokenizer: re.Pattern  # vague plurals, magnitudes, "several" words
    unit_after: re.Pattern
    suffix_after: re.Pattern  # a magnitude letter after digits ("1.5m", "700k", "8 B")
    qualifier_after: re.Pattern
    counter_after: re.Pattern  # a counter word of people glued to the number ("人", "명")
    verbal_after: re.Pattern  # a verb after the number that sets its qualifier ("を超える")
    currency_before: re.Pattern
    change_before: re.Pattern
    preceded_by: re.Pattern


def _word_number(lex: Lexicon) -> str:
    morph = alternation(
        set(lex.words["numbers"]) | set(lex.words["fractions"])
        | set(lex.words["multipliers"]) | set(lex.words["magnitudes"])
    )
    scale = alternation(set(lex.words["multipliers"]) | set(lex.words["magnitudes"]))
    weak = alternation(lex.weak)
    if lex.compound or lex.inner_joiners:
        inner = f"(?:{alternation(lex.inner_joiners)})?" if lex.inner_joiners else ""
        token = rf"{morph}(?:{inner}{morph})*{NO_WORD_AFTER}"
    else:
        token = rf"{morph}{NO_WORD_AFTER}"
    # A weak form ("a", "half a", "пол-") counts before a scale word, spaced or hyphen-glued.
    strong = (rf"(?:{weak}(?:\s+|(?<=[{_DASHES}]))(?={scale}{NO_WORD_AFTER})"
              rf"|(?!{weak}{NO_WORD_AFTER})){token}")
    joiner = alternation(lex.joiners)
    # Inside a number some weak forms are numbers ("vingt et un", "vinte e um", "cent un");
    # evaluation accepts them only after a round number.
    glued = rf"(?:\s*[{_DASHES}]\s*|\s+)"
    joined_weak = alternation(lex.joined_weak)
    after = rf"(?:{strong}|{joined_weak}{NO_WORD_AFTER})" if lex.joined_weak else strong
    return rf"{strong}(?:{glued}(?:{joiner}{glued})?{after})*"


def _number(lex: Lexicon) -> str:
    scale = alternation(set(lex.words["multipliers"]) | set(lex.words["magnitudes"]))
    # Digits may follow a magnitude of an unspaced script ("2万2215", "9萬8千", "1만 5천").
    unspaced = _scripts_of(list(lex.words["magnitudes"]))
    rest = rf"(?:(?<=[{UNSPACED}])\s?{DIGITS})?" if unspaced else ""
    # Or a group of three digits after a spaced magnitude ("44 bin 218", "dos mil 012").
    group = r"(?:\s+\d{3}(?![\d.,]?\d))?" if lex.digits_after_magnitude else ""
    suffix = alternation(set(lex.suffixes))
    return (rf"(?:{DIGITS}(?:(?:\s?{scale}{NO_WORD_AFTER}{rest}){{1,2}}{group}"
            rf"|\s?{suffix}(?!\w))?|{_word_number(lex)}{group})")


def _vague(lex: Lexicon) -> str:
    plural = alternation(set(lex.words["vague"]) | set(lex.spans))
    scale = alternation(
        set(lex.words["magnitudes"]) | set(lex.words["vague"]) | set(lex.words["multipliers"])
    )
    several = alternation(lex.several)
    connector = alternation(lex.vague_connectors)
    return (
        rf"(?:{several}\s+{scale}|{plural}){NO_WORD_AFTER}"
        rf"(?:\s+(?:{connector}\s+)?{scale}{NO_WORD_AFTER}){{0,2}}"
    )


def _ranges(lex: Lexicon, number: str) -> str:
    opener = alternation(lex.range_openers)
    closer = alternation(lex.range_closers)
    several = alternation(lex.several)
    words = alternation(lex.range_connectors)
    # "10-11", "10 000 – 11 000"; a spaced ASCII hyphen ("6986 - 7406") separates list items.
    # Between words a hyphen joins one number ("thirty-three"), so it needs a digit before it.
    dash = r"(?:(?<=\d)-(?!\s)|\s*[\u2010-\u2014]\s*)"
    paired = (
        rf"(?P<opener>{opener})\s+(?P<ra>{number}|{several}{NO_WORD_AFTER})\s+{closer}"
        rf"(?:\s+|(?<=[{_PREFIXES}])(?=\d))(?P<rb>{number})"  # "ما بين 10 آلاف و20 ألف"
    )
    joined = (
        rf"(?P<ra2>{number})(?:{dash}|\s+{words}\s+)"
        rf"(?P<rb2>{number})"
    )
    return f"{paired}|{joined}"


def _units(lex: Lexicon) -> str:
    groups = [rf"(?P<{kind}>{alternation(lex.units[kind])})" for kind in UNIT_KINDS]
    return rf"[\s{_DASHES}]?(?:{'|'.join(groups)}){NO_WORD_AFTER}"


def _qualifiers_after(lex: Lexicon) -> str:
    # A word ("or more") follows a space; a sign ("+", "-odd", "-ից ավելի") is glued on. A number
    # right after the phrase means it qualifies that number ("100 and more than 200").
    groups = [rf"(?P<{kind}>{alternation(lex.qualifiers_after[kind])})" for kind in QUALIFIER_KINDS]
    # In unspaced scripts a word is glued on too ("800人以上", "500多名").
    return (rf"(?:\s+(?=\w)|(?=[^\w\s]|[{UNSPACED}]))(?:{'|'.join(groups)}){NO_WORD_AFTER}"
            r"(?!\s+(?:\w+\s+)?\d)")


def _verbal_after(lex: Lexicon) -> str:
    groups = [rf"(?P<{kind}>{alternation(lex.verbal_after[kind])})" for kind in QUALIFIER_KINDS]
    return rf"[ \u00a0]?(?:{'|'.join(groups)})"


def _preceding(lex: Lexicon) -> str:
    groups = [rf"(?P<{kind}>{alternation(lex.preceding[kind])})" for kind in PRECEDING_KINDS]
    return rf"{NO_WORD_BEFORE}(?:{'|'.join(groups)})\s*$"


@cache
def grammar_for(language: str | None) -> NumberGrammar:
    """The compiled grammar for a language code (None: union of all tables)."""
    lex = lexicon_for(language)
    number = _number(lex)
    qualifier = "|".join(
        rf"(?P<{kind}>{alternation(lex.qualifiers[kind])})" for kind in QUALIFIER_KINDS
    )
    # An elided qualifier ("plus d'un million") needs no space after its apostrophe or hyphen
    # ("כ-12"), nor one in an unspaced script ("約10万人", "超过3000名", "قرابة الـ60").
    start = (rf"(?:{NO_WORD_BEFORE}|(?<=[{_PREFIXES}])(?=\d))(?<!\d[{_DASHES}/.,])"
             rf"(?:(?:{qualifier})(?:\s+|(?<=['\u2019{_DASHES}\u05be])|(?<=[{UNSPACED}])))?")
    body = rf"(?P<vague>{_vague(lex)})|(?P<num>{number})"
    number_forms = set().union(*(set(lex.words[role]) for role in ROLES if role != "vague"))
    vague_forms = (set(lex.words["vague"]) | set(lex.words["magnitudes"]) | lex.several
                   | set(lex.words["multipliers"]) | set(lex.spans))
    scanner_source = rf"{start}(?:{_ranges(lex, number)}|{body})"
    scripts = _scripts_of([*number_forms, *lex.words["vague"], *(
        phrase for kinds in (lex.qualifiers, lex.qualifiers_after, lex.verbal_after)
        for phrases in kinds.values() for phrase in phrases), *lex.counters])
    folded_source = folded_pattern(_narrowed(scanner_source, scripts), keep_groups=True)
    return NumberGrammar(
        lexicon=lex,
        scanner=_compiled(scanner_source, scripts),
        folded_scanner=re.compile(folded_source) if folded_source else None,
        single=_compiled(rf"{start}(?:{body})", scripts),
        tokenizer=_compiled(
            rf"(?P<digits>{DIGITS})|{alternation(number_forms | lex.joiners | lex.inner_joiners)}",
            scripts,
        ),
        vague_tokenizer=re.compile(alternation(vague_forms | lex.vague_connectors), re.IGNORECASE),
        unit_after=_compiled(_units(lex), scripts),
        suffix_after=re.compile(
            rf"(?P<space>\s?)(?P<suffix>{alternation(set(lex.suffixes))})(?!\w)", re.IGNORECASE),
        qualifier_after=_compiled(_qualifiers_after(lex), scripts),
        counter_after=_compiled(rf"[ \u00a0]?(?:{alternation(lex.counters)}){NO_WORD_AFTER}",
                                scripts),
        verbal_after=_compiled(_verbal_after(lex), scripts),
        currency_before=re.compile(rf"(?:{alternation(lex.currency_before)})\s?$"),
        change_before=_compiled(
            rf"{NO_WORD_BEFORE}(?:{alternation(lex.change_words)}){NO_WORD_AFTER}\s*$", scripts
        ),
        preceded_by=_compiled(_preceding(lex), scripts),
    )

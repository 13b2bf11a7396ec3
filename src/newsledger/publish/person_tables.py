"""Person-name knowledge as data: ``publish/lang/persons/*.toml`` merged into one table.

``common.toml`` is merged into every language. Given names, stop words, titles, organisation
words and pseudonym phrases of every language apply to every text (articles quote names and
institutions across languages); case endings, credits, honorifics, speech verbs and role labels
are the article's own language's (English's where it has none). Months and weekdays come from
the date tables (``base/lang/dates_*.toml``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsledger.base.transliteration import latin_key

TABLES = Path(__file__).with_name("lang") / "persons"
DATE_TABLES = Path(__file__).parents[1] / "base" / "lang"
FALLBACK_LANGUAGE = "en"
SCRIPT_TABLES = ("uncased", "sounds")  # tables of scripts, not languages (their own readers)
_POSSESSIVE = re.compile(r"['’]s?$")
_PLAIN_WORD = re.compile(r"[^\W\d_]{3,}")
MIN_SKELETON, SKELETON_ENDING = 4, 4  # a folded public name's shortest key; its case ending
Letters = tuple[tuple[str, str], ...]


@cache
def _skeleton_table() -> tuple[Letters, Letters]:
    """The letter pairs replaced before transliteration and the folds after it."""
    table = load_table("common").get("skeleton", {})
    return (tuple(map(tuple, table.get("before", []))), tuple(map(tuple, table.get("folds", []))))


@cache
def skeleton(word: str, letters: Letters = ()) -> str:
    """``word`` folded to a Latin skeleton in which transliterations of one name meet (the
    ``[skeleton]`` table of ``lang/persons/common.toml``); ``letters`` are the pairs of a
    language's own spelling replaced first (Lithuanian "c" and "č" are Russian "ц", "ч")."""
    before, folds = _skeleton_table()
    key = word.lower()
    for old, new in letters + before:
        key = key.replace(old, new)
    key = latin_key(key)
    for old, new in folds:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]", "", key))


@dataclass(frozen=True)
class PersonTable:
    """One language's person knowledge (see the TOML files for what each list means)."""

    given: frozenset[str]
    public: frozenset[str]
    public_prefixes: tuple[str, ...]
    public_skeletons: frozenset[str]
    public_full: tuple[tuple[str, ...], ...]
    letters: Letters
    endings: tuple[str, ...]
    surname_endings: tuple[str, ...]
    lone_surname_endings: tuple[str, ...]
    patronymics: tuple[str, ...]
    titles: tuple[str, ...]
    title_parts: tuple[str, ...]
    org_titles: tuple[str, ...]
    org_words: frozenset[str]
    org_prefixes: tuple[str, ...]
    org_referents: frozenset[str]
    connectors: frozenset[str]
    byline_joiners: frozenset[str]
    byline_places: frozenset[str]
    byline_outlets: frozenset[str]
    age_words: tuple[str, ...]
    not_names: frozenset[str]
    credits: frozenset[str]
    honorifics: frozenset[str]
    speech: tuple[str, ...]
    name_cues: tuple[str, ...]
    pseudonym: tuple[str, ...]
    designations: tuple[str, ...]
    roles: dict[str, str]
    fallback: str
    capitalised_nouns: bool
    titles_follow: bool
    copulas: tuple[str, ...]
    verb_endings: tuple[str, ...]

    def phrases(self, key: str, whole: str = "") -> re.Pattern:
        """One compiled pattern for a phrase list (``titles``, ``speech``...): word-initial
        prefixes, or, with ``whole`` (a regex tail such as ``\\w{0,3}$``), whole words."""
        return _compiled(tuple(getattr(self, key)), whole)

    def stem(self, word: str) -> str:
        """The form compared between mentions: lower case, no possessive, no case ending."""
        word = _POSSESSIVE.sub("", word.rstrip(".")).lower()
        for ending in self.endings:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                return word[: -len(ending)]
        return word

    def is_public_name(self, stem: str) -> bool:
        """A known public figure's surname: the exact stem, a listed prefix, or the same
        skeleton in any script and spelling ("Πούτιν", "Putinui", "Belouszovval")
        followed by at most ``SKELETON_ENDING`` letters of a case ending; never a given name."""
        if stem in self.public or stem.startswith(self.public_prefixes):
            return True
        if stem in self.given or len(stem) < MIN_SKELETON:
            return False
        key = skeleton(stem, self.letters)
        return any(key[:cut] in self.public_skeletons
                   for cut in range(len(key), max(MIN_SKELETON, len(key) - SKELETON_ENDING) - 1,
                                    -1))

    def is_public_full(self, stems) -> bool:
        """A known public figure's full name (``public_names``): every word of one entry meets
        a stem of ``stems`` on its skeleton, case endings aside ("Сергея Абашина")."""
        keys = [skeleton(stem, self.letters) for stem in stems]
        return any(all(any(_meets(key, word) for key in keys) for word in entry)
                   for entry in self.public_full)

    def age_before(self, window: str) -> bool:
        """An age ("32-jarige", "33χρονος", "31 лет") at most two words before the end of
        ``window``."""
        return bool(_age_pattern(self.age_words).search(window.lower()))

    def is_title(self, word: str) -> bool:
        """A public role's word, alone or inside a compound ("sisäministeri", "Vize-Präsident")."""
        lower = word.lower()
        return bool(self.phrases("titles").search(lower) or self.title_part(lower))

    def title_part(self, lower: str) -> bool:
        return bool(_parts_pattern(self.title_parts).search(lower))

    def is_org_word(self, word: str) -> bool:
        """A word that makes a capitalised run an institution, outlet or place name."""
        lower = _POSSESSIVE.sub("", word.rstrip(".")).lower()
        return lower in self.org_words or self.stem(word) in self.org_words \
            or lower.startswith(self.org_prefixes)


def _meets(key: str, entry: str) -> bool:
    """A stem's skeleton is an entry word's, give or take a case ending."""
    short, long = sorted((key, entry), key=len)
    return len(short) >= MIN_SKELETON - 1 and long.startswith(short) \
        and len(long) - len(short) <= SKELETON_ENDING


@cache
def _parts_pattern(parts: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(parts) or "(?!)")


@cache
def _age_pattern(words: tuple[str, ...]) -> re.Pattern:
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(r"\d{1,3}\s?-?\s?(?:" + body + r")\w*[,\s]+(?:[^\W\d_][\w'’-]*\s+){0,2}$")


@cache
def _compiled(phrases: tuple[str, ...], whole: str) -> re.Pattern:
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) or "(?!)"
    return re.compile((r"^(?:" if whole else r"(?<!\w)(?:") + body + ")" + whole)


@cache
def load_table(name: str) -> dict:
    """One table of ``lang/persons`` as read (empty when there is none)."""
    path = TABLES / f"{name}.toml"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def _calendar_words() -> frozenset[str]:
    """Month and weekday names of every date table (forms that are also names left out)."""
    words: set[str] = set()
    for path in sorted(DATE_TABLES.glob("dates_*.toml")):
        with path.open("rb") as handle:
            table = tomllib.load(handle)
        ambiguous = set(table.get("ambiguous_months", []))
        for forms in [*table.get("months", []), *table.get("weekdays", [])]:
            words.update(f for f in forms if f not in ambiguous and _PLAIN_WORD.fullmatch(f))
    return frozenset(words)


def _split_prefixes(entries) -> tuple[frozenset[str], tuple[str, ...]]:
    """Entries ending in ``*`` are prefixes, the others exact words."""
    exact = frozenset(e.lower() for e in entries if not e.endswith("*"))
    prefixes = tuple(e[:-1].lower() for e in entries if e.endswith("*"))
    return exact, prefixes


@cache
def person_table(language: str | None) -> PersonTable:
    """The table for ``language`` (English's own lists when the language has none)."""
    common = load_table("common")
    own = {**load_table(FALLBACK_LANGUAGE), **load_table(language or FALLBACK_LANGUAGE)}
    shared = [common] + [load_table(path.stem) for path in sorted(TABLES.glob("*.toml"))
                         if path.stem not in ("common", *SCRIPT_TABLES)]

    def every(key: str) -> list[str]:
        return [entry for table in shared for entry in table.get(key, [])]

    def longest_first(entries) -> tuple[str, ...]:
        return tuple(sorted(set(entries), key=len, reverse=True))

    public, public_prefixes = _split_prefixes(common["public"])
    org_words, org_prefixes = _split_prefixes(every("org_words"))
    table = PersonTable(
        given=frozenset(), public=public, public_prefixes=public_prefixes,
        public_skeletons=frozenset(k for k in map(skeleton, common["public"])
                                   if len(k) >= MIN_SKELETON),
        public_full=tuple(tuple(skeleton(w) for w in name.split())
                          for name in common.get("public_names", [])),
        letters=tuple(map(tuple, own.get("skeleton", {}).get("before", []))),
        endings=longest_first(own.get("endings", [])),
        surname_endings=longest_first(common["surname_endings"]),
        lone_surname_endings=longest_first(common["lone_surname_endings"]),
        patronymics=longest_first(common["patronymics"]),
        titles=tuple(every("titles")), title_parts=tuple(every("title_parts")),
        org_titles=tuple(every("org_titles")),
        org_words=org_words, org_prefixes=org_prefixes,
        org_referents=frozenset(every("org_referents")),
        connectors=frozenset(every("connectors")),
        byline_joiners=frozenset(common.get("byline_joiners", [])),
        byline_places=frozenset(common.get("byline_places", [])),
        byline_outlets=frozenset(common.get("byline_outlets", [])),
        age_words=tuple(common.get("age_words", [])),
        not_names=frozenset(w.lower() for w in every("not_names")) | _calendar_words(),
        credits=frozenset(own.get("credits", [])) | {"©", "/"},
        honorifics=frozenset(own.get("honorifics", []) + common["honorifics"]),
        speech=tuple(own.get("speech", [])),
        name_cues=tuple(own.get("name_cues", []) + common.get("name_cues", [])),
        pseudonym=tuple(every("pseudonym")), designations=tuple(every("designations")),
        roles=dict(own.get("roles", {})),
        fallback=own.get("fallback", common["fallback"]),
        capitalised_nouns=own.get("capitalised_nouns", False),
        titles_follow=own.get("titles_follow", False), copulas=tuple(own.get("copulas", [])),
        verb_endings=tuple(own.get("verb_endings", [])),
    )
    given = frozenset(table.stem(name) for name in every("given"))
    return PersonTable(**{**table.__dict__, "given": given})

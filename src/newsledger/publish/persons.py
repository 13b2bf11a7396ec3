"""Persons named in one article, each public or private, found without knowing the name.

``PersonIndex(text, language)`` reads capitalised runs of words (any cased script) and drops
what cannot be a person's name: titles before a name, sentence openers and other words the text
also writes in lower case, stop words, months, weekdays, nationalities, gazetteer places (unless
the word is a given name) and whole runs holding an organisation word ("Ministry", "News",
«МВД»...). What is left is a person when a word is a known given name or a known person's form,
the run is titled, the last word has a surname ending (-ov, -enko, -shvili...) or a patronymic,
a cue stands next to it (an honorific, a speech verb, a relative's role, "named", an age, a
credit), or it is two or more name-like words mid-sentence. A single word joins a person found
elsewhere in the text when it shares a stem (surname alone, case forms, possessives).

A person is public when a public role is attached to a mention (a title just before the name,
an apposition after it, a credit line or byline; a leader or founder only of a named
organisation; a state's public register, as a foreign agent, right after it), it is a known
public figure (by surname, or by full name for common surnames) or a known source; private
otherwise, the safe default. A pseudonym phrase ("name changed", «имя изменено») makes the
nearest name private. Names in scripts without capitals come from ``publish.uncased``, and meet
public persons written in other scripts by sound (``publish.sounds``). Knowledge is data:
``publish/person_tables.py`` and ``publish/lang/persons/*.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from newsledger.base.places import find_places
from newsledger.base.sources import known_sources
from newsledger.publish.person_tables import PersonTable, person_table
from newsledger.publish.sounds import sounds_public
from newsledger.publish.uncased import (
    UNCASED,
    find_uncased,
    occurrences,
    titled_after,
    titled_before,
)

WORD = re.compile(r"[^\W\d_][\w]*(?:['’-][^\W\d_]\w*)*\.?")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*\.?|\d+|[©/—–,(«»\"“”„]")
SENTENCE_END = re.compile(r"[.!?…]\s+(?=[\"«“„(]?[^\W\d_])|\n+")
_AGE_AFTER = re.compile(r"^\s*(?:,|\()\s*\d{1,2}\s*(?:[,)]|-|\s[^\W\d_])")
_ENDS_SENTENCE = re.compile(r"(?:[.!?…][\"»”)]?\s+|\n\s*)$")
_DATE_AFTER = re.compile(r"^\.?\s*\d")
_QUOTES = set("«»\"“”„")
MIN_WORD = 2  # shortest word of an uncased name taken as a form of its own
SCAN_WORDS = 10  # how far a title may stand before a name
LOOSE_WORDS = 2  # other lower-case words allowed between a title and the name
TITLE_TAIL = r"\w{0,3}$"  # a capitalised title inside a name run: the title and an ending
MIN_VARIANT, VARIANT_RATIO = 6, 0.75  # a lone word this close to a known name word is its variant
CREDIT_LINE = 90  # a line opening with a credit word, at most this long, credits its names
CREDIT_WORDS = 3  # ... when a colon follows the credit word, or the name comes this soon
DESIGNATED = 60  # how far after a name a public register's designation may stand
PREDICATE_WORDS = 3  # words after a copula, or after a name without a comma, searched for a title


@dataclass
class Person:
    """One person named in an article: the stems of its name words and its verdict."""

    stems: set[str]
    surname: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    public: bool = False
    pseudonym: bool = False
    role: str | None = None
    forms: set[str] = field(default_factory=set)  # names in an uncased script, as printed

    @property
    def private(self) -> bool:
        return self.pseudonym or not self.public


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not (len(word) > 2 and word.rstrip(".").isupper())


def name_spans(text: str) -> Iterator[list[re.Match]]:
    """Runs of capitalised words (at most six, initials allowed) separated by single spaces."""
    run: list[re.Match] = []
    for match in WORD.finditer(text):
        word = match.group()
        joined = run and text[run[-1].end():match.start()] in (" ", "\u00a0") \
            and not run[-1].group().endswith(".") or (run and len(run[-1].group()) == 2
                                                       and run[-1].group().endswith("."))
        if _capitalised(word) and (not run or joined) and len(run) < 6:
            run.append(match)
            continue
        if run:
            yield run
        run = [match] if _capitalised(word) else []
    if run:
        yield run


def end_of(match: re.Match) -> int:
    """Where a name word ends (a sentence's full stop after it is not part of it)."""
    word = match.group()
    return match.end() - 1 if word.endswith(".") and len(word) > 2 else match.end()


class PersonIndex:
    """The persons named in one article text, each public or private (see module doc)."""

    def __init__(self, text: str, language: str | None) -> None:
        self.text = text
        self.table: PersonTable = person_table(language)
        self._roles = self.table.phrases("roles")
        self.persons: list[Person] = []
        self._by_stem: dict[str, Person] = {}
        self._given_alone: dict[str, Person] = {}
        self._lower = {w for w in re.findall(r"(?<!\w)[^\W\d_][\w'’-]*", text) if w.islower()}
        self._places = [(start, end) for start, end, _ in find_places(text, language)]
        pattern = known_sources()[0].pattern
        self._sources = [m.span() for m in pattern.finditer(text)] if pattern else []
        self._known: set[str] = set()
        pending = []
        for run in name_spans(text):
            for words, titled in self._groups(run):
                if self._is_person(words, titled):
                    self._add(words)
                else:
                    pending.append(words)
        for words in pending:  # a surname alone, met before its full name was
            stems = [self.table.stem(m.group()) for m in words]
            if any(s in self._by_stem for s in stems) or (
                    len(stems) == 1 and self._spelling_variant(stems[0])):
                self._add(words)
        for person in self.persons:
            self._judge(person)
        self._add_uncased()
        self._mark_pseudonyms()

    # finding names ------------------------------------------------------------------------
    def _groups(self, run: list[re.Match]) -> Iterator[tuple[list[re.Match], bool]]:
        """The runs of name-like words of a capitalised run, titles before them dropped."""
        table = self.table
        titled = [i for i, m in enumerate(run[:-1]) if self._title_word(m.group())]
        words = run[titled[-1] + 1:] if titled else run
        if any(table.is_org_word(m.group()) for m in words):
            return
        if len(words) == 1 and _DATE_AFTER.match(self.text[words[0].end():]):
            return  # "Jan 5", "May 2023": a month, not a name
        group: list[re.Match] = []
        for match in words:
            if self._name_like(match):
                group.append(match)
                continue
            if group:
                yield group, bool(titled)
            group = []
        if group:
            yield group, bool(titled)

    def _title_word(self, word: str) -> bool:
        lower = word.rstrip(".").lower()
        last = lower.rsplit("-", 1)[-1]  # "Venäjä-tutkija", "Kreml-Sprecher"
        return lower in self.table.honorifics or bool(
            self.table.phrases("titles", TITLE_TAIL).match(last)) or self.table.title_part(lower)

    def _name_like(self, match: re.Match) -> bool:
        table, word = self.table, match.group()
        stem = table.stem(word)
        place = next(((s, e) for s, e in self._places if s <= match.start() < e), None)
        if place is not None:  # a place, unless it is this given name alone ("Vladimir")
            return place == match.span() and stem in table.given
        if self._known_stem(stem):
            return True
        lower = word.rstrip(".").lower()
        bare = re.sub(r"['’]\w?$", "", lower)
        if lower in table.not_names or bare in table.not_names or bare in self._lower:
            return False
        if len(lower) == 1 and not word.endswith("."):
            return False
        start = match.start()
        if any(s <= start < e for s, e in self._sources):
            self._known.add(stem)
        return True

    def _known_stem(self, stem: str) -> bool:
        table = self.table
        return stem in table.given or stem in self._by_stem or table.is_public_name(stem)

    def _sentence_initial(self, start: int) -> bool:
        before = self.text[max(0, start - 4):start].rstrip(" \"«“„(—–-\u00a0")
        return not before or before[-1] in ".!?…\n:"

    def _is_person(self, words: list[re.Match], titled: bool) -> bool:
        table = self.table
        stems = [table.stem(m.group()) for m in words]
        following = re.match(r"\s+([^\W\d_][\w'’-]*)", self.text[end_of(words[-1]):])
        if len(words) == 1 and following and table.is_org_word(following.group(1)) \
                and not self._known_stem(stems[0]):
            return False  # "Громадської палати": the adjective of an institution's name
        if titled or any(self._known_stem(s) for s in stems):
            return True
        lowers = [m.group().rstrip(".").lower() for m in words]
        if len(words) > 1 and (lowers[-1].endswith(table.surname_endings)
                               or any(w.endswith(table.patronymics) for w in lowers)):
            return True
        lone = len(words) == 1
        if lone and lowers[0].endswith(table.lone_surname_endings) and len(lowers[0]) > 5:
            return True
        if lone and self._sentence_initial(words[0].start()):
            after = self.text[end_of(words[0]):end_of(words[0]) + 120]
            sentence = SENTENCE_END.split(after, maxsplit=1)[0].lower()
            return bool(_AGE_AFTER.match(after) or table.phrases("speech").match(
                after.lstrip(" ,").lower()) or table.phrases("pseudonym").search(sentence))
        if self._cued(words[0].start(), end_of(words[-1])):
            return True
        if lone:
            return False
        return not table.capitalised_nouns and not (
            self._sentence_initial(words[0].start()) and len(words) == 2)

    def _cued(self, start: int, end: int) -> bool:
        """An honorific, credit, speech verb, relative, 'named' or an age next to the name."""
        table = self.table
        before = [t.lower() for t in self._tokens_before(start, 4)]
        after = self.text[end:end + 60]
        after_words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", after)[:2]]
        if before and (before[-1] in table.honorifics | table.credits
                       or self._roles.match(before[-1])):
            return True
        if table.age_before(self.text[max(0, start - 60):start]):
            return True
        speech = table.phrases("speech")
        return bool(speech.search(" ".join(before[-3:])) or after_words and speech.match(
            after_words[0]) or _AGE_AFTER.match(after) or self._role_apposition(after)
            or table.phrases("name_cues").search(" ".join(before)))

    def _role_apposition(self, after: str) -> bool:
        if not re.match(r"\s*[,(—–]", after):
            return False
        words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", after.split(")")[0])[:5]]
        org_titles = self.table.phrases("org_titles")
        return any(self._roles.match(w) or org_titles.match(w) or self.table.is_title(w)
                   for w in words)

    def _add(self, words: list[re.Match]) -> None:
        stems = [self.table.stem(m.group()) for m in words]
        patronymic = all(m.group().lower().endswith(self.table.patronymics) for m in words[1:])
        joined = stems if patronymic else stems[1:]  # "Ilarion Kudryashov" is not
        person = next((self._by_stem[s] for s in reversed(joined)  # "Ilarion Vetrov"
                       if s in self._by_stem), None)
        if person is not None and len(stems) == 1 and stems[0] in self.table.given \
                and person.surname != stems[0]:
            person = self._given_alone.get(stems[0])  # "Sergei" is not "Sergei Shoigu"
            if person is None:
                person = self._given_alone[stems[0]] = Person(set(), stems[0])
                self.persons.append(person)
            person.mentions.append((words[0].start(), end_of(words[-1])))
            person.stems.add(stems[0])
            return
        if person is not None and len(stems) > 1 and stems[0] in self.table.given \
                and stems[0] not in person.stems and person.stems & self.table.given:
            person = None  # "Ksenia Shoigu" is not "Sergei Shoigu"
        if person is None and len(stems) == 1:
            person = self._spelling_variant(stems[0])
        elif person is None:  # "Sauli Niinistön": the surname alone inflected
            variant = self._spelling_variant(stems[-1])
            person = variant if variant is not None and stems[0] in variant.stems else None
        if person is None:
            person = Person(set(), stems[-1])
            self.persons.append(person)
        person.mentions.append((words[0].start(), end_of(words[-1])))
        for stem in stems:
            person.stems.add(stem)
            self._by_stem.setdefault(stem, person)

    def _spelling_variant(self, stem: str) -> Person | None:
        """The person whose name word this one misspells ("Murkovsky" for "Murkowski")."""
        if len(stem) < MIN_VARIANT:
            return None
        for known, person in self._by_stem.items():
            if known[:3] == stem[:3] and len(known) >= MIN_VARIANT \
                    and SequenceMatcher(None, known, stem).ratio() >= VARIANT_RATIO:
                return person
        return None

    def _add_uncased(self) -> None:
        """Names in scripts without capitals (``publish.uncased``), each with every occurrence
        of its form; public only with a public title in its role, just before it or right after
        an occurrence, or a known public name or a public person's of the text by its sound
        (``publish.sounds``)."""
        by_form: dict[str, Person] = {}
        here = [p.stems for p in self.persons if not p.private]
        for hit in find_uncased(self.text):
            person = by_form.get(hit.name)
            if person is None:
                stem = hit.name.lower()
                words = [w for w in re.split(r"[\s・·=]+", hit.name) if len(w) >= MIN_WORD]
                forms = {hit.name, *(words if len(words) > 1 else [])}
                person = by_form[hit.name] = Person({stem}, stem, forms=forms)
                person.mentions = sorted({span for form in forms
                                          for span in occurrences(self.text, form)})
                person.public = any(self.table.is_public_name(w.lower()) for w in {stem, *words}) \
                    or sounds_public(words or [hit.name], here) \
                    or any(titled_after(self.text, end) for _, end in person.mentions)
                person.role = self._nearest_role(hit.start, hit.end) or self.table.fallback
                self.persons.append(person)
            person.public = person.public or hit.titled

    # public or private ----------------------------------------------------------------------
    def _judge(self, person: Person) -> None:
        """Public by a known name or a role attached to a mention; a person named only by a
        given name is public only with a title or credit right before it (when unsure,
        redact: no public figure is cited by first name alone)."""
        table = self.table
        if any(table.is_public_name(s) or s in self._known and s not in table.given
               for s in person.stems) or table.is_public_full(person.stems):
            person.public = True
        for start, end in person.mentions:
            given_only = " " not in self.text[start:end] and table.stem(
                self.text[start:end]) in table.given
            if self._titled_before(person, start) or (not given_only and (
                    self._apposition_public(end) or self._byline(start, end)
                    or self._credited(start, end) or self._designated(end)
                    or self._bracketed(start))):
                person.public = True
            person.role = person.role or self._nearest_role(start, end)
        person.role = person.role or table.fallback

    def _tokens_before(self, start: int, count: int) -> list[str]:
        window = self.text[max(0, start - 120):start]
        if _ENDS_SENTENCE.search(window):
            return ["."]  # the name opens its sentence
        parts = SENTENCE_END.split(window)
        opened = len(parts) > 1 or start <= 120  # the window holds its sentence's start
        tokens = [t.rstrip(".") if len(t) > 2 else t for t in _TOKEN.findall(parts[-1])]
        return ((["."] if opened else []) + tokens)[-count:]

    def _titled_before(self, person: Person, start: int) -> bool:
        """A credit right before the name, or a title before it with only connecting words,
        names of places and institutions, and at most two other words between."""
        table = self.table
        tokens = self._tokens_before(start, SCAN_WORDS)
        if tokens and tokens[-1].lower() in table.credits:
            return True
        loose = 0
        for i in range(len(tokens) - 1, -1, -1):
            token = tokens[i]
            lower = token.lower()
            if token[0].isupper():
                other = self._by_stem.get(table.stem(token))
                if other is not None and other is not person:
                    return False
                if not (self._title_word(token) or table.phrases("org_titles").match(lower)):
                    continue
            if table.is_title(lower):
                return True
            if table.phrases("org_titles").search(lower):
                return self._org_named(tokens[:i], tokens[i + 1:])
            if table.phrases("speech").match(lower) or lower.endswith(table.verb_endings):
                return False  # "officers detained X": the title is another's
            if token.isalpha() and token.islower() and lower not in table.connectors:
                loose += 1
                if loose > LOOSE_WORDS:
                    return False
        return False

    def _org_named(self, before: list[str], between: list[str]) -> bool:
        """An organisation is named next to a leader's title: a capitalised word or a quote
        before the title or between it and the name, or 'its' (first in its sentence too)."""
        lead = before[-1:] if before[-2:-1] != ["."] else []  # not a sentence's first word
        return any(t.lower() in self.table.org_referents for t in before[-1:] + between) \
            or any(t[0].isupper() or t in _QUOTES for t in lead + between if t not in ",—–(")

    def _apposition_public(self, end: int) -> bool:
        """A public role in an apposition after the name ("X, a spokesman for...", and in
        languages that put the role after the name without a comma, "X helsinki nagykövet")
        or after a copula ("X was the only senator")."""
        after = self.text[end:end + 90]
        copula = self.table.phrases("copulas", r"\b").match(after.lstrip().lower())
        if copula:  # the title first in the predicate: not "was detained by officers"
            for token in _TOKEN.findall(after.lstrip()[copula.end():])[:PREDICATE_WORDS]:
                if re.search(r"['’]s?$", token):
                    return False  # "is the governor's wife"
                if self.table.is_title(token.lower()):
                    return True
                if token.lower() in self.table.connectors or not token.isalpha():
                    return False
            return False
        if re.match(r"\s*[,(—–]", after):
            tokens = _TOKEN.findall(after.split(")")[0])[1:9]
        elif self.table.titles_follow and re.match(r"\s+[^\W\d_]", after):
            tokens = _TOKEN.findall(after)[:PREDICATE_WORDS]
        else:
            return False
        for i, token in enumerate(tokens):
            lower = token.lower()
            if self.table.phrases("speech").match(lower) or token in ".,":
                return False
            if self.table.is_title(lower):
                return True
            if self.table.phrases("org_titles").search(lower):
                return self._org_named(tokens[i - 1:i] if i else [], tokens[i + 1:i + 4])
        return False

    def _bracketed(self, start: int) -> bool:
        """A Latin name in brackets after its rendering in a script without capitals, with a
        public title there ("負責人皮特卡尼蒂(Matti Pitkaniitty)")."""
        return bool(UNCASED.search(self.text[max(0, start - 4):start])) \
            and titled_before(self.text, start)

    def _designated(self, end: int) -> bool:
        """A state's public register names the person, soon after the name in its sentence
        ("X was declared a foreign agent", «X признана иноагентом»)."""
        after = SENTENCE_END.split(self.text[end:end + DESIGNATED], maxsplit=1)[0].lower()
        return bool(self.table.phrases("designations").search(after))

    def _credited(self, start: int, end: int) -> bool:
        """A credit line ("Photo: X", "© Agency X", "Adaptation from the Russian: X") or an
        agency after a slash ("X/DW", "(X/AP)")."""
        raw = self.text[self.text.rfind("\n", 0, start) + 1:start]
        line = raw.lower()
        opener = re.match(r"\W*([^\W\d_]+)", line)
        short = len(line.split()) <= CREDIT_WORDS and self._credit_rest(end)
        if len(line) < CREDIT_LINE and (line.lstrip().startswith("©") or opener and (
                opener.group(1) in self.table.credits) and (":" in line or short)):
            return True
        return bool(re.match(r"\s?/\s*[^\W\d_]{2}", self.text[end:end + 5])) \
            or self._credit_clause(raw) and self._credit_rest(end)

    def _credit_rest(self, end: int) -> bool:
        """The credit's clause goes on after the name with no words of a sentence ("By Monday
        X had fled" is no byline)."""
        rest = re.split(r"[\n;)]", self.text[end:end + CREDIT_LINE], maxsplit=1)[0]
        table = self.table
        return not [w for w in re.findall(r"[^\W\d_]+", rest) if w[0].islower() and len(w) > 2
                    and w not in table.byline_joiners | table.byline_places | table.byline_outlets]

    def _credit_clause(self, line: str) -> bool:
        """A name in a credit clause of other names ("(Reporting by X in Tbilisi and Y;
        Editing by Z)"): the clause opens with a credit and holds only names, places after
        "in" and joiners before the name."""
        clause = re.split(r"[(;]", line)[-1].lstrip()
        credit = self.table.phrases("credits", r"\b").match(clause.lower())
        if not credit or len(clause) > CREDIT_LINE:
            return False
        words = re.findall(r"[^\W\d_][\w'’-]*", clause[credit.end():])
        return all(w.lower() in self.table.byline_joiners | self.table.byline_places
                   for w in words if w.islower())

    def _byline(self, start: int, end: int) -> bool:
        """A name on a short line that holds nothing else but other names joined by "and" or
        commas, an outlet after a slash, or a date or time (a byline)."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        line_end = line_end if line_end >= 0 else len(self.text)
        rest = self.text[end:line_end]
        lowercase = [w for w in re.findall(r"[^\W\d_]+", rest) if w[0].islower() and len(w) > 2
                     and w not in self.table.byline_outlets]  # "X for DW"
        if not self.text[line_start:start].strip(" \t•·*–—-") and not lowercase:
            return True
        line = self.text[line_start:line_end].split("/")[0]
        words = re.findall(r"[^\W\d_][\w'’-]*", line)
        return len(line) <= CREDIT_LINE and len(words) >= 3 and all(
            w[0].isupper() or w.lower() in self.table.byline_joiners for w in words) and (any(
                w.lower() in self.table.byline_joiners for w in words) or "," in line)

    def _nearest_role(self, start: int, end: int) -> str | None:
        """The role noun closest to a mention (within its neighbourhood), as its label."""
        offset = max(0, start - 60)
        window = self.text[offset:end + 80].lower()
        found = [(min(abs(m.start() + offset - end), abs(m.start() + offset - start)),
                  self.table.roles[m.group()]) for m in self._roles.finditer(window)]
        return min(found)[1] if found else None

    def _mark_pseudonyms(self) -> None:
        """Each pseudonym phrase makes the nearest name before it (in its sentence or the one
        before) or after it (in its sentence) a pseudonym; known public figures excepted."""
        lower = self.text.lower()
        mentions = [(start, end, p) for p in self.persons for start, end in p.mentions]
        if not mentions:
            return
        for hit in self.table.phrases("pseudonym").finditer(lower):
            near = [(self._distance(hit.start(), start, end), p) for start, end, p in mentions]
            near = [(d, p) for d, p in near if d is not None]
            if near:
                person = min(near, key=lambda pair: pair[0])[1]
                person.pseudonym = not (any(self.table.is_public_name(s) for s in person.stems)
                                        or self.table.is_public_full(person.stems))

    def _distance(self, phrase: int, start: int, end: int) -> int | None:
        if end <= phrase:
            between = self.text[end:phrase]
            return len(between) if len(SENTENCE_END.findall(between)) <= 1 else None
        between = self.text[phrase:start]
        return len(between) if not SENTENCE_END.search(between) else None

    @property
    def private(self) -> list[Person]:
        return [p for p in self.persons if p.private]

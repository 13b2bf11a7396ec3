"""Private persons out of public exports: a name detector per article and a redactor.

``PersonIndex(text, language)`` reads one article: capitalised name spans that hold a known
given name, follow an honorific, or sit before an age are persons; a person is public when a
public role stands next to any of its mentions (a title before the name, an apposition after it,
a photo credit or byline) or it is a known public figure, private otherwise (the safe default),
and always private when the text says the name is changed or withheld. ``redact(text)``
replaces every form of a private person's name (surname alone, case forms, possessives) by a
role found near its mentions ("[a mother]"). Language knowledge lives in
``publish/lang/persons/*.toml``; ``common.toml`` is merged into every language.
"""

from __future__ import annotations

import re
import tomllib
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

TABLES = Path(__file__).with_name("lang") / "persons"
REDACTED_FIELDS = ("quote", "who", "attributed_to", "actors", "figure", "a", "b", "title", "text")
_WORD = re.compile(r"[^\W\d_][\w]*(?:['’-][^\W\d_]\w*)*\.?")
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_END = re.compile(r"[.!?…]\s+(?=[\"«“„(]?[^\W\d_])|\n+")
_AGE_AFTER = re.compile(r"^,\s*\d{1,2},")
_DATE_AFTER = re.compile(r"^\.?\s*\d")


@dataclass(frozen=True)
class PersonTable:
    """One language's person knowledge, merged with the common table."""

    given: frozenset[str]
    public: tuple[str, ...]
    endings: tuple[str, ...]
    titles: tuple[str, ...]
    credits: frozenset[str]
    honorifics: frozenset[str]
    pseudonym: tuple[str, ...]
    roles: dict[str, str]
    fallback: str

    def stem(self, word: str) -> str:
        """The form compared between mentions: lower case, no possessive, no case ending."""
        word = _POSSESSIVE.sub("", word.rstrip(".")).lower()
        for ending in self.endings:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                return word[: -len(ending)]
        return word


def _load(name: str) -> dict:
    path = TABLES / f"{name}.toml"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def person_table(language: str | None) -> PersonTable:
    """The table for ``language`` (English rules when the language has none); titles and
    pseudonym phrases of every language apply to every text."""
    common = _load("common")
    own = _load(language or "en") or _load("en")
    shared = [_load(path.stem) for path in sorted(TABLES.glob("*.toml"))]

    def every(key: str) -> tuple[str, ...]:
        return tuple(entry for table in shared for entry in table.get(key, []))

    table = PersonTable(
        given=frozenset(), public=tuple(common["public"]),
        endings=tuple(sorted(own.get("endings", []), key=len, reverse=True)),
        titles=every("titles"), credits=frozenset(own.get("credits", [])),
        honorifics=frozenset(own.get("honorifics", [])), pseudonym=every("pseudonym"),
        roles=dict(own.get("roles", {})), fallback=own.get("fallback", common["fallback"]),
    )
    given = frozenset(table.stem(name) for name in common["given"])
    return PersonTable(**{**table.__dict__, "given": given})


@dataclass
class Person:
    """One person named in an article: the stems of its name words and its verdict."""

    stems: set[str]
    surname: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    public: bool = False
    pseudonym: bool = False
    role: str | None = None

    @property
    def private(self) -> bool:
        return self.pseudonym or not self.public


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not (len(word) > 2 and word.rstrip(".").isupper())


def name_spans(text: str) -> Iterator[tuple[int, int, list[re.Match]]]:
    """Runs of capitalised words (at most six, initials allowed) separated by single spaces."""
    run: list[re.Match] = []
    for match in _WORD.finditer(text):
        word = match.group()
        joined = run and text[run[-1].end():match.start()] in (" ", "\u00a0") \
            and not run[-1].group().endswith(".") or (run and len(run[-1].group()) == 2
                                                       and run[-1].group().endswith("."))
        if _capitalised(word) and (not run or joined) and len(run) < 6:
            run.append(match)
            continue
        if run:
            yield run[0].start(), _end(run[-1]), run
        run = [match] if _capitalised(word) else []
    if run:
        yield run[0].start(), _end(run[-1]), run


def _end(match: re.Match) -> int:
    word = match.group()
    return match.end() - 1 if word.endswith(".") and len(word) > 2 else match.end()


def _words_before(text: str, start: int, count: int) -> list[str]:
    window = text[max(0, start - 80):start]
    window = _SENTENCE_END.split(window)[-1]
    return [w.rstrip(".") for w in re.findall(r"[\w'’-]+\.?|[©/]", window)][-count:]


def _phrase_near(phrases, window: str) -> str | None:
    for phrase in phrases:
        if re.search(r"(?<!\w)" + re.escape(phrase), window):
            return phrase
    return None


class PersonIndex:
    """The persons named in one article text, each public or private (see module doc)."""

    def __init__(self, text: str, language: str | None) -> None:
        self.text = text
        self.table = person_table(language)
        self.persons: list[Person] = []
        self._by_stem: dict[str, Person] = {}
        lower_words = set(re.findall(r"\b[^\W\d_]\w*", text))
        for start, end, run in name_spans(text):
            words = self._name_words(run, lower_words)
            if words:
                self._add(words, start, end)
        for person in self.persons:
            self._judge(person)

    def _name_words(self, run: list[re.Match], lower_words: set[str]) -> list[re.Match]:
        """The words of a span that name a person (titles and sentence openers dropped)."""
        table = self.table
        titled = [i for i, m in enumerate(run) if m.group().rstrip(".").lower() in table.honorifics
                  or _phrase_near(table.titles, m.group().lower())]
        words = run[titled[-1] + 1:] if titled else run
        while words and words[0].group().lower() in lower_words:
            words = words[1:]
        stems = [table.stem(m.group()) for m in words]
        if len(words) == 1 and _DATE_AFTER.match(self.text[run[-1].end():]):
            return []  # "Jan 5", "May 2023": a month, not a name
        if any(s in table.given for s in stems) or any(s in self._by_stem for s in stems):
            return words
        if any(s.startswith(table.public) for s in stems):
            return words
        before = [w.lower() for w in _words_before(self.text, run[0].start(), 1)]
        after = self.text[run[-1].end():run[-1].end() + 8]
        cued = (before and before[0] in table.honorifics) or _AGE_AFTER.match(after)
        return words if cued and words else []

    def _add(self, words: list[re.Match], start: int, end: int) -> None:
        stems = [self.table.stem(m.group()) for m in words]
        person = next((self._by_stem[s] for s in reversed(stems) if s in self._by_stem), None)
        if person is None:
            person = Person(set(), stems[-1])
            self.persons.append(person)
        person.mentions.append((words[0].start(), _end(words[-1])))
        for stem in stems:
            person.stems.add(stem)
            self._by_stem.setdefault(stem, person)

    def _judge(self, person: Person) -> None:
        table = self.table
        if any(stem.startswith(table.public) for stem in person.stems):
            person.public = True
        for start, end in person.mentions:
            before = self._own_words_before(person, start)
            if before and before[-1] in table.credits | {"/", "©"}:
                person.public = True
            if (_phrase_near(table.titles, " ".join(before)) or self._apposition_public(end)
                    or self._byline(start, end)):
                person.public = True
            sentence = self._sentence_after(end)
            if _phrase_near(table.pseudonym, sentence.lower()):
                person.pseudonym = True
            person.role = person.role or self._nearest_role(start, end)
        person.role = person.role or table.fallback

    def _nearest_role(self, start: int, end: int) -> str | None:
        """The role noun closest to a mention (within its neighbourhood), as its label."""
        offset = max(0, start - 60)
        window = self.text[offset:end + 80].lower()
        found = [(min(abs(m.start() + offset - end), abs(m.start() + offset - start)), label)
                 for noun, label in self.table.roles.items()
                 for m in re.finditer(r"(?<!\w)" + re.escape(noun), window)]
        return min(found)[1] if found else None

    def _own_words_before(self, person: Person, start: int) -> list[str]:
        """Up to six words before a mention, lower case, stopping at another person's name
        (a title before that name is not this person's)."""
        words = []
        for word in reversed(_words_before(self.text, start, 6)):
            other = self._by_stem.get(self.table.stem(word)) if word[:1].isupper() else None
            if other is not None and other is not person:
                break
            words.insert(0, word.lower())
        return words

    def _apposition_public(self, end: int) -> bool:
        after = self.text[end:end + 70]
        if not re.match(r"\s*[,(—–-]", after):
            return False
        words = re.findall(r"[\w'’-]+", after.split(")")[0])[:6]
        return _phrase_near(self.table.titles, " ".join(words).lower()) is not None

    def _byline(self, start: int, end: int) -> bool:
        """A name opening a line that holds nothing else but a date or time (a byline)."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        rest = self.text[end:line_end if line_end >= 0 else len(self.text)]
        lowercase = [w for w in re.findall(r"[^\W\d_]+", rest) if w[0].islower() and len(w) > 2]
        return not self.text[line_start:start].strip() and not lowercase

    def _sentence_after(self, end: int) -> str:
        """The rest of the name's sentence and the next one."""
        rest = self.text[end:end + 400]
        parts = _SENTENCE_END.split(rest, maxsplit=2)
        return " ".join(parts[:2])

    @property
    def private(self) -> list[Person]:
        return [p for p in self.persons if p.private]

    def redact(self, text: str) -> str:
        """``text`` (the article or a span of it) with private persons' names replaced."""
        private = {stem: p for p in self.private for stem in p.stems}
        if not private:
            return text
        public = {p.surname for p in self.persons if not p.private}
        pieces, last = [], 0
        for _start, _stop, run in name_spans(text):
            stems = [self.table.stem(m.group()) for m in run]
            if public.intersection(stems):
                continue
            hits = [i for i, s in enumerate(stems) if s in private]
            if not hits:
                continue
            first, final = run[hits[0]], run[hits[-1]]
            stop = final.end() if final.group().endswith(".") else _end(final)
            if hits[-1] + 1 < len(run) and len(run[hits[-1] + 1].group()) <= 2:
                stop = run[hits[-1] + 1].end()  # "Roman P."
            pieces += [text[last:first.start()], private[stems[hits[0]]].role]
            last = stop
        return "".join(pieces) + text[last:]


def redact_record(record: dict, article_text: str, language: str | None) -> dict:
    """``record`` with private persons' names replaced in its text fields (``REDACTED_FIELDS``)."""
    index = PersonIndex(article_text, language)
    return {key: _redact_any(value, index) if key in REDACTED_FIELDS else value
            for key, value in record.items()}


def _redact_any(value, index: PersonIndex):
    if isinstance(value, str):
        return index.redact(value)
    if isinstance(value, list | tuple):
        return [_redact_any(item, index) for item in value]
    return value


class PersonCache:
    """Person indexes of a ledger's articles, the most recent few kept (exports run in article
    order, so each article is read once)."""

    def __init__(self, ledger, size: int = 64) -> None:
        self.ledger = ledger
        self.size = size
        self._indexes: OrderedDict[str, PersonIndex] = OrderedDict()

    def index(self, article_id: str) -> PersonIndex:
        if article_id in self._indexes:
            self._indexes.move_to_end(article_id)
            return self._indexes[article_id]
        article = self.ledger.article(article_id)
        index = self._indexes[article_id] = PersonIndex(article.text, article.lang)
        if len(self._indexes) > self.size:
            self._indexes.popitem(last=False)
        return index


def redact_value(value, persons: PersonCache, article_id: str | None):
    """A column value redacted with its article's persons; nested records (JSON ``data`` of
    claims and conflicts) use the ``article`` they carry."""
    if isinstance(value, dict):
        own = value.get("article", article_id)
        return {key: redact_value(item, persons, own) if key in REDACTED_FIELDS
                or isinstance(item, dict | list) else item for key, item in value.items()}
    if isinstance(value, list):
        return [redact_value(item, persons, article_id) for item in value]
    if isinstance(value, str) and article_id:
        return persons.index(article_id).redact(value)
    return value


# public quotes ------------------------------------------------------------------------------
_CLAUSE_BREAK = re.compile(r"\s*(?:;|:\s|\s[—–]\s|[«»“”\"]|[.!?]\s)[\s,]*")


def trim_to_clause(quote: str, position: int) -> tuple[int, int]:
    """The bounds of the clause of ``quote`` holding character ``position``."""
    start, end = 0, len(quote)
    for match in _CLAUSE_BREAK.finditer(quote):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def trim_figure_quote(row: dict) -> dict:
    """A public figure record: its quote cut to the clause holding the number."""
    quote = row["quote"]
    if not quote or row.get("number_start") is None or row.get("quote_start") is None:
        return row
    offset = row["number_start"] - row["quote_start"]
    if quote[offset:offset + len(row["number_text"])] != row["number_text"]:
        offset = max(0, quote.find(row["number_text"]))
    start, end = trim_to_clause(quote, offset)
    trimmed = quote[start:end].strip()
    lead = quote[start:end].find(trimmed)
    return {**row, "quote": trimmed, "quote_start": row["quote_start"] + start + lead,
            "quote_end": row["quote_start"] + start + lead + len(trimmed)}

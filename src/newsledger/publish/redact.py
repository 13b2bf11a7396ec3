"""Private persons out of public exports: their names replaced by a role.

``redact_text(index, text)`` replaces every form of a private person's name found by
``publish.persons.PersonIndex`` (surname alone, case forms, possessives, "Roman P.") in the
article or a span of it by a role found near its mentions ("[a mother]"). ``PersonCache``
keeps the indexes of the articles an export is reading; ``trim_figure_quote`` cuts a public
figure quote to the clause holding its number.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from newsledger.publish.persons import PersonIndex, end_of, name_spans
from newsledger.publish.uncased import occurrences

REDACTED_FIELDS = ("quote", "who", "attributed_to", "actors", "figure", "a", "b", "why", "title",
                   "text")


def redaction_spans(index: PersonIndex, text: str) -> list[tuple[int, int, str]]:
    """Where ``text`` (the article or a span of it) names a private person: (start, end, role)."""
    private = {stem: p for p in index.private for stem in p.stems}
    if not private:
        return []
    public = {p.surname for p in index.persons if not p.private}
    public_stems = {s for p in index.persons if not p.private for s in p.stems}
    spans = []
    for run in name_spans(text):
        stems = [index.table.stem(m.group()) for m in run]
        if public.intersection(stems) and public_stems.issuperset(s for s in stems
                                                                  if s in private):
            continue  # a public person's name, unless a word is a private person's only
        hits = [i for i, s in enumerate(stems) if s in private]
        if not hits:
            continue
        lead = hits[0]
        while lead > 0 and len(run[lead - 1].group()) <= 2 and run[lead - 1].group().endswith("."):
            lead -= 1  # "A. Skutinas": the initial goes with the name
        first, final = run[lead], run[hits[-1]]
        stop = end_of(final)  # an initial keeps its dot, a sentence its full stop
        if hits[-1] + 1 < len(run) and len(run[hits[-1] + 1].group()) <= 2:
            stop = run[hits[-1] + 1].end()  # "Roman P."
        spans.append((first.start(), stop, private[stems[hits[0]]].role))
    spared = [span for p in index.persons if not p.private and p.forms  # a public uncased name
              for span in occurrences(text, max(p.forms, key=len))]
    for person in index.private:  # names in scripts without capitals, as printed
        spans += [(start, end, person.role) for form in person.forms
                  for start, end in occurrences(text, form)
                  if not any(s <= start and end <= e for s, e in spared)]
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def redact_text(index: PersonIndex, text: str) -> str:
    """``text`` (the article or a span of it) with private persons' names replaced."""
    pieces, last = [], 0
    for start, end, role in redaction_spans(index, text):
        pieces += [text[last:start], role]
        last = end
    return "".join(pieces) + text[last:]


def redact_record(record: dict, article_text: str, language: str | None) -> dict:
    """``record`` with private persons' names replaced in its text fields (``REDACTED_FIELDS``)."""
    index = PersonIndex(article_text, language)
    return {key: _redact_any(value, index) if key in REDACTED_FIELDS else value
            for key, value in record.items()}


def _redact_any(value, index: PersonIndex):
    if isinstance(value, str):
        return redact_text(index, value)
    if isinstance(value, list | tuple):
        return [_redact_any(item, index) for item in value]
    return value


class PersonCache:
    """Person indexes of a ledger's articles read through ``reader`` (a ``query.Reader``), the
    most recent few kept (exports run in article order, so each article is read once)."""

    def __init__(self, reader, size: int = 64) -> None:
        self.reader = reader
        self.size = size
        self._indexes: OrderedDict[str, PersonIndex] = OrderedDict()

    def index(self, article_id: str) -> PersonIndex:
        if article_id in self._indexes:
            self._indexes.move_to_end(article_id)
            return self._indexes[article_id]
        article = self.reader.stored(article_id)
        index = self._indexes[article_id] = PersonIndex(article.text, article.lang)
        if len(self._indexes) > self.size:
            self._indexes.popitem(last=False)
        return index


def redact_value(value, persons: PersonCache, article_id: str | list | None):
    """A column value redacted with its article's persons (with each article's in turn when
    ``article_id`` is a list: a conflict's ``why`` names forms from both); nested records
    (JSON ``data`` of claims and conflicts) use the ``article`` they carry."""
    if isinstance(value, dict):
        own = value.get("article", article_id)
        return {key: redact_value(item, persons, own) if key in REDACTED_FIELDS
                or isinstance(item, dict | list) else item for key, item in value.items()}
    if isinstance(value, list):
        return [redact_value(item, persons, article_id) for item in value]
    if isinstance(value, str) and article_id:
        for one in article_id if isinstance(article_id, list) else [article_id]:
            value = redact_text(persons.index(one), value)
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

"""Version conflicts: members of one story whose aligned sentences disagree.

Each member's sentences are aligned with the story origin's, across languages (``align.py``).
An aligned pair disagrees when

- a negation flips: a clause of one is negated and the clause it aligns with in the other is
  not (negation words per language in ``lang/negation.toml``; a negation in a clause the other
  version does not have is not a flip);
- a number changed: a number of one has no number of the same value in the other and the
  other has one in its place (values compared as intervals, so "10-11 thousand" is "10 000 to
  11 000"; dates are left out, and a number one version drops is an omission, not a change);
- a name changed (same language only): a capitalised name replaced by another one.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

import numpy as np

from newsledger.base.align import Sentences, align, sentences_of
from newsledger.base.dates import find_time_expressions
from newsledger.base.numbers import find_number_expressions
from newsledger.base.places import resolve_place
from newsledger.base.transliteration import latin_key
from newsledger.base.vectors import Vectors
from newsledger.models import Article, Conflict, Story
from newsledger.reconcile.conflicts import conflict_record
from newsledger.reconcile.disagreements import spoken_date

NEGATION_PATH = Path(__file__).with_name("lang") / "negation.toml"
_TOKEN = re.compile(r"\w+n't|n'|\w+", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]«»\"“”„]|\s[-–—]\s")


@dataclass(frozen=True)
class VersionConfig:
    sentence_similarity: float = 0.7  # sentences this similar are aligned
    clause_similarity: float = 0.75  # a negated clause and its counterpart at least this similar
    min_clause_words: int = 3


@cache
def _negation() -> dict:
    return tomllib.loads(NEGATION_PATH.read_text("utf-8"))


def negation_languages() -> frozenset[str]:
    return frozenset(_negation()["words"])


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text.replace("’", "'"))]


def negated(clause: str, language: str | None, other: str = "", min_stem: int = 4) -> bool:
    """True when the clause has a negation word of its language, or a negative-prefixed word
    whose stem is a word of the aligned clause ``other`` and not of its own ("unavailable"
    beside "available")."""
    own = tokens(clause)
    words = set(_negation()["words"].get(language or "", ()))
    if any(token in words or token.endswith("n't") for token in own):
        return True
    stems = set(tokens(other)) - set(own)
    return any(token.startswith(prefix) and len(token) - len(prefix) >= min_stem
               and token[len(prefix):] in stems
               for token in own for prefix in _negation()["prefixes"].get(language or "", ()))


def clauses(sentence: str, min_words: int = 3) -> list[str]:
    """The sentence cut at commas, brackets, quotes and dashes; short pieces join the next."""
    pieces, pending = [], ""
    for piece in _CLAUSE_BREAK.split(sentence):
        pending = f"{pending} {piece}".strip()
        if len(pending.split()) >= min_words:
            pieces.append(pending)
            pending = ""
    if pending:
        if pieces:
            pieces[-1] = f"{pieces[-1]} {pending}"
        else:
            pieces.append(pending)
    return pieces


def negation_flip(a: str, b: str, lang_a: str | None, lang_b: str | None,
                  config: VersionConfig = VersionConfig(), vectors: Vectors | None = None) -> bool:
    """True when a clause of one sentence is negated and its aligned clause in the other is not."""
    known = negation_languages()
    if lang_a not in known or lang_b not in known:
        return False
    first, second = clauses(a, config.min_clause_words), clauses(b, config.min_clause_words)
    if not any(negated(c, lang_a, b) for c in first) and not any(
            negated(c, lang_b, a) for c in second):
        return False
    encoded = (vectors or Vectors()).encode(first + second)
    scores = encoded[:len(first)] @ encoded[len(first):].T
    for i, j in zip(*np.nonzero(scores >= config.clause_similarity), strict=True):
        mutual = scores[i].argmax() == j and scores[:, j].argmax() == i
        one, two = first[i], second[j]
        if mutual and negated(one, lang_a, two) != negated(two, lang_b, one):
            return True
    return False


def _values(sentence: str, language: str | None) -> list[tuple[float, float]]:
    """The intervals of the sentence's numbers, leaving out dates and years."""
    dates = find_time_expressions(sentence, language)
    found = []
    for number in find_number_expressions(sentence, language):
        if number.is_year_like or any(s <= number.start < e for s, e, _ in dates):
            continue
        low = number.low if number.low is not None else 0
        high = number.high if number.high is not None else float("inf")
        found.append((low, high))
    return found


def _unmatched(mine: list[tuple[float, float]], theirs: list[tuple[float, float]]) -> bool:
    return any(not any(low <= t_high and t_low <= high for t_low, t_high in theirs)
               for low, high in mine)


def changed_number(a: str, b: str, lang_a: str | None, lang_b: str | None) -> bool:
    """True when each sentence has a number of a value the other does not state."""
    values_a, values_b = _values(a, lang_a), _values(b, lang_b)
    return _unmatched(values_a, values_b) and _unmatched(values_b, values_a)


def _words(sentence: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'-]*", sentence.replace("’", "'"))


def _place(words: list[str], language: str | None) -> str | None:
    found = resolve_place(" ".join(words), language)
    return found.id if found else None


def same_name(old: list[str], new: list[str], context: tuple[list[str], list[str]],
              language: str | None = None, prefix: int = 5) -> bool:
    """True when two spellings name one thing: equal once folded and joined ("U S", "US"),
    equal in their first letters ("Baranovskaya", "Baranovska"), or one gazetteer place with
    the words around them ("Verkhniy Lars", "Upper Lars"; "Sakha", "Yakutia")."""
    joined_old, joined_new = latin_key("".join(old)), latin_key("".join(new))
    if joined_old == joined_new or joined_old[:prefix] == joined_new[:prefix]:
        return True
    before, after = context
    for words_old, words_new in ((old, new), (before + old, before + new), (old + after,
                                                                          new + after)):
        place = _place(words_old, language)
        if place is not None and place == _place(words_new, language):
            return True
    return False


def changed_name(a: str, b: str, language: str | None = None) -> tuple[str, str] | None:
    """A capitalised name of ``a`` that ``b`` replaces by another capitalised name."""
    words_a, words_b = _words(a), _words(b)
    matcher = SequenceMatcher(None, [w.casefold() for w in words_a],
                              [w.casefold() for w in words_b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = words_a[i1:i2], words_b[j1:j2]
        if tag != "replace" or i1 == 0 or j1 == 0 or not 0 < len(old) <= 3 or len(new) > 3:
            continue
        if not all(w[0].isupper() for w in old + new):
            continue
        context = (words_a[i1 - 1:i1], words_a[i2:i2 + 1])
        if not same_name(old, new, context, language):
            return " ".join(old), " ".join(new)
    return None


def disagreement(a: str, b: str, lang_a: str | None, lang_b: str | None,
                 config: VersionConfig = VersionConfig(), vectors: Vectors | None = None
                 ) -> str | None:
    """Why two aligned sentences of one story disagree, or None."""
    if changed_number(a, b, lang_a, lang_b):
        return "changed number"
    if lang_a == lang_b and (names := changed_name(a, b, lang_a)):
        return f"changed name: {names[0]} / {names[1]}"
    if negation_flip(a, b, lang_a, lang_b, config, vectors):
        return "negation flip"
    return None


def explain_version(why: str, origin: Article, other: Article) -> str:
    """The verdict of ``disagreement`` as a sentence naming both versions."""
    what = {"changed number": "gives a different number",
            "negation flip": "is negated in one and not in the other"}.get(why)
    if what is None:  # "changed name: A / B"
        first, _, second = why.partition(": ")[2].partition(" / ")
        what = f"names {first} in one and {second} in the other"
    sides = " and ".join(f"{article.outlet or article.id} ({spoken_date(article.published)})"
                         for article in (origin, other))
    return f"Two versions of one story disagree: in {sides} the same sentence {what}."


def _disagreements(base: Sentences, origin: Article, other: Article, config: VersionConfig,
                   vectors: Vectors, judged: dict) -> list[tuple[str, str, str, float]]:
    """(origin quote, member quote, why, similarity) of each aligned pair that disagrees;
    ``judged`` keeps the verdict on each pair of sentences, which members often share."""
    version = sentences_of(other.text, vectors=vectors)
    found = []
    for pair in align(base, version, config.sentence_similarity):
        a, b = base.sentence(pair.a).strip(), version.sentence(pair.b).strip()
        key = (a, b, origin.lang, other.lang)
        if key not in judged:
            judged[key] = disagreement(a, b, origin.lang, other.lang, config, vectors)
        if why := judged[key]:
            found.append((a, b, why, pair.score))
    return found


def version_conflicts(ledger, config: VersionConfig = VersionConfig(),
                      vectors: Vectors | None = None,
                      stories: Iterable[Story] | None = None,
                      changed: Collection[str] | None = None) -> Iterator[Conflict]:
    """Aligned sentences of each story member that disagree with the origin's. Members with
    one text (and language) disagree with the origin alike, so each text is compared once per
    story; sentences are encoded by ``vectors`` (pass ``Vectors(ledger)`` to use the
    ledger's cache, and flush it once the conflicts are stored); ``stories``: those only.
    A member's conflicts depend on its text and its origin's alone: with ``changed``, only the
    members in it are compared, or every member of a story whose origin is in it."""
    vectors = vectors or Vectors()
    for story in ledger.stories() if stories is None else stories:
        ids = [m.article for m in story.members]
        if changed is not None and story.origin not in changed:
            ids = [story.origin, *(a for a in ids if a in changed and a != story.origin)]
        articles = {a.id: a for a in ledger.articles(ids=ids)}
        origin = articles[story.origin]
        base = sentences_of(origin.text, vectors=vectors)
        compared: dict[tuple[str, str | None], list] = {}
        judged: dict[tuple, str | None] = {}
        for member in ids:
            if member == origin.id:
                continue
            other = articles[member]
            text = (other.content_hash, other.lang)
            if text not in compared:
                compared[text] = _disagreements(base, origin, other, config, vectors, judged)
            for a, b, why, score in compared[text]:
                yield conflict_record(
                    "version", {"article": origin.id, "quote": a},
                    {"article": other.id, "quote": b}, explain_version(why, origin, other),
                    story=story.id, similarity=round(score, 3),
                    outlets=(origin.outlet, other.outlet),
                    dates=(origin.published, other.published))

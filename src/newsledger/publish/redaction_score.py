"""How well redaction holds: private persons left named, public persons kept, on labelled text.

A labelled person is an article, a kind (``private`` or ``public``) and the character spans of
its mentions. Redaction is run on the whole article (``redact.redaction_spans``); a mention is
*left* when any of its letters is outside every redacted span, *kept* when none is inside one.
A private person counts as left when any mention is; a public person is kept when all are.
``gold_persons`` reads the dev ``persons_gold.jsonl`` (names and variants as printed) into
mention spans; ``pool_persons`` reads our pool labels (``labels.load_person_labels``) of one
split of the held-aside split.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from newsledger.publish.persons import PersonIndex
from newsledger.publish.redact import redaction_spans

Spans = Callable[[str, str | None], list[tuple[int, int, str]]]


def article_spans(text: str, language: str | None) -> list[tuple[int, int, str]]:
    """The redacted spans of a whole article, as a public export redacts it."""
    return redaction_spans(PersonIndex(text, language), text)


@dataclass(frozen=True)
class PersonLabel:
    """One labelled person of one article."""

    article: str
    kind: str
    mentions: tuple[tuple[int, int], ...]
    pseudonym: bool = False
    name: str = ""


@dataclass
class RedactionScore:
    private: int = 0
    public: int = 0
    left: list[tuple[str, str]] = field(default_factory=list)  # (article, name) still named
    dropped: list[tuple[str, str]] = field(default_factory=list)  # public, redacted somewhere

    @property
    def public_kept(self) -> float:
        return 1.0 if not self.public else 1 - len(self.dropped) / self.public

    def as_dict(self) -> dict:
        return {"private": self.private, "private_left": len(self.left), "public": self.public,
                "public_kept": self.public - len(self.dropped),
                "public_kept_share": round(self.public_kept, 4),
                "left": [f"{a}: {n}" for a, n in self.left],
                "dropped": [f"{a}: {n}" for a, n in self.dropped]}


def _covered(spans: list[tuple[int, int, str]]) -> Callable[[int], bool]:
    marks = set()
    for start, end, _ in spans:
        marks.update(range(start, end))
    return marks.__contains__


def score_redaction(texts: Mapping[str, tuple[str, str | None]], persons: Iterable[PersonLabel],
                    spans: Spans = article_spans) -> RedactionScore:
    """Score redaction of ``texts`` (article id -> (text, language)) against ``persons``."""
    score, cache = RedactionScore(), {}
    for person in persons:
        text, language = texts[person.article]
        if person.article not in cache:
            cache[person.article] = _covered(spans(text, language))
        covered = cache[person.article]
        letters = [[i for i in range(s, e) if text[i].isalpha()] for s, e in person.mentions]
        name = person.name or text[slice(*person.mentions[0])]
        if person.kind == "private":
            score.private += 1
            if any(not all(covered(i) for i in mention) for mention in letters):
                score.left.append((person.article, name))
        else:
            score.public += 1
            if any(covered(i) for mention in letters for i in mention):
                score.dropped.append((person.article, name))
    return score


def form_spans(text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
    """Every whole-word occurrence of ``forms`` in ``text``, longer forms first (a form inside
    a longer one's occurrence is not counted again)."""
    found: list[tuple[int, int]] = []
    for form in sorted(set(forms), key=len, reverse=True):
        pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
        for match in pattern.finditer(text):
            if not any(s <= match.start() and match.end() <= e for s, e in found):
                found.append(match.span())
    return sorted(found)


def gold_persons(corpus_dir: Path | str) -> tuple[dict[str, tuple[str, str | None]],
                                                  list[PersonLabel]]:
    """The dev persons gold (dev articles and seed reports) as texts and labelled persons."""
    corpus_dir = Path(corpus_dir)
    texts: dict[str, tuple[str, str | None]] = {}
    for path in sorted((corpus_dir / "dev" / "articles").glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        texts[article["id"]] = (article["text"], article.get("language"))
    for path in sorted((corpus_dir / "seeds").glob("*.txt")):
        texts[path.stem] = (path.read_text(encoding="utf-8"), "en")
    persons = []
    for line in (corpus_dir / "dev" / "persons_gold.jsonl").read_text(
            encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text = texts[record["article"]][0]
        mentions = form_spans(text, [record["name"], *record["variants"]])
        persons.append(PersonLabel(record["article"], record["kind"], tuple(mentions),
                                   record.get("pseudonym", False), record["name"]))
    return texts, persons


def pool_persons(labels_dir: Path | str, corpus_dir: Path | str, split: str = "test") -> tuple[
        dict[str, tuple[str, str | None]], list[PersonLabel]]:
    """Our pool persons labels of one split (``test``, ``train`` or ``all``), as texts and
    labelled persons."""
    from newsledger.labels import load_person_labels, pool_groups, read_texts, split_of

    labels = load_person_labels(labels_dir, corpus_dir)
    groups = pool_groups(corpus_dir, labels_dir)
    chosen = {article for article in labels.articles()
              if split == "all" or split_of(article, groups) == split}
    articles = read_texts(corpus_dir)
    texts = {article: (articles[article]["text"], articles[article].get("language"))
             for article in sorted(chosen)}
    persons = [PersonLabel(r["article"], r["kind"], r["mentions"], bool(r["pseudonym"]),
                           r["name"]) for r in labels.records if r["article"] in chosen]
    return texts, persons

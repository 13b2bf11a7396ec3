"""Our own labels on third-party texts, kept as references (ids and character offsets).

The repository never holds the labelled texts: a label line names an article of
``../shared/corpus/pool`` (or dev) and the character offsets of the number expression and of
its quote. ``load_figure_labels`` resolves them against the texts and fails loudly
(``LabelsOutOfDate``) when a text no longer has the checksum it was labelled under, or an
offset does not fall inside it.

The held-aside split is by story: articles that are one story (the pool's hint groups and
our labelled same-story pairs) stay on one side, chosen by a hash of the group's first id,
so the split never changes when more articles are labelled.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from newsledger.errors import LabelsOutOfDate, MalformedJSON

FIELDS = ("low", "high", "qualifier", "counted", "who", "place", "period", "attributed_to",
          "rate")
SAME_STORY = {"copy", "rewrite", "translation"}
TEST_SHARE = 30  # percent of story groups held aside


def text_checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def read_jsonl(path: Path | str) -> list[dict]:
    """The records of a JSON Lines file (blank lines skipped); ``MalformedJSON`` names the line."""
    records = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise MalformedJSON(f"malformed JSON at line {number}",
                                    source=str(path)) from error
    return records


def read_texts(corpus_dir: Path | str) -> dict[str, dict]:
    """The articles of a corpus folder (``articles/*.json``) by id."""
    articles = {}
    for path in sorted(Path(corpus_dir).glob("articles/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        articles[data["id"]] = data
    return articles


@dataclass(frozen=True)
class LabelSet:
    """Label records (figures or event mentions) resolved against their texts, and which
    articles were labelled by whom."""

    records: tuple[dict, ...]
    labelled: Mapping[str, tuple[str, ...]]  # article id -> labellers

    def for_labeller(self, labeller: str) -> list[dict]:
        return [record for record in self.records if record["labeller"] == labeller]

    def articles(self) -> list[str]:
        return sorted(self.labelled)


def _resolve(line: Mapping, text: str, source: str) -> dict:
    (number_start, number_end), (quote_start, quote_end) = line["number"], line["quote"]
    if not (0 <= quote_start <= number_start < number_end <= quote_end <= len(text)):
        raise LabelsOutOfDate(f"offsets {line['number']} in {line['quote']} do not fit the text "
                              f"of {line['article']}", source=source)
    record = {name: line.get(name) for name in FIELDS}
    return record | {
        "article": line["article"], "number_text": text[number_start:number_end],
        "quote": text[quote_start:quote_end], "quote_start": quote_start, "quote_end": quote_end,
        "number_start": number_start,
    }


def load_figure_labels(labels_dir: Path | str, corpus_dir: Path | str) -> LabelSet:
    """Every ``figures/*.jsonl`` label under ``labels_dir`` resolved against ``corpus_dir``.

    ``articles/NAME.jsonl`` lists the articles labeller NAME finished, with the checksum of
    the text labelled; only those articles' figures are kept."""
    labels_dir, texts = Path(labels_dir), read_texts(corpus_dir)
    finished = _finished(labels_dir / "articles", texts)
    labelled: dict[str, list[str]] = {}
    for article, labeller in sorted(finished):
        labelled.setdefault(article, []).append(labeller)
    figures = []
    for path in sorted((labels_dir / "figures").glob("*.jsonl")):
        for line in read_jsonl(path):
            if (line["article"], path.stem) not in finished:
                continue
            record = _resolve(line, texts[line["article"]]["text"], str(path))
            figures.append(record | {"labeller": path.stem})
    return LabelSet(tuple(figures), {key: tuple(value) for key, value in labelled.items()})


EVENT_FIELDS = ("type", "date", "date_precision", "place", "country", "actors")


def load_event_labels(labels_dir: Path | str, corpus_dir: Path | str) -> LabelSet:
    """Every ``events/*.jsonl`` mention label resolved against ``corpus_dir`` (finished
    articles only, listed in ``events_done/NAME.jsonl`` with their text checksum)."""
    labels_dir, texts = Path(labels_dir), read_texts(corpus_dir)
    finished = _finished(labels_dir / "events_done", texts)
    mentions = []
    for path in sorted((labels_dir / "events").glob("*.jsonl")):
        for line in read_jsonl(path):
            if (line["article"], path.stem) not in finished:
                continue
            text = texts[line["article"]]["text"]
            (start, end), figure = line["quote"], line.get("figure")
            if not 0 <= start < end <= len(text) or figure and not (
                    0 <= figure[0] < figure[1] <= len(text)):
                raise LabelsOutOfDate(f"offsets {line['quote']} do not fit the text of "
                                      f"{line['article']}", source=str(path))
            mentions.append({name: line.get(name) for name in EVENT_FIELDS} | {
                "article": line["article"], "quote": text[start:end], "quote_start": start,
                "quote_end": end, "figure": text[figure[0]:figure[1]] if figure else None,
                "labeller": path.stem})
    labelled: dict[str, list[str]] = {}
    for article, labeller in sorted(finished):
        labelled.setdefault(article, []).append(labeller)
    return LabelSet(tuple(mentions), {key: tuple(value) for key, value in labelled.items()})


PERSON_FIELDS = ("kind", "pseudonym", "why")


def load_person_labels(labels_dir: Path | str, corpus_dir: Path | str) -> LabelSet:
    """Every ``persons/*.jsonl`` label (one person of one article: ``kind`` public or private,
    ``pseudonym``, ``why`` and the [start, end] of each ``mentions``) resolved against
    ``corpus_dir``, for the articles listed in ``persons_done/NAME.jsonl`` with their checksum.
    Each record gains ``name`` (its first mention's text) and ``forms`` (every mention's)."""
    labels_dir, texts = Path(labels_dir), read_texts(corpus_dir)
    finished = _finished(labels_dir / "persons_done", texts)
    persons = []
    for path in sorted((labels_dir / "persons").glob("*.jsonl")):
        for line in read_jsonl(path):
            if (line["article"], path.stem) not in finished:
                continue
            text = texts[line["article"]]["text"]
            spans = [tuple(span) for span in line["mentions"]]
            if not spans or any(not 0 <= start < end <= len(text) for start, end in spans):
                raise LabelsOutOfDate(f"mentions {line['mentions']} do not fit the text of "
                                      f"{line['article']}", source=str(path))
            forms = [text[start:end] for start, end in spans]
            persons.append({name: line.get(name) for name in PERSON_FIELDS} | {
                "article": line["article"], "mentions": tuple(spans), "name": forms[0],
                "forms": tuple(dict.fromkeys(forms)), "labeller": path.stem})
    labelled: dict[str, list[str]] = {}
    for article, labeller in sorted(finished):
        labelled.setdefault(article, []).append(labeller)
    return LabelSet(tuple(persons), {key: tuple(value) for key, value in labelled.items()})


def resolve_quotes(records: Iterable[Mapping], texts: Mapping[str, str]) -> list[dict]:
    """Event gold whose ``quote`` and ``figure`` are offsets ([start, end]) into its article,
    as the text the scorer compares (our gold files keep offsets, not copied text); a record
    that already holds text passes unchanged."""
    resolved = []
    for record in records:
        record, text = dict(record), texts.get(record.get("article"), "")
        for name in ("quote", "figure"):
            if isinstance(record.get(name), list):
                start, end = record[name]
                if not 0 <= start < end <= len(text):
                    raise LabelsOutOfDate(f"offsets {record[name]} do not fit the text of "
                                          f"{record.get('article')}")
                record[name] = text[start:end]
        resolved.append(record)
    return resolved


def _finished(folder: Path, texts: Mapping[str, dict]) -> set[tuple[str, str]]:
    """(article, labeller) of every article a labeller finished, checked against its text."""
    finished = set()
    for path in sorted(folder.glob("*.jsonl")):
        for line in read_jsonl(path):
            article = texts.get(line["article"])
            if article is None or text_checksum(article["text"]) != line["sha256"]:
                raise LabelsOutOfDate(f"the text of {line['article']} is missing or changed since "
                                      "it was labelled", source=str(path))
            finished.add((line["article"], path.stem))
    return finished


def story_groups(hint_groups: Iterable[Iterable[str]], pairs: Iterable[Mapping]) -> list[set[str]]:
    """Connected groups over the hint groups and the labelled same-story pairs."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    for group in hint_groups:
        members = list(group)
        for member in members[1:]:
            join(members[0], member)
    for pair in pairs:
        if pair["relation"] in SAME_STORY:
            join(pair["a"], pair["b"])
    groups: dict[str, set[str]] = {}
    for node in list(parent):
        groups.setdefault(root(node), set()).add(node)
    return list(groups.values())


def split_of(article: str, groups: Iterable[set[str]]) -> str:
    """``test`` or ``train``: decided once per story group by a hash of its first id."""
    key = article
    for group in groups:
        if article in group:
            key = min(group)
            break
    bucket = int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 100
    return "test" if bucket < TEST_SHARE else "train"


def pool_groups(corpus_dir: Path | str, labels_dir: Path | str) -> list[set[str]]:
    """The story groups of the pool: its hint file and our labelled pairs."""
    hints_path = Path(corpus_dir) / "likely_same_story.json"
    hints = json.loads(hints_path.read_text(encoding="utf-8")) if hints_path.exists() else []
    pairs_path = Path(labels_dir) / "story_pairs.jsonl"
    pairs = read_jsonl(pairs_path) if pairs_path.exists() else []
    return story_groups(hints, pairs)


def write_gold_corpus(labels: LabelSet, corpus_dir: Path | str, out_dir: Path | str,
                      articles: Iterable[str], labeller_order: Iterable[str]) -> Path:
    """A gold corpus folder (``articles/*.json`` + ``gold_figures.jsonl``) for ``evaluate``.

    Each article takes the figures of the first labeller in ``labeller_order`` who labelled
    it (the adjudicated one first), so a doubly labelled article is not counted twice."""
    out_dir, texts, order = Path(out_dir), read_texts(corpus_dir), list(labeller_order)
    (out_dir / "articles").mkdir(parents=True, exist_ok=True)
    gold = []
    for article in sorted(articles):
        who = sorted(labels.labelled[article], key=lambda name: (
            order.index(name) if name in order else len(order), name))[0]
        data = {key: value for key, value in texts[article].items() if key != "topic"}
        (out_dir / "articles" / f"{article}.json").write_text(
            json.dumps(data, ensure_ascii=False), encoding="utf-8")
        gold.extend(record for record in labels.records
                    if record["article"] == article and record["labeller"] == who)
    _write_jsonl(out_dir / "gold_figures.jsonl", gold, ("article", "quote", "number_text", *FIELDS))
    return out_dir


def _write_jsonl(path: Path, records: Iterable[Mapping], keep: Iterable[str]) -> None:
    keep = tuple(keep)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps({name: record.get(name) for name in keep},
                                    ensure_ascii=False) + "\n")


def write_event_gold(events: LabelSet, out_dir: Path, articles: Iterable[str],
                     labeller_order: Iterable[str]) -> None:
    """``events_gold.jsonl`` of the chosen articles that have event labels, one labeller each."""
    order, chosen = list(labeller_order), set(articles)
    mentions = []
    for article in sorted(chosen & set(events.labelled)):
        who = sorted(events.labelled[article], key=lambda name: (
            order.index(name) if name in order else len(order), name))[0]
        mentions += [m for m in events.records if m["article"] == article and m["labeller"] == who]
    _write_jsonl(out_dir / "events_gold.jsonl", mentions, ("article", "quote", *EVENT_FIELDS,
                                                           "figure"))


def labelled_split(labels_dir: Path | str, corpus_dir: Path | str, split: str,
                   out_dir: Path | str) -> Path:
    """Write the labelled articles of one split (``test``, ``train`` or ``all``) as a gold
    corpus folder in ``out_dir``; the adjudicated labeller's labels win, then A, B, C..."""
    labels = load_figure_labels(labels_dir, corpus_dir)
    groups = pool_groups(corpus_dir, labels_dir)
    chosen = [article for article in labels.articles()
              if split == "all" or split_of(article, groups) == split]
    folder = write_gold_corpus(labels, corpus_dir, out_dir, chosen, ADJUDICATION_ORDER)
    if (Path(labels_dir) / "events_done").is_dir():
        write_event_gold(load_event_labels(labels_dir, corpus_dir), folder, chosen,
                         ADJUDICATION_ORDER)
    return folder


ADJUDICATION_ORDER = ("adjudicated", "A", "B", "C", "E1", "E2")


def labeller_pairs(labels: LabelSet) -> Iterator[tuple[str, list[dict], list[dict], set[str]]]:
    """For every two labellers who finished articles in common: a name for the pair, each
    one's records on those articles, and the articles."""
    names = sorted({name for who in labels.labelled.values() for name in who})
    for index, first in enumerate(names):
        for second in names[index + 1:]:
            common = {article for article, who in labels.labelled.items()
                      if first in who and second in who}
            if common:
                yield (f"{first}~{second}",
                       [r for r in labels.for_labeller(first) if r["article"] in common],
                       [r for r in labels.for_labeller(second) if r["article"] in common],
                       common)

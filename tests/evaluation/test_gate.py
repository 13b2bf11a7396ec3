"""The evaluation gate: every gold set in ``floors.toml``, scored by the one runner, holds its
floors. One run per set; a failure lists every score below its floor. Each set's floors are
pinned to a digest of its gold (``gold_sha256``), so changed gold is re-measured, not judged
by floors measured on other gold."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

import pytest

from newsledger.evaluation.runner import GoldSet, evaluate
from newsledger.settings import Settings

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SETS = tomllib.loads((HERE / "floors.toml").read_text(encoding="utf-8"))
KINDS = {"figures", "events", "stories", "conflicts", "persons"}


def _path(value: str) -> str:
    return str((REPO / value).resolve())


def gold_set(name: str) -> GoldSet:
    """The ``GoldSet`` a ``floors.toml`` entry names, its paths resolved from the repository."""
    spec = SETS[name]
    events = spec.get("events", [])
    return GoldSet(_path(spec["corpus"]), labels=spec.get("labels") and _path(spec["labels"]),
                   split=spec.get("split", "test"),
                   events=tuple(_path(path) for path in events),
                   persons=spec.get("persons") and _path(spec["persons"]))


def gold_digest(gold: GoldSet) -> str:
    """sha256 over the set's gold files: the corpus folder (for a labelled split, the label
    folder instead: the labels pin their texts by checksum) and the events and persons files."""
    roots = [gold.labels or gold.corpus, *gold.events, *([gold.persons] if gold.persons else [])]
    digest = hashlib.sha256()
    for root in map(Path, roots):
        paths = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in paths:
            if path.is_file():
                name = path.relative_to(root) if root.is_dir() else path.name
                digest.update(f"{root.name}/{name}\n".encode() + path.read_bytes())
    return digest.hexdigest()


def below_floors(scores: dict[str, dict], floors: dict[str, dict]) -> list[str]:
    """Every score under its floor, and every kind with floors but no score or the reverse."""
    problems = [f"{kind}: scored but has no floors" for kind in sorted(set(scores) - set(floors))]
    problems += [f"{kind}: has floors but was not scored"
                 for kind in sorted(set(floors) - set(scores))]
    for kind, measures in sorted(floors.items()):
        for measure, floor in sorted(measures.items()):
            value = scores.get(kind, {}).get(measure)
            if value is not None and value < floor:
                problems.append(f"{kind}.{measure} = {value:.4f} < floor {floor}")
    return problems


def test_the_floors_name_every_in_repo_gold_set_and_only_known_kinds():
    folders = {_path(str(path.relative_to(REPO)))
               for path in (REPO / "tests" / "gold").glob("*/gold_figures.jsonl")}
    named = {_path(spec["corpus"]) for spec in SETS.values()}
    assert {str(Path(folder).parent) for folder in folders} - named == set()
    named_events = {_path(path) for spec in SETS.values() for path in spec.get("events", [])}
    assert {_path(str(path.relative_to(REPO)))
            for path in (REPO / "tests" / "gold").glob("events_*.jsonl")} <= named_events
    for spec in SETS.values():
        assert set(spec) <= {"corpus", "labels", "split", "events", "persons", "gold_sha256",
                             "floors"}
        assert set(spec["floors"]) <= KINDS
        assert all(0.0 <= floor <= 1.0 for measures in spec["floors"].values()
                   for floor in measures.values())


def test_below_floors_reports_drops_and_kinds_without_floors():
    floors = {"figures": {"f1": 0.9, "strict_f1": 0.8}, "events": {"f1": 0.5}}
    scores = {"figures": {"f1": 0.95, "strict_f1": 0.7}, "stories": {"f1": 1.0}}
    assert below_floors(scores, floors) == [
        "stories: scored but has no floors", "events: has floors but was not scored",
        "figures.strict_f1 = 0.7000 < floor 0.8"]


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_set_holds_its_floors(name):
    gold = gold_set(name)
    needed = [gold.corpus, gold.labels, gold.persons, *gold.events]
    if not all(Path(path).exists() for path in needed if path):
        pytest.skip(f"{name}: ../shared/corpus is not present")
    digest = gold_digest(gold)
    assert SETS[name].get("gold_sha256") == digest, (
        f"{name}: the gold changed; re-measure it (newsledger evaluate ... --json), set its "
        f"floors and gold_sha256 = \"{digest}\" in floors.toml")
    result = evaluate(gold, settings=Settings(analyze=True))
    problems = below_floors(result.scores(), SETS[name]["floors"])
    assert problems == [], f"{name}: " + "; ".join(problems)


def test_the_gold_digest_changes_with_any_gold_file(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.json").write_text("{}")
    (tmp_path / "gold_figures.jsonl").write_text("")
    before = gold_digest(GoldSet(str(tmp_path)))
    (tmp_path / "gold_figures.jsonl").write_text("{}\n")
    assert gold_digest(GoldSet(str(tmp_path))) != before

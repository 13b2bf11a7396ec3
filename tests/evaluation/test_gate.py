"""The evaluation gate: every gold set in ``floors.toml``, scored by the one runner, holds its
floors. One run per set; a failure lists every score below its floor."""

from __future__ import annotations

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
    result = evaluate(gold, settings=Settings(analyze=True))
    problems = below_floors(result.scores(), SETS[name]["floors"])
    assert problems == [], f"{name}: " + "; ".join(problems)

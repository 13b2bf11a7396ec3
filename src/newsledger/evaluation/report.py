"""An evaluation as the CLI prints it: a JSON record, or text whose last line sums it up."""

from __future__ import annotations

from newsledger.evaluation.figures import report_lines
from newsledger.evaluation.runner import Evaluation


def as_json(evaluation: Evaluation) -> dict:
    """The scores of every kind scored, with the corpus and its article count."""
    scores = evaluation.scores()
    if "events" in scores:
        scores["events"] |= {"summary": evaluation.events.summary_line()}
    return {**{kind: value for kind, value in scores.items() if kind != "figures"},
            "corpus": evaluation.corpus, "articles": evaluation.articles,
            **({"figures": scores["figures"]} if "figures" in scores else {})}


def summary_line(evaluation: Evaluation) -> str:
    """The last line: figure scores, then stories and events where scored."""
    parts = [evaluation.figures.summary_line()] if evaluation.figures else []
    if evaluation.stories is not None:
        parts.append(f"stories_f1={evaluation.stories['f1']:.3f}")
    if evaluation.events is not None:
        parts.append(f"events_f1={evaluation.events.f1:.3f}")
    if evaluation.persons is not None:
        parts.append(f"persons_recall={evaluation.persons.recall:.3f}")
    return " ".join(parts)


def format_text(evaluation: Evaluation, limit: int = 15) -> str:
    """A multi-line report (counts, field accuracy, recall tables, misses); the last line is
    ``summary_line``."""
    rate = evaluation.words / evaluation.seconds if evaluation.seconds else 0.0
    lines = [f"corpus {evaluation.corpus}: {evaluation.articles} articles, "
             f"{evaluation.words} words, {rate:,.0f} words/s"]
    if evaluation.figures:
        lines += report_lines(evaluation.figures, limit)
    if evaluation.stories is not None:
        stories = evaluation.stories
        lines.append(f"stories: P={stories['precision']:.3f} R={stories['recall']:.3f} "
                     f"({stories['predicted_pairs']} pairs predicted, "
                     f"{stories['gold_pairs']} gold)")
    if evaluation.conflicts is not None:
        conflicts = evaluation.conflicts
        lines.append(f"conflicts: {conflicts['found']} of {conflicts['gold']} gold found, "
                     f"{conflicts['extra']} more flagged")
    if evaluation.events is not None:
        lines.append(evaluation.events.summary_line())
    if evaluation.persons is not None:
        lines.append(evaluation.persons.summary_line())
        lines.extend(f"  private form left: {article} {form!r}"
                     for article, form in evaluation.persons.private_left[:limit])
    lines.append(summary_line(evaluation))
    return "\n".join(lines)

"""Score the redaction of public exports against a persons gold (``dev/persons_gold.jsonl``).

Each gold line is one person named in one article, ``private`` or ``public``, with the forms
of the name the text uses (``name`` and ``variants``). Redaction takes a person out when none
of those forms is left in the redacted article text. Scored as P/R/F1 of taking people out:
recall is the share of private persons taken out (privacy demands 1.0), precision the share of
private persons among all the gold persons taken out (a public person taken out is a needless
loss). ``private_left`` lists the private forms still in the text, ``public_lost`` the public
persons taken out. Gold lines of articles that are not scored are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsledger.evaluation.prf import PRF, prf


@dataclass(frozen=True)
class PersonScore:
    """How many gold persons of each kind redaction took out, and which forms went wrong."""

    private: int
    public: int
    private_out: int
    public_out: int
    private_left: tuple[tuple[str, str], ...] = ()  # (article, form) still in the text
    public_lost: tuple[tuple[str, str], ...] = ()  # (article, name) taken out

    @property
    def redaction(self) -> PRF:
        return prf(self.private_out, self.private_out + self.public_out, self.private)

    @property
    def precision(self) -> float:
        return self.redaction.precision

    @property
    def recall(self) -> float:
        return self.redaction.recall

    @property
    def f1(self) -> float:
        return self.redaction.f1

    def as_dict(self) -> dict:
        return {"f1": self.f1, "precision": self.precision, "recall": self.recall,
                "private": self.private, "public": self.public,
                "private_left": len(self.private_left), "public_lost": len(self.public_lost)}

    def summary_line(self) -> str:
        return (f"persons: {self.private_out} of {self.private} private taken out "
                f"({len(self.private_left)} forms left), {len(self.public_lost)} of "
                f"{self.public} public lost")


def _forms(record: Mapping) -> list[str]:
    return [record["name"], *record.get("variants", ())]


def score_persons(redacted: Mapping[str, str], gold: Iterable[Mapping]) -> PersonScore:
    """Score redacted article texts (article id → text) against persons gold lines."""
    gold = [record for record in gold if record["article"] in redacted]
    private = [record for record in gold if record["kind"] == "private"]
    public = [record for record in gold if record["kind"] != "private"]
    left = tuple((record["article"], form) for record in private for form in _forms(record)
                 if form in redacted[record["article"]])
    kept_private = {id(record) for record in private
                    if any(form in redacted[record["article"]] for form in _forms(record))}
    lost = tuple((record["article"], record["name"]) for record in public
                 if not any(form in redacted[record["article"]] for form in _forms(record)))
    return PersonScore(private=len(private), public=len(public),
                       private_out=len(private) - len(kept_private), public_out=len(lost),
                       private_left=left, public_lost=lost)

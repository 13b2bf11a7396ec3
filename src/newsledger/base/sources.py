"""Known sources (``lang/sources.toml``): agencies, ministries and outlets named in every
language, each with its canonical English name, whether it relays others' figures and the
categories it speaks for."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsledger.base.phrases import PhraseSet

SOURCES_PATH = Path(__file__).with_name("lang") / "sources.toml"


@dataclass(frozen=True)
class Source:
    name: str
    relay: bool  # a news agency or outlet passing on someone else's figure
    counted: frozenset[str] = frozenset()  # the only categories it speaks for (empty: all)


@cache
def known_sources() -> tuple[PhraseSet, dict[str, Source]]:
    """Known sources in every language: a case-sensitive phrase set labelled by canonical name."""
    data = tomllib.loads(SOURCES_PATH.read_text(encoding="utf-8"))
    groups = {name: entry["aliases"] for name, entry in data.items()}
    info = {name: Source(name, bool(entry.get("relay")), frozenset(entry.get("counted", [])))
            for name, entry in data.items()}
    return PhraseSet(groups, flags=0), info

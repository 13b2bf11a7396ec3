"""The language an article is analysed in (``lang/analysis_languages.toml``): one table may
serve several languages that language identification tells apart."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("lang") / "analysis_languages.toml"


@cache
def _table() -> dict[str, str]:
    return tomllib.loads(TABLE_PATH.read_text(encoding="utf-8"))


def analysis_language(code: str | None) -> str | None:
    """The language whose tables read text in ``code`` (``code`` itself for most)."""
    return _table().get(code or "", code)

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


def table_language(code: str | None, available) -> str | None:
    """The language whose table reads text in ``code``: its own when ``available`` holds it,
    else the one ``analysis_language`` names (Croatian and Bosnian: Serbian), else None."""
    if code in available:
        return code
    other = analysis_language(code)
    return other if other in available else None

"""One documented settings object.

Every setting has a default, a help text and an environment variable
(``NEWSLEDGER_<NAME>``); CLI flags override the environment, which overrides the default.
``SETTINGS_TABLE`` is the documentation (``newsledger settings`` prints it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

from newsledger.errors import BadOption

# Languages the detector chooses among (ISO 639-1): every dev-corpus language plus the
# languages of the countries the mobilization stories run through. hr and bs are there for
# Latin-script Serbian (lingua's Serbian model is Cyrillic only; see ingest/language.py).
DETECTABLE_LANGUAGES = (
    "en", "ru", "uk", "de", "fr", "es", "it", "pt", "pl", "ro", "nl", "el", "sr", "hy",
    "kk", "ka", "fi", "lt", "is", "ar", "mn", "be", "lv", "et", "tr", "he", "bg", "cs",
    "hr", "bs",
)


@dataclass(frozen=True)
class Settings:
    """Run-time settings; see ``SETTINGS_TABLE`` for what each one means."""

    db: str = "newsledger.db"
    max_input_bytes: int = 20_000_000
    url_timeout: float = 20.0
    analyze: bool = True
    languages: tuple[str, ...] = DETECTABLE_LANGUAGES
    redact: bool = True
    codebook: str = ""

    workers: int = 0

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> Settings:
        """Defaults, then ``NEWSLEDGER_*`` variables, then explicit non-None overrides."""
        environ = os.environ if environ is None else environ
        values = {}
        for spec in fields(cls):
            raw = environ.get(f"NEWSLEDGER_{spec.name.upper()}")
            if raw is not None:
                values[spec.name] = _coerce(spec.name, raw, getattr(cls, spec.name))
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - {spec.name for spec in fields(cls)}
        if unknown:
            raise BadOption(f"unknown setting {sorted(unknown)[0]!r}")
        return replace(cls(), **values)


SETTINGS_TABLE = {
    "db": "Database: a SQLite path, sqlite:///path or postgresql://... URL.",
    "max_input_bytes": "Inputs larger than this many bytes, or unpacking to more, are refused "
                       "(NL106, NL119).",
    "url_timeout": "Seconds a URL or feed may take to download in all before giving up (NL109).",
    "analyze": "Run extraction, stories and resolution right after ingest.",
    "languages": "Comma-separated ISO 639-1 codes the language detector chooses among.",
    "redact": "Public exports replace private persons' names by a role.",
    "codebook": "Folder of the crisis codebook (codebook.toml, cues/, events/, tallies/); "
                "empty: the shipped mobilization codebook.",

    "workers": "Processes that analyse articles while one process stores them in order; 0 is "
               "one per core, 1 analyses in the storing process.",
}


def _coerce(name: str, raw: str, default):
    try:
        if isinstance(default, bool):
            if raw.lower() not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                raise ValueError(raw)
            return raw.lower() in {"1", "true", "yes", "on"}
        if isinstance(default, tuple):
            return tuple(part.strip() for part in raw.split(",") if part.strip())
        return type(default)(raw)
    except ValueError as error:
        raise BadOption(f"NEWSLEDGER_{name.upper()}={raw!r} is not a valid {name}") from error

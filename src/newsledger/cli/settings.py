"""``newsledger settings``: every setting, its value here and where it can be changed."""

from __future__ import annotations

from newsledger.cli.app import JsonOption, command, show_rows
from newsledger.settings import SETTINGS_TABLE, Settings


@command("settings")
def show_settings(as_json: bool = JsonOption) -> None:
    """Show each setting with its current value, environment variable and meaning."""
    current = Settings.from_env()
    rows = [
        {"setting": name, "value": ",".join(value) if isinstance(value, tuple) else value,
         "environment": f"NEWSLEDGER_{name.upper()}", "meaning": SETTINGS_TABLE[name]}
        for name, value in ((name, getattr(current, name)) for name in SETTINGS_TABLE)
    ]
    show_rows(rows, as_json, ["setting", "value", "environment", "meaning"],
              wide=("meaning", "value"))

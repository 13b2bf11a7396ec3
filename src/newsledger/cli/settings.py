"""``newsledger settings``: every setting, its value here and where it can be changed."""

from __future__ import annotations

from newsledger.cli.app import JsonOption, app, fail, print_json, print_table
from newsledger.errors import NewsledgerError
from newsledger.settings import SETTINGS_TABLE, Settings


@app.command("settings")
def show_settings(as_json: bool = JsonOption) -> None:
    """Show each setting with its current value, environment variable and meaning."""
    try:
        current = Settings.from_env()
    except NewsledgerError as error:
        fail(error)
    rows = [
        {"setting": name, "value": ",".join(value) if isinstance(value, tuple) else value,
         "environment": f"NEWSLEDGER_{name.upper()}", "meaning": SETTINGS_TABLE[name]}
        for name, value in ((name, getattr(current, name)) for name in SETTINGS_TABLE)
    ]
    if as_json:
        print_json(rows)
    else:
        print_table(rows, ["setting", "value", "environment", "meaning"], wide=("meaning", "value"))

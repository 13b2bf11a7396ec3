"""schemathesis with every check against the served OpenAPI document, on a SQLite and a
PostgreSQL ledger: no server error, every answer as documented (status, content type, body
schema, headers), schema-valid requests accepted and invalid ones refused, 405 with Allow.

Bounded: a few examples per operation and a fixed seed, so a run takes well under a minute."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

HOOKS = Path(__file__).with_name("schemathesis_hooks.py")
# The command line of the installed package (a dev dependency), run by this Python.
SCHEMATHESIS = [sys.executable, "-c", "from schemathesis.cli import schemathesis; schemathesis()"]


def test_the_served_api_passes_every_schemathesis_check(backend_server, tmp_path):
    # The overview's first answer builds the gazetteer once per process (seconds on a loaded
    # machine): build it before the checks time every answer against their 10 s limit.
    assert httpx.get(f"{backend_server}/api/", timeout=300).status_code == 200
    result = subprocess.run(
        [*SCHEMATHESIS, "run", f"{backend_server}/openapi.json", "--checks", "all",
         "--max-examples", "5", "--seed", "20260921", "--workers", "1",
         "--generation-database", "none", "--no-color", "--request-timeout", "20"],
        cwd=tmp_path, env={**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS)},
        capture_output=True, text=True, timeout=300)
    summary = result.stdout[result.stdout.rfind("SUMMARY"):]
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "Tested: 16" in summary and "failures" not in summary.splitlines()[-1], summary

"""schemathesis hooks for test_schemathesis.py (loaded through SCHEMATHESIS_HOOKS).

The API has one rule its OpenAPI document cannot state: ``since`` must not be after ``until``
(a documented 400). schemathesis would count that answer as a valid request rejected, so a
generated pair in the wrong order is put in order; everything else is sent as generated.
"""

from __future__ import annotations

import schemathesis


@schemathesis.hook
def map_case(context, case):
    query = case.query if isinstance(case.query, dict) else {}
    since, until = query.get("since"), query.get("until")
    if isinstance(since, str) and isinstance(until, str) and since and until and since > until:
        query["since"], query["until"] = until, since
    return case

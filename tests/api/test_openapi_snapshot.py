"""The OpenAPI document is a reviewed contract: any change to it shows up as a diff here.

When an API change is meant, regenerate the snapshot and commit it with the change:

    SKILLSHUB_UPDATE_OPENAPI=1 .venv/bin/pytest tests/api/test_openapi_snapshot.py

then read `git diff tests/api/openapi.json` as a reviewer would.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from django.test import Client

SNAPSHOT = Path(__file__).with_name("openapi.json")


def _text(schema: object) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@pytest.mark.django_db
def test_openapi_matches_the_snapshot(client: Client) -> None:
    served = client.get("/api/openapi.json").json()
    if os.environ.get("SKILLSHUB_UPDATE_OPENAPI"):
        SNAPSHOT.write_text(_text(served))
    expected = json.loads(SNAPSHOT.read_text())
    changed = sorted(
        f"{method.upper()} {path}"
        for path in set(served["paths"]) | set(expected["paths"])
        for method in set(served["paths"].get(path, {})) | set(expected["paths"].get(path, {}))
        if served["paths"].get(path, {}).get(method) != expected["paths"].get(path, {}).get(method)
    )
    assert _text(served) == _text(expected), (
        f"the OpenAPI document changed (operations: {', '.join(changed) or 'components only'}); "
        "if that is meant, regenerate the snapshot as this module's docstring says"
    )

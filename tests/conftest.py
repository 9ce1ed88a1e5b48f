"""Shared test set-up: strict templates, a small real slice of the catalogue, a page checker."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("SKILLSHUB_STRICT_TEMPLATES", "1")
# Tests never write into a real home: caches and any SQLite file go to a throw-away folder.
os.environ["SKILLSHUB_HOME"] = tempfile.mkdtemp(prefix="skillshub-tests-")

FIXTURES = Path(__file__).parent / "fixtures"
pytest_plugins = ["tests.page_checks"]


def load_fixture_catalogue() -> None:
    """Ingest the checked-in slice of real standards with the real ingest code."""
    from skillshub.catalogue.ingest import embedded_plan
    from skillshub.core.ingest import run_ingest

    run_ingest(
        embedded_plan(
            FIXTURES,
            current_file=FIXTURES / "skills_england" / "current_list.json",
            detail_file=FIXTURES / "skills_england" / "full_records.json",
        )
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        load_fixture_catalogue()

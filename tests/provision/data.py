"""Provision test data, loaded by the real ingest code inside each test's transaction (over the
geography and the test catalogue every test database holds)."""

from __future__ import annotations

import pytest

from tests.provision.loading import load_all, load_course_directory


@pytest.fixture
def course_directory(db: None) -> None:
    """The fixture course directory files (providers 19999901 and 19999902) and the learning aim
    links."""
    load_course_directory()


@pytest.fixture
def provision(db: None) -> None:
    """The fixture course directory and FAT files."""
    load_all()

"""Provision test data, loaded by the real ingest code inside each test's transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.provision.loading import load_all, load_course_directory, load_geography


@pytest.fixture
def geography(db: None) -> None:
    load_geography()


@pytest.fixture
def course_directory(geography: None) -> None:
    """Geography, then the fixture course directory files and the learning aim links."""
    load_course_directory()


@pytest.fixture
def provision(db: None, tmp_path: Path) -> None:
    """Everything: geography, the test catalogue with ST0662/ST0999/ST0841, NCS and FAT files."""
    load_all(tmp_path)

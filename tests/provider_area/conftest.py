"""Provider area test data: the fixture course directory, loaded by the real ingest code."""

from __future__ import annotations

import pytest

from tests.provision.loading import load_course_directory, load_geography


@pytest.fixture
def course_directory(db: None) -> None:
    """Geography, then the fixture course directory (providers 19999901 and 19999902)."""
    load_geography()
    load_course_directory()

"""Provider area test data: the fixture course directory, loaded by the real ingest code."""

from __future__ import annotations

import pytest

from tests.provision.loading import load_course_directory


@pytest.fixture
def course_directory(db: None) -> None:
    """The fixture course directory (providers 19999901 and 19999902)."""
    load_course_directory()

"""Qualifications test data, loaded by the real ingest code inside each test's transaction."""

from __future__ import annotations

import pytest

from tests.qualifications.loading import load_sample


@pytest.fixture
def sample(db: None) -> None:
    load_sample()

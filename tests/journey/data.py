"""Journey test data: the sample qualifications and the embedded HE providers, loaded by the
real ingest code inside each test's transaction (the test catalogue and geography are always
there)."""

from __future__ import annotations

import pytest

from tests.provision.discover_uni_loading import load_he_providers
from tests.qualifications.loading import load_sample


@pytest.fixture
def journey_data(db: None) -> None:
    load_sample()
    load_he_providers()

"""Schemathesis against the live WSGI app: every operation, every check, no 5xx, no schema lies.

Generated positive and negative requests (out-of-range numbers, wrong types, odd strings,
unsupported methods) go through the real Django stack with the fixture catalogue, course
directory, qualifications and geography loaded by the real ingest code.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from skillshub.demand import keys

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]
EXAMPLES = 50
"""Examples per operation and phase, seeded so each run sends the same requests: about half the
test time of 100 (66 s of test time on 2 cores), which `make test` could not afford."""

CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all", "max-examples": EXAMPLES, "database": "none"},
        "checks": {
            "enabled": True,
            # A schema cannot state every rule: a need must have words in it, a qualification
            # number a check digit, a postcode must exist. Those schema-valid requests are
            # answered 400 or 404 problem details (never 5xx, and their bodies are checked);
            # nor the address length: a long need, percent-encoded, can pass 8,000 characters
            # (414) while within its own bound.
            "positive_data_acceptance": {"expected-statuses": ["2xx", "400", "404", "414"]},
            # Too long an address (414) is a refusal too.
            "negative_data_rejection": {
                "expected-statuses": ["400", "401", "403", "404", "405", "413", "414", "422"]
            },
        },
        "seed": 20261201,
    }
)


@pytest.fixture(autouse=True)
def data(db: None) -> Iterator[str]:
    """Real fixture data; the app talks to the test database inside the test's transaction."""
    from tests.dashboard.conftest import load_fixture_ons
    from tests.provision.loading import load_course_directory
    from tests.qualifications.loading import load_sample

    load_course_directory()
    load_sample()
    load_fixture_ons()
    partner = keys.make_key(name="Schemathesis", scopes=keys.SCOPES).key
    # As Django's test client does: a request's end must not close the test transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield partner
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


# The schema the app itself serves (building it needs no database).
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application(), config=CONFIG)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case: schemathesis.Case, data: str) -> None:
    # A real partner key, so the partner operations are tested beyond their 401.
    case.call_and_validate(headers={"Authorization": f"Bearer {data}"})

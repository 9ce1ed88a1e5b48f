"""Shared test set-up: strict templates, a small real slice of the catalogue, a page checker."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_django import DjangoDbBlocker

# tests/settings.py (DJANGO_SETTINGS_MODULE) turns on strict templates and a throw-away
# SKILLSHUB_HOME, so tests never write into a real home.

FIXTURES = Path(__file__).parent / "fixtures"
pytest_plugins = [
    "tests.page_checks",
    "tests.journey.data",
    "tests.market.data",
    "tests.provision.data",
]


def load_fixture_catalogue() -> None:
    """Ingest the checked-in slice of real standards with the real ingest code."""
    from skillshub.catalogue.ingest import embedded_plan
    from skillshub.core.ingest import run_ingest

    run_ingest(
        embedded_plan(
            FIXTURES,
            catalogue_file=FIXTURES / "skills_england" / "catalogue_sample.json.gz",
            units_file=FIXTURES / "skills_england" / "apprenticeship_units.csv",
        )
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--browser",
        action="store_true",
        help="also run the headless-Chromium tests (marked `browser`; `make test` passes this)",
    )


@pytest.hookimpl(trylast=True)  # after pytest-django's order (database tests first)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The few long tests first (a stable sort keeps every other order): on two workers a long
    # test started last would end the run alone while the other core idles.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
    # A check of the embedded data judges the data (and the method on it): the code it runs is
    # measured by the tests on fixtures, and tracing it over the whole catalogue doubled its time.
    for item in items:
        if item.get_closest_marker("data"):
            item.add_marker(pytest.mark.no_cover)
    if config.getoption("--browser"):
        return
    skip = pytest.mark.skip(reason="browser test: run with --browser (needs Debian's chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> None:
    """One database per worker, built once: the fixture catalogue and the embedded geography
    (regions, authorities, postcode districts), which nearly every page, search and ingest needs.
    Each test then runs in a rolled-back transaction over it; tests that load the same data
    again find it unchanged. Everything else a test loads itself."""
    from tests.provision.loading import load_geography

    with django_db_blocker.unblock():
        load_fixture_catalogue()
        load_geography()

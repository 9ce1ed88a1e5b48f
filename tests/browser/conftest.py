"""Headless Chromium (Debian's) driven by Playwright, with axe-core and a record of requests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer

CHROMIUM = os.environ.get("SKILLSHUB_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@lru_cache(maxsize=1)
def _axe_source() -> str:
    return AXE.read_text()


class SharedConnectionServer(ThreadedWSGIServer):
    """Django's threaded test server for a test database shared with the server's threads: each
    request thread uses the test's connection and leaves it open when the request ends (an
    in-memory database is never closed; checking from a late thread only raises)."""

    def _close_connections(self) -> None:
        pass


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make system-deps` (apt chromium)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


class Visit:
    """One page load: the page, every URL it requested, and axe-core's findings."""

    def __init__(self, page: Any, requests: list[str]) -> None:
        self.page = page
        self.requests = requests

    def axe_violations(self) -> list[dict[str, Any]]:
        self.page.evaluate(_axe_source())
        # Only violations are collected in full (every node); axe skips gathering the passes,
        # which roughly halves its time on a long page.
        result = self.page.evaluate(
            "async (tags) => await axe.run(document, "
            "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_TAGS,
        )
        return [
            {"id": v["id"], "help": v["help"], "nodes": [n["html"][:120] for n in v["nodes"]]}
            for v in result["violations"]
        ]


@pytest.fixture(scope="session")
def hub_server(django_db_setup: None, django_db_blocker: Any) -> Iterator[Any]:
    """The hub over HTTP for the whole run, in a thread that shares the test database's one
    in-memory SQLite connection (as Django's live server does for SQLite). Each test runs in its
    own rolled-back transaction (`db`) and the browser sees that test's data: nothing is flushed
    and loaded again between tests, as pytest-django's `live_server` (a transactional test) does."""
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
            pytest.fail("browser tests need the in-memory SQLite test database (not PostgreSQL)")
        server = LiveServer("localhost", start=False)
        server.thread.server_class = SharedConnectionServer
        server.start()
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture
def served(db: None, hub_server: Any) -> Any:
    """The shared server, for a test whose data lives in its own transaction."""
    return hub_server


@pytest.fixture
def visit(browser: Any, served: Any) -> Iterator[Any]:
    context = browser.new_context()
    pages: list[Any] = []

    def open_page(path: str) -> Visit:
        page = context.new_page()
        pages.append(page)
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(served.url + path, wait_until="load")
        return Visit(page, requests)

    yield open_page
    context.close()

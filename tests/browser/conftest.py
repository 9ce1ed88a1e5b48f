"""Headless Chromium (Debian's) driven by Playwright, with axe-core and a record of requests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

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
        self.page.evaluate(AXE.read_text())
        result = self.page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            WCAG_TAGS,
        )
        return [
            {"id": v["id"], "help": v["help"], "nodes": [n["html"][:120] for n in v["nodes"]]}
            for v in result["violations"]
        ]


@pytest.fixture
def visit(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context()
    pages: list[Any] = []

    def open_page(path: str) -> Visit:
        page = context.new_page()
        pages.append(page)
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(live_server.url + path, wait_until="networkidle")
        return Visit(page, requests)

    yield open_page
    context.close()

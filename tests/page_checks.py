"""One page-checking client for every page test: valid HTML, one h1, title, ids, GOV.UK classes."""

from __future__ import annotations

from collections import Counter
from typing import Any

import html5lib
import pytest
from bs4 import BeautifulSoup, PageElement, Tag
from django.test import Client

UNDEFINED_MARKER = "UNDEFINED-TEMPLATE-VARIABLE"


def check_page(html: str) -> BeautifulSoup:
    """Fail with a clear message on the page faults a reviewer would reject."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        parser.parse(html)
    except html5lib.html5parser.ParseError as error:
        raise AssertionError(f"HTML does not parse: {error}") from error
    assert UNDEFINED_MARKER not in html, "a template used an undefined variable"
    soup = BeautifulSoup(html, "html.parser")
    headings = soup.find_all("h1")
    assert len(headings) == 1, f"expected one <h1>, found {len(headings)}"
    h1 = " ".join(headings[0].get_text().split())
    title = " ".join((soup.title.get_text() if soup.title else "").split())
    assert title.startswith(h1) or title.startswith(f"Error: {h1}"), (
        f"<title> {title!r} should start with the h1 {h1!r}"
    )
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    repeated = [i for i, n in ids.items() if n > 1]
    assert not repeated, f"ids used more than once: {repeated}"
    for form in soup.find_all("form"):
        assert form.get("action"), f"a form has no action: {str(form)[:120]}"
    for paragraph in soup.find_all("p"):
        assert paragraph.get("class"), f"<p> without a GOV.UK class: {str(paragraph)[:120]}"
    for link in soup.find_all("a"):
        assert link.get("class"), f"<a> without a GOV.UK class: {str(link)[:120]}"
    return soup


def tag(element: PageElement | None, what: str) -> Tag:
    """What a `find`, `find_next` or `find_parent` returned, as a tag; fails naming `what`."""
    assert isinstance(element, Tag), f"no {what} found (got {element!r})"
    return element


def one(scope: Tag, selector: str) -> Tag:
    """The first element in `scope` matching the CSS `selector`; fails naming the selector."""
    return tag(scope.select_one(selector), repr(selector))


def attr(element: Tag, name: str) -> str:
    """The single value of `element`'s attribute `name`; fails when it is missing or a list."""
    value = element.get(name)
    assert isinstance(value, str), f"<{element.name}> has no single {name!r}: {str(element)[:120]}"
    return value


class PageClient:
    """Django's test client, but every HTML page it fetches is checked."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def get(self, url: str, *, status: int = 200, **params: Any) -> BeautifulSoup:
        response = self.client.get(url, params or None)
        assert response.status_code == status, f"{url}: {response.status_code} != {status}"
        return check_page(response.content.decode())

    def post(self, url: str, data: dict[str, Any], *, status: int = 200) -> BeautifulSoup:
        response = self.client.post(url, data)
        assert response.status_code == status, f"{url}: {response.status_code} != {status}"
        return check_page(response.content.decode())


@pytest.fixture
def client_request(client: Client, db: None) -> PageClient:
    return PageClient(client)

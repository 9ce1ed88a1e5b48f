"""An employer's shortlist of offers, kept in their session (no account needed)."""

from __future__ import annotations

from django.http import HttpRequest

KEY = "provision_shortlist"
POSTCODE_KEY = "provision_postcode"
SEARCH_KEY = "provision_last_search"
MAX_ITEMS = 10


def offer_ids(request: HttpRequest) -> list[str]:
    stored = request.session.get(KEY, [])
    return [str(item) for item in stored] if isinstance(stored, list) else []


def add(request: HttpRequest, offer_id: str) -> bool:
    """Add an offer; False when the shortlist is already full."""
    ids = offer_ids(request)
    if offer_id in ids:
        return True
    if len(ids) >= MAX_ITEMS:
        return False
    request.session[KEY] = [*ids, offer_id]
    return True


def remove(request: HttpRequest, offer_id: str) -> None:
    request.session[KEY] = [item for item in offer_ids(request) if item != offer_id]


def clear(request: HttpRequest) -> None:
    request.session[KEY] = []


def remember_postcode(request: HttpRequest, postcode: str) -> None:
    """The last place searched from, so the shortlist can show distances from it."""
    request.session[POSTCODE_KEY] = postcode


def last_postcode(request: HttpRequest) -> str:
    return str(request.session.get(POSTCODE_KEY, ""))


def remember_search(request: HttpRequest, path: str) -> None:
    """The last results page, so offer and shortlist pages can link back to it."""
    request.session[SEARCH_KEY] = path


def last_search(request: HttpRequest) -> str:
    return str(request.session.get(SEARCH_KEY, ""))

"""An employer's shortlist of offers, kept in their session (no account needed).

A session is only started when something is added: searching and reading pages store
nothing, so a visitor without a cookie never leaves a session row behind.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

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
    if not _has_session(request):
        _remember_from(request, str(request.POST.get("next", "")))
    request.session[KEY] = [*ids, offer_id]
    return True


def _has_session(request: HttpRequest) -> bool:
    return bool(request.session.session_key)


def _remember_from(request: HttpRequest, path: str) -> None:
    """A new shortlist remembers the search it was started from (and its postcode)."""
    if not path.startswith("/training/?"):
        return
    request.session[SEARCH_KEY] = path
    postcode = parse_qs(urlsplit(path).query).get("postcode", [""])[0].strip()
    if postcode:
        request.session[POSTCODE_KEY] = postcode


def remove(request: HttpRequest, offer_id: str) -> None:
    if _has_session(request):
        request.session[KEY] = [item for item in offer_ids(request) if item != offer_id]


def clear(request: HttpRequest) -> None:
    if _has_session(request):
        request.session[KEY] = []


def remember_postcode(request: HttpRequest, postcode: str) -> None:
    """The last place searched from, so the shortlist can show distances from it (only once
    there is a session: a search alone does not start one)."""
    if _has_session(request):
        request.session[POSTCODE_KEY] = postcode


def last_postcode(request: HttpRequest) -> str:
    return str(request.session.get(POSTCODE_KEY, ""))


def remember_search(request: HttpRequest, path: str) -> None:
    """The last results page, so offer and shortlist pages can link back to it (only once
    there is a session)."""
    if _has_session(request):
        request.session[SEARCH_KEY] = path


def last_search(request: HttpRequest) -> str:
    return str(request.session.get(SEARCH_KEY, ""))

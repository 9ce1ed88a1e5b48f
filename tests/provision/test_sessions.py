"""Sessions only when needed: searching stores nothing; adding to a shortlist starts one."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

pytestmark = pytest.mark.django_db
HTQ_BIRMINGHAM = "ncs:00000000-0000-4000-8000-0000000000a1"


def test_a_cookieless_search_stores_no_session(course_directory: None) -> None:
    for _ in range(5):
        response = Client().get("/training/", {"q": "engineering", "postcode": "B1 1AA"})
        assert response.status_code == 200
        assert "sessionid" not in response.cookies
    Client().get(f"/training/offers/{HTQ_BIRMINGHAM}/")
    Client().get("/training/shortlist/")
    Client().post("/training/shortlist/", {"action": "clear"})
    assert Session.objects.count() == 0


def test_adding_to_the_shortlist_starts_one_that_remembers_the_search(
    course_directory: None,
) -> None:
    client = Client()
    client.get("/training/", {"postcode": "B1 1AA"})
    back = "/training/?postcode=B1+1AA"
    response = client.post(
        "/training/shortlist/", {"action": "add", "offer_id": HTQ_BIRMINGHAM, "next": back}
    )
    assert response.status_code == 302 and "sessionid" in response.cookies
    assert Session.objects.count() == 1
    page = client.get("/training/shortlist/").content.decode()
    assert 'href="/training/?postcode=B1+1AA"' in page  # back to the search it came from
    assert " km (" in page  # distance from the postcode searched


def test_sessions_expire_and_ingest_deletes_expired_ones(course_directory: None) -> None:
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    from skillshub.commands.ingest import ensure_schema

    assert settings.SESSION_COOKIE_AGE == 14 * 24 * 3600
    client = Client()
    client.post("/training/shortlist/", {"action": "add", "offer_id": HTQ_BIRMINGHAM})
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    ensure_schema()
    assert Session.objects.count() == 0

"""The offer form: answers become a domain offer, and a stored offer becomes answers again."""

from __future__ import annotations

import pytest

from skillshub.provider_area import services
from skillshub.provider_area.forms import OfferForm, initial_answers
from skillshub.provision import models
from tests.provider_area.test_views import GOOD_OFFER

pytestmark = pytest.mark.django_db
KNOWN = {"ST0154"}


def test_a_stored_offer_gives_back_the_answers_it_was_made_from(course_directory: None) -> None:
    provider = models.Provider.objects.get(ukprn=19999901)
    form = OfferForm(GOOD_OFFER, known_standards=KNOWN)
    assert form.is_valid(), form.errors
    offer = form.offer(offer_id="hub:19999901:test", ukprn=provider.ukprn)
    duration = (form.cleaned_data["duration_value"], form.cleaned_data["duration_unit"])
    row = services.publish_offer(offer, provider=provider, duration=duration)
    again = OfferForm(initial_answers(row), known_standards=KNOWN)
    assert again.is_valid(), again.errors
    assert again.offer(offer_id=offer.offer_id, ukprn=provider.ukprn) == offer


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"standards": "ST0154, st9999"}, "standards"),
        ({"duration_unit": ""}, "duration_unit"),
        ({"venue_postcode": ""}, "venue_postcode"),
        ({"start_dates": ""}, "start_dates"),
    ],
)
def test_each_rule_names_its_field(changes: dict[str, str], field: str) -> None:
    form = OfferForm({**GOOD_OFFER, **changes}, known_standards=KNOWN)
    assert not form.is_valid() and list(form.errors) == [field]

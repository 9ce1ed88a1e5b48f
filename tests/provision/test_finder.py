"""The standards a need matches, as links that rank offers; the offer index they rank."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from skillshub.provision import finder, models, store
from skillshub.provision import index as provision_index


@dataclass
class Found:
    reference: str
    title: str
    level: int
    score: float


def test_standard_links_share_the_best_score_and_drop_weak_matches() -> None:
    matches = [
        Found("ST0662", "Automation engineer", 4, 0.8),
        Found("ST0999", "Control technician", 3, 0.4),
        Found("ST0841", "Far away", 5, 0.39),
    ]
    links = finder.standard_links(matches)
    assert [(link.reference, link.share) for link in links] == [("ST0662", 1.0), ("ST0999", 0.5)]
    assert finder.standard_links([]) == []
    assert finder.standard_links([Found("ST0001", "Nothing", 2, 0.0)]) == []


def test_only_the_best_ten_standards_are_considered() -> None:
    matches = [Found(f"ST{n:04d}", "A standard", 4, 1.0) for n in range(12)]
    assert len(finder.standard_links(matches)) == finder.STANDARDS_CONSIDERED


@pytest.mark.django_db
def test_the_index_is_rebuilt_when_provision_changes(course_directory: None) -> None:
    first = provision_index.current()
    assert provision_index.current() is first
    store.withdraw(models.Offer.objects.get(offer_id="ncs:00000000-0000-4000-8000-0000000000a5"))
    second = provision_index.current()
    assert second is not first and second.offer_count == first.offer_count - 1


@pytest.mark.django_db
def test_learning_aim_links_apply_to_stored_offers(course_directory: None) -> None:
    loaded = provision_index.current()
    by_id = {offer.offer_id: offer for offer in loaded.index.offers}
    foundation = by_id["ncs:00000000-0000-4000-8000-0000000000a6"]
    assert foundation.standard_references == ("ST0999", "ST0662")

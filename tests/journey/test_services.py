"""One search over every route: groups, cards with time, format, where and cost, and context."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from skillshub.journey.services import TrainingSearchRequest, TrainingSearchResult, find_training

TODAY = date(2026, 12, 1)


def search(**values: Any) -> TrainingSearchResult:
    return find_training(TrainingSearchRequest(**values), today=TODAY)


@pytest.mark.usefixtures("journey_data")
def test_a_need_near_a_postcode_gives_every_route_with_costs() -> None:
    result = search(q="keep our production line robots running", postcode="B1 1AA", employees=20)
    groups = {group.name: group for group in result.groups}
    assert {"apprenticeships", "qualifications", "providers"} <= set(groups)
    apprenticeships = groups["apprenticeships"].cards
    assert apprenticeships[0].level in (4, 5)
    assert "ST0662" in [card.reference for card in apprenticeships]
    automation = next(card for card in apprenticeships if card.reference == "ST0662")
    assert automation.time.startswith("48 months") and "hours a week" in automation.time
    assert "You pay nothing for an apprentice aged 16 to 24" in automation.cost
    assert "£700" in automation.cost  # 5% of the £14,000 funding band
    assert "we assume you do not pay the levy" in automation.cost_rule
    assert (
        automation.url
        == "/standards/ST0662/?q=keep+our+production+line+robots+running&postcode=B1+1AA"
    )
    providers = [card.title for card in groups["providers"].cards]
    assert providers and all("km" in card.where for card in groups["providers"].cards)
    assert result.place == "B1 1AA" and not result.nothing_near
    assert result.funding_rules.sources


@pytest.mark.usefixtures("journey_data")
def test_nonsense_gets_no_good_match_and_only_the_empty_apprenticeships_group() -> None:
    result = search(q="xyzzy")
    assert result.no_good_match
    assert [g.name for g in result.groups] == ["apprenticeships"]
    assert result.groups[0].cards == []

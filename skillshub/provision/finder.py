"""The standards a need matches, as links that rank offers: need -> standards -> offers.

`skillshub.provision.services.find_offers` (the one offer search) ranks offers by these links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

DEFAULT_RADIUS_KM = 25.0
MAX_RADIUS_KM = 400.0
STANDARDS_CONSIDERED = 10
# A standard whose match is below this share of the best one is too weak to pull in offers:
# the dense channel gives every standard some similarity to any text.
MIN_STANDARD_SHARE = 0.5


@dataclass(frozen=True)
class StandardLink:
    """A standard the need matched, and how strongly (1.0 is the best match)."""

    reference: str
    title: str
    level: int
    share: float


def matched_standards(need: str) -> tuple[list[StandardLink], list[str]]:
    """The standards that meet a need, with shares of the best score; QueryError if unsearchable."""
    from skillshub.catalogue import matching

    try:
        outcome = matching.search_standards(need, limit=STANDARDS_CONSIDERED)
    except matching.CatalogueNotLoaded:
        return [], [
            "The apprenticeship standards are not loaded, so courses are matched on their "
            "titles only. An operator can load them with `skillshub ingest`."
        ]
    return standard_links(outcome.matches), list(outcome.notes)


def standard_links(matches: Sequence[Any]) -> list[StandardLink]:
    """Links for the best standards of a search (anything with reference, title, level and
    score, best first): each with its share of the best score, the weak ones left out."""
    top = max((match.score for match in matches[:STANDARDS_CONSIDERED]), default=0.0)
    return [
        StandardLink(match.reference, match.title, match.level, min(1.0, match.score / top))
        for match in matches[:STANDARDS_CONSIDERED]
        if top > 0 and match.score / top >= MIN_STANDARD_SHARE
    ]

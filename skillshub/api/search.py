"""`/api/v1/search/standards`: an employer's need in plain words -> standards, with reasons."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema

from skillshub.api.problems import Problem

router = Router()


class EvidenceOut(Schema):
    kind: str
    ref: str
    text: str
    matched_terms: list[str]


class MatchOut(Schema):
    reference: str
    title: str
    level: int
    route: str
    score: float
    why: list[EvidenceOut]


class SearchOut(Schema):
    query: str
    results: list[MatchOut]
    notes: list[str]


class SearchParams(Schema):
    q: str = ""
    limit: int = 10
    level: int | None = None
    route: str | None = None


@router.get(
    "/standards", response=SearchOut, operation_id="search_standards", url_name="search_standards"
)
def search_standards(request: HttpRequest, params: Query[SearchParams]) -> dict[str, object]:
    """Standards that meet a need described in plain words, best first, each with evidence."""
    from skillshub.catalogue import matching
    from skillshub.domain.search import QueryError

    if not 1 <= params.limit <= 100:
        raise Problem(400, "Invalid limit", "limit must be between 1 and 100.")
    try:
        outcome = matching.search_standards(
            params.q, limit=params.limit, level=params.level, route=params.route
        )
    except QueryError as error:
        raise Problem(400, "Invalid query", str(error)) from error
    except matching.CatalogueNotLoaded as error:
        raise Problem(503, "Catalogue not loaded", str(error)) from error
    return outcome.as_dict()

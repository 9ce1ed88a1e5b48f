"""`/api/v1/search/standards`: an employer's need in plain words -> standards, with reasons."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router

from skillshub.api.problems import Problem
from skillshub.catalogue.services import StandardsSearchRequest, StandardsSearchResult

router = Router()


@router.get(
    "/standards",
    response=StandardsSearchResult,
    operation_id="search_standards",
    url_name="search_standards",
)
def search_standards(
    request: HttpRequest, params: Query[StandardsSearchRequest]
) -> StandardsSearchResult:
    """Standards that meet a need described in plain words, best first, each with reasons.
    Level 4-5 standards rank first (`level_group`); `no_good_match` is true, with no results,
    when nothing in the catalogue is close enough to the need."""
    from skillshub.catalogue import services
    from skillshub.catalogue.matching import CatalogueNotLoaded
    from skillshub.domain.search import QueryError

    try:
        return services.search_standards(params)
    except QueryError as error:
        raise Problem(400, "Invalid query", str(error)) from error
    except CatalogueNotLoaded as error:
        raise Problem(503, "Catalogue not loaded", str(error)) from error

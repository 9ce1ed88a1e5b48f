"""`/api/v1/providers`: colleges and universities that teach higher education near a postcode."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router

from skillshub.api.problems import Problem
from skillshub.provision.nearby import ProviderSearchRequest, ProviderSearchResult

router = Router()


@router.get(
    "", response=ProviderSearchResult, operation_id="search_providers", url_name="search_providers"
)
def search_providers(
    request: HttpRequest, params: Query[ProviderSearchRequest]
) -> ProviderSearchResult:
    """Colleges and universities teaching higher education near a postcode, nearest first.

    From the Discover Uni teaching locations that ship with Skills Hub (no course data is
    needed). Distance is straight-line to the provider's nearest teaching location.
    """
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace
    from skillshub.provision import nearby

    try:
        return nearby.find_providers(params)
    except (InvalidPostcode, UnknownPlace) as error:
        raise Problem(400, "Invalid postcode", str(error)) from error

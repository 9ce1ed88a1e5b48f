"""`/api/v1/search/offers` and `/api/v1/offers/{offer_id}`: courses and apprenticeships."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router

from skillshub.api.problems import Problem
from skillshub.provision.services import OfferSearchRequest, OfferSearchResult

search_router = Router()
offers_router = Router()


@search_router.get(
    "/offers", response=OfferSearchResult, operation_id="search_offers", url_name="search_offers"
)
def search_offers(request: HttpRequest, params: Query[OfferSearchRequest]) -> OfferSearchResult:
    """Courses and apprenticeships that meet a need near a postcode, with distance, cost and time.

    Offers linked to the standards the need matches come first; online and national offers are
    always included. Distances are straight-line; `facts` gives each offer's distance, cost,
    time, format, starts and funding in plain words. No course data ships with Skills Hub: when
    none is loaded, `offers_loaded` is 0 and `notes` says how to load it (higher education
    providers near a postcode, which do ship, are at `/api/v1/providers`).
    """
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace
    from skillshub.domain.search import QueryError
    from skillshub.provision import services
    from skillshub.provision.ingest import COMMAND

    try:
        result = services.find_offers(params, today=timezone.localdate())
    except QueryError as error:
        raise Problem(400, "Invalid query", str(error)) from error
    except (InvalidPostcode, UnknownPlace) as error:
        raise Problem(400, "Invalid postcode", str(error)) from error
    if result.offers_loaded == 0:
        result.notes.append(
            f"No course data is loaded: an operator runs `{COMMAND}`. The colleges and "
            "universities near a postcode that teach higher education are at /api/v1/providers."
        )
    return result


@offers_router.get("/{offer_id}", operation_id="get_offer", url_name="get_offer")
def get_offer(request: HttpRequest, offer_id: str) -> dict[str, Any]:
    """One offer as a schema.org `Course` (JSON-LD)."""
    from skillshub.domain.provision import course_jsonld
    from skillshub.provision import models, store

    row = (
        models.Offer.objects.select_related("provider")
        .filter(store.live_offers(), offer_id=offer_id)
        .first()
    )
    if row is None:
        raise Problem(404, "Offer not found", f"There is no live offer '{offer_id}'.")
    offer = store.offer_from_row(row, links=store.aim_links())
    return course_jsonld(offer, store.to_domain_provider(row.provider))

"""The NinjaAPI instance: version 1 routers, OpenAPI at /api/docs and /api/openapi.json."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.throttling import AnonRateThrottle

from skillshub.api import problems
from skillshub.api.esco import standards_router as esco_router
from skillshub.api.families import router as families_router
from skillshub.api.families import standards_router as similar_router
from skillshub.api.glossary import router as glossary_router
from skillshub.api.journey import router as journey_router
from skillshub.api.labour_market import router as labour_market_router
from skillshub.api.market import router as market_router
from skillshub.api.needs import router as needs_router
from skillshub.api.offers import offers_router
from skillshub.api.offers import search_router as offer_search_router
from skillshub.api.pathways import router as pathways_router
from skillshub.api.providers import router as providers_router
from skillshub.api.qualifications import router as qualifications_router
from skillshub.api.search import router as search_router
from skillshub.api.standards import router as standards_router
from skillshub.core.ratelimit import client_address
from skillshub.settings import get_settings


class ClientThrottle(AnonRateThrottle):
    """SKILLSHUB_API_RATE requests per client address, counted in the configured cache."""

    scope = "client"

    def get_ident(self, request: HttpRequest) -> str | None:
        return client_address(request)


class HubAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        """The generated schema, with every error response each operation can give."""
        return problems.document_errors(super().get_openapi_schema(**kwargs))


throttle = ClientThrottle(get_settings().api_rate)
api = HubAPI(
    title="Skills Hub API",
    version="1",
    description="Apprenticeship standards, plain-language matching, local training and the "
    "labour market. Errors are RFC 9457 problem details (application/problem+json). Each "
    "client address may make SKILLSHUB_API_RATE requests (300 a minute unless the operator "
    "says otherwise); past that the answer is 429 with Retry-After.",
    urls_namespace="api",
    throttle=[throttle],
)
problems.install(api)
api.add_router("/v1/standards", similar_router, tags=["standards"])
api.add_router("/v1/standards", esco_router, tags=["standards"])
api.add_router("/v1/standards", standards_router, tags=["standards"])
api.add_router("/v1/families", families_router, tags=["standards"])
api.add_router("/v1/qualifications", qualifications_router, tags=["qualifications"])
api.add_router("/v1/search", journey_router, tags=["search"])
api.add_router("/v1/search", search_router, tags=["search"])
api.add_router("/v1/search", offer_search_router, tags=["search"])
api.add_router("/v1/offers", offers_router, tags=["provision"])
api.add_router("/v1/providers", providers_router, tags=["provision"])
api.add_router("/v1/pathways", pathways_router, tags=["pathways"])
api.add_router("/v1/labour-market", labour_market_router, tags=["labour market"])
api.add_router("/v1/glossary", glossary_router, tags=["glossary"])
api.add_router("/v1/areas", market_router, tags=["local market"])
api.add_router("/v1/needs", needs_router, tags=["needs"])

"""The NinjaAPI instance: version 1 routers, OpenAPI at /api/docs and /api/openapi.json."""

from __future__ import annotations

from ninja import NinjaAPI

from skillshub.api import problems
from skillshub.api.labour_market import router as labour_market_router
from skillshub.api.offers import offers_router
from skillshub.api.offers import search_router as offer_search_router
from skillshub.api.providers import router as providers_router
from skillshub.api.qualifications import router as qualifications_router
from skillshub.api.search import router as search_router
from skillshub.api.standards import router as standards_router

api = NinjaAPI(
    title="Skills Hub API",
    version="1",
    description="Apprenticeship standards, plain-language matching, local training and the "
    "labour market. Errors are RFC 9457 problem details (application/problem+json).",
    urls_namespace="api",
)
problems.install(api)
api.add_router("/v1/standards", standards_router, tags=["standards"])
api.add_router("/v1/qualifications", qualifications_router, tags=["qualifications"])
api.add_router("/v1/search", search_router, tags=["search"])
api.add_router("/v1/search", offer_search_router, tags=["search"])
api.add_router("/v1/offers", offers_router, tags=["provision"])
api.add_router("/v1/providers", providers_router, tags=["provision"])
api.add_router("/v1/labour-market", labour_market_router, tags=["labour market"])

"""`/api/v1/pathways`: the next Level 4-5 steps from a standard (`from`) or a job (`from_text`)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router

from skillshub.api.problems import Problem
from skillshub.progression.services import PathwaysRequest, PathwaysResult

router = Router()


@router.get("", response=PathwaysResult, operation_id="find_pathways", url_name="find_pathways")
def find_pathways(request: HttpRequest, params: Query[PathwaysRequest]) -> PathwaysResult:
    """From `from=ST0128` (a standard) or `from_text=` (a job in plain words): the closest
    Level 4-5 steps one or two levels up, each with the skills already held, the ones that
    build on them, the new ones (in a few themes), time, cost and funding."""
    from skillshub.catalogue.matching import CatalogueNotLoaded
    from skillshub.domain.pathways import NeedsEmbeddings
    from skillshub.domain.search import QueryError
    from skillshub.progression import services

    try:
        return services.find_pathways(params)
    except services.UnknownStart as error:
        raise Problem(404, "Standard not found", str(error)) from error
    except QueryError as error:
        raise Problem(400, "Invalid query", str(error)) from error
    except (CatalogueNotLoaded, NeedsEmbeddings) as error:
        raise Problem(503, "Pathways not available", str(error)) from error

"""`/api/v1/search`: one need (and a place) -> every route to the skill, grouped as on the page."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Query, Router

from skillshub.api.problems import Problem
from skillshub.journey.services import TrainingSearchRequest, TrainingSearchResult

router = Router()


@router.get(
    "", response=TrainingSearchResult, operation_id="find_training", url_name="find_training"
)
def find_training(
    request: HttpRequest, params: Query[TrainingSearchRequest]
) -> TrainingSearchResult:
    """Apprenticeships (Level 4-5 first), qualifications, and colleges, universities and courses
    near the postcode, each with time, format, where and the cost to this employer under the
    dated funding rules named in `funding_rules`."""
    from skillshub.catalogue.matching import CatalogueNotLoaded
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace
    from skillshub.domain.search import QueryError
    from skillshub.journey import services

    try:
        return services.find_training(params, today=date.today())
    except QueryError as error:
        raise Problem(400, "Invalid query", str(error)) from error
    except (InvalidPostcode, UnknownPlace) as error:
        raise Problem(400, "Invalid postcode", str(error)) from error
    except CatalogueNotLoaded as error:
        raise Problem(503, "Catalogue not loaded", str(error)) from error

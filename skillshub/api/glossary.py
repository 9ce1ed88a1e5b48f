"""`/api/v1/glossary`: the plain-English glossary, all terms (or `?q=`) and one term."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router

from skillshub.api.problems import Problem
from skillshub.terminology.services import (
    GlossaryEntryOut,
    GlossaryRequest,
    GlossaryResult,
    TermRequest,
)

router = Router()


@router.get("", response=GlossaryResult, operation_id="list_glossary", url_name="list_glossary")
def list_glossary(request: HttpRequest, params: Query[GlossaryRequest]) -> GlossaryResult:
    """Every glossary term A to Z, or those whose name or definition holds `q`; each with its
    aliases, plain-English definition, official source and related terms."""
    from skillshub.terminology import services

    return services.list_terms(params)


@router.get(
    "/{term}", response=GlossaryEntryOut, operation_id="explain_term", url_name="explain_term"
)
def explain_term(request: HttpRequest, term: str) -> GlossaryEntryOut:
    """One term by its name, an alias (`HTQ`) or its slug, ignoring case and punctuation."""
    from pydantic import ValidationError

    from skillshub.terminology import services

    try:
        return services.explain_term(TermRequest(term=term))
    except ValidationError as error:
        raise Problem(400, "Invalid term", "give a term of 1 to 200 characters") from error
    except services.UnknownTerm as error:
        raise Problem(404, "Term not found", str(error)) from error

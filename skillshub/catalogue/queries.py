"""Catalogue read queries shared by pages and API: filter, paginate, describe provenance."""

from __future__ import annotations

from typing import Any, Literal

from django.db.models import QuerySet

from skillshub.catalogue.models import Standard
from skillshub.core.models import DatasetLoad
from skillshub.domain import standards as domain

Status = Literal["current", "approved", "retired", "in-development", "all"]
"""The catalogue's status filters (approved is current by its older name)."""
Kind = Literal["standard", "foundation", "unit", "all"]

STATUS_FILTERS: dict[Status, dict[str, Any]] = {
    "current": {"is_current": True},
    "approved": {"is_current": True},
    "retired": {"status__in": [domain.RETIRED, domain.WITHDRAWN]},
    "in-development": {"is_current": False, "status__in": [domain.IN_DEVELOPMENT]},
    "all": {},
}


def routes() -> list[str]:
    return sorted(set(Standard.objects.filter(is_current=True).values_list("route", flat=True)))


def levels() -> list[int]:
    return sorted(set(Standard.objects.filter(is_current=True).values_list("level", flat=True)))


def standards(
    *, level: int | None = None, route: str | None = None, status: Status, kind: Kind
) -> QuerySet[Standard]:
    """The products with this status and kind (and level and route, when given), by title."""
    rows = Standard.objects.filter(**STATUS_FILTERS[status])
    if kind != "all":
        rows = rows.filter(kind=kind)
    if level is not None:
        rows = rows.filter(level=level)
    if route:
        rows = rows.filter(route__iexact=route)
    return rows.order_by("title")


def ksb_note(standard: domain.Standard) -> str:
    """What a reader should know about the origin of a product's KSBs."""
    version = f"version {standard.detail_version}" if standard.detail_version else "this record"
    when = f" (updated {standard.detail_updated:%-d %B %Y})" if standard.detail_updated else ""
    if standard.ksb_origin == "none":
        if standard.kind == "unit":
            return (
                "The embedded data holds this unit's headline facts only (title, level, hours, "
                "funding and related standards), not its knowledge and skills statements: see "
                "Skills England for the full unit."
            )
        return (
            "The knowledge, skills and behaviours of this product are not in the embedded data. "
            "See the official page, or load the live catalogue with "
            "`skillshub ingest standards --from-api`."
        )
    if standard.ksb_origin == "structured":
        return f"These knowledge, skills and behaviours are those of {version}{when}."
    return (
        f"These knowledge, skills and behaviours are those of {version}{when}, read from its "
        "published text (an older format without KSB numbers; we numbered them in the order "
        "published)."
    )


def latest_load() -> DatasetLoad | None:
    return DatasetLoad.latest_for("standards")

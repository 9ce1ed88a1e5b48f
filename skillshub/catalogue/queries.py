"""Catalogue read queries shared by pages and API: filter, paginate, describe provenance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from skillshub.catalogue.models import Standard
from skillshub.core.models import DatasetLoad
from skillshub.domain import standards as domain

STATUS_FILTERS: dict[str, dict[str, Any]] = {
    "current": {"is_current": True},
    "approved": {"is_current": True},
    "retired": {"status__in": [domain.RETIRED, domain.WITHDRAWN]},
    "in-development": {"is_current": False, "status__in": [domain.IN_DEVELOPMENT]},
    "all": {},
}
KIND_FILTERS = ("standard", "foundation", "unit", "all")


class UnknownFilter(ValueError):
    """A filter value the catalogue does not have; the message lists what it does have."""


@dataclass(frozen=True)
class CatalogueFilter:
    level: int | None = None
    route: str | None = None
    status: str = "current"
    kind: str = "all"

    def apply(self, rows: QuerySet[Standard]) -> QuerySet[Standard]:
        key = self.status.strip().lower()
        if key not in STATUS_FILTERS:
            raise UnknownFilter(
                f"status '{self.status}' is not known; use one of {', '.join(STATUS_FILTERS)}"
            )
        kind = self.kind.strip().lower()
        if kind not in KIND_FILTERS:
            raise UnknownFilter(
                f"kind '{self.kind}' is not known; use one of {', '.join(KIND_FILTERS)}"
            )
        rows = rows.filter(**STATUS_FILTERS[key])
        if kind != "all":
            rows = rows.filter(kind=kind)
        if self.level is not None:
            rows = rows.filter(level=self.level)
        if self.route:
            rows = rows.filter(route__iexact=self.route.strip())
        return rows


def routes() -> list[str]:
    return sorted(set(Standard.objects.filter(is_current=True).values_list("route", flat=True)))


def levels() -> list[int]:
    return sorted(set(Standard.objects.filter(is_current=True).values_list("level", flat=True)))


def standards(filter_: CatalogueFilter) -> QuerySet[Standard]:
    return filter_.apply(Standard.objects.all()).order_by("title")


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

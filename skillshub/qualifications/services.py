"""Finding qualifications: one request model and one result model, shared by page, API and CLI."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from pydantic import BaseModel, ConfigDict, Field, field_validator

from skillshub.core.models import DatasetLoad
from skillshub.core.versioned_cache import VersionedCache
from skillshub.domain.qualification_search import QualificationIndex, SearchableQualification
from skillshub.domain.qualifications import PRODUCT_LEVELS
from skillshub.domain.search import QueryError
from skillshub.qualifications import models
from skillshub.qualifications.ingest import COMMAND, DATASET

__all__ = [
    "MAX_PAGE",
    "MAX_PAGE_SIZE",
    "QualificationQuery",
    "QualificationResults",
    "QueryError",
    "find_qualifications",
]

MAX_PAGE = 100_000
MAX_PAGE_SIZE = 100
MAX_NEED_CHARS = 8000


class QualificationQuery(BaseModel):
    """What someone asked for: a need in plain words (optional), levels, and a page. The API's
    parameters are the aliases (q, level); Python code may use the field names (need, levels)."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, str_strip_whitespace=True)

    need: str = Field(
        default="",
        alias="q",
        max_length=MAX_NEED_CHARS,
        description="The need in plain words; without it, the list by title.",
        examples=["bookkeeping and payroll"],
    )
    levels: tuple[int, ...] = Field(
        default=PRODUCT_LEVELS,
        alias="level",
        max_length=10,
        description="Only these levels (repeat: level=4&level=5); 0 is Entry Level; none "
        "means 4 and 5.",
    )
    page: int = Field(default=1, ge=1, le=MAX_PAGE)
    page_size: int = Field(default=20, ge=1, le=MAX_PAGE_SIZE)

    @field_validator("levels")
    @classmethod
    def _levels(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if not value:
            return PRODUCT_LEVELS
        bad = [n for n in value if not 0 <= n <= 8]
        if bad:
            raise ValueError(f"must be 0 (Entry Level) to 8, not {bad[0]}")
        return tuple(sorted(set(value)))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


class MatchedText(BaseModel):
    """A part of the qualification (or a standard it fits) that matched the need."""

    kind: str
    text: str
    matched_words: list[str]


class QualificationHit(BaseModel):
    number: str
    title: str
    awarding_organisation: str
    level: str
    sector_subject_area: str
    advanced_learner_loan: bool
    lifelong_learning_entitlement: bool
    url: str
    page_url: str
    score: float | None = None
    """Relative fit for a search (the best scores 1); None in a plain list."""
    why: list[MatchedText] = []


class QualificationResults(BaseModel):
    """One page of qualifications, how many there are in all, and notes on the need."""

    need: str
    levels: list[int]
    count: int
    """How many qualifications match in all (as `count` in /api/v1/standards)."""
    page: int
    page_size: int
    notes: list[str]
    results: list[QualificationHit]


INDEXES: VersionedCache[QualificationIndex] = VersionedCache(max_entries=1)
"""The search index for the list being served, one per loaded list."""


def _index() -> QualificationIndex:
    """The search index for the list being served, rebuilt when a new list is loaded."""
    load = DatasetLoad.latest_for(DATASET)
    return INDEXES.get(load.sha256 if load else "", "index", _build)


def _build() -> QualificationIndex:
    links: dict[int, list[tuple[str, str]]] = {}
    for link in models.StandardLink.objects.order_by("qualification_id", "position"):
        texts = links.setdefault(link.qualification_id, [])
        texts.append(("standard", link.title))
        texts += [("standard evidence", item["text"]) for item in link.evidence]
    rows = models.Qualification.objects.values_list(
        "pk", "number", "title", "sector_subject_area", "level_low", "level_high"
    )
    return QualificationIndex(
        SearchableQualification(
            number=number,
            title=title,
            sector=sector,
            levels=tuple(range(low, high + 1)),
            standards=tuple(links.get(pk, ())),
        )
        for pk, number, title, sector, low, high in rows
    )


def _hit(row: models.Qualification) -> QualificationHit:
    return QualificationHit(
        number=row.number,
        title=row.title,
        awarding_organisation=row.awarding_organisation,
        level=row.level_label,
        sector_subject_area=row.sector_subject_area,
        advanced_learner_loan=row.advanced_learner_loan,
        lifelong_learning_entitlement=row.lifelong_learning_entitlement,
        url=reverse("api:get_qualification", kwargs={"number": row.number}),
        page_url=reverse("qualifications:detail", args=[row.number]),
    )


def at_levels(levels: tuple[int, ...]) -> QuerySet[models.Qualification]:
    """Stored qualifications whose level range includes one of `levels`, by title."""
    rows = models.Qualification.objects.none()
    for level in levels:
        rows = rows | models.Qualification.objects.filter(
            level_low__lte=level, level_high__gte=level
        )
    return rows.order_by("title", "number")


def find_qualifications(query: QualificationQuery) -> QualificationResults:
    """The list (by title) or, with a need, the ranking; raises QueryError for a need with
    nothing to search for."""
    notes: list[str] = []
    if DatasetLoad.latest_for(DATASET) is None:
        notes.append(f"No qualifications are loaded yet: run `{COMMAND}`.")
    window = slice(query.offset, query.offset + query.page_size)
    if not query.need.strip():
        rows = at_levels(query.levels)
        return QualificationResults(
            need="",
            levels=list(query.levels),
            count=rows.count(),
            page=query.page,
            page_size=query.page_size,
            notes=notes,
            results=[_hit(row) for row in rows[window]],
        )
    ranking = _index().search(query.need, levels=query.levels)
    page = ranking.hits[window]
    rows_by_number = {
        row.number: row
        for row in models.Qualification.objects.filter(number__in=[h.number for h in page])
    }
    results = []
    for found in page:
        hit = _hit(rows_by_number[found.number])
        hit.score = round(found.score, 4)
        hit.why = [
            MatchedText(kind=r.kind, text=r.text, matched_words=list(r.matched_words))
            for r in found.why
        ]
        results.append(hit)
    return QualificationResults(
        need=ranking.query,
        levels=list(query.levels),
        count=len(ranking.hits),
        page=query.page,
        page_size=query.page_size,
        notes=notes + ranking.notes,
        results=results,
    )

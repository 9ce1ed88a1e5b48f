"""An employee's next Level 4-5 step: one typed request (a standard, or their job in their own
words), one service function, one typed result shared by the pages, the API and the CLI."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from skillshub.domain import funding
from skillshub.domain import pathways as rules
from skillshub.domain.standards import Ksb, Standard, level_in_words, time_commitment
from skillshub.settings import get_settings
from skillshub.sources.funding_rules import read_embedded

REFERENCE = r"^[A-Za-z]{2}\d{4}$"
METHOD = (
    "Steps are current Level 4-5 apprenticeships one or two levels above your standard, ranked "
    "by how alike the two standards' descriptions, duties and knowledge, skills and behaviours "
    f"are (cosine of their mean text vectors), plus {rules.ROUTE_BONUS} for the same route and "
    f"{rules.PATHWAY_BONUS} for the same pathway. A skill you already have is one of your "
    f"standard's with cosine {rules.COVERED_AT} or more; one that builds on what you have is "
    f"between {rules.BUILDS_ON_AT} and {rules.COVERED_AT}; the rest are new."
)
EMPLOYEE_COST = (
    "Nothing: apprentices never pay for their training or assessment. An apprenticeship is a "
    "job with training, so your employer must agree to it and give you the time off the job."
)


class PathwaysRequest(BaseModel):
    """Where the person starts: a standard reference, or their job in their own words."""

    model_config = ConfigDict(populate_by_name=True, str_strip_whitespace=True)

    from_reference: str | None = Field(
        None, alias="from", pattern=REFERENCE, description="A standard, e.g. ST0128."
    )
    from_text: str | None = Field(
        None, max_length=2000, description="Your job now in your own words or its title."
    )
    limit: int = Field(5, ge=1, le=10, description="How many steps, 1 to 10.")

    @model_validator(mode="after")
    def _one_start(self) -> PathwaysRequest:
        if bool(self.from_reference) == bool(self.from_text):
            raise ValueError("give either 'from' (a standard such as ST0128) or 'from_text'")
        return self


class StartOption(BaseModel):
    reference: str
    title: str
    level: int
    route: str
    url: str


class KsbItem(BaseModel):
    kind: str
    ref: str
    text: str


class ThemeOut(BaseModel):
    label: str
    count: int
    refs: list[str]


class QualificationOption(BaseModel):
    number: str
    title: str
    url: str


class PathwayStep(BaseModel):
    reference: str
    title: str
    kind_name: str
    level: int
    level_words: str
    route: str
    closeness: float
    time: str
    employer_cost: str
    employee_cost: str
    cost_rule: str
    url: str
    themes: list[ThemeOut] = Field(description="A plain summary of what the step adds")
    held: list[KsbItem] = Field(description="Skills you already have from your standard")
    builds_on: list[KsbItem] = Field(description="Skills that build on ones you have")
    new: list[KsbItem] = Field(description="Skills that are new to you")
    qualifications: list[QualificationOption] = Field(
        description="Funded Level 4-5 qualifications that fit the step (another way to it)"
    )


class PathwaysResult(BaseModel):
    start: StartOption | None
    alternatives: list[StartOption] = Field(
        description="Other standards that may describe your job (from_text): pick one instead"
    )
    no_match: bool
    notes: list[str]
    steps: list[PathwayStep]
    method: str


class UnknownStart(LookupError):
    """The starting reference is not in the catalogue."""


def _start_option(standard: Standard) -> StartOption:
    return StartOption(
        reference=standard.reference,
        title=standard.title,
        level=standard.level,
        route=standard.route,
        url=f"/progression/{standard.reference}/",
    )


def _items(ksbs: list[Ksb]) -> list[KsbItem]:
    return [KsbItem(kind=k.kind, ref=k.ref, text=k.text) for k in ksbs]


def _qualifications(references: list[str]) -> dict[str, list[QualificationOption]]:
    """The funded qualifications linked to each standard at ingest (best first, at most 3)."""
    from skillshub.qualifications.models import StandardLink

    found: dict[str, list[QualificationOption]] = {ref: [] for ref in references}
    links = (
        StandardLink.objects.filter(reference__in=references)
        .select_related("qualification")
        .order_by("reference", "-score", "position")
    )
    for link in links:
        held = found[link.reference]
        if len(held) < 3:
            number = link.qualification.number
            held.append(
                QualificationOption(
                    number=number,
                    title=link.qualification.title,
                    url=f"/qualifications/{number}/",
                )
            )
    return found


def _step(
    step: rules.NextStep, standard: Standard, options: list[QualificationOption]
) -> PathwayStep:
    cost, rule = funding.product_cost(
        read_embedded(get_settings().data_dir),
        kind=standard.kind,
        funding_band_gbp=standard.max_funding_gbp,
        employer=funding.Employer(),
        age="unknown",
    )
    return PathwayStep(
        reference=step.reference,
        title=step.title,
        kind_name=standard.kind_name,
        level=step.level,
        level_words=level_in_words(step.level),
        route=step.route,
        closeness=round(step.closeness, 4),
        time=time_commitment(standard),
        employer_cost=cost,
        employee_cost=EMPLOYEE_COST,
        cost_rule=rule,
        url=f"/standards/{step.reference}/",
        themes=[ThemeOut(label=t.label, count=len(t.refs), refs=list(t.refs)) for t in step.themes],
        held=_items(step.carries_over),
        builds_on=_items(step.builds_on),
        new=_items(step.adds),
        qualifications=options,
    )


def find_pathways(request: PathwaysRequest) -> PathwaysResult:
    """Next steps from a standard, or from the standard closest to a described job. Raises
    UnknownStart for an unknown reference, QueryError for text with nothing to search,
    NeedsEmbeddings when the search preset has no embeddings."""
    from skillshub.catalogue.matching import get_index

    index = get_index()
    notes: list[str] = []
    alternatives: list[StartOption] = []
    if request.from_reference:
        try:
            start = rules.find_standard(index, request.from_reference)
        except rules.UnknownStandard as error:
            raise UnknownStart(
                f"There is no standard with reference '{request.from_reference}'. References "
                "look like ST0128; find yours by describing your job instead."
            ) from error
    else:
        outcome = index.search(request.from_text or "", limit=10)
        notes = list(outcome.notes)
        preferred = [m for m in outcome.matches if m.level in rules.JOB_LEVELS]
        matches = preferred + [m for m in outcome.matches if m.level not in rules.JOB_LEVELS]
        if not matches:
            return PathwaysResult(
                start=None,
                alternatives=[],
                no_match=True,
                notes=notes,
                steps=[],
                method=METHOD,
            )
        start = index.standard(matches[0].reference)
        alternatives = [_start_option(index.standard(m.reference)) for m in matches[1:5]]
    steps = rules.next_steps(index, from_reference=start.reference, limit=request.limit)
    options = _qualifications([s.reference for s in steps])
    return PathwaysResult(
        start=_start_option(start),
        alternatives=alternatives,
        no_match=False,
        notes=notes,
        steps=[_step(s, index.standard(s.reference), options[s.reference]) for s in steps],
        method=METHOD,
    )

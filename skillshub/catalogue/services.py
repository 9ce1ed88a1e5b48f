"""The standards search use case: one typed request, one service function, one typed result,
shared by the page, the API and the CLI."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from skillshub.domain.search import Evidence, Match, SearchOutcome
from skillshub.domain.standards import Standard

HUB_LEVELS = (4, 5)
LevelGroup = Literal["level-4-5", "other-levels"]

REASON_LABELS = {
    "title": "Its title",
    "job title": "A typical job title",
    "overview": "What the job involves",
    "duty": "A duty of the job",
    "knowledge": "Something an apprentice learns",
    "skill": "Something an apprentice learns to do",
    "behaviour": "A way of working it builds",
    "keyword": "A search word Skills England lists for it",
}


class StandardsSearchRequest(BaseModel):
    """What an employer asks: a need in their own words, and optional hard filters."""

    model_config = ConfigDict(str_strip_whitespace=True)

    q: str = Field("", max_length=8000, description="The need in plain words.")
    limit: int = Field(10, ge=1, le=100, description="How many results, 1 to 100.")
    level: int | None = Field(None, ge=1, le=8, description="Only this level (1 to 8).")
    route: str | None = Field(None, max_length=200, description="Only this occupational route.")


class Reason(BaseModel):
    """One reason a standard matches, in words a business owner can follow."""

    kind: str = Field(description="title, job title, overview, duty, knowledge, skill, behaviour")
    ref: str = Field(description="K3, S1, B2 or D4 for KSBs and duties; empty otherwise")
    label: str
    text: str
    matched_terms: list[str] = Field(description="Words of `text` that match the need")
    explanation: str


class StandardMatch(BaseModel):
    reference: str
    title: str
    kind: str = Field(description="standard, foundation (apprenticeship) or unit")
    kind_name: str
    level: int
    level_group: LevelGroup = Field(
        description="level-4-5: the hub's own levels, ranked first; other-levels: the rest"
    )
    route: str
    score: float = Field(description="Relative fit: the best match scores about 1")
    typical_duration_months: int | None
    minimum_off_the_job_hours: int | None
    max_funding_gbp: int | None
    url: str = Field(description="The standard's page on this hub")
    why: list[Reason]


class StandardsSearchResult(BaseModel):
    """The matches, best first (Level 4-5 ranked first by the hub's level prior), with notes on
    how the need was read. `no_good_match` is true when nothing is close enough to show."""

    query: str
    notes: list[str]
    no_good_match: bool
    level_4_5_count: int
    other_levels_count: int
    results: list[StandardMatch]

    def group(self, name: LevelGroup) -> list[StandardMatch]:
        return [match for match in self.results if match.level_group == name]


def explanation(evidence: Evidence) -> str:
    """Why this piece of the standard was picked, in plain words."""
    words = list(dict.fromkeys(term.lower() for term in evidence.matched_terms))
    if not words:
        return "Close in meaning to what you described."
    quoted = [f"'{word}'" for word in words[:4]]
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
    return f"Uses your word{'s' if len(quoted) > 1 else ''} {listed}."


def _reason(evidence: Evidence) -> Reason:
    label = REASON_LABELS.get(evidence.kind, evidence.kind.capitalize())
    if evidence.ref:
        label = f"{label} ({evidence.ref})"
    return Reason(
        kind=evidence.kind,
        ref=evidence.ref,
        label=label,
        text=evidence.text,
        matched_terms=list(evidence.matched_terms),
        explanation=explanation(evidence),
    )


def _match(match: Match, standard: Standard) -> StandardMatch:
    return StandardMatch(
        reference=match.reference,
        title=match.title,
        kind=standard.kind,
        kind_name=standard.kind_name,
        level=match.level,
        level_group="level-4-5" if match.level in HUB_LEVELS else "other-levels",
        route=match.route,
        score=round(match.score, 4),
        typical_duration_months=standard.typical_duration_months,
        minimum_off_the_job_hours=standard.minimum_off_the_job_hours,
        max_funding_gbp=standard.max_funding_gbp,
        url=f"/standards/{match.reference}/",
        why=[_reason(e) for e in match.why],
    )


def result_from_outcome(
    outcome: SearchOutcome, standards: dict[str, Standard]
) -> StandardsSearchResult:
    """The typed result for a search outcome; `standards` holds (at least) the matched ones."""
    results = [_match(m, standards[m.reference]) for m in outcome.matches]
    at_hub_level = sum(r.level_group == "level-4-5" for r in results)
    return StandardsSearchResult(
        query=outcome.query,
        notes=list(outcome.notes),
        no_good_match=outcome.no_good_match,
        level_4_5_count=at_hub_level,
        other_levels_count=len(results) - at_hub_level,
        results=results,
    )


def search_standards(request: StandardsSearchRequest) -> StandardsSearchResult:
    """Standards for a need in plain words; raises QueryError (nothing to search) or
    CatalogueNotLoaded (run `skillshub ingest`)."""
    from skillshub.catalogue.matching import get_index  # loads the embedding model on first use

    index = get_index()
    outcome = index.search(request.q, limit=request.limit, level=request.level, route=request.route)
    matched = {m.reference: index.standard(m.reference) for m in outcome.matches}
    return result_from_outcome(outcome, matched)

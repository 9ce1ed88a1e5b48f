"""Next steps from a job: higher Level 4-5 standards, ranked by closeness, with the KSBs added."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from skillshub.domain.pathways import (
    COVERED_AT,
    NeedsEmbeddings,
    UnknownStandard,
    next_steps,
    start_from_job,
)
from skillshub.domain.search import QueryError, StandardsIndex, get_preset
from skillshub.domain.standards import Standard
from skillshub.sources.embedding_models import load_embedder
from tests import embedded

DATA = Path(__file__).resolve().parents[2] / "data"

RELATED = (
    "ST0457",  # Engineering technician, level 3
    "ST0154",  # Maintenance and operations engineering technician, level 3
    "ST0537",  # Engineering operative, level 2
    "ST0841",  # Engineering manufacturing technician, level 4
    "ST0999",  # Lead engineering maintenance technician, level 4
    "ST0662",  # Automation and controls engineering technician, level 4
    "ST0624",  # Food and drink engineer, level 5
    "ST0116",  # Software developer, level 4, Digital
    "ST1312",  # Legal technician, level 4
    "ST0431",  # Vision rehabilitation specialist, level 5, Health and science
    "ST0024",  # Electrical and electronic engineer (degree), level 6
    "ST0066",  # Road transport engineering manager, level 4: not in the current list
)


@lru_cache(maxsize=1)
def _standards() -> dict[str, Standard]:
    wanted = set(RELATED)
    return {s.reference: s for s in embedded.standards() if s.reference in wanted}


@pytest.fixture(scope="module")
def standards() -> dict[str, Standard]:
    return _standards()


@pytest.fixture(scope="module")
def index(standards: dict[str, Standard]) -> StandardsIndex:
    return StandardsIndex.embed_and_build(
        standards.values(), preset="tiny", embedder=load_embedder(get_preset("tiny"))
    )


def test_steps_are_current_level_4_5_above_the_start_closest_first(
    index: StandardsIndex,
) -> None:
    steps = next_steps(index, from_reference="ST0154", limit=10)
    references = [step.reference for step in steps]
    assert set(references) == {"ST0841", "ST0999", "ST0662", "ST0624", "ST0116", "ST1312", "ST0431"}
    assert "ST0066" not in references, "a standard not in the current list is never a step"
    assert "ST0024" not in references, "level 6 is beyond Level 4-5"
    closeness = [step.closeness for step in steps]
    assert closeness == sorted(closeness, reverse=True)
    # Maintenance technician -> lead maintenance technician before software or law.
    assert references[0] == "ST0999"
    assert references.index("ST0116") > references.index("ST0662")
    assert references.index("ST1312") > references.index("ST0841")


def test_limit_and_reference_case(index: StandardsIndex) -> None:
    steps = next_steps(index, from_reference=" st0457 ", limit=2)
    assert len(steps) == 2
    assert {s.reference for s in steps} <= {"ST0841", "ST0999", "ST0662", "ST0624"}
    assert next_steps(index, from_reference="ST0457", limit=0) == []


def test_from_level_4_only_level_5_is_above(index: StandardsIndex) -> None:
    steps = next_steps(index, from_reference="ST0841")
    assert steps and {step.level for step in steps} == {5}


def test_from_level_5_or_above_there_is_no_higher_level_4_5_step(index: StandardsIndex) -> None:
    assert next_steps(index, from_reference="ST0624") == []
    assert next_steps(index, from_reference="ST0024") == []


def test_adds_and_carries_over_split_the_target_ksbs(
    index: StandardsIndex, standards: dict[str, Standard]
) -> None:
    step = next(s for s in next_steps(index, from_reference="ST0457") if s.reference == "ST0841")
    target = standards["ST0841"]
    parts = (set(step.adds), set(step.builds_on), set(step.carries_over))
    assert sum(len(part) for part in parts) == len(set().union(*parts)), "the parts are disjoint"
    assert set().union(*parts) == set(target.ksbs)
    assert step.carries_over, "an engineering technician already has some of these KSBs"
    assert len(step.adds) + len(step.builds_on) > len(step.carries_over), "a level up adds more"
    kinds = [ksb.kind for ksb in step.adds]
    order = {"skill": 0, "knowledge": 1, "behaviour": 2}
    assert kinds == sorted(kinds, key=order.__getitem__), "skills, then knowledge, then behaviours"
    assert step.typical_duration_months == target.typical_duration_months
    assert step.max_funding_gbp == target.max_funding_gbp


def test_what_a_step_adds_is_summarised_in_a_few_themes(index: StandardsIndex) -> None:
    step = next(s for s in next_steps(index, from_reference="ST0457") if s.reference == "ST0841")
    assert 1 <= len(step.themes) <= 4
    added = {k.ref for k in step.adds + step.builds_on}
    for theme in step.themes:
        assert len(theme.refs) >= 2 and set(theme.refs) <= added
        assert theme.label.lower() not in {"understand", "ensure", "work", "that"}
    covered = [ref for theme in step.themes for ref in theme.refs]
    assert len(covered) == len(set(covered)), "each KSB is in one theme at most"


def test_steps_are_one_or_two_levels_up(index: StandardsIndex) -> None:
    from skillshub.domain.pathways import MAX_LEVEL_STEP

    for step in next_steps(index, from_reference="ST0457", limit=10):
        assert 3 < step.level <= 3 + MAX_LEVEL_STEP


def test_health_and_safety_carries_over_and_leadership_is_added(index: StandardsIndex) -> None:
    step = next(s for s in next_steps(index, from_reference="ST0154") if s.reference == "ST0999")
    kept = {ksb.ref for ksb in step.carries_over}
    added = {ksb.ref for ksb in step.adds}
    assert "S1" in kept  # "Comply with health and safety regulations and procedures."
    assert {"S14", "S15", "S16"} <= added  # "Provide technical leadership for ..."
    assert 0 < COVERED_AT < 1


def test_unknown_reference(index: StandardsIndex) -> None:
    with pytest.raises(UnknownStandard, match="ST9999"):
        next_steps(index, from_reference="ST9999")


def test_an_index_without_embeddings_cannot_measure_closeness(
    standards: dict[str, Standard],
) -> None:
    keyword_only = StandardsIndex.build(standards.values(), vectors=None, preset="bm25-only")
    with pytest.raises(NeedsEmbeddings, match="bm25-only"):
        next_steps(keyword_only, from_reference="ST0154")


def test_start_from_job_prefers_levels_2_to_4(index: StandardsIndex) -> None:
    matches = start_from_job(index, "maintenance technician in a factory")
    assert matches and len(matches) <= 5
    assert {"ST0154", "ST0999"} & {m.reference for m in matches}
    levels = [m.level for m in matches]
    first_other = next((i for i, lvl in enumerate(levels) if lvl not in (2, 3, 4)), len(levels))
    assert all(lvl not in (2, 3, 4) for lvl in levels[first_other:])


def test_start_from_job_needs_words(index: StandardsIndex) -> None:
    with pytest.raises(QueryError):
        start_from_job(index, "   ")

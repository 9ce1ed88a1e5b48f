"""Next steps as a service: judged progressions, start from a job, no match, bad requests."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from skillshub.progression.services import PathwaysRequest, UnknownStart, find_pathways

pytestmark = pytest.mark.django_db

# Known progressions in the test catalogue, judged from Skills England's occupational maps
# (the Level 3 and Level 4 standards of one occupation family); the step must be in the top 3.
JUDGED = {
    "ST0128": "ST0116",  # Software development technician L3 -> Software developer L4
    "ST0154": "ST0999",  # Maintenance and operations engineering technician -> Lead eng. maint.
    "ST0457": "ST0841",  # Engineering technician L3 -> Engineering manufacturing technician L4
}


@pytest.mark.parametrize(("start", "expected"), sorted(JUDGED.items()))
def test_judged_progressions_are_in_the_top_three(start: str, expected: str) -> None:
    result = find_pathways(PathwaysRequest(from_reference=start, limit=3))
    references = [step.reference for step in result.steps]
    assert expected in references, references
    step = next(s for s in result.steps if s.reference == expected)
    assert step.held and (step.builds_on or step.new)
    assert step.time and "months" in step.time
    assert step.employee_cost.startswith("Nothing")


def test_from_text_proposes_a_start_and_alternatives() -> None:
    result = find_pathways(PathwaysRequest(from_text="maintain and repair engineering equipment"))
    assert result.start is not None and not result.no_match
    assert result.steps and all(step.level in (4, 5) for step in result.steps)


def test_nonsense_is_a_clear_no_match() -> None:
    result = find_pathways(PathwaysRequest(from_text="xyzzy"))
    assert result.no_match and result.start is None and result.steps == []


@pytest.mark.parametrize(
    "values",
    [{}, {"from_reference": "ST0128", "from_text": "x"}, {"from_reference": "software"}],
)
def test_exactly_one_well_formed_start(values: dict) -> None:
    with pytest.raises(ValidationError):
        PathwaysRequest(**values)


def test_unknown_reference() -> None:
    with pytest.raises(UnknownStart, match="ST9999"):
        find_pathways(PathwaysRequest(from_reference="ST9999"))

"""Known progressions on the embedded 2026 catalogue: the expected next step in the top 3.

The judged pairs are the Level 3 -> Level 4 moves of one occupation family as Skills England's
occupational maps lay them out (the same route, pathway and cluster of work, one level up), as
listed in the hub's issue on progression; each is the step a careers adviser would name first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from skillshub.domain.pathways import next_steps
from skillshub.domain.search import StandardsIndex
from tests import embedded

DATA = Path(__file__).resolve().parents[2] / "data"
JUDGED = [
    ("ST0128", "ST0116"),  # Software development technician L3 -> Software developer L4
    ("ST0002", "ST0003"),  # Assistant accountant L3 -> Professional accounting technician L4
    ("ST0006", "ST0007"),  # Lead adult care worker L3 -> Lead practitioner in adult care L4
    ("ST1426", "ST0999"),  # Engineering maintenance technician (single discipline) L3 -> Lead
    ("ST1443", "ST0999"),  # ... (dual discipline) L3 -> Lead engineering maintenance technician
]

pytestmark = [pytest.mark.data, pytest.mark.slow]


def index() -> StandardsIndex:
    return embedded.default_index()


@pytest.mark.parametrize(("start", "expected"), JUDGED)
def test_the_judged_step_is_in_the_top_three(start: str, expected: str) -> None:
    steps = next_steps(index(), from_reference=start, limit=3)
    assert expected in [step.reference for step in steps]
    step = next(s for s in steps if s.reference == expected)
    assert step.carries_over and (step.adds or step.builds_on)


def test_a_factory_maintenance_job_leads_to_maintenance_or_automation_at_level_4() -> None:
    built = index()
    matches = built.search("I fix the machines on a factory production line", limit=10).matches
    starts = [m for m in matches if m.level in (2, 3, 4)]
    steps = next_steps(built, from_reference=starts[0].reference, limit=3)
    wanted = {"ST0999", "ST0662"}  # Lead engineering maintenance; Automation and controls
    assert wanted & {step.reference for step in steps}

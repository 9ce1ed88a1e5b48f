"""Load the qualifications test data with the real ingest code (after the test standards)."""

from __future__ import annotations

from pathlib import Path

from skillshub.core.ingest import IngestResult, run_ingest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
SAMPLE = REPO / "tests" / "fixtures" / "qualifications" / "approved_sample.csv"
AAT = "60363393"
"""AAT Level 4 Diploma in Professional Accounting: Advanced Learner Loan, and a Lifelong
Learning Entitlement approval starting 1 January 2027."""
SOFTWARE = "60305435"
"""BCS Level 4 Diploma in Software Development Methodologies (fits ST0116 Software developer)."""
DANCE = "50113781"
"""RAD Level 4 Certificate in Vocational Graded Examination in Dance: no standard fits."""
LEVEL_1 = "61008187"


def load_sample() -> IngestResult:
    """The 19-row fixture through `file_plan`, as an operator would load a newer list."""
    from skillshub.qualifications.ingest import file_plan

    return run_ingest(file_plan([SAMPLE]))


def load_embedded() -> IngestResult:
    """The whole embedded list of 8,092 rows through `embedded_plan`."""
    from skillshub.qualifications.ingest import embedded_plan

    return run_ingest(embedded_plan(DATA))

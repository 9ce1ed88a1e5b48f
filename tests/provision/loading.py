"""Load the provision test data with the real ingest code: geography, standards, fixture files."""

from __future__ import annotations

from pathlib import Path

from skillshub.core.ingest import IngestResult, run_ingest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
FIXTURES = REPO / "tests" / "fixtures"
PROVISION = FIXTURES / "provision"
PROVIDERS_CSV = PROVISION / "course_directory_providers.csv"
COURSES_CSV = PROVISION / "course_directory_courses.csv"
BAD_COURSES_CSV = PROVISION / "courses_bad_row.csv"
AIM_LINKS_CSV = PROVISION / "learning_aim_standards.csv"
FAT_JSON = PROVISION / "fat_course_providers.json"
ROATP_CSV = PROVISION / "roatp.csv"
OFS_JSON = PROVISION / "ofs_register.json"
OFS_XLSX = PROVISION / "ofs_register.xlsx"


def load_geography() -> None:
    """The embedded geography: part of the session database (tests/conftest.py)."""
    from skillshub.geo.ingest import embedded_plan

    run_ingest(embedded_plan(DATA))


def load_course_directory(*extra: Path) -> IngestResult:
    """The fixture course directory files (and any extra files) through `file_plan`."""
    from skillshub.provision.ingest import file_plan

    return run_ingest(file_plan([PROVIDERS_CSV, COURSES_CSV, AIM_LINKS_CSV, *extra]))


def load_all() -> IngestResult:
    """Everything the acceptance checks need, in the order an operator would load it (the
    geography and the test catalogue, which holds the real records of ST0662, ST0999 and
    ST0841, are in every test's database already: see tests/conftest.py)."""
    return load_course_directory(FAT_JSON)

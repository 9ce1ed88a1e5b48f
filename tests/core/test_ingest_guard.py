"""The shrink guard: a load that would remove most of a dataset is refused without --replace-all."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillshub.core.ingest import IngestPlan, SourceFile, WouldShrink, run_ingest
from skillshub.core.models import DatasetLoad
from skillshub.provision import models
from tests.provision.loading import (
    COURSES_CSV,
    PROVIDERS_CSV,
    load_course_directory,
)

pytestmark = pytest.mark.django_db


def plan(rows: int, *, label: str) -> IngestPlan[int]:
    """A dataset of ``rows`` rows, stored as provenance notes so a rollback is visible."""
    return IngestPlan(
        dataset="guard-test",
        licence="test",
        files=(SourceFile(label, str(rows).encode()),),
        parse=lambda files: int(files[0].content),
        store=lambda n: {"rows": n, "rows without a place": 0},
    )


def test_a_load_of_less_than_half_is_refused_and_changes_nothing() -> None:
    run_ingest(plan(100, label="full.csv"))
    with pytest.raises(WouldShrink) as refused:
        run_ingest(plan(49, label="short.csv"))
    message = refused.value.describe()
    assert "guard-test" in message and "49 rows" in message and "100" in message
    assert "--replace-all" in message
    assert DatasetLoad.latest_for("guard-test").row_counts["rows"] == 100  # type: ignore[union-attr]


def test_half_or_more_loads_and_replace_all_allows_less() -> None:
    run_ingest(plan(100, label="full.csv"))
    assert run_ingest(plan(50, label="half.csv")).changed
    emptied = run_ingest(plan(0, label="empty.csv"), replace_all=True)
    assert emptied.changed and emptied.row_counts["rows"] == 0
    assert run_ingest(plan(3, label="first-again.csv")).changed  # from 0, anything loads


def test_a_header_only_courses_file_does_not_wipe_the_courses(tmp_path: Path) -> None:
    from skillshub.provision.ingest import file_plan

    load_course_directory()
    before = models.Offer.objects.count()
    assert before > 0
    header_only = tmp_path / "courses.csv"
    header_only.write_text(COURSES_CSV.read_text().splitlines()[0] + "\n")
    with pytest.raises(WouldShrink, match=rf"leave 0 offers .* now has {before}"):
        run_ingest(file_plan([PROVIDERS_CSV, header_only]))
    assert models.Offer.objects.count() == before
    run_ingest(file_plan([PROVIDERS_CSV, header_only]), replace_all=True)
    assert models.Offer.objects.exclude(source=models.Source.PROVIDER).count() == 0


def test_loading_another_source_is_not_a_shrink() -> None:
    from skillshub.provision.ingest import file_plan
    from tests.provision.loading import ROATP_CSV

    load_course_directory()
    assert run_ingest(file_plan([ROATP_CSV])).changed  # other sources' offers stay


def test_the_cli_names_the_flag(tmp_path: Path, capsys: object) -> None:
    from skillshub.cli import main

    load_course_directory()
    header_only = tmp_path / "courses.csv"
    header_only.write_text(COURSES_CSV.read_text().splitlines()[0] + "\n")
    args = ["ingest", "provision", "--file", str(PROVIDERS_CSV), "--file", str(header_only)]
    assert main(args) == 1
    assert main([*args, "--replace-all"]) == 0

"""Ingest: atomic, idempotent, refuses a file with nothing to load, links after standards."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from skillshub.catalogue.models import Standard
from skillshub.core.ingest import run_ingest
from skillshub.core.models import DatasetLoad
from skillshub.qualifications import models, store
from skillshub.qualifications.ingest import file_plan
from skillshub.sources.errors import SourceError
from tests.qualifications.loading import AAT, DANCE, LEVEL_1, SAMPLE, SOFTWARE, load_sample

pytestmark = pytest.mark.django_db


def test_loads_the_sample_with_provenance() -> None:
    result = load_sample()
    assert result.changed
    assert result.row_counts["qualifications"] == 19
    assert result.row_counts["at level 4-5"] == 13
    assert result.row_counts["current standards compared"] > 0
    load = DatasetLoad.latest_for("qualifications")
    assert load is not None and load.sha256 == result.sha256
    assert load.source.startswith("approved_sample.csv, standards catalogue ")
    assert "Open Government Licence" in load.licence


def test_same_input_changes_nothing() -> None:
    first = load_sample()
    second = load_sample()
    assert not second.changed and second.sha256 == first.sha256
    assert DatasetLoad.objects.filter(dataset="qualifications").count() == 1


def test_links_are_computed_against_the_standards_with_reasons() -> None:
    load_sample()
    software = store.get_qualification(SOFTWARE)
    assert software is not None
    assert "ST0116" in [link.reference for link in software.links]
    link = next(link for link in software.links if link.reference == "ST0116")
    assert "software" in link.reason.lower() and link.evidence
    assert store.get_qualification(DANCE).links == ()  # type: ignore[union-attr]
    assert store.get_qualification(LEVEL_1).links == ()  # type: ignore[union-attr]


def test_new_standards_mean_new_links() -> None:
    first = load_sample()
    DatasetLoad.objects.create(dataset="standards", sha256="0" * 64, source="x", licence="x")
    Standard.objects.all().delete()  # a (test) catalogue with no standards
    second = load_sample()
    assert second.changed and second.sha256 != first.sha256
    assert second.row_counts["standard links"] == 0


def test_without_standards_the_qualifications_still_load_with_no_links() -> None:
    DatasetLoad.objects.filter(dataset="standards").delete()
    result = load_sample()
    assert result.row_counts["qualifications"] == 19
    assert result.row_counts["current standards compared"] == 0
    assert not models.StandardLink.objects.exists()


def _write(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    return path


def test_a_file_with_no_rows_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    load_sample()
    header = SAMPLE.read_bytes().split(b"\n")[0] + b"\n"
    with pytest.raises(SourceError, match=r"no qualifications.*nothing was changed"):
        run_ingest(file_plan([_write(tmp_path, header)]))
    assert models.Qualification.objects.count() == 19
    assert DatasetLoad.objects.filter(dataset="qualifications").count() == 1


def test_a_file_with_no_level_4_or_5_is_refused(tmp_path: Path) -> None:
    lines = SAMPLE.read_bytes().split(b"\n")
    low = [line for line in lines[1:] if b",Level 1," in line]
    with pytest.raises(SourceError, match="no Level 4 or 5"):
        run_ingest(file_plan([_write(tmp_path, b"\n".join([lines[0], *low]))]))
    assert not models.Qualification.objects.exists()


def test_a_bad_file_changes_nothing(tmp_path: Path) -> None:
    load_sample()
    broken = SAMPLE.read_bytes().replace(b",60363393,", b",6036339,")
    with pytest.raises(SourceError, match="not an Ofqual qualification number"):
        run_ingest(file_plan([_write(tmp_path, broken)]))
    assert store.get_qualification(AAT) is not None
    assert models.Qualification.objects.count() == 19


def test_a_failure_while_storing_rolls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    load_sample()
    plan = file_plan([SAMPLE])

    def fail(loaded: object) -> dict[str, int]:
        from skillshub.qualifications.store import replace_qualifications

        replace_qualifications(loaded.qualifications)  # type: ignore[attr-defined]
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        run_ingest(dataclasses.replace(plan, store=fail), force=True)
    assert models.Qualification.objects.count() == 19
    assert models.StandardLink.objects.exists()


def test_file_plan_takes_one_file() -> None:
    with pytest.raises(SourceError, match="exactly one file"):
        file_plan([SAMPLE, SAMPLE])


def test_linking_time_is_reasonable_on_the_sample() -> None:
    started = time.perf_counter()
    load_sample()
    assert time.perf_counter() - started < 30

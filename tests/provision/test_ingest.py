"""Provision ingest: files recognised by content, validated whole, each source swapped alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillshub.core.ingest import SourceFile, run_ingest
from skillshub.core.models import DatasetLoad
from skillshub.domain.provision import ProviderStatus
from skillshub.provision import models
from skillshub.provision.ingest import Kind, api_plan, file_plan, recognise
from skillshub.sources.course_directory import InvalidRows
from skillshub.sources.errors import SourceError
from skillshub.sources.http import Download
from tests.provision.loading import (
    AIM_LINKS_CSV,
    BAD_COURSES_CSV,
    COURSES_CSV,
    FAT_JSON,
    OFS_JSON,
    OFS_XLSX,
    PROVIDERS_CSV,
    ROATP_CSV,
    load_course_directory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (PROVIDERS_CSV, Kind.COURSE_PROVIDERS),
        (COURSES_CSV, Kind.COURSES),
        (BAD_COURSES_CSV, Kind.COURSES),
        (ROATP_CSV, Kind.ROATP),
        (OFS_JSON, Kind.OFS),
        (OFS_XLSX, Kind.OFS),
        (FAT_JSON, Kind.FAT),
        (AIM_LINKS_CSV, Kind.AIM_LINKS),
    ],
)
def test_each_source_is_recognised_by_its_content(path: Path, kind: Kind) -> None:
    assert recognise(SourceFile.read(path)) is kind


@pytest.mark.parametrize(
    "content",
    [b"name,colour\nwidget,blue\n", b'{"what": "not a provision file"}', b"", b"{not json"],
)
def test_an_unknown_file_fails_clearly(content: bytes) -> None:
    with pytest.raises(SourceError) as failure:
        recognise(SourceFile("mystery.csv", content))
    assert "mystery.csv" in str(failure.value)
    assert "not valid JSON" in str(failure.value) or "course directory" in str(failure.value)


def test_courses_need_their_providers_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="give both"):
        run_ingest(file_plan([COURSES_CSV]))
    assert not models.Offer.objects.exists()


def test_the_same_source_twice_is_refused() -> None:
    with pytest.raises(SourceError, match="two RoATP register files"):
        run_ingest(file_plan([ROATP_CSV, ROATP_CSV]))


def test_course_directory_import_places_offers_and_records_provenance() -> None:
    result = load_course_directory()
    assert result.changed
    assert result.row_counts["providers"] == 5
    assert result.row_counts["offers"] == 9
    assert result.row_counts["learning aim links"] == 5
    assert result.row_counts["offers without a known place"] == 0
    offer = models.Offer.objects.get(offer_id="ncs:00000000-0000-4000-8000-0000000000a1")
    assert offer.source == "course-directory" and offer.provider.ukprn == 19999901
    assert offer.venue_postcode == "B4 7PS"
    # The venue's latitude/longitude converted to the grid: within a few metres of the ONSPD point.
    assert abs(offer.easting - 407612) < 10 and abs(offer.northing - 287260) < 10
    online = models.Offer.objects.get(offer_id="ncs:00000000-0000-4000-8000-0000000000a5")
    assert online.national and online.easting is None
    load = DatasetLoad.latest_for("provision")
    assert load is not None and load.row_counts == result.row_counts
    assert "course_directory_courses.csv: course directory courses" in load.notes
    assert not load_course_directory().changed


def test_a_file_with_a_bad_row_changes_nothing() -> None:
    load_course_directory()
    before = list(models.Offer.objects.values_list("offer_id", flat=True).order_by("offer_id"))
    with pytest.raises(InvalidRows) as failure:
        run_ingest(file_plan([PROVIDERS_CSV, BAD_COURSES_CSV]))
    assert {error.row for error in failure.value.errors} == {3}
    assert {"DELIVER_MODE", "PROVIDER_UKPRN"} <= {e.column for e in failure.value.errors}
    after = list(models.Offer.objects.values_list("offer_id", flat=True).order_by("offer_id"))
    assert after == before


def test_fat_offers_are_placed_by_postcode_and_keep_course_directory_offers() -> None:
    load_course_directory()
    result = run_ingest(file_plan([FAT_JSON]))
    assert result.row_counts["offers"] > 0
    assert models.Offer.objects.filter(source="course-directory").count() == 9
    fat = models.Offer.objects.filter(source="fat")
    assert {ref for row in fat for ref in row.standard_references} == {
        "ST0662",
        "ST0999",
        "ST0841",
    }
    at_site = fat.filter(national=False).exclude(venue_postcode="")
    assert at_site and all(row.easting is not None for row in at_site)


def test_registers_merge_status_and_type_without_touching_offers() -> None:
    load_course_directory()
    run_ingest(file_plan([ROATP_CSV, OFS_JSON]))
    college = models.Provider.objects.get(ukprn=19999901)
    assert college.name == "Test Fixture College Birmingham"  # the course directory's name
    assert set(college.listings.values_list("source", flat=True)) == {
        "course-directory",
        "roatp",
        "ofs",
    }
    assert models.Provider.objects.get(ukprn=19999908).status == ProviderStatus.REMOVED
    assert models.Provider.objects.get(ukprn=19999906).type == "employer-provider"
    assert models.Offer.objects.filter(source="course-directory").count() == 9


def test_reimport_replaces_only_its_own_source(tmp_path: Path) -> None:
    load_course_directory()
    provider = models.Provider.objects.get(ukprn=19999901)
    models.Offer.objects.create(
        offer_id="hub:19999901:own",
        provider=provider,
        source="provider",
        offer_type="short course",
        title="[TEST] A course the provider published here",
        delivery_mode="online",
        national=True,
    )
    fewer = tmp_path / "courses.csv"
    lines = COURSES_CSV.read_text().splitlines()
    fewer.write_text("\n".join(lines[:3]) + "\n")
    run_ingest(file_plan([PROVIDERS_CSV, fewer]), replace_all=True)  # 2 of 9: most go
    assert models.Offer.objects.filter(source="course-directory").count() == 2
    assert models.Offer.objects.filter(offer_id="hub:19999901:own").exists()


def test_a_provider_without_listings_offers_or_accounts_is_removed(tmp_path: Path) -> None:
    load_course_directory()
    run_ingest(file_plan([ROATP_CSV]))
    assert models.Provider.objects.filter(ukprn=19999906).exists()
    empty = tmp_path / "roatp.csv"
    empty.write_text(ROATP_CSV.read_text().splitlines()[0] + "\n")
    run_ingest(file_plan([empty]))
    assert not models.Provider.objects.filter(ukprn=19999906).exists()
    college = models.Provider.objects.get(ukprn=19999901)  # still in the course directory
    assert list(college.listings.values_list("source", flat=True)) == ["course-directory"]


def test_live_registers_download_with_progress() -> None:
    calls: list[str] = []

    def fetcher(url: str, **kwargs: object) -> Download:
        calls.append(url)
        assert kwargs["progress"] is not None
        path = ROATP_CSV if "roatp" in url else OFS_JSON
        return Download(url, path.read_bytes(), "text/csv")

    result = run_ingest(api_plan(progress=lambda received, total: None, fetcher=fetcher))
    assert len(calls) == 2 and result.row_counts["providers"] > 0
    assert models.Provider.objects.filter(ukprn=19999903).exists()


def test_aim_links_with_a_bad_cell_list_row_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "links.csv"
    bad.write_text("LEARN_AIM_REF,STANDARD_REFERENCE\nTESTHTQ1,ST0662\nTESTHTQ2,standard 9\n")
    with pytest.raises(InvalidRows) as failure:
        run_ingest(file_plan([bad]))
    error = failure.value.errors[0]
    assert (error.row, error.column) == (3, "STANDARD_REFERENCE")

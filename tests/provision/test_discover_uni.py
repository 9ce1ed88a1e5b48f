"""Discover Uni in the hub: embedded HE providers (atomic, idempotent) and the zip importer."""

from __future__ import annotations

import csv
import gzip
import io
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from skillshub.core.ingest import SourceFile
from skillshub.core.models import DatasetLoad
from skillshub.domain import provision as domain
from skillshub.provision import models, services
from skillshub.provision.ingest import Kind, recognise
from skillshub.provision.models import Source
from skillshub.sources.errors import SourceError
from tests.provision.discover_uni_loading import (
    FIXTURE,
    dataset_zip,
    load_he_providers,
    load_zip,
)
from tests.provision.loading import DATA, load_course_directory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 9, 1)


def listings() -> int:
    return models.ProviderListing.objects.filter(source=Source.DISCOVER_UNI).count()


def test_embedded_providers_load_with_their_teaching_locations() -> None:
    result = load_he_providers()
    assert result.changed and result.dataset == "he-providers"
    assert result.row_counts == {
        "providers": 433,
        "teaching locations": 801,
        "providers placed only by their address postcode": 31,
        "providers not placed": 1,
    }
    bmet = models.Provider.objects.get(ukprn=10006442)
    assert bmet.name == "Birmingham Metropolitan College"
    assert sorted(bmet.sites.values_list("name", flat=True)) == [
        "James Watt College",
        "Matthew Boulton College",
    ]
    ucb = models.Provider.objects.get(ukprn=10000712)
    assert ucb.website == "https://www.ucb.ac.uk"
    load = DatasetLoad.latest_for("he-providers")
    assert load and "Discover Uni" in load.licence and "INSTITUTION.csv.gz" in load.source
    assert not models.Offer.objects.exists()  # no course titles ship


def test_an_unchanged_reload_changes_nothing_and_a_forced_one_gives_the_same_rows() -> None:
    load_he_providers()
    sites = models.ProviderSite.objects.count()
    again = load_he_providers()
    assert not again.changed
    forced = load_he_providers(force=True)
    assert forced.changed and forced.row_counts["providers"] == 433
    assert models.ProviderSite.objects.count() == sites and listings() == 433


def test_a_broken_embedded_file_changes_nothing(tmp_path: Path) -> None:
    load_he_providers()
    folder = tmp_path / "providers" / "discover_uni_2025"
    folder.mkdir(parents=True)
    source = DATA / "providers" / "discover_uni_2025"
    shutil.copy(source / "INSTITUTION.csv.gz", folder)
    rows = list(
        csv.reader(io.StringIO(gzip.decompress((source / "LOCATION.csv.gz").read_bytes()).decode()))
    )
    rows[4][rows[0].index("LATITUDE")] = "north"  # record 5
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    (folder / "LOCATION.csv.gz").write_bytes(gzip.compress(out.getvalue().encode()))
    with pytest.raises(SourceError) as raised:
        load_he_providers(tmp_path)
    assert "LOCATION.csv.gz" in str(raised.value) and "record 5" in str(raised.value)
    assert listings() == 433 and DatasetLoad.objects.filter(dataset="he-providers").count() == 1


def test_other_sources_are_left_alone() -> None:
    load_course_directory()
    offers = models.Offer.objects.count()
    load_he_providers()
    assert models.Offer.objects.count() == offers > 0
    assert models.Offer.objects.filter(source=Source.COURSE_DIRECTORY).count() == offers


def test_the_dataset_zip_is_recognised(tmp_path: Path) -> None:
    path = dataset_zip(tmp_path)
    assert recognise(SourceFile.read(path)) is Kind.DISCOVER_UNI
    from tests.provision.loading import OFS_XLSX

    assert recognise(SourceFile.read(OFS_XLSX)) is Kind.OFS


@pytest.mark.parametrize("links", ["COURSELOCATION.csv", "UCASCOURSEID.csv"])
def test_the_zip_loads_level_4_5_courses_at_their_locations(tmp_path: Path, links: str) -> None:
    result = load_zip(dataset_zip(tmp_path, links=links, prefix="C25061/"))
    assert result.changed
    assert result.row_counts == {
        "providers": 4,
        "offers": 7,
        "offers without a known place": 0,
    }
    rows = {row.offer_id: row for row in models.Offer.objects.filter(source=Source.DISCOVER_UNI)}
    fda = rows["discover-uni:10000055:FDA-BMP:01:AW"]
    assert fda.title == "FdA Business and Management Practice"
    assert fda.offer_type == domain.OfferType.FOUNDATION_DEGREE and fda.level == 5
    assert fda.study_mode == domain.StudyMode.FULL_TIME and fda.duration_months == 24
    assert fda.delivery_mode == domain.DeliveryMode.CLASSROOM
    assert fda.venue_name == "Abingdon and Witney College"
    assert fda.url.startswith("https://www.brookes.ac.uk/courses/undergraduate/business-and")
    part_time = rows["discover-uni:10000055:FDA-BMP:02:AW"]
    assert part_time.study_mode == domain.StudyMode.PART_TIME and part_time.duration_months is None
    # All Nations' DipHE has no location link: it is placed at the college's own site.
    diphe = rows["discover-uni:10000216:177650:01"]
    assert diphe.title == "DipHE Biblical and Intercultural Studies" and diphe.level == 5
    assert diphe.venue_name == "All Nations Christian College" and diphe.easting is not None
    assert not any("Radiography" in row.title or "Law" in row.title for row in rows.values())


def find(**values: Any) -> services.OfferSearchResult:
    return services.find_offers(services.OfferSearchRequest(**values), today=TODAY)


def test_loaded_courses_appear_in_the_offer_search_near_a_postcode(tmp_path: Path) -> None:
    load_zip(dataset_zip(tmp_path))
    near = find(postcode="OX14 1GG", radius_km=25)
    titles = sorted(hit.title for hit in near.results)
    assert titles == [
        "FdA Business and Management Practice",
        "FdA Business and Management Practice",
        "FdA Early Years",
        "FdSc Animal Therapy and Rehabilitation",
        "FdSc Animal Therapy and Rehabilitation",
    ]
    assert all(hit.distance_km is not None and hit.distance_km < 1 for hit in near.results)
    providers = {hit.provider.ukprn: hit.provider.name for hit in near.results}
    assert providers[10000055] == "Abingdon and Witney College"
    need = find(q="early years", postcode="OX14 1GG")
    assert need.results[0].title == "FdA Early Years"
    far = find(postcode="B1 1AA", radius_km=25)
    assert far.total == 0


def test_embedded_files_never_overwrite_the_zip(tmp_path: Path) -> None:
    load_zip(dataset_zip(tmp_path))
    kept = load_he_providers()
    assert kept.row_counts == {
        "providers kept from the Discover Uni zip import": 4,
        "courses kept": 7,
    }
    assert models.Offer.objects.filter(source=Source.DISCOVER_UNI).count() == 7


def test_a_zip_that_would_remove_most_providers_is_refused(tmp_path: Path) -> None:
    load_he_providers()
    with pytest.raises(SourceError, match="replace 433 Discover Uni providers with 4"):
        load_zip(dataset_zip(tmp_path))
    assert listings() == 433 and not models.Offer.objects.exists()


def test_a_zip_without_locations_names_what_is_missing(tmp_path: Path) -> None:
    path = dataset_zip(tmp_path, leave_out=("LOCATION.csv",))
    with pytest.raises(SourceError, match=r"has no LOCATION\.csv") as raised:
        load_zip(path)
    assert "discover_uni.zip" in str(raised.value)


def test_a_bad_course_row_names_zip_file_row_and_column(tmp_path: Path) -> None:
    text = (FIXTURE / "KISCOURSE.csv").read_text().splitlines()
    text[3] = text[3].replace(",FDA-EYA-AW,01,", ",FDA-EYA-AW,07,")
    path = dataset_zip(tmp_path, replace={"KISCOURSE.csv": "\n".join(text).encode()})
    with pytest.raises(SourceError) as raised:
        load_zip(path)
    assert raised.value.source == "discover_uni.zip!KISCOURSE.csv"
    assert (raised.value.record, raised.value.field) == (4, "KISMODE")
    assert not models.Offer.objects.exists()

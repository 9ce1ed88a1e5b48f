"""ONS ingest: embedded files and the live datasets, atomic, validated, with provenance."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from skillshub.core.ingest import run_ingest
from skillshub.core.models import DatasetLoad
from skillshub.dashboard.ingest import DATASET, api_plan, embedded_plan
from skillshub.dashboard.models import LabourObservation, LabourSeries
from skillshub.dashboard.store import get_series, load_series
from skillshub.sources.errors import SourceError
from skillshub.sources.ons import LMS_CSV_URL, UNEM_CSV_URL, read_long_csvs
from tests.dashboard.conftest import (
    FIXTURE_FILES,
    FIXTURES,
    FakeOpener,
    FakeResponse,
    fetcher_for,
    live_files,
    load_fixture_ons,
)

pytestmark = pytest.mark.django_db


def snapshot() -> tuple[list[tuple[str, str]], int, int]:
    series = list(LabourSeries.objects.values_list("cdid", "title").order_by("cdid"))
    return series, LabourObservation.objects.count(), DatasetLoad.objects.count()


def copy_with(tmp_path: Path, replace: tuple[str, str] | None = None, *, drop: str = "") -> Path:
    """A copy of the headline extract with one text replaced or every row of one CDID dropped."""
    lines = (FIXTURES / "lms_headline_extract.csv").read_text(encoding="utf-8").splitlines(True)
    if drop:
        lines = [line for line in lines if f",{drop}," not in line]
    text = "".join(lines)
    if replace:
        assert replace[0] in text
        text = text.replace(replace[0], replace[1], 1)
    path = tmp_path / "lms_headline_extract.csv"
    path.write_text(text, encoding="utf-8")
    return path


# ---- embedded files ----------------------------------------------------------------------------


def test_fixture_ingest_stores_series_and_provenance() -> None:
    result = load_fixture_ons()
    assert result.changed
    expected = read_long_csvs(FIXTURE_FILES)
    assert result.row_counts == {
        "series": len(expected),
        "observations": sum(len(s.observations) for s in expected.values()),
    }
    load = DatasetLoad.latest_for(DATASET)
    assert load is not None and load.sha256 == result.sha256
    assert "Open Government Licence" in load.licence
    assert load.source == "data/lms_headline_extract.csv, data/lms_regional_extract.csv"
    assert load_series() == expected  # the database gives back exactly what was read


def test_stored_series_keep_ons_conventions() -> None:
    load_fixture_ons()
    lf24 = get_series("lf24")
    assert lf24 is not None
    assert (lf24.unit, lf24.frequency, lf24.seasonally_adjusted) == ("percent", "m", True)
    assert lf24.latest is not None and lf24.latest.value == 75.1
    claimants = get_series("DPDA")
    assert claimants is not None and not claimants.seasonally_adjusted  # NSA stays NSA
    vacancies = get_series("AP2Y")
    assert vacancies is not None and vacancies.unit == "thousands"
    assert vacancies.seasonally_adjusted  # the Vacancy Survey series are adjusted
    assert get_series("ZZZZ") is None


def test_second_identical_run_changes_nothing() -> None:
    load_fixture_ons()
    before = snapshot()
    again = load_fixture_ons()
    assert not again.changed
    assert snapshot() == before


def test_corrupt_value_changes_nothing_and_says_where(tmp_path: Path) -> None:
    load_fixture_ons()
    before = snapshot()
    broken = copy_with(tmp_path, (",m,2026-04-01,75.1,", ",m,2026-04-01,75.1%,"))
    with pytest.raises(SourceError) as caught:
        load_fixture_ons([broken, FIXTURE_FILES[1]])
    assert caught.value.field == "value" and "75.1%" in caught.value.message
    assert caught.value.source == "lms_headline_extract.csv"  # outside the data folder: its name
    assert snapshot() == before


def test_truncated_gzip_changes_nothing(tmp_path: Path) -> None:
    load_fixture_ons()
    before = snapshot()
    path = tmp_path / "lms_headline_extract.csv.gz"
    path.write_bytes(gzip.compress(FIXTURE_FILES[0].read_bytes())[:-50])
    with pytest.raises(SourceError, match="cannot be read"):
        load_fixture_ons([path, FIXTURE_FILES[1]])
    assert snapshot() == before


def test_a_file_without_a_headline_series_is_refused(tmp_path: Path) -> None:
    load_fixture_ons()
    before = snapshot()
    with pytest.raises(SourceError, match="no observations for MGSX") as caught:
        load_fixture_ons([copy_with(tmp_path, drop="MGSX"), FIXTURE_FILES[1]])
    assert caught.value.field == "CDID"
    assert snapshot() == before


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="does not exist"):
        embedded_plan(tmp_path, files=[tmp_path / "nowhere.csv.gz"])


def test_the_embedded_files_are_the_default(settings: Any) -> None:
    plan = embedded_plan(Path(__file__).resolve().parents[2] / "data")
    assert [f.label for f in plan.files] == [
        "data/ons/lms_uk_headline_series.csv.gz",
        "data/ons/lms_regional_series.csv.gz",
    ]


# ---- the live ONS datasets with a fake opener --------------------------------------------------


def test_live_datasets_load_with_release_dates_timeout_and_progress() -> None:
    lms, unem = live_files()
    opener = FakeOpener({LMS_CSV_URL: lms, UNEM_CSV_URL: unem})
    seen: list[int] = []
    plan = api_plan(
        progress=lambda received, total: seen.append(received),
        timeout_s=7.5,
        fetcher=fetcher_for(opener),
    )
    result = run_ingest(plan)
    assert result.changed and result.source == f"{LMS_CSV_URL}, {UNEM_CSV_URL}"
    assert opener.requested == [(LMS_CSV_URL, 7.5), (UNEM_CSV_URL, 7.5)]
    assert seen[-1] == len(unem)
    stored, expected = load_series(), read_long_csvs(FIXTURE_FILES)
    assert set(stored) == set(expected)
    assert all(stored[c].observations == expected[c].observations for c in expected)
    lf24 = stored["LF24"]
    assert lf24.latest is not None and lf24.latest.value == 75.1
    assert lf24.release is not None and f"{lf24.release.published}" == "2026-07-21"
    assert stored["BCJD"].latest is not None and stored["BCJD"].latest.value == 1688.6
    assert "Live ONS datasets" in DatasetLoad.latest_for(DATASET).notes  # type: ignore[union-attr]


def test_live_url_can_be_given() -> None:
    lms, unem = live_files()
    mirror = "https://mirror.invalid/lms.csv"
    opener = FakeOpener({mirror: lms, UNEM_CSV_URL: unem})
    run_ingest(api_plan(mirror, fetcher=fetcher_for(opener)))
    assert [url for url, _ in opener.requested] == [mirror, UNEM_CSV_URL]


def test_transient_errors_are_retried() -> None:
    lms, unem = live_files()
    opener = FakeOpener({LMS_CSV_URL: [503, lms], UNEM_CSV_URL: unem})
    run_ingest(api_plan(fetcher=fetcher_for(opener, attempts=2)))
    assert [url for url, _ in opener.requested] == [LMS_CSV_URL, LMS_CSV_URL, UNEM_CSV_URL]


def test_failed_download_changes_nothing() -> None:
    load_fixture_ons()
    before = snapshot()
    lms, _ = live_files()
    opener = FakeOpener({LMS_CSV_URL: lms, UNEM_CSV_URL: 404})
    with pytest.raises(SourceError, match="HTTP 404") as caught:
        api_plan(fetcher=fetcher_for(opener))
    assert caught.value.source == UNEM_CSV_URL
    assert snapshot() == before


def test_cut_off_download_changes_nothing() -> None:
    load_fixture_ons()
    before = snapshot()
    lms, unem = live_files()
    short = FakeResponse(lms[: len(lms) // 2], claimed=len(lms))
    opener = FakeOpener({LMS_CSV_URL: short, UNEM_CSV_URL: unem})
    with pytest.raises(SourceError, match="download stopped"):
        api_plan(fetcher=fetcher_for(opener))
    assert snapshot() == before


@pytest.mark.parametrize(
    ("which", "damage", "message"),
    [
        ("lms", lambda text: text.replace('"75.1"', '"75.1 (p)"', 1), "not a number"),
        ("lms", lambda text: text.split('"2025 JAN"')[0], "no observations for"),
        ("unem", lambda text: text.replace('"CDID"', '"Code"'), "no CDID row"),
        ("unem", lambda text: "<html><body>Service unavailable</body></html>", "no period rows"),
    ],
)
def test_malformed_or_partial_live_files_change_nothing(
    which: str, damage: Any, message: str
) -> None:
    load_fixture_ons()
    before = snapshot()
    lms, unem = live_files()
    files = {"lms": lms, "unem": unem}
    files[which] = damage(files[which].decode()).encode()
    opener = FakeOpener({LMS_CSV_URL: files["lms"], UNEM_CSV_URL: files["unem"]})
    with pytest.raises(SourceError, match=message):
        run_ingest(api_plan(fetcher=fetcher_for(opener)))
    assert snapshot() == before

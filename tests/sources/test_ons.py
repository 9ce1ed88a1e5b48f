"""Tests for the ONS reader: long CSVs, the live ONS formats, downloads and the embedded data."""

from __future__ import annotations

import csv
import gzip
import io
import json
import urllib.error
from datetime import date
from functools import partial
from pathlib import Path

import pytest

from skillshub.domain.labour_market import (
    HEADLINE_SERIES,
    VACANCY_INDUSTRY_SECTIONS,
    Observation,
    Release,
    Series,
    period_label,
)
from skillshub.sources import http
from skillshub.sources.errors import SourceError
from skillshub.sources.ons import (
    DEFAULT_FILES,
    LIVE_DATASETS,
    LMS_CDIDS,
    LMS_CSV_URL,
    LONG_COLUMNS,
    UNEM_CDIDS,
    UNEM_CSV_URL,
    fetch_dataset_csv,
    fetch_series,
    parse_dataset_csv,
    parse_generator_csv,
    parse_long_csvs,
    parse_series_json,
    read_default,
    read_long_csv,
    read_long_csvs,
    series_url,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ons"
DATA = Path(__file__).parents[2] / "data"
HEADLINE = FIXTURES / "lms_headline_extract.csv"


def latest(series: Series) -> Observation:
    """The series' newest observation; fails naming the series when it has none."""
    assert series.latest is not None, f"{series.cdid} has no observations"
    return series.latest


def fixture_lines(name: str = "lms_headline_extract.csv") -> list[str]:
    return (FIXTURES / name).read_text(encoding="utf-8").splitlines(keepends=True)


def write(tmp_path: Path, lines: list[str], name: str = "broken.csv") -> Path:
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    return path


def edit_line(line: str, column: str, new: str) -> str:
    """Replace one field of a long-CSV line, keeping the CSV quoting."""
    fields = next(csv.reader([line]))
    fields[LONG_COLUMNS.index(column)] = new
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(fields)
    return out.getvalue()


def line_of(lines: list[str], start: str) -> int:
    """1-based line number of the first line starting with ``start``."""
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(start))


# ---- the long CSV -------------------------------------------------------------------------------


def test_long_csv_reads_the_finest_frequency_and_merges_identical_copies():
    series = read_long_csv(HEADLINE)
    assert {"LF24", "MGSX", "AP2Y", "BCJD", "KAC3", "JP9Q"} <= set(series)
    lf24 = series["LF24"]
    assert (lf24.frequency, lf24.unit, lf24.seasonally_adjusted) == ("m", "percent", True)
    assert latest(lf24).period_end == date(2026, 4, 1) and latest(lf24).value == 75.1
    assert lf24.release is None
    ap2y = series["AP2Y"]  # every AP2Y row appears twice, from LMS and UNEM
    assert len(ap2y.observations) == 17 and latest(ap2y).value == 712.0


def test_long_csv_quarters_and_years_end_in_their_last_month():
    quarters = read_long_csv(HEADLINE, frequency="q")["LF24"]
    assert quarters.observations[0].period_end == date(2025, 3, 1)  # dated 2025-01-01 in the file
    years = read_long_csv(HEADLINE, frequency="a")["LF24"]
    assert [o.period_end for o in years.observations][-1] == date(2025, 12, 1)
    assert "KAC3" not in read_long_csv(HEADLINE, frequency="q")  # monthly only


def test_gzipped_long_csv_reads_the_same(tmp_path):
    path = tmp_path / "extract.csv.gz"
    path.write_bytes(gzip.compress(HEADLINE.read_bytes()))
    assert read_long_csv(path) == read_long_csv(HEADLINE)


def test_truncated_gzip_names_the_file_and_where_reading_stopped(tmp_path):
    path = tmp_path / "extract.csv.gz"
    path.write_bytes(gzip.compress(HEADLINE.read_bytes())[:-40])
    with pytest.raises(SourceError) as caught:
        read_long_csv(path)
    assert caught.value.source == str(path) and isinstance(caught.value.record, int)
    assert "cannot be read" in caught.value.message


def test_long_csv_bytes_parse_as_the_files_do():
    content = HEADLINE.read_bytes()
    assert parse_long_csvs([("extract.csv", content)]) == read_long_csv(HEADLINE)
    gzipped = [("extract.csv.gz", gzip.compress(content))]
    assert parse_long_csvs(gzipped) == read_long_csv(HEADLINE)
    with pytest.raises(SourceError, match="not gzip-compressed") as caught:
        parse_long_csvs([("data/ons/extract.csv.gz", content)])
    assert caught.value.source == "data/ons/extract.csv.gz"


def test_gz_name_on_a_plain_file_is_an_error(tmp_path):
    path = write(tmp_path, fixture_lines(), "plain.csv.gz")
    with pytest.raises(SourceError, match="not gzip-compressed") as caught:
        read_long_csv(path)
    assert caught.value.source == str(path)


def test_missing_column_is_named(tmp_path):
    lines = fixture_lines()
    lines[0] = lines[0].replace(",value,", ",amount,")
    with pytest.raises(SourceError) as caught:
        read_long_csv(write(tmp_path, lines))
    assert (caught.value.record, caught.value.field) == (1, "value")
    assert "broken.csv" in str(caught.value)


@pytest.mark.parametrize(
    ("column", "bad", "message"),
    [
        ("date", "2026-13-01", "not the first day"),
        ("date", "2026-04-15", "not the first day"),
        ("date", "01/04/2026", "not the first day"),
        ("value", "n/a", "not a number"),
        ("value", "1,234", "not a number"),
        ("value", "nan", "not a number"),
        ("cdid", "", "CDID is empty"),
        ("freq", "w", "not m, q or a"),
    ],
)
def test_bad_fields_name_file_record_and_field(tmp_path, column, bad, message):
    lines = fixture_lines()
    number = line_of(lines, "LMS,LF24,")
    lines[number - 1] = edit_line(lines[number - 1], column, bad)
    path = write(tmp_path, lines)
    with pytest.raises(SourceError, match=message) as caught:
        read_long_csv(path)
    assert (caught.value.source, caught.value.record) == (str(path), number)
    assert caught.value.field == column
    assert f"record {number}, field '{column}'" in str(caught.value)


def test_quarter_dates_must_start_a_quarter(tmp_path):
    lines = fixture_lines()
    number = line_of(lines, 'LMS,LF24,"Employment rate (aged 16 to 64, seasonally adjusted): %",q,')
    lines[number - 1] = lines[number - 1].replace(",q,2025-01-01,", ",q,2025-02-01,")
    with pytest.raises(SourceError, match="quarters start") as caught:
        read_long_csv(write(tmp_path, lines))
    assert (caught.value.record, caught.value.field) == (number, "date")


@pytest.mark.parametrize("marker", ["", "x", ".."])
def test_blank_and_not_available_values_are_skipped(tmp_path, marker):
    lines = fixture_lines()
    number = line_of(lines, "LMS,AP2Y,")
    lines[number - 1] = edit_line(lines[number - 1], "value", marker)
    series = read_long_csv(write(tmp_path, lines))["AP2Y"]
    assert len(series.observations) == 17  # the UNEM copy still gives that month


def test_conflicting_duplicate_names_both_places(tmp_path):
    lines = fixture_lines()
    number = line_of(lines, "UNEM,AP2Y,")
    lines[number - 1] = edit_line(lines[number - 1], "value", "794.0")
    path = write(tmp_path, lines)
    with pytest.raises(SourceError, match="is 794 here but 793") as caught:
        read_long_csv(path)
    assert (caught.value.record, caught.value.field) == (number, "value")
    assert f"{path} record {number - 1}" in caught.value.message


def test_conflicts_across_files_are_errors_too(tmp_path):
    lines = fixture_lines()
    number = line_of(lines, "LMS,LF24,")
    lines[number - 1] = edit_line(lines[number - 1], "value", "99.9")
    with pytest.raises(SourceError, match=r"is 99\.9 here"):
        read_long_csvs([HEADLINE, write(tmp_path, lines)])


# ---- the live ONS formats -----------------------------------------------------------------------


def test_generator_csv():
    source = "generator_lf24.csv"
    series = parse_generator_csv((FIXTURES / source).read_bytes(), source=source)
    assert (series.cdid, series.frequency, series.unit) == ("LF24", "m", "percent")
    assert series.latest == read_long_csv(HEADLINE)["LF24"].latest
    assert period_label(series, latest(series)) == "Feb-Apr 2026"
    assert series.release == Release(date(2026, 7, 21), date(2026, 8, 18))
    years = parse_generator_csv((FIXTURES / source).read_bytes(), source=source, frequency="a")
    assert [o.value for o in years.observations] == [75.1, 74.8, 75.1]


def test_generator_csv_rejects_an_unknown_period_row():
    text = (FIXTURES / "generator_lf24.csv").read_text() + '"2026 Spring","75.0"\n'
    with pytest.raises(SourceError, match="not an ONS period") as caught:
        parse_generator_csv(text, source="lf24.csv")
    assert (caught.value.record, caught.value.field) == (33, "period")


def test_generator_csv_without_cdid_is_rejected():
    text = (FIXTURES / "generator_lf24.csv").read_text().replace('"CDID","LF24"\n', "")
    with pytest.raises(SourceError, match="no CDID row"):
        parse_generator_csv(text, source="lf24.csv")


def test_series_json():
    source = "timeseries_mgsx.json"
    series = parse_series_json((FIXTURES / source).read_bytes(), source=source)
    assert (series.cdid, latest(series).value) == ("MGSX", 4.9)
    assert period_label(series, latest(series)) == "Feb-Apr 2026"
    # 2026-07-20T23:00Z is midnight on 21 July in London (BST).
    assert series.release == Release(date(2026, 7, 21), date(2026, 8, 18))
    quarters = parse_series_json((FIXTURES / source).read_bytes(), source=source, frequency="q")
    assert latest(quarters).period_end == date(2026, 3, 1)


def test_series_json_errors_name_the_entry_and_field():
    data = json.loads((FIXTURES / "timeseries_mgsx.json").read_text())
    data["months"][2]["value"] = "five"
    with pytest.raises(SourceError) as caught:
        parse_series_json(json.dumps(data), source="mgsx.json")
    assert (caught.value.record, caught.value.field) == ("months[2]", "value")
    data["months"][2] = {"date": "2025 Q2", "value": "4.7"}
    with pytest.raises(SourceError, match="not an ONS period"):
        parse_series_json(json.dumps(data), source="mgsx.json")
    with pytest.raises(SourceError, match="not valid JSON"):
        parse_series_json(b"<html>Not found</html>", source="mgsx.json")


def test_dataset_csv_reads_every_column_and_skips_blank_cells():
    source = "lms.csv"
    series = parse_dataset_csv((FIXTURES / "lms_dataset_extract.csv").read_bytes(), source=source)
    assert sorted(series) == ["AP2Y", "KAC3", "LF24", "MGSX"]
    assert latest(series["LF24"]).period_end == date(2026, 4, 1)  # 2026 MAY is blank for LFS
    assert latest(series["AP2Y"]).value == 712.0 and series["AP2Y"].unit == "thousands"
    assert series["KAC3"].release == Release(date(2026, 7, 21), date(2026, 8, 18))
    embedded = read_long_csv(HEADLINE)
    for cdid in ("LF24", "MGSX", "AP2Y", "KAC3"):
        assert set(series[cdid].observations) <= set(embedded[cdid].observations), cdid


def test_dataset_csv_filters_and_reports_missing_series():
    content = (FIXTURES / "lms_dataset_extract.csv").read_bytes()
    assert list(parse_dataset_csv(content, source="lms.csv", cdids=["mgsx"])) == ["MGSX"]
    with pytest.raises(SourceError, match="no observations for BCJD") as caught:
        parse_dataset_csv(content, source="lms.csv", cdids=["MGSX", "BCJD"])
    assert caught.value.field == "CDID"


def test_dataset_csv_can_leave_out_missing_series():
    content = (FIXTURES / "lms_dataset_extract.csv").read_bytes()
    found = parse_dataset_csv(content, source="lms.csv", cdids=["MGSX", "BCJD"], require_all=False)
    assert list(found) == ["MGSX"]


def test_dataset_csv_value_errors_name_line_and_cdid():
    text = (FIXTURES / "lms_dataset_extract.csv").read_text()
    text = text.replace('"2026 APR","75.1"', '"2026 APR","75.1*"')
    with pytest.raises(SourceError) as caught:
        parse_dataset_csv(text, source="lms.csv")
    assert (caught.value.record, caught.value.field) == (29, "LF24")


# ---- downloads with a fake opener ---------------------------------------------------------------


class FakeResponse:
    def __init__(self, body: bytes) -> None:
        self.headers = {"Content-Length": str(len(body)), "Content-Type": "text/plain"}
        self._body = io.BytesIO(body)

    def __enter__(self) -> FakeResponse:
        return self

    def __exit__(self, *exc: object) -> None:
        self._body.close()

    def read(self, size: int) -> bytes:
        return self._body.read(size)


class FakeOpener:
    """Serves fixture bytes by URL; a URL mapped to an int answers with that HTTP status."""

    def __init__(self, routes: dict[str, bytes | int]) -> None:
        self.routes = routes
        self.requested: list[str] = []

    def __call__(self, request, timeout):
        url = request.full_url
        self.requested.append(url)
        answer = self.routes[url]
        if isinstance(answer, int):
            raise urllib.error.HTTPError(url, answer, "Not Found", {}, None)  # type: ignore[arg-type]
        return FakeResponse(answer)


def fetcher_for(opener: FakeOpener):
    return partial(http.fetch, opener=opener, attempts=1, backoff_s=0)


def test_fetch_series_downloads_and_validates_each_series():
    opener = FakeOpener(
        {
            series_url("MGSX"): (FIXTURES / "timeseries_mgsx.json").read_bytes(),
            series_url("LF24", fmt="csv"): (FIXTURES / "generator_lf24.csv").read_bytes(),
        }
    )
    seen: list[int] = []
    found = fetch_series(
        ["mgsx"], fetcher=fetcher_for(opener), progress=lambda n, t: seen.append(n)
    )
    assert list(found) == ["MGSX"] and latest(found["MGSX"]).value == 4.9
    assert seen and seen[-1] == len((FIXTURES / "timeseries_mgsx.json").read_bytes())
    found = fetch_series(["LF24"], fmt="csv", fetcher=fetcher_for(opener))
    assert latest(found["LF24"]).value == 75.1
    assert opener.requested == [
        "https://www.ons.gov.uk/employmentandlabourmarket/peoplenotinwork/unemployment"
        "/timeseries/mgsx/lms/data",
        "https://www.ons.gov.uk/generator?format=csv&uri=/employmentandlabourmarket/peopleinwork"
        "/employmentandemployeetypes/timeseries/lf24/lms",
    ]


def test_one_failing_series_fails_the_whole_fetch():
    opener = FakeOpener(
        {
            series_url("MGSX"): (FIXTURES / "timeseries_mgsx.json").read_bytes(),
            series_url("BCJD"): 404,
        }
    )
    result = None
    with pytest.raises(SourceError, match="HTTP 404") as caught:
        result = fetch_series(["MGSX", "BCJD"], fetcher=fetcher_for(opener))
    assert result is None and len(opener.requested) == 2
    assert caught.value.source == series_url("BCJD") and "/bcjd/unem/" in caught.value.source


def test_a_malformed_or_mismatched_response_fails_the_fetch():
    mgsx = (FIXTURES / "timeseries_mgsx.json").read_bytes()
    opener = FakeOpener({series_url("LF24"): mgsx})
    with pytest.raises(SourceError, match="asked for LF24 but the response is for MGSX"):
        fetch_series(["LF24"], fetcher=fetcher_for(opener))
    opener = FakeOpener({series_url("LF24"): b"<html>moved</html>"})
    with pytest.raises(SourceError, match="not valid JSON"):
        fetch_series(["LF24"], fetcher=fetcher_for(opener))


def test_unknown_series_need_an_address_before_anything_is_downloaded():
    opener = FakeOpener({})
    with pytest.raises(ValueError, match="no ONS address is known for ZZZZ"):
        fetch_series(["MGSX", "ZZZZ"], fetcher=fetcher_for(opener))
    assert opener.requested == []
    uri = "/employmentandlabourmarket/peoplenotinwork/unemployment/timeseries/zzzz/lms"
    assert series_url("ZZZZ", uris={"ZZZZ": uri}).endswith("/timeseries/zzzz/lms/data")
    assert series_url("BCJD", dataset="lms").endswith("/timeseries/bcjd/lms/data")


def test_fetch_dataset_csv():
    content = (FIXTURES / "lms_dataset_extract.csv").read_bytes()
    opener = FakeOpener({LMS_CSV_URL: content})
    found = fetch_dataset_csv(cdids=["AP2Y"], fetcher=fetcher_for(opener))
    assert list(found) == ["AP2Y"] and opener.requested == [LMS_CSV_URL]
    with pytest.raises(SourceError, match="HTTP 503"):
        fetch_dataset_csv(fetcher=fetcher_for(FakeOpener({LMS_CSV_URL: 503})))


# ---- the embedded default data ------------------------------------------------------------------


def test_embedded_default_data():
    assert all((DATA / name).is_file() for name in DEFAULT_FILES)
    series = read_default(DATA)
    lf24 = series["LF24"]
    assert latest(lf24).period_end == date(2026, 4, 1) and latest(lf24).value == 75.1
    assert period_label(lf24, latest(lf24)) == "Feb-Apr 2026"
    assert latest(series["MGSX"]).value == 4.9
    assert latest(series["AP2Y"]).value == 712.0 and latest(series["BCJD"]).period_end.month == 6
    assert len(series) == 141  # 32 headline + 112 regional series, 3 of them in both files


def test_live_datasets_supply_exactly_the_embedded_series():
    assert LIVE_DATASETS == {"LMS": (LMS_CSV_URL, LMS_CDIDS), "UNEM": (UNEM_CSV_URL, UNEM_CDIDS)}
    assert len(set(LMS_CDIDS)) == len(LMS_CDIDS) and len(set(UNEM_CDIDS)) == len(UNEM_CDIDS)
    assert not set(LMS_CDIDS) & set(UNEM_CDIDS)
    assert set(LMS_CDIDS) | set(UNEM_CDIDS) == set(read_default(DATA))
    needed = {spec.cdid for spec in HEADLINE_SERIES} | set(VACANCY_INDUSTRY_SECTIONS)
    assert needed <= set(LMS_CDIDS) | set(UNEM_CDIDS)
    assert {"BCJD", "BCJE"} <= set(UNEM_CDIDS)  # the claimant count lives in UNEM
    assert UNEM_CSV_URL.startswith("https://www.ons.gov.uk/file?uri=/employmentandlabourmarket/")
    assert UNEM_CSV_URL.endswith("/claimantcountandvacanciesdataset/current/unem.csv")

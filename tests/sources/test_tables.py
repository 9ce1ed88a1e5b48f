"""The shared table reader: row errors, decoding, header checks, typed cells and raw files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from skillshub.sources.errors import SourceError
from skillshub.sources.tables import (
    InvalidRows,
    RowError,
    RowReader,
    decode_text,
    header_failed,
    load_json,
    numbered_rows,
    parse_date,
    parse_day,
    parse_url,
    read_bytes,
    read_table,
    refuse_errors,
)


def test_a_row_error_describes_its_place() -> None:
    assert RowError(3, "COST", "not a price").describe() == "row 3, column COST: not a price"


def test_invalid_rows_names_the_first_problem_and_counts_the_rest() -> None:
    errors = [RowError(2, "A", "first"), RowError(5, "B", "second")]
    error = InvalidRows(errors, source="f.csv")
    assert error.errors == errors
    assert "first (and 1 more problem(s))" in str(error)
    assert (error.record, error.field) == (2, "A")


def test_refuse_errors_raises_only_when_there_are_errors() -> None:
    refuse_errors([], source="f.csv")
    with pytest.raises(InvalidRows):
        refuse_errors([RowError(2, "A", "bad")], source="f.csv")


def test_read_bytes_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read the file"):
        read_bytes(tmp_path / "absent.csv")
    (tmp_path / "here.csv").write_bytes(b"A\n")
    assert read_bytes(tmp_path / "here.csv") == b"A\n"


def test_load_json_reads_a_bom_and_refuses_broken_json() -> None:
    assert load_json(b'\xef\xbb\xbf{"a": 1}', source="f.json") == {"a": 1}
    with pytest.raises(SourceError, match="not valid JSON"):
        load_json(b"[1,", source="f.json")


def test_decode_text_strips_a_bom_from_text_and_falls_back_to_windows_1252() -> None:
    assert decode_text("\ufeffA,B", source="x") == "A,B"
    assert decode_text("£5".encode("cp1252"), source="x") == "£5"
    with pytest.raises(SourceError, match="workbook"):
        decode_text(b"PK\x03\x04", source="x")


def test_read_table_upper_cases_names_and_keeps_blank_rows_in_place() -> None:
    names, rows, errors = read_table(" a ,b\n1, 2 \n,\n3,4\n", source="x", required=("A",))
    assert names == ["A", "B"]
    assert rows == [{"A": "1", "B": "2"}, {}, {"A": "3", "B": "4"}]
    assert errors == []
    assert list(numbered_rows(rows)) == [(2, {"A": "1", "B": "2"}), (4, {"A": "3", "B": "4"})]


def test_read_table_reports_a_missing_required_column_in_the_header() -> None:
    _, _, errors = read_table("A\n1\n", source="x", required=("A", "C"))
    assert [(e.row, e.column) for e in errors] == [(1, "C")]
    assert header_failed(errors)
    assert not header_failed([RowError(2, "A", "bad")])


def cells(errors: list[RowError], **values: str) -> RowReader:
    return RowReader(7, values, errors)


def test_row_reader_text_takes_the_first_filled_column_and_checks_length() -> None:
    errors: list[RowError] = []
    row = cells(errors, OLD="old", NEW="")
    assert row.text("NEW", "OLD") == "old"
    assert row.text("NEW", required=True) == ""
    assert row.text("OLD", max_length=2) == "old"
    assert [(e.row, e.column) for e in errors] == [(7, "NEW"), (7, "OLD")]
    assert "keep it to 2" in errors[1].message


def test_row_reader_converts_codes_flags_days_and_ukprns() -> None:
    errors: list[RowError] = []
    row = cells(
        errors, MODE=" 2 ", FLAG="Yes", DAY="2026-09-01", UKPRN="10001234", BAD="maybe", NONE=""
    )
    assert row.code("MODE", {"1": "one", "2": "two"}) == "two"
    assert row.flag("FLAG") is True
    assert row.flag("NONE") is False
    assert row.day("DAY") == date(2026, 9, 1)
    assert row.ukprn("UKPRN") == 10001234
    assert errors == []
    assert row.flag("BAD") is False
    assert row.code("BAD", {"1": "one"}) is None
    assert row.ukprn("NONE") is None
    assert [e.column for e in errors] == ["BAD", "BAD", "NONE"]
    assert "use one of: 1" in errors[1].message
    assert row.failed_since(2) == {"NONE"}


def test_parse_date_tries_each_format_and_gives_advice() -> None:
    assert parse_date("2019/05/24 00:00", formats=("%Y/%m/%d",), advice="") == date(2019, 5, 24)
    with pytest.raises(ValueError, match="'soon' is not a date like 2019/05/24"):
        parse_date("soon", formats=("%Y/%m/%d",), advice=" like 2019/05/24")
    assert parse_day("01/09/2026") == date(2026, 9, 1)


def test_parse_url_adds_https_to_a_bare_domain() -> None:
    assert parse_url("www.example.ac.uk/courses") == "https://www.example.ac.uk/courses"
    assert parse_url("http://example.ac.uk") == "http://example.ac.uk"
    with pytest.raises(ValueError, match="not a web address"):
        parse_url("example")

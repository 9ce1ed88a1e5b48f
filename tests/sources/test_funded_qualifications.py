"""Reading the DfE list of qualifications approved for funding, and refusing broken copies."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from skillshub.domain.qualifications import Qualification
from skillshub.sources import funded_qualifications as fq
from skillshub.sources.errors import SourceError

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "tests" / "fixtures" / "qualifications" / "approved_sample.csv"
EMBEDDED = REPO / "data" / fq.EMBEDDED_FILE


@pytest.fixture(scope="module")
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


def by_number(content: bytes) -> dict[str, Qualification]:
    return {q.number: q for q in fq.parse(content, source="sample.csv")}


def test_reads_every_row_of_the_fixture(sample_bytes: bytes) -> None:
    found = by_number(sample_bytes)
    assert len(found) == 19
    assert sum(q.is_product for q in found.values()) == 13


def test_the_aat_diploma_row_in_full(sample_bytes: bytes) -> None:
    aat = by_number(sample_bytes)["60363393"]
    assert aat.title == "AAT Level 4 Diploma in Professional Accounting"
    assert aat.awarding_organisation == "Association of Accounting Technicians"
    assert aat.awarding_organisation_url.startswith("https://www.aat.org.uk/")
    assert (aat.level_label, aat.levels, aat.level) == ("Level 4", (4,), 4)
    assert aat.qualification_type == "Vocationally-Related Qualification"
    assert aat.sector_subject_area == "Accounting and finance"
    assert aat.status == "Approved"
    assert aat.snapshot == date(2025, 2, 18)
    assert aat.advanced_learner_loan and aat.lifelong_learning_entitlement
    loan = aat.stream("AdvancedLearnerLoans")
    assert (loan.starts, loan.ends) == (date(2022, 9, 1), date(2028, 7, 31))
    assert aat.stream("Age1619").notes == "18+ only"
    assert [s.key for s in aat.funding][:2] == [
        "AdvancedLearnerLoans",
        "LifelongLearningEntitlement",
    ]
    assert len(aat.funding) == 9


def test_levels_numbers_and_addresses_are_normalised(sample_bytes: bytes) -> None:
    found = by_number(sample_bytes)
    assert found["60315805"].levels == (0,)  # Entry Level
    assert found["60373222"].levels == (1, 2) and found["60373222"].level is None
    assert "5004767X" in found  # the check character X is kept
    assert found["61008187"].title == "AAT Level 1 Award in Bookkeeping"  # trailing space gone
    # This cell holds two addresses on separate lines: the first is the link.
    assert found["60377483"].awarding_organisation_url == (
        "https://www.ncfe.org.uk/qualifications/coming-soon"
    )


def test_gzip_is_read_like_plain_csv(sample_bytes: bytes) -> None:
    assert by_number(gzip.compress(sample_bytes)) == by_number(sample_bytes)


def test_the_embedded_file_counts() -> None:
    rows = fq.parse(EMBEDDED.read_bytes(), source=fq.EMBEDDED_FILE)
    product = [q for q in rows if q.is_product]
    assert len(rows) == 8092
    assert len(product) == 726
    assert sum(q.level == 4 for q in product) == 523
    assert sum(q.advanced_learner_loan for q in product) == 365
    assert sum(q.lifelong_learning_entitlement for q in product) == 47


def test_number_normalising() -> None:
    assert fq.normalise_number(" 603/6339/3 ") == "60363393"
    assert fq.normalise_number("5004767x") == "5004767X"
    assert fq.is_valid_number("60363393") and fq.is_valid_number("5004767X")
    assert not fq.is_valid_number("6036339") and not fq.is_valid_number("X0363393")


def _replace_cell(content: bytes, number: str, column: str, value: str) -> bytes:
    """The sample with one cell of one row changed (the rows are simple, unquoted CSV)."""
    lines = content.decode("utf-8-sig").split("\n")
    header = lines[0].split(",")
    position = header.index(column)
    for i, line in enumerate(lines):
        cells = line.split(",")
        if len(cells) > 3 and cells[3] == number:
            cells[position] = value
            lines[i] = ",".join(cells)
            return "\n".join(lines).encode()
    raise AssertionError(number)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("QualificationNumber", "6036339", "not an Ofqual qualification number"),
        ("QualificationNumber", "61008187", "listed twice"),
        ("Level", "Level 9", "is not a level"),
        ("QualificationName", "", "this cell is empty"),
        ("AdvancedLearnerLoans_FundingAvailable", "Maybe", "is not True or False"),
        ("AdvancedLearnerLoans_FundingApprovalStartDate", "2022-13-40", "is not a date"),
        ("AdvancedLearnerLoans_FundingApprovalEndDate", "01/01/2020", "ends (01/01/2020) before"),
    ],
)
def test_a_bad_cell_is_named_by_file_row_and_column(
    sample_bytes: bytes, column: str, value: str, message: str
) -> None:
    broken = _replace_cell(sample_bytes, "60363393", column, value)
    with pytest.raises(SourceError) as caught:
        fq.parse(broken, source="broken.csv")
    error = caught.value
    assert message in error.message
    assert error.source == "broken.csv" and error.field == column
    assert isinstance(error.record, int) and error.record > 1
    line = broken.decode("utf-8-sig").split("\n")[error.record - 1]
    assert "Professional Accounting" in line or ",60363393," in line, "record = line in file"


def test_a_file_missing_required_columns_is_refused(sample_bytes: bytes) -> None:
    text = sample_bytes.decode("utf-8-sig")
    broken = text.replace("AdvancedLearnerLoans_FundingAvailable", "Loans", 1).encode()
    with pytest.raises(SourceError, match="required column"):
        fq.parse(broken, source="old.csv")
    with pytest.raises(SourceError, match=r"required column.*QualificationNumber"):
        fq.parse(b"Name,Level\nx,Level 4\n", source="other.csv")


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(SourceError, match="empty"):
        fq.parse(b"", source="empty.csv")


def test_a_header_only_file_reads_as_no_rows(sample_bytes: bytes) -> None:
    header = sample_bytes.split(b"\n")[0] + b"\n"
    assert fq.parse(header, source="header.csv") == []


@pytest.mark.parametrize("where", ["start", "middle"])
def test_nul_bytes_are_refused(sample_bytes: bytes, where: str) -> None:
    broken = (
        b"\x00" + sample_bytes if where == "start" else sample_bytes.replace(b"AAT", b"A\x00T", 1)
    )
    with pytest.raises(SourceError, match="NUL byte"):
        fq.parse(broken, source="nul.csv")
    with pytest.raises(SourceError, match="NUL byte"):
        fq.parse(gzip.compress(broken), source="nul.csv.gz")


def test_a_row_with_the_wrong_number_of_cells_is_refused(sample_bytes: bytes) -> None:
    lines = sample_bytes.split(b"\n")
    lines[3] = lines[3] + b",extra"
    with pytest.raises(SourceError, match="cells but the header has 46") as caught:
        fq.parse(b"\n".join(lines), source="wide.csv")
    assert caught.value.record == 4


def test_damaged_gzip_and_other_encodings_are_refused(sample_bytes: bytes) -> None:
    with pytest.raises(SourceError, match="gzip"):
        fq.parse(gzip.compress(sample_bytes)[:200], source="cut.csv.gz")
    with pytest.raises(SourceError, match="not UTF-8"):
        fq.parse(sample_bytes.replace(b"AAT", "Â".encode("latin-1"), 1), source="latin.csv")

"""ONS fixture data loaded by the real ingest code, and live-format copies of the same values."""

from __future__ import annotations

import csv
import io
import urllib.error
from collections.abc import Iterable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from skillshub.core.ingest import IngestResult, run_ingest
from skillshub.dashboard.ingest import embedded_plan
from skillshub.domain.labour_market import Series
from skillshub.domain.labour_market.series import MONTH_ABBR
from skillshub.sources import http
from skillshub.sources.ons import LMS_CDIDS, UNEM_CDIDS, read_long_csvs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ons"
FIXTURE_FILES = (FIXTURES / "lms_headline_extract.csv", FIXTURES / "lms_regional_extract.csv")


def load_fixture_ons(files: Sequence[Path] = FIXTURE_FILES) -> IngestResult:
    """Ingest the checked-in slices of the embedded ONS files with the real ingest code."""
    return run_ingest(embedded_plan(FIXTURES, files=files))


@pytest.fixture
def ons_data(db: None) -> IngestResult:
    return load_fixture_ons()


def _label(series: Series, end: date) -> str:
    """The ONS period label of a live dataset row: "2026 APR", "2026 Q1", "2025"."""
    if series.frequency == "a":
        return f"{end.year}"
    if series.frequency == "q":
        return f"{end.year} Q{end.month // 3}"
    return f"{end.year} {MONTH_ABBR[end.month - 1].upper()}"


def dataset_csv(series: Iterable[Series], *, release: str = "21-07-2026") -> bytes:
    """The given series laid out as an ONS whole-dataset CSV (lms.csv, unem.csv).

    The values are those of the fixtures (real ONS figures); only the layout is rebuilt, with
    the metadata rows ONS writes. The release date is illustrative, as in tests/fixtures/ons.
    """
    chosen = sorted(series, key=lambda s: s.cdid)
    rows: dict[str, dict[str, str]] = {}
    order: list[tuple[int, int, str]] = []
    rank = {"a": 0, "q": 1, "m": 2}
    for s in chosen:
        for o in s.observations:
            label = _label(s, o.period_end)
            if label not in rows:
                rows[label] = {}
                order.append((rank[s.frequency], o.period_end.toordinal(), label))
            rows[label][s.cdid] = f"{o.value:g}"
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(["Title", *(s.title for s in chosen)])
    writer.writerow(["CDID", *(s.cdid for s in chosen)])
    writer.writerow(["PreUnit", *("" for _ in chosen)])
    writer.writerow(["Unit", *("%" if s.unit == "percent" else "" for s in chosen)])
    writer.writerow(["Release Date", *(release for _ in chosen)])
    writer.writerow(["Next release", *("18 August 2026" for _ in chosen)])
    writer.writerow(["Important Notes", *("" for _ in chosen)])
    for _, _, label in sorted(order):
        writer.writerow([label, *(rows[label].get(s.cdid, "") for s in chosen)])
    return out.getvalue().encode()


# ---- the live ONS datasets, served by a fake of urllib's opener ------------------------------


class FakeResponse:
    def __init__(self, body: bytes, *, claimed: int | None = None) -> None:
        length = len(body) if claimed is None else claimed
        self.headers = {"Content-Length": str(length), "Content-Type": "text/csv"}
        self._body = io.BytesIO(body)

    def __enter__(self) -> FakeResponse:
        return self

    def __exit__(self, *exc: object) -> None:
        self._body.close()

    def read(self, size: int) -> bytes:
        return self._body.read(size)


class FakeOpener:
    """Answers by URL with bytes, an HTTP status (int), or a list of answers in turn."""

    def __init__(self, routes: dict[str, Any]) -> None:
        self.routes = routes
        self.requested: list[tuple[str, float]] = []

    def __call__(self, request: Any, timeout: float) -> FakeResponse:
        url = request.full_url
        self.requested.append((url, timeout))
        answer = self.routes[url]
        if isinstance(answer, list):
            answer = answer.pop(0)
        if isinstance(answer, int):
            raise urllib.error.HTTPError(url, answer, "error", {}, None)  # type: ignore[arg-type]
        if isinstance(answer, FakeResponse):
            return answer
        return FakeResponse(answer)


def live_files() -> tuple[bytes, bytes]:
    """lms.csv and unem.csv holding the fixture values of the series each dataset supplies."""
    series = read_long_csvs(FIXTURE_FILES)
    lms = dataset_csv(s for c, s in series.items() if c in LMS_CDIDS)
    unem = dataset_csv(s for c, s in series.items() if c in UNEM_CDIDS)
    return lms, unem


def fetcher_for(opener: FakeOpener, *, attempts: int = 1) -> Any:
    return partial(http.fetch, opener=opener, attempts=attempts, backoff_s=0)

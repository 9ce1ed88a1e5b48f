"""Register of Apprenticeship Training Providers (RoATP): the public CSV download.

Format followed: the stored procedure that produces the download,
``SkillsFundingAgency/das-roatp-service``
``src/SFA.DAS.RoATPService.Database/StoredProcedures/RoATP_CSV_SUMMARY.sql`` (commit 53e4f2c).
Columns: ``UKPRN``, ``Organisation Name`` (legal name, then `` T/A `` and the trading name when
there is one), ``Application Type`` (``Main provider``, ``Employer provider``, ``Supporting
provider``; older files call it ``Provider Type``), ``Contracted to deliver to non-levied
employers`` (``Y``/``N``), ``Start Date``, ``End Date`` (set when removed), ``Provider not
currently starting new apprentices`` (a date when so) and ``Application Determined Date``. Dates
are ``yyyy/mm/dd`` (SQL style 111); older files used ``dd/mm/yyyy`` (style 103); both are read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from skillshub.domain.provision import Provider, ProviderStatus, ProviderType, validate_ukprn
from skillshub.sources.http import ProgressCallback, fetch
from skillshub.sources.tables import (
    RowError,
    RowReader,
    header_failed,
    numbered_rows,
    parse_date,
    read_bytes,
    read_table,
    refuse_errors,
)

DOWNLOAD_URL = "https://roatp.apprenticeships.education.gov.uk/download"
LICENCE = "Open Government Licence v3.0 (Crown copyright, Department for Education)"
UKPRN, NAME, ROUTE, OLD_ROUTE = "UKPRN", "ORGANISATION NAME", "APPLICATION TYPE", "PROVIDER TYPE"
NON_LEVY = "CONTRACTED TO DELIVER TO NON-LEVIED EMPLOYERS"
START, END = "START DATE", "END DATE"
NOT_STARTING = "PROVIDER NOT CURRENTLY STARTING NEW APPRENTICES"
DETERMINED = "APPLICATION DETERMINED DATE"


class RoatpRoute(StrEnum):
    MAIN = "Main provider"
    EMPLOYER = "Employer provider"
    SUPPORTING = "Supporting provider"


_ROUTES = {route.value.lower(): route for route in RoatpRoute}


@dataclass(frozen=True)
class RoatpEntry:
    """One organisation on the register and what the register says about it."""

    ukprn: int
    legal_name: str
    trading_name: str
    route: RoatpRoute
    non_levy_contract: bool | None
    start_date: date | None
    end_date: date | None
    not_starting_since: date | None
    application_determined_date: date | None

    @property
    def status(self) -> ProviderStatus:
        if self.end_date is not None:
            return ProviderStatus.REMOVED
        if self.not_starting_since is not None:
            return ProviderStatus.NOT_STARTING_NEW_APPRENTICES
        return ProviderStatus.ACTIVE

    @property
    def provider(self) -> Provider:
        """The provider as the hub shows it: trading name first, employer-providers marked."""
        kind = (
            ProviderType.EMPLOYER_PROVIDER
            if self.route is RoatpRoute.EMPLOYER
            else ProviderType.OTHER
        )
        return Provider(self.ukprn, self.trading_name or self.legal_name, kind, self.status)


def parse_register_date(value: str) -> date:
    """``2019/05/24`` (current download) or ``24/05/2019`` (older), or ISO ``2019-05-24``."""
    return parse_date(
        value, formats=("%Y/%m/%d", "%d/%m/%Y", "%Y-%m-%d"), advice=" like 2019/05/24"
    )


def _yes_no(value: str) -> bool:
    key = value.strip().upper()
    if key in {"Y", "YES", "N", "NO"}:
        return key.startswith("Y")
    raise ValueError(f"'{value}' is not Y or N")


def _route(value: str) -> RoatpRoute:
    route = _ROUTES.get(value.strip().lower())
    if route is None:
        raise ValueError(f"'{value}' is not a route (use {', '.join(r.value for r in RoatpRoute)})")
    return route


def parse_roatp(data: bytes | str, *, source: str) -> tuple[list[RoatpEntry], list[RowError]]:
    """Every valid register row, and every problem (row and column) found."""
    names, rows, errors = read_table(data, source=source, required=(UKPRN, NAME))
    route_column = ROUTE if ROUTE in names or OLD_ROUTE not in names else OLD_ROUTE
    if names and route_column not in names:
        errors.append(RowError(1, "Application Type", "the header row has no 'Application Type'"))
    if header_failed(errors):
        return [], errors
    entries: list[RoatpEntry] = []
    seen: dict[int, int] = {}
    for number, cells in numbered_rows(rows):
        row = RowReader(number, cells, errors)
        before = len(errors)
        ukprn = row.convert(UKPRN, validate_ukprn, required=True)
        full_name = row.text(NAME, required=True)
        route = row.convert(route_column, _route, required=True)
        non_levy = row.convert(NON_LEVY, _yes_no)
        dates = [
            row.convert(c, parse_register_date) for c in (START, END, NOT_STARTING, DETERMINED)
        ]
        if len(errors) > before or ukprn is None or route is None:
            continue
        if ukprn in seen:
            row.fail(UKPRN, f"this UKPRN is already on row {seen[ukprn]}")
            continue
        seen[ukprn] = number
        legal, _, trading = full_name.partition(" T/A ")
        entries.append(RoatpEntry(ukprn, legal.strip(), trading.strip(), route, non_levy, *dates))
    return entries, errors


def _entries(data: bytes, *, source: str) -> list[RoatpEntry]:
    entries, errors = parse_roatp(data, source=source)
    refuse_errors(errors, source=source)
    return entries


def read_roatp(path: Path) -> list[RoatpEntry]:
    """Read and validate a RoATP download saved on disk."""
    return _entries(read_bytes(path), source=str(path))


def fetch_roatp(
    url: str = DOWNLOAD_URL,
    *,
    fetcher: Callable[..., Any] = fetch,
    progress: ProgressCallback | None = None,
) -> list[RoatpEntry]:
    """Download the register and validate it."""
    return _entries(fetcher(url, progress=progress).content, source=url)

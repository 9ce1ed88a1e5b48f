"""Where the ONS publishes the series, and downloads that validate everything before returning."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Literal

from skillshub.domain.labour_market import Frequency, Series
from skillshub.sources.errors import SourceError
from skillshub.sources.http import Download, ProgressCallback, fetch
from skillshub.sources.ons.live import parse_dataset_csv, parse_generator_csv, parse_series_json

ONS_BASE_URL = "https://www.ons.gov.uk"
LMS_CSV_URL = (
    f"{ONS_BASE_URL}/file?uri=/employmentandlabourmarket/peopleinwork/employmentandemployeetypes"
    "/datasets/labourmarketstatistics/current/lms.csv"
)
"""Labour market statistics time series (LMS): LFS, vacancies, earnings, workforce jobs."""
UNEM_CSV_URL = (
    f"{ONS_BASE_URL}/file?uri=/employmentandlabourmarket/peoplenotinwork/unemployment"
    "/datasets/claimantcountandvacanciesdataset/current/unem.csv"
)
"""Claimant count and vacancies time series (UNEM): the current home of the claimant count."""

# The series the hub takes from each dataset: exactly those of the embedded files (data/ons),
# which were cut from these two datasets. Claimant count series come from UNEM because their LMS
# copies stopped in 2017; everything else comes from LMS.
LMS_CDIDS: tuple[str, ...] = (
    # UK headline rates and levels, vacancies, pay growth
    *("LF24", "MGSX", "LF2S", "LF22", "LF2Q", "MGRZ", "MGSC", "MGSF", "MGSR"),
    *("AP2Y", "AP2Z", "KAC3", "KAI9"),
    # vacancies by industry (SIC 2007 sections B to S, and total services)
    *("JP9H", "JP9I", "JP9J", "JP9K", "JP9L", "JP9M", "JP9N", "JP9O", "JP9P", "JP9Q"),
    *("JP9R", "JP9S", "JP9T", "JP9U", "JP9V", "JP9W", "JP9X", "JP9Y", "JP9Z"),
    # LFS economic activity, employment and inactivity rates (16-64) by region and nation
    *("LF3C", "LF3D", "LF3E", "LF3F", "LF3G", "LF3H", "LF3I", "LF3J", "LF3K", "LF3L"),
    *("LF3M", "LF3N", "LF3O", "LF5Y", "LF3P", "LF3Q", "LF3R", "LF3S", "LF3T", "LF3U"),
    *("LF3V", "LF3W", "LF3X", "LF3Y", "LF3Z", "LF42", "LF43", "LF5Z", "LF59", "LF5A"),
    *("LF5B", "LF5C", "LF5D", "LF5E", "LF5F", "LF5G", "LF5H", "LF5I", "LF5J", "LF5K"),
    # workforce jobs by region and nation (quarterly)
    *("JWT9", "JWU2", "JWU3", "JWU4", "JWU5", "JWU6", "JWU7", "JWU8", "JWU9"),
    *("JWV2", "JWV3", "JWV4", "JWV5"),
)
UNEM_CDIDS: tuple[str, ...] = (
    # UK, then regions and nations: SA and NSA, thousands and percentages
    *("BCJA", "BCJB", "BCJD", "BCJE"),
    *("DPCF", "DPDA", "DPDG", "DPDM", "IBWB", "IBWD", "IBWA", "IBWC"),
    *("BCKB", "DPAM", "DPAX", "DPBI", "BCKC", "DPAN", "DPAY", "DPBJ"),
    *("BCKG", "DPAR", "DPBC", "DPBN", "DPCI", "DPDD", "DPDJ", "DPDP"),
    *("DPCJ", "DPDE", "DPDK", "DPDQ", "DPCK", "DPDF", "DPDL", "DPDR"),
    *("BCKF", "DPAQ", "DPBB", "DPBM", "VASR", "VASS", "IBWK", "VASQ"),
    *("BCKI", "DPAT", "DPBE", "DPBP", "BCKJ", "DPAU", "DPBF", "DPBQ"),
    *("BCKK", "DPAV", "DPBG", "DPBR"),
)
LIVE_DATASETS: dict[str, tuple[str, tuple[str, ...]]] = {
    "LMS": (LMS_CSV_URL, LMS_CDIDS),
    "UNEM": (UNEM_CSV_URL, UNEM_CDIDS),
}

# Where each headline series lives on the ONS website (topic path and home dataset), as used by
# public code that downloads them. Claimant count series are published in UNEM.
_IN_WORK = "/employmentandlabourmarket/peopleinwork"
_NOT_IN_WORK = "/employmentandlabourmarket/peoplenotinwork"
SERIES_URIS = {
    "LF24": f"{_IN_WORK}/employmentandemployeetypes/timeseries/lf24/lms",
    "MGSX": f"{_NOT_IN_WORK}/unemployment/timeseries/mgsx/lms",
    "LF2S": f"{_NOT_IN_WORK}/economicinactivity/timeseries/lf2s/lms",
    "AP2Y": f"{_IN_WORK}/employmentandemployeetypes/timeseries/ap2y/lms",
    "BCJD": f"{_NOT_IN_WORK}/outofworkbenefits/timeseries/bcjd/unem",
    "BCJE": f"{_NOT_IN_WORK}/outofworkbenefits/timeseries/bcje/unem",
    "KAC3": f"{_IN_WORK}/earningsandworkinghours/timeseries/kac3/lms",
    "KAI9": f"{_IN_WORK}/earningsandworkinghours/timeseries/kai9/lms",
}

Fetcher = Callable[..., Download]


def series_url(
    cdid: str,
    *,
    fmt: Literal["json", "csv"] = "json",
    dataset: str | None = None,
    uris: Mapping[str, str] | None = None,
) -> str:
    """The ONS address of one series; ``dataset`` replaces its home dataset (lms, unem)."""
    key = cdid.strip().upper()
    given = {k.strip().upper(): v for k, v in (uris or {}).items()}
    uri = given.get(key) or SERIES_URIS.get(key)
    if uri is None:
        raise ValueError(
            f"no ONS address is known for {key}; pass uris={{'{key}': "
            f"'/<topic path>/timeseries/{key.lower()}/<dataset>'}}"
        )
    if dataset:
        uri = f"{uri.rstrip('/').rsplit('/', 1)[0]}/{dataset.lower()}"
    if fmt == "json":
        return f"{ONS_BASE_URL}{uri}/data"
    return f"{ONS_BASE_URL}/generator?format=csv&uri={uri}"


def fetch_series(
    cdids: Iterable[str],
    *,
    dataset: str | None = None,
    uris: Mapping[str, str] | None = None,
    fmt: Literal["json", "csv"] = "json",
    frequency: Frequency | None = None,
    fetcher: Fetcher = fetch,
    progress: ProgressCallback | None = None,
) -> dict[str, Series]:
    """Download and validate each series; any failure raises SourceError, so nothing is partial."""
    urls = {c.strip().upper(): "" for c in cdids}
    for cdid in urls:  # every address is known before the first download starts
        urls[cdid] = series_url(cdid, fmt=fmt, dataset=dataset, uris=uris)
    parse = parse_series_json if fmt == "json" else parse_generator_csv
    result = {}
    for cdid, url in urls.items():
        series = parse(fetcher(url, progress=progress).content, source=url, frequency=frequency)
        if series.cdid != cdid:
            raise SourceError(
                f"asked for {cdid} but the response is for {series.cdid}; check the address",
                source=url,
                field="CDID",
            )
        result[cdid] = series
    return result


def fetch_dataset_csv(
    url: str = LMS_CSV_URL,
    *,
    cdids: Iterable[str] | None = None,
    frequency: Frequency | None = None,
    fetcher: Fetcher = fetch,
    progress: ProgressCallback | None = None,
) -> dict[str, Series]:
    """Download a whole-dataset CSV (LMS by default) and return its series (or only ``cdids``)."""
    download = fetcher(url, progress=progress)
    return parse_dataset_csv(download.content, source=url, cdids=cdids, frequency=frequency)

"""ONS labour market time series: the embedded long CSVs and the live ONS CSV and JSON formats."""

from skillshub.sources.ons.download import (
    LIVE_DATASETS,
    LMS_CDIDS,
    LMS_CSV_URL,
    ONS_BASE_URL,
    SERIES_URIS,
    UNEM_CDIDS,
    UNEM_CSV_URL,
    Fetcher,
    fetch_dataset_csv,
    fetch_series,
    series_url,
)
from skillshub.sources.ons.live import parse_dataset_csv, parse_generator_csv, parse_series_json
from skillshub.sources.ons.long_csv import (
    DEFAULT_FILES,
    EMBEDDED_PUBLICATION,
    LONG_COLUMNS,
    parse_long_csvs,
    read_default,
    read_long_csv,
    read_long_csvs,
)
from skillshub.sources.ons.values import MISSING_MARKERS

LICENCE = (
    "Office for National Statistics, © Crown copyright, Open Government Licence v3.0; "
    "contains National Statistics data © Crown copyright and database right"
)

__all__ = [
    "DEFAULT_FILES",
    "EMBEDDED_PUBLICATION",
    "LICENCE",
    "LIVE_DATASETS",
    "LMS_CDIDS",
    "LMS_CSV_URL",
    "LONG_COLUMNS",
    "MISSING_MARKERS",
    "ONS_BASE_URL",
    "SERIES_URIS",
    "UNEM_CDIDS",
    "UNEM_CSV_URL",
    "Fetcher",
    "fetch_dataset_csv",
    "fetch_series",
    "parse_dataset_csv",
    "parse_generator_csv",
    "parse_long_csvs",
    "parse_series_json",
    "read_default",
    "read_long_csv",
    "read_long_csvs",
    "series_url",
]

"""The derived ESCO / SOC 2020 occupation bridges (data/occupations/), read once at index build."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from skillshub.domain.search.occupations import Occupation, OccupationLinks, OccupationsNotAvailable

OCCUPATIONS_FILE = Path("occupations") / "occupations.json.gz"
"""Where the derived file lives under the data directory (see data/occupations/README.md)."""


def read_occupation_links(data_dir: Path, *, max_per_source: int = 2) -> OccupationLinks:
    """The occupation bridges under `data_dir`; OccupationsNotAvailable when the file is missing
    or unreadable (matching then uses the standards alone)."""
    path = data_dir / OCCUPATIONS_FILE
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            raw = json.load(handle)
    except (OSError, ValueError) as error:
        raise OccupationsNotAvailable(
            f"Cannot read occupation bridges from {path} ({error}); restore the file from "
            "the repository or rebuild it with data/occupations/build_occupations.py."
        ) from error
    occupations = tuple(
        Occupation(
            source=str(item["source"]),
            code=str(item["code"]),
            title=str(item["title"]),
            labels=tuple(item["labels"]),
            texts=tuple(item["texts"]),
            skills=tuple(item["skills"]),
        )
        for item in raw
    )
    return OccupationLinks.from_occupations(occupations, max_per_source=max_per_source)

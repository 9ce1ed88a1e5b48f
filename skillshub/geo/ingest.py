"""Ingest plan for geography: authorities, regions and postcode districts (embedded files)."""

from __future__ import annotations

from pathlib import Path

from skillshub.core.ingest import IngestPlan, SourceFile
from skillshub.geo.store import Geography, replace_geography
from skillshub.sources import geography as source

DATASET = "geography"
LICENCE = (
    "Open Government Licence v3.0 (ONS geography; OS and Royal Mail data for postcode "
    "district centroids); local authority lookup © mySociety, CC BY 4.0"
)
FILES = (
    source.LOCAL_AUTHORITIES_FILE,
    source.LAD_CODES_FILE,
    source.REGIONS_FILE,
    source.OUTCODE_CENTROIDS_FILE,
    source.OUTCODE_AUTHORITIES_FILE,
)


def _existing(folder: Path, name: str) -> Path:
    gzipped = folder / f"{name}.gz"
    return gzipped if gzipped.exists() else folder / name


def embedded_plan(data_dir: Path) -> IngestPlan[Geography]:
    folder = data_dir / "geography"
    files = tuple(
        SourceFile.read(path, label=f"data/geography/{path.name}")
        for path in (_existing(folder, name) for name in FILES)
    )

    def parse(_: tuple[SourceFile, ...]) -> Geography:
        local_authorities = source.read_local_authorities(folder)
        return Geography(
            regions=source.read_regions(folder),
            combined_authorities=source.read_combined_authorities(folder),
            local_authorities=local_authorities,
            outcodes=source.read_outcodes(folder, local_authorities=local_authorities),
        )

    return IngestPlan(
        dataset=DATASET,
        licence=LICENCE,
        files=files,
        parse=parse,
        store=replace_geography,
        notes="mySociety current authorities, ONS region and district codes, doogal centroids, "
        "outcode -> authority derived from the ONS Postcode Directory.",
    )

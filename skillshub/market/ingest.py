"""Ingest plan for apprenticeship starts: DfE CSVs an operator downloaded (none are embedded)."""

from __future__ import annotations

from pathlib import Path

from skillshub.core.ingest import IngestPlan, SourceFile
from skillshub.market import store
from skillshub.sources.apprenticeship_starts import StartsRow, read_starts

DATASET = "starts"
LICENCE = "Department for Education, Open Government Licence v3.0"
COMMAND = "skillshub ingest starts --file apprenticeships.csv"
SOURCE_PAGE = "https://explore-education-statistics.service.gov.uk/find-statistics/apprenticeships"


def file_plan(paths: list[Path]) -> IngestPlan[list[StartsRow]]:
    """One or more EES apprenticeship CSVs; each replaces the areas it covers."""
    files = tuple(SourceFile.read(Path(path)) for path in paths)

    def parse(inputs: tuple[SourceFile, ...]) -> list[StartsRow]:
        rows: list[StartsRow] = []
        for file in inputs:
            rows.extend(read_starts(file.content, source=file.label))
        return rows

    return IngestPlan(
        dataset=DATASET,
        licence=LICENCE,
        files=files,
        parse=parse,
        store=store.replace_areas,
        held=store.held,
        notes=f"DfE Explore Education Statistics, apprenticeships release ({SOURCE_PAGE}).",
    )

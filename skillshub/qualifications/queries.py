"""Read queries shared by the qualification pages and API: provenance and what links mean."""

from __future__ import annotations

from skillshub.core.models import DatasetLoad
from skillshub.domain.qualifications import Qualification
from skillshub.qualifications.ingest import COMMAND, DATASET

ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0: "
    "Department for Education, qualifications approved for public funding (Ofqual data of "
    "18 February 2025)."
)


def latest_load() -> DatasetLoad | None:
    return DatasetLoad.latest_for(DATASET)


def standards_compared() -> int:
    """How many current standards the loaded qualifications were matched against (0: none)."""
    load = latest_load()
    return int(load.row_counts.get("current standards compared", 0)) if load else 0


def links_note(qualification: Qualification) -> str:
    """What the list of linked standards means for this qualification, in plain words."""
    if not qualification.is_product:
        return "Links to apprenticeship standards are worked out at Level 4 and 5 only."
    compared = standards_compared()
    if compared == 0:
        return (
            "No apprenticeship standards were loaded when these qualifications were loaded, so no "
            "links were worked out. Load them with `skillshub ingest standards`, then run "
            f"`{COMMAND}` again."
        )
    if not qualification.links:
        return (
            f"None of the {compared:,} current apprenticeship standards shares enough of this "
            "qualification's subject words at a nearby level to be linked."
        )
    return (
        f"Found by comparing this qualification's subject with {compared:,} current "
        "apprenticeship standards at nearby levels; each is shown with the words they share."
    )

"""Ingest plans for funded qualifications: the embedded DfE list, or a newer copy of it."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from skillshub.core.ingest import IngestPlan, SourceFile
from skillshub.domain.qualifications import Qualification
from skillshub.qualifications.esco import Mapped, esco_files, map_titles, replace_esco
from skillshub.qualifications.links import Linking, compute_links, standards_fingerprint
from skillshub.qualifications.store import replace_qualifications
from skillshub.settings import get_settings
from skillshub.sources import funded_qualifications as source
from skillshub.sources.errors import SourceError

DATASET = "qualifications"
COMMAND = "skillshub ingest qualifications"
STANDARDS_LABEL = "standards catalogue"


@dataclass(frozen=True)
class Loaded:
    """Validated qualifications with their links, ready to swap in."""

    qualifications: list[Qualification]
    linking: Linking
    esco: Mapped | None = None
    """Each Level 4-5 qualification's subject and its ESCO skills."""


def _standards_file() -> SourceFile:
    """The standards the links are computed against, as a pseudo-input: a new catalogue (or
    loading one for the first time) changes the SHA-256, so the next ingest re-links."""
    fingerprint = standards_fingerprint()
    label = f"{STANDARDS_LABEL} {fingerprint[:12]}" if fingerprint else f"{STANDARDS_LABEL} (none)"
    return SourceFile(label=label, content=fingerprint.encode())


def _parse(files: tuple[SourceFile, ...]) -> Loaded:
    csv_file = files[0]
    qualifications = source.parse(csv_file.content, source=csv_file.label)
    if not qualifications:
        raise SourceError(
            "the file has no qualifications: nothing would be loaded, so nothing was changed",
            source=csv_file.label,
        )
    if not any(q.is_product for q in qualifications):
        raise SourceError(
            "the file has no Level 4 or 5 qualifications (the hub's product): is it the whole "
            "DfE list? Nothing was changed",
            source=csv_file.label,
        )
    linking = compute_links(qualifications)
    linked = [dataclasses.replace(q, links=linking.links.get(q.number, ())) for q in qualifications]
    return Loaded(linked, linking, map_titles(linked, files[2:]))


def _store(loaded: Loaded) -> dict[str, int]:
    counts = replace_qualifications(loaded.qualifications)
    counts["current standards compared"] = loaded.linking.standards_compared
    counts["titles mapped to ESCO"] = replace_esco(loaded.esco)
    return counts


def _plan(csv_file: SourceFile, notes: str) -> IngestPlan[Loaded]:
    return IngestPlan(
        dataset=DATASET,
        licence=source.LICENCE,
        # The ESCO skills, when there, come last: the titles are mapped onto them.
        files=(csv_file, _standards_file(), *esco_files(get_settings().data_dir)),
        parse=_parse,
        store=_store,
        notes=notes,
    )


def embedded_plan(data_dir: Path) -> IngestPlan[Loaded]:
    """The embedded default: the list of 18 February 2025 (Ofqual snapshot)."""
    path = data_dir / source.EMBEDDED_FILE
    csv_file = SourceFile.read(path, label=f"data/{source.EMBEDDED_FILE}")
    return _plan(csv_file, "DfE qualifications approved for funding, Ofqual snapshot 18 Feb 2025.")


def file_plan(paths: Sequence[Path]) -> IngestPlan[Loaded]:
    """A newer copy of the list that an operator downloaded (same CSV format, gzip or not)."""
    if len(paths) != 1:
        raise SourceError(
            f"give exactly one file for qualifications, not {len(paths)}",
            source=", ".join(str(p) for p in paths) or "(none)",
        )
    path = Path(paths[0])
    try:
        csv_file = SourceFile.read(path)
    except OSError as error:
        raise SourceError(f"cannot read the file ({error.strerror})", source=str(path)) from error
    return _plan(csv_file, f"DfE qualifications approved for funding, from {path.name}.")

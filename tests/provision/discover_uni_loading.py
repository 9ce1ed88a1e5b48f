"""Discover Uni test data: the embedded HE providers, and a dataset zip built from real rows."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from skillshub.core.ingest import IngestResult, run_ingest
from tests.provision.loading import DATA, PROVISION

FIXTURE = PROVISION / "discover_uni"
ZIP_MEMBERS = ("KISCOURSE.csv", "INSTITUTION.csv", "LOCATION.csv", "KISAIM.csv")


def load_he_providers(data_dir: Path = DATA, *, force: bool = False) -> IngestResult:
    """The embedded Discover Uni providers through the provision module's `embedded_plan`."""
    from skillshub.provision.ingest import embedded_plan

    return run_ingest(embedded_plan(data_dir), force=force)


def course_locations() -> bytes:
    """The real UCASCOURSEID rows as COURSELOCATION.csv (the same link, without UCAS codes)."""
    rows = list(csv.reader(io.StringIO((FIXTURE / "UCASCOURSEID.csv").read_text())))
    keep = [i for i, name in enumerate(rows[0]) if name != "UCASCOURSEID"]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[row[i] for i in keep] for row in rows])
    return out.getvalue().encode()


def dataset_zip(
    folder: Path,
    *,
    links: str = "COURSELOCATION.csv",
    prefix: str = "",
    leave_out: tuple[str, ...] = (),
    replace: dict[str, bytes] | None = None,
) -> Path:
    """A zip shaped like the official download, from the real fixture rows."""
    files = {name: (FIXTURE / name).read_bytes() for name in ZIP_MEMBERS}
    if links == "COURSELOCATION.csv":
        files[links] = course_locations()
    else:
        files[links] = (FIXTURE / "UCASCOURSEID.csv").read_bytes()
    files.update(replace or {})
    path = folder / "discover_uni.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            if name not in leave_out:
                archive.writestr(prefix + name, content)
    return path


def load_zip(path: Path) -> IngestResult:
    from skillshub.provision.ingest import file_plan

    return run_ingest(file_plan([path]))

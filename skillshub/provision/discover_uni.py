"""Discover Uni in the hub: the embedded HE providers, the official zip, and the guards on both.

The embedded files (INSTITUTION + LOCATION of the 2025-26 release) give every English provider
that teaches higher education and where it teaches, so a fresh install can list colleges and
universities near a postcode. The official zip adds Level 4-5 courses; once it has been loaded,
the embedded files never overwrite it. Either load refuses to remove most of what is there.
"""

from __future__ import annotations

from pathlib import Path

from skillshub.core.ingest import IngestPlan, SourceFile
from skillshub.provision import models, store
from skillshub.provision.geocode import point_for_postcode
from skillshub.provision.models import Source
from skillshub.sources import discover_uni, discover_uni_courses
from skillshub.sources.errors import SourceError

DATASET = "he-providers"
FOLDER = Path("providers") / "discover_uni_2025"
INSTITUTIONS, LOCATIONS = "INSTITUTION.csv.gz", "LOCATION.csv.gz"
LICENCE = discover_uni.LICENCE
KEEP_AT_LEAST = 0.5
"""A load that keeps fewer than this share of the providers (or courses) there now is refused."""


def refuse_shrinking(batch: store.SourceBatch, *, label: str) -> None:
    """Raise SourceError when ``batch`` would remove most of the Discover Uni data stored now."""
    had_providers = models.ProviderListing.objects.filter(source=Source.DISCOVER_UNI).count()
    had_offers = models.Offer.objects.filter(source=Source.DISCOVER_UNI).count()
    for what, had, now in (
        ("providers", had_providers, len(batch.providers)),
        ("courses", had_offers, len(batch.offers)),
    ):
        if had and now < had * KEEP_AT_LEAST:
            raise SourceError(
                f"this would replace {had:,} Discover Uni {what} with {now:,}, removing most of "
                "them; nothing was changed. Check this is the whole dataset, not an extract",
                source=label,
            )


def zip_batch(file: SourceFile) -> store.SourceBatch:
    """The official Discover Uni zip, validated: providers, sites and Level 4-5 course offers."""
    parsed = discover_uni_courses.parse_dataset(
        file.content, source=file.label, locate=point_for_postcode
    )
    return store.SourceBatch(
        Source.DISCOVER_UNI,
        parsed.provision.providers,
        parsed.provision.offers,
        parsed.points,
    )


def embedded_batch(files: tuple[SourceFile, ...]) -> store.SourceBatch:
    by_name = {Path(f.label).name: f for f in files}
    institutions = discover_uni.read_institutions(
        _gunzip(by_name[INSTITUTIONS]), source=by_name[INSTITUTIONS].label
    )
    locations = discover_uni.read_locations(
        _gunzip(by_name[LOCATIONS]), source=by_name[LOCATIONS].label
    )
    providers = discover_uni.providers(institutions, locations, locate=point_for_postcode)
    return store.SourceBatch(Source.DISCOVER_UNI, providers)


def _gunzip(file: SourceFile) -> bytes:
    from skillshub.sources.limits import gunzip

    return gunzip(file.content, source=file.label)


def store_embedded(batch: store.SourceBatch) -> dict[str, int]:
    """Swap in the embedded providers, unless the fuller zip import is what is stored now."""
    courses = models.Offer.objects.filter(source=Source.DISCOVER_UNI).count()
    if courses:
        kept = models.ProviderListing.objects.filter(source=Source.DISCOVER_UNI).count()
        return {"providers kept from the Discover Uni zip import": kept, "courses kept": courses}
    refuse_shrinking(batch, label="the embedded Discover Uni files")
    counts = store.replace_source(batch)
    sites = models.ProviderSite.objects.filter(source=Source.DISCOVER_UNI)
    return {
        "providers": counts["providers"],
        "teaching locations": sites.filter(postcode="").count(),
        "providers placed only by their address postcode": sites.exclude(postcode="")
        .exclude(easting=None)
        .count(),
        "providers not placed": sum(
            1 for p in batch.providers if not any(site.point for site in p.locations)
        ),
    }


def embedded_plan(data_dir: Path) -> IngestPlan[store.SourceBatch]:
    """The higher education providers and teaching locations that ship with Skills Hub."""
    folder = Path(data_dir) / FOLDER
    files = tuple(
        SourceFile.read(folder / name, label=f"data/{FOLDER.as_posix()}/{name}")
        for name in (INSTITUTIONS, LOCATIONS)
    )
    return IngestPlan(
        dataset=DATASET,
        licence=LICENCE,
        files=files,
        parse=embedded_batch,
        store=store_embedded,
        notes=f"Discover Uni (Unistats) 2025-26 INSTITUTION and LOCATION, English providers. "
        f"{discover_uni.ATTRIBUTION}.",
    )

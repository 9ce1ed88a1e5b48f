"""The process-wide offer index: built once from stored offers, rebuilt when provision changes."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

from skillshub.domain import provision as domain
from skillshub.domain.geography import Point
from skillshub.provision import models, store

_lock = threading.Lock()
_FIELDS = ("provider__ukprn", "source", *store.READ_COLUMNS)


@dataclass(frozen=True)
class ProviderCard:
    """What a result needs to say about its provider."""

    ukprn: int
    name: str
    status: domain.ProviderStatus


@dataclass(frozen=True)
class LoadedProvision:
    """Every live offer, indexed, with its provider and where it came from."""

    token: str
    index: domain.OfferIndex
    providers: dict[int, ProviderCard]
    sources: dict[str, str]
    """offer_id -> the source it came from (see models.Source)."""
    he_providers: tuple[domain.Provider, ...] = ()
    """Providers teaching higher education (Discover Uni) with their teaching locations."""

    @property
    def offer_count(self) -> int:
        return len(self.index)

    def count_by_source(self) -> Counter[str]:
        return Counter(self.sources.values())


_cache: LoadedProvision | None = None


def build() -> LoadedProvision:
    """Read every live offer and index it (a few seconds for 100,000 offers).

    The higher education providers come too (40 ms for 433 providers and 832 sites), so a
    search near a postcode does not read them again.
    """
    token = models.ProvisionVersion.current()
    links = store.aim_links()
    offers: list[domain.Offer] = []
    points: list[Point | None] = []
    sources: dict[str, str] = {}
    rows = (
        models.Offer.objects.filter(store.live_offers())
        .order_by("id")
        .values(*_FIELDS)
        .iterator(chunk_size=5000)
    )
    for values in rows:
        aim = str(values["qualification_reference"] or "")
        offers.append(
            store.to_domain_offer(
                values, ukprn=int(values["provider__ukprn"]), extra_standards=links.get(aim, ())
            )
        )
        points.append(store.offer_point(values))
        sources[str(values["offer_id"])] = str(values["source"])
    providers = {
        ukprn: ProviderCard(ukprn, name, domain.ProviderStatus(status))
        for ukprn, name, status in models.Provider.objects.values_list("ukprn", "name", "status")
    }
    he_providers = store.providers_listed_by(models.Source.DISCOVER_UNI)
    return LoadedProvision(
        token, domain.OfferIndex(offers, points), providers, sources, he_providers
    )


def current() -> LoadedProvision:
    """The index for the provision being served; rebuilt when an import or a provider changes it.

    While one thread rebuilds (seconds at 100,000 offers), other threads keep answering from the
    previous index rather than queueing behind it.
    """
    global _cache
    token = models.ProvisionVersion.current()
    cached = _cache
    if cached is not None and cached.token == token:
        return cached
    if cached is not None and not _lock.acquire(blocking=False):
        return cached
    if cached is None:
        _lock.acquire()
    try:
        if _cache is not None and _cache.token == token:
            return _cache
        _cache = build()
        return _cache
    finally:
        _lock.release()

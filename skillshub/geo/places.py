"""Where a postcode or postcode district is: the process-wide lookups the web and CLI share."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from skillshub.core.models import DatasetLoad
from skillshub.core.versioned_cache import VersionedCache
from skillshub.domain import geography as domain
from skillshub.geo import store
from skillshub.sources.postcodes import PostcodeDirectory

_lock = threading.Lock()
_directory: PostcodeDirectory | None = None


@dataclass
class _Lookups:
    outcodes: dict[str, domain.Outcode]
    local_authorities: dict[str, domain.LocalAuthority]


LOOKUPS: VersionedCache[_Lookups] = VersionedCache(max_entries=1)
"""The districts and authorities of the geography load being served."""


def directory() -> PostcodeDirectory:
    global _directory
    with _lock:
        if _directory is None:
            _directory = PostcodeDirectory()
        return _directory


def _current_lookups() -> _Lookups:
    load = DatasetLoad.latest_for("geography")
    return LOOKUPS.get(
        load.sha256 if load else "",
        "lookups",
        lambda: _Lookups(store.load_outcodes(), store.load_local_authorities()),
    )


def locate(text: str) -> domain.Location:
    """Resolve a postcode or outcode; raises InvalidPostcode or UnknownPlace with a message."""
    lookups = _current_lookups()
    return domain.resolve_place(
        text,
        directory=directory(),
        outcodes=lookups.outcodes,
        local_authorities=lookups.local_authorities,
    )


def local_authority(code: str | None) -> domain.LocalAuthority | None:
    if not code:
        return None
    return _current_lookups().local_authorities.get(code)


def outcode(code: str) -> domain.Outcode | None:
    """A postcode district ("B1") with its centroid, or None when the hub does not hold it."""
    return _current_lookups().outcodes.get(code.upper())


def local_authority_named(name: str) -> domain.LocalAuthority | None:
    """A local authority by its name ("Birmingham", "county durham"), or None."""
    wanted = " ".join(name.split()).casefold()
    return next(
        (
            la
            for la in _current_lookups().local_authorities.values()
            if la.name.casefold() == wanted
        ),
        None,
    )

"""Splitting a standard into evidence units (title, job titles, duties, KSBs) in a fixed order."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np

from skillshub.domain.search.occupations import OccupationLinks
from skillshub.domain.search.presets import ALL_KINDS, Preset, UnitKind
from skillshub.domain.search.strings import PackedStrings
from skillshub.domain.search.text import sentences
from skillshub.domain.standards import Standard

MAX_UNIT_CHARS = 1000
"""Longer units (a few run-on KSBs) are cut here: the matcher needs their gist, not all of it."""


@dataclass(frozen=True)
class Unit:
    """One piece of a standard that can match a query and be shown as the reason for a match."""

    reference: str
    kind: UnitKind
    ref: str
    """'K3', 'S1', 'B2', 'D4' for KSBs and duties; '' for the other kinds."""
    text: str


def standard_units(
    standard: Standard,
    *,
    kinds: Iterable[UnitKind] = ALL_KINDS,
    related: Sequence[tuple[UnitKind, str, str]] = (),
) -> list[Unit]:
    """The standard's units, always in the same order: title, job titles, keywords, overview
    (the one-line overview, then the occupation summary sentence by sentence), duties, knowledge,
    skills, behaviours, then any `related` (kind, ref, text) units from outside the standard
    (linked occupations). Empty and repeated texts are skipped."""
    wanted = set(kinds)
    ref = standard.reference
    raw: list[tuple[UnitKind, str, str]] = [("title", "", standard.title)]
    raw += [("job title", "", title) for title in standard.job_titles]
    raw += [("keyword", "", keyword) for keyword in standard.keywords]
    raw.append(("overview", "", standard.overview))
    raw += [("overview", "", sentence) for sentence in sentences(standard.occupation_summary)]
    raw += [("duty", duty.ref, duty.text) for duty in standard.duties]
    raw += [(ksb.kind, ksb.ref, ksb.text) for ksb in standard.ksbs]
    raw += list(related)

    units: list[Unit] = []
    seen: set[tuple[str, str]] = set()
    for kind, unit_ref, text in raw:
        text = " ".join(text.split())[:MAX_UNIT_CHARS]
        key = (kind, text.lower())
        if kind not in wanted or not text or key in seen:
            continue
        seen.add(key)
        units.append(Unit(ref, kind, unit_ref, text))
    return units


def units_digest(units: Iterable[Unit]) -> str:
    """A short fingerprint of the units' kinds and texts: stored vectors are valid only for it."""
    digest = hashlib.sha256()
    for unit in units:
        digest.update(f"{unit.kind}\x1f{unit.ref}\x1f{unit.text}\x1e".encode())
    return digest.hexdigest()[:16]


def index_units(
    standard: Standard, *, preset: Preset, occupations: OccupationLinks | None
) -> list[Unit]:
    """The units a preset indexes for a standard: its own, plus its linked occupations' when the
    preset uses them and links were given. Ingest and index build must call this alike."""
    related: list[tuple[UnitKind, str, str]] = []
    if occupations is not None and preset.use_occupations:
        related = occupations.related_texts(standard)
    return standard_units(standard, kinds=preset.unit_kinds, related=related)


class UnitTable(Sequence[Unit]):
    """An index's units as arrays (kind codes, owners, packed refs and texts), read as `Unit`s
    one at a time: 100,000 units as objects cost ~30 MB and most are never shown."""

    def __init__(
        self,
        *,
        kinds: Sequence[UnitKind],
        kind_codes: np.ndarray,
        owners: np.ndarray,
        references: Sequence[str],
        refs: PackedStrings,
        texts: PackedStrings,
    ) -> None:
        if not (len(kind_codes) == len(owners) == len(refs) == len(texts)):
            raise ValueError("unit kinds, owners, refs and texts must have the same length")
        if len(kind_codes) and int(kind_codes.max()) >= len(kinds):
            raise ValueError("a unit kind code is out of range")
        self.kinds = tuple(kinds)
        self.kind_codes = kind_codes
        self.owners = owners
        self.references = references
        self.refs = refs
        self.texts = texts

    @classmethod
    def of(
        cls, units: Sequence[Unit], *, owners: np.ndarray, references: Sequence[str]
    ) -> UnitTable:
        kinds = tuple(dict.fromkeys(unit.kind for unit in units))
        code = {kind: i for i, kind in enumerate(kinds)}
        return cls(
            kinds=kinds,
            kind_codes=np.asarray([code[unit.kind] for unit in units], dtype=np.uint8),
            owners=owners,
            references=references,
            refs=PackedStrings.pack(unit.ref for unit in units),
            texts=PackedStrings.pack(unit.text for unit in units),
        )

    def __len__(self) -> int:
        return len(self.kind_codes)

    @overload
    def __getitem__(self, position: int) -> Unit: ...
    @overload
    def __getitem__(self, position: slice) -> list[Unit]: ...
    def __getitem__(self, position: int | slice) -> Unit | list[Unit]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self)
        return Unit(
            self.references[int(self.owners[position])],
            self.kinds[int(self.kind_codes[position])],
            self.refs[position],
            self.texts[position],
        )

    def per_kind(self, value: Callable[[UnitKind], object], *, dtype: type) -> np.ndarray:
        """One value per unit, `value(kind)` computed once per kind."""
        table: np.ndarray = np.asarray([value(kind) for kind in self.kinds], dtype=dtype)
        return table[self.kind_codes] if len(self.kinds) else np.zeros(0, dtype=dtype)

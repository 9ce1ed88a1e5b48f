"""Search offers near a place and relevant to some standards, with numpy arrays built once."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import numpy as np
import numpy.typing as npt

from skillshub.domain.geography import Point
from skillshub.domain.provision.model import (
    DeliveryMode,
    FundingRoute,
    Offer,
    OfferType,
    Provider,
)

SortKey = Literal["relevance", "distance", "start_date"]
SORT_KEYS: tuple[SortKey, ...] = ("relevance", "distance", "start_date")
LOCATION_FREE = "online / national"

PointOf = Callable[[Offer], Point | None]
"""Where an offer is taught (usually its venue postcode's point), or None when unknown."""

_TYPE_CODES = {offer_type: code for code, offer_type in enumerate(OfferType)}
_MODE_CODES = {mode: code for code, mode in enumerate(DeliveryMode)}
_FUNDING_BITS = {route: 1 << code for code, route in enumerate(FundingRoute)}
_NO_START = np.iinfo(np.int32).max
_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = frozenset({"a", "an", "and", "in", "of", "the", "to", "for", "with", "on", "at"})


def _tokens(text: str) -> set[str]:
    """Lower-case words, with a plain plural 's' dropped so 'technicians' finds 'technician'."""
    words = set()
    for word in _WORD.findall(text.lower()):
        if word in _STOP_WORDS:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return words


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class OfferQuery:
    """What an employer asked for. Empty filters mean "any"; ``limit=None`` returns every hit."""

    today: date
    standard_scores: Mapping[str, float] = field(default_factory=dict)
    text: str = ""
    origin: Point | None = None
    radius_km: float | None = None
    levels: frozenset[int] = frozenset()
    offer_types: frozenset[OfferType] = frozenset()
    delivery_modes: frozenset[DeliveryMode] = frozenset()
    max_duration_months: float | None = None
    max_cost_gbp: float | None = None
    funded_only: bool = False
    funding_routes: frozenset[FundingRoute] = frozenset()
    """Only offers that name at least one of these funding routes."""
    start_within_months: int | None = None
    sort: SortKey = "relevance"
    limit: int | None = 50
    offset: int = 0

    def __post_init__(self) -> None:
        for name in ("levels", "offer_types", "delivery_modes", "funding_routes"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        for reference, score in self.standard_scores.items():
            if not 0.0 <= score <= 1.0:
                raise ValueError(f"relevance for {reference} must be between 0 and 1, not {score}")
        if self.sort not in SORT_KEYS:
            raise ValueError(f"sort must be one of {', '.join(SORT_KEYS)}, not '{self.sort}'")
        for name in ("radius_km", "max_duration_months", "max_cost_gbp", "start_within_months"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} cannot be negative")
        if (self.limit is not None and self.limit < 0) or self.offset < 0:
            raise ValueError("limit and offset cannot be negative")

    @property
    def wants_match(self) -> bool:
        """Only offers that match a standard or a word are hits when either was asked for."""
        return bool(self.standard_scores) or bool(_tokens(self.text))


@dataclass(frozen=True)
class OfferHit:
    """One search result, with the facts used to rank it and the reasons in plain words."""

    offer: Offer
    relevance: float
    distance_km: float | None
    next_start: date | None
    reasons: tuple[str, ...]


IntArray = npt.NDArray[np.int32]


def _csr(groups: Sequence[Sequence[int]]) -> tuple[IntArray, IntArray, IntArray]:
    """Flatten per-offer lists: values, and the offsets and offer indexes of non-empty lists."""
    lengths = np.fromiter((len(group) for group in groups), dtype=np.int64, count=len(groups))
    starts = np.zeros(len(groups), dtype=np.int64)
    if len(groups) > 1:
        np.cumsum(lengths[:-1], out=starts[1:])
    values = np.fromiter((v for group in groups for v in group), dtype=np.int32)
    nonempty = np.flatnonzero(lengths > 0).astype(np.int32)
    return values, starts[nonempty].astype(np.int32), nonempty


class OfferIndex:
    """Offers laid out as columns so one query is a handful of vector operations."""

    def __init__(self, offers: Sequence[Offer], points: Sequence[Point | None]) -> None:
        if len(offers) != len(points):
            raise ValueError(f"{len(offers)} offers but {len(points)} points: give one per offer")
        self.offers = tuple(offers)
        count = len(self.offers)
        self._east = np.array(
            [np.nan if p is None else p.easting for p in points], dtype=np.float64
        )
        self._north = np.array(
            [np.nan if p is None else p.northing for p in points], dtype=np.float64
        )
        self._location_free = np.array([o.location_free for o in self.offers], dtype=bool)
        self._level = np.array([o.level or 0 for o in self.offers], dtype=np.int8)
        self._type = np.array([_TYPE_CODES[o.offer_type] for o in self.offers], dtype=np.int8)
        self._mode = np.array([_MODE_CODES[o.delivery_mode] for o in self.offers], dtype=np.int8)
        self._duration = np.array(
            [np.nan if o.duration_months is None else o.duration_months for o in self.offers],
            dtype=np.float64,
        )
        self._cost = np.array(
            [
                np.nan if o.headline_cost_gbp is None else float(o.headline_cost_gbp)
                for o in self.offers
            ],
            dtype=np.float64,
        )
        self._funded = np.array([o.is_funded for o in self.offers], dtype=bool)
        self._funding_bits = np.array(
            [sum(_FUNDING_BITS[route] for route in set(o.funding_routes)) for o in self.offers],
            dtype=np.int16,
        )
        self._flexible = np.array([o.flexible_start for o in self.offers], dtype=bool)
        self._title_rank = np.empty(count, dtype=np.int32)
        self._title_rank[sorted(range(count), key=lambda i: self.offers[i].title.lower())] = (
            np.arange(count, dtype=np.int32)
        )

        self._starts, self._start_offsets, self._start_owners = _csr(
            [[d.toordinal() for d in o.start_dates] for o in self.offers]
        )
        self._vocabulary: dict[str, int] = {}
        self._standards, self._standard_offsets, self._standard_owners = _csr(
            [
                [
                    self._vocabulary.setdefault(ref, len(self._vocabulary))
                    for ref in o.standard_references
                ]
                for o in self.offers
            ]
        )
        postings: dict[str, list[int]] = {}
        for position, offer in enumerate(self.offers):
            words = " ".join(
                (
                    offer.title,
                    offer.qualification_reference,
                    offer.awarding_body,
                    offer.accreditation,
                )
            )
            for word in _tokens(words):
                postings.setdefault(word, []).append(position)
        self._postings = {word: np.array(ids, dtype=np.int32) for word, ids in postings.items()}
        self._next_start_cache: tuple[int, IntArray] | None = None

    @classmethod
    def build(cls, offers: Iterable[Offer], point_of: PointOf) -> OfferIndex:
        """Index offers once; ``point_of`` places each on the national grid (None if unknown)."""
        offers = tuple(offers)
        return cls(offers, [point_of(offer) for offer in offers])

    def __len__(self) -> int:
        return len(self.offers)

    def _next_starts(self, today: date) -> IntArray:
        """Per offer, the ordinal of the first start on or after today (_NO_START when none)."""
        today_ordinal = today.toordinal()
        if self._next_start_cache and self._next_start_cache[0] == today_ordinal:
            return self._next_start_cache[1]
        result = np.full(len(self.offers), _NO_START, dtype=np.int32)
        if len(self._start_owners):
            upcoming = np.where(self._starts >= today_ordinal, self._starts, _NO_START)
            result[self._start_owners] = np.minimum.reduceat(upcoming, self._start_offsets)
        self._next_start_cache = (today_ordinal, result)
        return result

    def _relevance(self, query: OfferQuery) -> tuple[npt.NDArray[np.float64], set[str]]:
        relevance = np.zeros(len(self.offers), dtype=np.float64)
        if query.standard_scores and len(self._standard_owners):
            scores = np.zeros(len(self._vocabulary) + 1, dtype=np.float64)
            for reference, score in query.standard_scores.items():
                if reference in self._vocabulary:
                    scores[self._vocabulary[reference]] = score
            relevance[self._standard_owners] = np.maximum.reduceat(
                scores[self._standards], self._standard_offsets
            )
        words = _tokens(query.text)
        if words:
            matched = np.zeros(len(self.offers), dtype=np.float64)
            for word in words:
                if word in self._postings:
                    matched[self._postings[word]] += 1.0
            np.maximum(relevance, matched / len(words), out=relevance)
        return relevance, words

    def search(self, query: OfferQuery) -> list[OfferHit]:
        """Offers that pass every filter, best first, sliced by ``offset`` and ``limit``."""
        return self.search_with_total(query)[0]

    def search_with_total(self, query: OfferQuery) -> tuple[list[OfferHit], int]:
        """Like ``search``, and also how many offers matched before slicing (for paging)."""
        mask = np.ones(len(self.offers), dtype=bool)
        if query.levels:
            allowed = np.zeros(9, dtype=bool)
            allowed[[level for level in query.levels if 1 <= level <= 8]] = True
            mask &= allowed[self._level]
        if query.offer_types:
            mask &= np.isin(self._type, [_TYPE_CODES[t] for t in query.offer_types])
        if query.delivery_modes:
            mask &= np.isin(self._mode, [_MODE_CODES[m] for m in query.delivery_modes])
        with np.errstate(invalid="ignore"):
            if query.max_duration_months is not None:
                mask &= self._duration <= query.max_duration_months
            if query.max_cost_gbp is not None:
                mask &= self._cost <= query.max_cost_gbp
        if query.funded_only:
            mask &= self._funded
        if query.funding_routes:
            wanted = sum(_FUNDING_BITS[route] for route in query.funding_routes)
            mask &= (self._funding_bits & wanted) != 0

        distance = np.full(len(self.offers), np.nan)
        if query.origin is not None:
            distance = (
                np.hypot(self._east - query.origin.easting, self._north - query.origin.northing)
                / 1000.0
            )
            distance[self._location_free] = np.nan
            if query.radius_km is not None:
                with np.errstate(invalid="ignore"):
                    mask &= self._location_free | (distance <= query.radius_km)

        next_starts = self._next_starts(query.today)
        if query.start_within_months is not None:
            horizon = add_months(query.today, query.start_within_months).toordinal()
            mask &= self._flexible | (next_starts <= horizon)

        relevance, words = self._relevance(query)
        if query.wants_match:
            mask &= relevance > 0.0

        chosen = np.flatnonzero(mask)
        total = len(chosen)
        order = self._order(chosen, query, relevance, distance, next_starts)
        return [
            self._hit(int(i), query, float(relevance[i]), distance[i], next_starts[i], words)
            for i in order
        ], total

    def _order(
        self,
        chosen: npt.NDArray[np.intp],
        query: OfferQuery,
        relevance: npt.NDArray[np.float64],
        distance: npt.NDArray[np.float64],
        next_starts: IntArray,
    ) -> npt.NDArray[np.intp]:
        near = np.where(np.isnan(distance), np.inf, distance)
        soon = np.where(self._flexible, query.today.toordinal(), next_starts).astype(np.float64)
        keys = {
            "relevance": (-relevance, near, soon),
            "distance": (near, -relevance, soon),
            "start_date": (soon, -relevance, near),
        }[query.sort]
        primary = keys[0][chosen]
        wanted = None if query.limit is None else query.offset + query.limit
        if wanted is not None and wanted < len(chosen):
            if wanted == 0:
                return chosen[:0]
            # Keep every offer tied with the last wanted one, then sort only those.
            cutoff = np.partition(primary, wanted - 1)[wanted - 1]
            keep = primary <= cutoff
            chosen, primary = chosen[keep], primary[keep]
        ranked = chosen[
            np.lexsort(
                (
                    chosen,
                    self._title_rank[chosen],
                    keys[2][chosen],
                    keys[1][chosen],
                    primary,
                )
            )
        ]
        return ranked[query.offset : wanted]

    def _hit(
        self,
        position: int,
        query: OfferQuery,
        relevance: float,
        distance: float,
        next_start: int,
        words: set[str],
    ) -> OfferHit:
        offer = self.offers[position]
        reasons: list[str] = []
        linked = sorted(
            (
                (query.standard_scores[ref], ref)
                for ref in offer.standard_references
                if query.standard_scores.get(ref, 0) > 0
            ),
            reverse=True,
        )
        reasons.extend(f"teaches standard {ref} (match {score:.2f})" for score, ref in linked[:3])
        title_words = sorted(words & _tokens(offer.title))
        if title_words:
            reasons.append("title mentions " + ", ".join(f"'{w}'" for w in title_words))
        distance_km: float | None = None
        if offer.location_free:
            reasons.append(LOCATION_FREE)
        elif not np.isnan(distance):
            distance_km = round(float(distance), 1)
            reasons.append(f"{distance_km:.1f} km away")
        start = None if next_start == _NO_START else date.fromordinal(int(next_start))
        if start is not None:
            reasons.append(f"next start {start.day} {start:%B %Y}")
        if offer.flexible_start:
            reasons.append("flexible start dates")
        if offer.funding_routes:
            reasons.append("funding: " + ", ".join(route.value for route in offer.funding_routes))
        elif offer.cost_to_learner_gbp == 0:
            reasons.append("free to the learner")
        return OfferHit(offer, round(relevance, 4), distance_km, start, tuple(reasons))


def venue_points(providers: Iterable[Provider], *, fallback: PointOf | None = None) -> PointOf:
    """A ``point_of`` that uses each provider's known venue points, then ``fallback``."""
    known = {
        (provider.ukprn, location.postcode): location.point
        for provider in providers
        for location in provider.locations
        if location.point is not None
    }

    def point_of(offer: Offer) -> Point | None:
        point = known.get((offer.ukprn, offer.venue_postcode or ""))
        if point is None and fallback is not None:
            return fallback(offer)
        return point

    return point_of


def search_offers(
    offers: Iterable[Offer], query: OfferQuery, *, point_of: PointOf = lambda offer: None
) -> list[OfferHit]:
    """One-off search: builds an index and queries it (build an OfferIndex to search often)."""
    return OfferIndex.build(offers, point_of).search(query)

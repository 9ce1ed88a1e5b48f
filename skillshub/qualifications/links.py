"""Links from qualifications to the standards they fit, computed at ingest with the matcher."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from skillshub.domain.qualification_links import (
    DEFAULT_RULES,
    LinkRules,
    common_title_words,
    link_all,
)
from skillshub.domain.qualifications import Qualification, StandardLink


@dataclass(frozen=True)
class Linking:
    """The links found, how many current standards they were chosen from, and the time taken."""

    links: dict[str, tuple[StandardLink, ...]]
    standards_compared: int
    seconds: float
    queries: int


def standards_fingerprint() -> str:
    """Which standards catalogue and matching preset links would be computed against ('' when
    no standards are loaded): part of the ingest's SHA-256, so new standards mean new links."""
    from skillshub.core.models import DatasetLoad
    from skillshub.settings import get_settings

    load = DatasetLoad.latest_for("standards")
    if load is None:
        return ""
    return f"{load.sha256}|{get_settings().search_preset}"


def compute_links(
    qualifications: Sequence[Qualification], *, rules: LinkRules = DEFAULT_RULES
) -> Linking:
    """Search the current standards for each Level 4-5 qualification's subject; no standards
    loaded means no links (the qualifications still load)."""
    from skillshub.catalogue import matching

    started = time.perf_counter()
    try:
        index = matching.get_index(fresh=True)  # link to the standards loaded now
    except matching.CatalogueNotLoaded:
        return Linking({}, 0, 0.0, 0)
    asked: list[str] = []

    def search(text: str, limit: int) -> matching.SearchOutcome:
        asked.append(text)
        try:
            # choose_links stops below min_score of the best: no evidence is built for those.
            return index.search(text, limit=limit, min_share=rules.min_score)
        except matching.QueryError:  # a subject of only stopwords: nothing to link
            return matching.SearchOutcome(text, [], [])

    common = common_title_words(index.standards, share=rules.common_share)
    links = link_all(qualifications, search=search, rules=rules, common=common)
    current = sum(1 for standard in index.standards if standard.is_current)
    return Linking(links, current, time.perf_counter() - started, len(asked))

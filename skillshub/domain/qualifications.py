"""Regulated qualifications approved for public funding: the types, funding streams, plain words.

Decision on the two headline booleans: `advanced_learner_loan` and
`lifelong_learning_entitlement` are the list's own flag for that stream ("approved for this
funding in the list"), not a judgement about today. The list is a dated snapshot, and a later
list may extend an approval that this one shows ending; so the hub states the flag, and every
stream also carries its approval dates, with `FundingStream.status_on(day)` saying whether
those dates cover a given day (the page and the API say it for today). For example the
Lifelong Learning Entitlement approvals in the 18 February 2025 list are flagged, but start on
1 January 2027.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

PRODUCT_LEVELS: tuple[int, ...] = (4, 5)
"""The hub's product: higher technical education. Every row of the list is kept, so other
levels can be looked up, but pages, search and links default to these levels."""

ENTRY_LEVEL = 0
"""'Entry Level' (below Level 1) as a number, so a level filter can include it."""

ADVANCED_LEARNER_LOANS = "AdvancedLearnerLoans"
LIFELONG_LEARNING_ENTITLEMENT = "LifelongLearningEntitlement"

STREAM_LABELS: dict[str, str] = {
    ADVANCED_LEARNER_LOANS: "Advanced Learner Loan",
    LIFELONG_LEARNING_ENTITLEMENT: "Lifelong Learning Entitlement",
    "Age1416": "Funding for ages 14 to 16",
    "Age1619": "Funding for ages 16 to 19",
    "LocalFlexibilities": "Adult skills: local flexibilities",
    "LegalEntitlementL2L3": "Legal entitlement: first full level 2 or level 3",
    "LegalEntitlementEnglishandMaths": "Legal entitlement: English and maths",
    "DigitalEntitlement": "Digital entitlement",
    "L3FreeCoursesForJobs": "Free Courses for Jobs (level 3)",
}
"""The funding streams of the DfE list, in the order the hub shows them (the two that matter
for Level 4-5 first). A stream the hub does not know yet is shown under its column name."""

StreamStatus = Literal["not approved", "not started", "available", "ended"]


@dataclass(frozen=True)
class FundingStream:
    """One funding stream for one qualification: the list's flag and its approval dates."""

    key: str
    """The list's column prefix, e.g. 'AdvancedLearnerLoans'."""
    approved: bool
    starts: date | None = None
    ends: date | None = None
    notes: str = ""

    @property
    def label(self) -> str:
        return STREAM_LABELS.get(self.key, self.key)

    def status_on(self, day: date) -> StreamStatus:
        """Whether the approval dates cover `day` (a flag without dates counts as covering)."""
        if not self.approved:
            return "not approved"
        if self.starts is not None and day < self.starts:
            return "not started"
        if self.ends is not None and day > self.ends:
            return "ended"
        return "available"

    def available_on(self, day: date) -> bool:
        return self.status_on(day) == "available"

    def in_words(self, day: date) -> str:
        """'Yes, approved from 1 September 2022 to 31 July 2028', with a note about `day`."""
        if not self.approved:
            return "No"
        span = _span(self.starts, self.ends)
        status = self.status_on(day)
        text = f"Yes, approved {span}" if span else "Yes"
        if status == "not started":
            text += f" (not started on {_day(day)})"
        elif status == "ended":
            text += f" (this approval had ended by {_day(day)}; a newer list may extend it)"
        if self.notes:
            text += f". {self.notes}"
        return text


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _span(starts: date | None, ends: date | None) -> str:
    if starts and ends:
        return f"from {_day(starts)} to {_day(ends)}"
    if starts:
        return f"from {_day(starts)}"
    if ends:
        return f"until {_day(ends)}"
    return ""


@dataclass(frozen=True)
class LinkEvidence:
    """A part of a standard that shares words with a qualification (kept for reasons and search)."""

    kind: str
    """The standard's part: 'title', 'job title', 'keyword', 'overview', 'duty', 'knowledge'..."""
    ref: str
    text: str
    matched_words: tuple[str, ...]


@dataclass(frozen=True)
class StandardLink:
    """An apprenticeship standard that a qualification fits, how well, and why in plain words."""

    reference: str
    title: str
    level: int
    score: float
    """The matcher's relative fit (the best standard for the qualification's subject is ~1)."""
    reason: str
    evidence: tuple[LinkEvidence, ...] = ()


@dataclass(frozen=True)
class Qualification:
    """One row of the DfE list of regulated qualifications approved for funding."""

    number: str
    """Ofqual qualification number without slashes, e.g. '60363393' or '5004767X'."""
    title: str
    awarding_organisation: str
    level_label: str
    """As the list writes it: 'Level 4', 'Level 1/2', 'Entry Level'."""
    levels: tuple[int, ...]
    """The levels the label covers: (4,), (1, 2), (0,) for Entry Level."""
    qualification_type: str
    sector_subject_area: str
    status: str
    funding: tuple[FundingStream, ...]
    subcategory: str = ""
    awarding_organisation_url: str = ""
    snapshot: date | None = None
    """The date of the Ofqual data the list was made from."""
    links: tuple[StandardLink, ...] = ()

    @property
    def level(self) -> int | None:
        """The single level, or None for a label covering two ('Level 1/2')."""
        return self.levels[0] if len(self.levels) == 1 else None

    @property
    def is_product(self) -> bool:
        """At Level 4 or 5, the hub's product."""
        return self.level in PRODUCT_LEVELS

    def stream(self, key: str) -> FundingStream:
        for stream in self.funding:
            if stream.key == key:
                return stream
        return FundingStream(key=key, approved=False)

    @property
    def advanced_learner_loan(self) -> bool:
        return self.stream(ADVANCED_LEARNER_LOANS).approved

    @property
    def lifelong_learning_entitlement(self) -> bool:
        return self.stream(LIFELONG_LEARNING_ENTITLEMENT).approved


def levels_in_words(levels: tuple[int, ...]) -> str:
    """'Level 4', 'Levels 1 and 2', 'Entry Level'."""
    names = ["Entry Level" if n == ENTRY_LEVEL else f"Level {n}" for n in levels]
    if len(names) == 1:
        return names[0]
    return "Levels " + " and ".join(name.removeprefix("Level ") for name in names)

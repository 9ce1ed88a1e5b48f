"""Vocabulary bridges: ESCO and SOC 2020 occupations linked to standards by shared job titles."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from skillshub.domain.search.stemmer import stem
from skillshub.domain.search.text import sentences, words
from skillshub.domain.standards import Standard

_BRACKETS = re.compile(r"\([^)]*\)")


class OccupationsNotAvailable(FileNotFoundError):
    """The derived occupations file is missing or unreadable (raised by its reader in
    skillshub.sources.occupations)."""


@dataclass(frozen=True)
class Occupation:
    """One occupation from a public classification, as the matcher uses it."""

    source: str
    """'ESCO' (v1.1.1, European Commission) or 'SOC2020' (ONS unit group)."""
    code: str
    title: str
    labels: tuple[str, ...]
    """Its names: ESCO preferred and alternative labels; SOC title and related job titles."""
    texts: tuple[str, ...]
    """Description (and, for SOC, task statements)."""
    skills: tuple[str, ...]
    """ESCO only: preferred labels of its essential skills and knowledge."""


def label_key(label: str) -> str:
    """A job title reduced for comparison: bracketed parts dropped, words lower-cased, stemmed
    ("Engineering Technicians (degree)" -> "engin technician")."""
    return " ".join(stem(word) for word in words(_BRACKETS.sub(" ", label)))


@dataclass(frozen=True)
class OccupationLinks:
    """Links from standards to occupations whose names equal one of the standard's titles.

    A name shared by many occupations ("maintenance technician" is an alternative label of
    several ESCO occupations) says little about any one of them, so each name counts
    1 / (number of occupations of that source with the name), the standard's title twice a job
    title's weight, and one-word names ("engineer", "manager") do not link at all.
    """

    occupations: tuple[Occupation, ...]
    by_label: dict[str, tuple[int, ...]]
    max_per_source: int = 2
    max_label_share: int = 3
    """Names shared by more occupations of one source than this are ignored as ambiguous."""

    @classmethod
    def from_occupations(
        cls, occupations: tuple[Occupation, ...], *, max_per_source: int = 2
    ) -> OccupationLinks:
        by_label: dict[str, set[int]] = defaultdict(set)
        for position, occupation in enumerate(occupations):
            for label in occupation.labels:
                key = label_key(label)
                if " " in key:
                    by_label[key].add(position)
        return cls(
            occupations=occupations,
            by_label={key: tuple(sorted(found)) for key, found in sorted(by_label.items())},
            max_per_source=max_per_source,
        )

    def linked(self, standard: Standard) -> list[Occupation]:
        """The occupations named like the standard, best first, at most `max_per_source` of
        each source."""
        scores: dict[int, float] = defaultdict(float)
        names = [(standard.title, 2.0)] + [(title, 1.0) for title in standard.job_titles]
        seen: set[str] = set()
        for name, weight in names:
            key = label_key(name)
            if key in seen or key not in self.by_label:
                continue
            seen.add(key)
            found = self.by_label[key]
            for source in {self.occupations[i].source for i in found}:
                same = [i for i in found if self.occupations[i].source == source]
                if len(same) > self.max_label_share:
                    continue
                for i in same:
                    scores[i] += weight / len(same)
        ranked = sorted(scores, key=lambda i: (-scores[i], i))
        chosen: list[Occupation] = []
        per_source: dict[str, int] = defaultdict(int)
        for i in ranked:
            occupation = self.occupations[i]
            if per_source[occupation.source] < self.max_per_source:
                per_source[occupation.source] += 1
                chosen.append(occupation)
        return chosen

    def related_texts(self, standard: Standard) -> list[tuple[str, str, str]]:
        """(kind, ref, text) evidence from the linked occupations: 'occupation' units for
        description sentences and tasks, 'occupation skill' units for essential skills."""
        out: list[tuple[str, str, str]] = []
        for occupation in self.linked(standard):
            ref = f"{occupation.source} {occupation.code}"
            for text in occupation.texts:
                out += [("occupation", ref, sentence) for sentence in sentences(text)]
            out += [("occupation skill", ref, skill) for skill in occupation.skills]
        return out

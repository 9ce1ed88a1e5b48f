"""Evidence for a match (the units that drove its score) and safe highlighting of matched words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from skillshub.domain.search.stemmer import stem
from skillshub.domain.search.text import word_spans

EvidenceKind = Literal[
    "title", "job title", "keyword", "overview", "duty", "knowledge", "skill", "behaviour"
]


@dataclass(frozen=True)
class Evidence:
    """One reason for a match: a part of the standard and the query words found in it."""

    kind: EvidenceKind
    ref: str
    """'K3', 'S1', 'B2' or 'D4' for KSBs and duties; '' otherwise."""
    text: str
    matched_terms: tuple[str, ...]
    """Words of `text` that matched the query, as written in `text` (stems and expansions
    included: "repairs" matches a query that said "repairing")."""

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "ref": self.ref,
            "text": self.text,
            "matched_terms": list(self.matched_terms),
        }


def matched_words(text: str, stems: Iterable[str]) -> tuple[str, ...]:
    """The distinct words of `text` whose stem is one of `stems`, in order, as written."""
    wanted = set(stems)
    seen: dict[str, str] = {}
    for start, end, word in word_spans(text):
        if word and stem(word) in wanted and word not in seen:
            seen[word] = text[start:end]
    return tuple(seen.values())


def highlight(text: str, terms: Iterable[str]) -> list[tuple[str, bool]]:
    """Split `text` into (segment, is_match) pairs covering it exactly, marking words that
    match `terms` by stem. Neighbouring matches join into one segment ("programmable logic
    controller"). Segments are plain text: the page must escape them (it never gets HTML)."""
    stems = {stem(word) for term in terms for _, _, word in word_spans(term) if word}
    segments: list[tuple[str, bool]] = []
    position = 0
    last_match_end = -1
    for start, end, word in word_spans(text):
        if not word or stem(word) not in stems:
            continue
        gap = text[position:start]
        if segments and segments[-1][1] and last_match_end == position and gap.strip() == "":
            # Join "logic controller" into one mark when only spaces separate the words.
            segments[-1] = (segments[-1][0] + gap + text[start:end], True)
        else:
            if gap:
                segments.append((gap, False))
            segments.append((text[start:end], True))
        position = end
        last_match_end = end
    if position < len(text):
        segments.append((text[position:], False))
    return segments or ([(text, False)] if text else [])

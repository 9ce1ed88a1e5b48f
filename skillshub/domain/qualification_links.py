"""Which apprenticeship standards a qualification fits: its subject searched, matches kept, why.

Method (thresholds and measurements on the 726 Level 4-5 qualifications of the February 2025
list are in docs/qualifications.md):

1. The subject is the title without the awarding body, level and size ("NCFE CACHE Level 5
   Diploma for the Early Years Senior Practitioner" -> "the Early Years Senior Practitioner")
   and without register codes such as (RQF).
2. The standards matcher is asked for the subject, the level ("level 5", a soft boost) and the
   sector subject area, over current standards.
3. A match is kept only when it is at a nearby level (one either side), scores at least
   `LinkRules.min_score` of the best match, and its evidence shares the qualification's own
   distinctive subject words: at least `min_shared_words` different ones, one of them in the
   standard's title, job titles or keywords unless they make up `min_coverage` of the subject;
   for a one-word subject ("Taxation"), that word in the standard's title, job titles or
   keywords. The
   matcher's score is relative (its best is always about 1), so this evidence test is what
   stops a weak best match from being linked; words the matcher added (spelling corrections,
   synonyms) and common title words (`GENERIC_WORDS`) do not count.
4. At most `max_links` are kept, best first; the reason names the shared words and where the
   standard uses them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from skillshub.domain.qualifications import LinkEvidence, Qualification, StandardLink
from skillshub.domain.search.engine import Match, SearchOutcome
from skillshub.domain.search.stemmer import stem
from skillshub.domain.search.text import content_words

_SIZE = re.compile(
    r"\b(?:(?:extended|subsidiary|foundation|advanced|professional|higher|technical|"
    r"introductory|nvq|vrq)\s+)*(?:award|certificate|diploma|extended\s+diploma|"
    r"nvq|qualification)s?\b\s*(?:(?:in|for|of|on)\b|[:\-\u2013])?\s*",
    re.IGNORECASE,
)
_LEVEL = re.compile(r"\(?\b(?:rqf\s+)?level\s*[0-9](?:/[0-9])?\)?", re.IGNORECASE)
_CODES = re.compile(r"\((?:rqf|qcf|vrq|nvq|rqf\s+level\s*[0-9]|technical occupation)\)", re.I)

_GENERIC_LIST = """
    level award certificate diploma extended qualification qualifications nvq rqf vrq qcf
    advanced principles understanding introduction introductory professional practice
    practices higher vocational graded examination skills knowledge development developing
    management managing manage leadership leading lead practitioner practitioners award
    working work studies study specialist non other new use using based
"""
GENERIC_WORDS = frozenset(stem(word) for word in _GENERIC_LIST.split())
"""Words too common in qualification titles to show, on their own, that a standard fits."""
_SIZE_LIST = "level award certificate diploma extended qualification nvq rqf"
_SIZE_WORDS = frozenset(stem(word) for word in _SIZE_LIST.split())


@dataclass(frozen=True)
class LinkRules:
    """The thresholds for linking (see the module docstring)."""

    max_links: int = 3
    min_score: float = 0.6
    level_distance: int = 1
    min_shared_words: int = 2
    min_coverage: float = 0.67
    candidates: int = 30


DEFAULT_RULES = LinkRules()

EVIDENCE_PLACES = {
    "title": "its title",
    "job title": "a typical job title",
    "keyword": "its keywords",
    "overview": "its overview",
    "duty": "duty",
    "knowledge": "knowledge",
    "skill": "skill",
    "behaviour": "behaviour",
}
_STRONG_KINDS = frozenset({"title", "job title", "keyword"})


def subject(qualification: Qualification) -> str:
    """The qualification's subject: its title without awarding body, level, size and codes."""
    title = _CODES.sub(" ", qualification.title)
    size = _SIZE.search(title)
    if size:
        rest = title[size.end() :]
        if content_words(rest):
            title = rest
    else:
        level = _LEVEL.search(title)
        if level and content_words(title[level.end() :]):
            title = title[level.end() :]
    title = _LEVEL.sub(" ", title)
    organisation = {w.casefold() for w in qualification.awarding_organisation.split()}
    words = [w for w in title.split() if w.casefold() not in organisation or size]
    return " ".join(" ".join(words).strip(" -:,").split())


def query(qualification: Qualification) -> str:
    """What the matcher is asked: subject, level (a soft boost), sector subject area."""
    parts = [subject(qualification)]
    if qualification.level is not None:
        parts.append(f"level {qualification.level}")
    parts.append(qualification.sector_subject_area)
    return " ".join(part for part in parts if part)


def subject_stems(qualification: Qualification) -> frozenset[str]:
    """The subject's own distinctive word stems: the evidence a link must share. Common title
    words count only when the subject has nothing else ("Diploma in Management")."""
    words = [w for w in content_words(subject(qualification)) if not w.isdigit()]
    stems = frozenset(stem(w) for w in words)
    return (stems - GENERIC_WORDS) or (stems - _SIZE_WORDS)


def _shared(match: Match, stems: frozenset[str]) -> list[LinkEvidence]:
    kept = []
    for evidence in match.why:
        words = tuple(w for w in evidence.matched_terms if stem(w.lower()) in stems)
        if words:
            kept.append(LinkEvidence(evidence.kind, evidence.ref, evidence.text, words))
    return kept


def _fits(evidence: Sequence[LinkEvidence], stems: frozenset[str], rules: LinkRules) -> bool:
    """Enough of the subject's own words are shared (see the module docstring)."""
    shared = {stem(w.lower()) for item in evidence for w in item.matched_words}
    if len(stems) == 1:
        return any(item.kind in _STRONG_KINDS for item in evidence)
    if len(shared) < rules.min_shared_words:
        return False
    named = any(item.kind in _STRONG_KINDS for item in evidence)
    return named or len(shared) >= rules.min_coverage * len(stems)


def _quoted(words: Iterable[str]) -> str:
    unique = list(dict.fromkeys(w.lower() for w in words))
    quoted = [f"'{w}'" for w in unique]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def reason(evidence: Sequence[LinkEvidence]) -> str:
    """'both are about 'cyber' and 'security': its title (Cyber security technologist) and ...'."""
    words = _quoted(w for item in evidence for w in item.matched_words)
    places = []
    for item in evidence[:2]:
        place = EVIDENCE_PLACES.get(item.kind, item.kind)
        if item.ref:
            place = f"{place} {item.ref}"
        text = item.text if len(item.text) <= 90 else item.text[:87].rsplit(" ", 1)[0] + "..."
        places.append(f"{place} (\u201c{text}\u201d)")
    return f"both are about {words}: see {' and '.join(places)}"


def choose_links(
    qualification: Qualification, outcome: SearchOutcome, *, rules: LinkRules = DEFAULT_RULES
) -> tuple[StandardLink, ...]:
    """The standards in `outcome` that pass the rules, best first, each with its reason."""
    stems = subject_stems(qualification)
    level = qualification.level
    if level is None or not stems or not outcome.matches:
        return ()
    best = outcome.matches[0].score
    links: list[StandardLink] = []
    for match in outcome.matches:
        if len(links) == rules.max_links or match.score < rules.min_score * best:
            break
        if abs(match.level - level) > rules.level_distance:
            continue
        evidence = _shared(match, stems)
        if not evidence or not _fits(evidence, stems, rules):
            continue
        links.append(
            StandardLink(
                reference=match.reference,
                title=match.title,
                level=match.level,
                score=round(float(match.score), 3),
                reason=reason(evidence),
                evidence=tuple(evidence),
            )
        )
    return tuple(links)


Search = Callable[[str, int], SearchOutcome]
"""The standards matcher: (query, limit) -> outcome, over current standards."""


def link_all(
    qualifications: Iterable[Qualification],
    *,
    search: Search,
    rules: LinkRules = DEFAULT_RULES,
) -> dict[str, tuple[StandardLink, ...]]:
    """Links for every Level 4-5 qualification, by number; one search per distinct query."""
    outcomes: dict[str, SearchOutcome] = {}
    links: dict[str, tuple[StandardLink, ...]] = {}
    for qualification in qualifications:
        if not qualification.is_product or not subject_stems(qualification):
            continue
        text = query(qualification)
        if text not in outcomes:
            outcomes[text] = search(text, rules.candidates)
        found = choose_links(qualification, outcomes[text], rules=rules)
        if found:
            links[qualification.number] = found
    return links

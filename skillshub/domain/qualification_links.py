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
   subject words (roots: "teacher" meets "teaching"): at least `min_shared_words` different
   ones, one of them distinctive and in the standard's title, job titles or keywords; or,
   without that, shared words covering `min_coverage` of the subject, `min_shared_words` of
   them distinctive. A one-word subject ("Taxation") must be distinctive and in the title, job
   titles or keywords. Distinctive means not a common title word (`GENERIC_WORDS`) and not in
   the titles or job titles of `common_share` of current standards ("technician", "manager",
   "business"). The matcher's score is relative (its best is always about 1), so this evidence
   test is what stops a weak best match from being linked; words the matcher added (spelling
   corrections, synonyms) do not count.
4. At most `max_links` are kept, best first; the reason names the shared words and where the
   standard uses them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from skillshub.domain.qualifications import LinkEvidence, Qualification, StandardLink
from skillshub.domain.search.engine import Match, SearchOutcome
from skillshub.domain.search.stemmer import stem
from skillshub.domain.search.text import content_words
from skillshub.domain.standards import Standard


def root(term: str) -> str:
    """A stem without an agent-noun ending, so "teacher" meets "teaching" and "supervisor"
    meets "supervision" (the Porter stemmer keeps them apart)."""
    for ending in ("er", "or", "ist", "ian"):
        if term.endswith(ending) and len(term) - len(ending) >= 4:
            return term[: -len(ending)]
    return term


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
GENERIC_WORDS = frozenset(root(stem(word)) for word in _GENERIC_LIST.split())
"""Words too common in qualification titles to show, on their own, that a standard fits."""
_SIZE_LIST = "level award certificate diploma extended qualification nvq rqf"
_SIZE_WORDS = frozenset(root(stem(word)) for word in _SIZE_LIST.split())


@dataclass(frozen=True)
class LinkRules:
    """The thresholds for linking (see the module docstring)."""

    max_links: int = 2
    min_score: float = 0.6
    level_distance: int = 1
    min_shared_words: int = 2
    min_coverage: float = 0.67
    common_share: float = 0.03
    """A word in the titles or job titles of at least this share of current standards
    ("technician", "manager", "business", "engineering") is common: it cannot link alone."""
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


def _roots(text: str) -> frozenset[str]:
    return frozenset(root(stem(w)) for w in content_words(text) if not w.isdigit())


def subject_stems(qualification: Qualification) -> frozenset[str]:
    """The subject's own word roots: the evidence a link must share. Common title words
    count only when the subject has nothing else ("Diploma in Management")."""
    roots = _roots(subject(qualification))
    return (roots - GENERIC_WORDS) or (roots - _SIZE_WORDS)


def common_title_words(standards: Iterable[Standard], *, share: float) -> frozenset[str]:
    """Roots used in the titles or job titles of at least `share` of current `standards` (and
    of at least 5, so that in a small test catalogue two software standards do not make
    "software" common)."""
    current = [s for s in standards if s.is_current]
    counts: Counter[str] = Counter()
    for standard in current:
        counts.update(
            frozenset().union(*(_roots(t) for t in (standard.title, *standard.job_titles)))
        )
    floor = max(share * len(current), 5)
    return frozenset(word for word, count in counts.items() if count >= floor)


def _shared(match: Match, stems: frozenset[str]) -> list[LinkEvidence]:
    kept = []
    for evidence in match.why:
        words = tuple(w for w in evidence.matched_terms if root(stem(w.lower())) in stems)
        if words:
            kept.append(LinkEvidence(evidence.kind, evidence.ref, evidence.text, words))
    return kept


def _fits(
    evidence: Sequence[LinkEvidence],
    stems: frozenset[str],
    common: frozenset[str],
    rules: LinkRules,
) -> bool:
    """Enough of the subject's own words are shared (see the module docstring)."""

    def roots(items: Iterable[LinkEvidence]) -> set[str]:
        return {root(stem(w.lower())) for item in items for w in item.matched_words}

    shared = roots(evidence)
    named = roots(item for item in evidence if item.kind in _STRONG_KINDS)
    if len(stems) == 1:
        return bool(named - common)
    if len(shared) < rules.min_shared_words:
        return False
    if named - common:
        return True
    covered = len(shared) >= rules.min_coverage * len(stems)
    return covered and len(shared - common) >= rules.min_shared_words


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
    qualification: Qualification,
    outcome: SearchOutcome,
    *,
    rules: LinkRules = DEFAULT_RULES,
    common: frozenset[str] = frozenset(),
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
        if not evidence or not _fits(evidence, stems, common, rules):
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
    common: frozenset[str] = frozenset(),
) -> dict[str, tuple[StandardLink, ...]]:
    """Links for every Level 4-5 qualification, by number; one search per distinct query.
    `common` is `common_title_words` of the standards searched."""
    outcomes: dict[str, SearchOutcome] = {}
    links: dict[str, tuple[StandardLink, ...]] = {}
    for qualification in qualifications:
        if not qualification.is_product or not subject_stems(qualification):
            continue
        text = query(qualification)
        if text not in outcomes:
            outcomes[text] = search(text, rules.candidates)
        found = choose_links(qualification, outcomes[text], rules=rules, common=common)
        if found:
            links[qualification.number] = found
    return links

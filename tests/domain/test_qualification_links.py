"""Choosing the standards a qualification fits: subject words, nearby levels, shared evidence."""

from __future__ import annotations

from dataclasses import replace

from skillshub.domain import qualification_links as ql
from skillshub.domain.qualifications import Qualification
from skillshub.domain.search.engine import Match, SearchOutcome
from skillshub.domain.search.explain import Evidence
from tests.domain.test_qualifications import qualification

AAT = qualification()


def titled(title: str, organisation: str = "Pearson Education Ltd") -> Qualification:
    return replace(AAT, title=title, awarding_organisation=organisation)


def test_subject_drops_awarding_body_level_size_and_codes() -> None:
    assert ql.subject(AAT) == "Professional Accounting"
    assert ql.subject(
        titled("NCFE CACHE Level 5 Diploma for the Early Years Senior Practitioner")
    ) == ("the Early Years Senior Practitioner")
    assert ql.subject(
        titled("Highfield Level 4 Award in Managing Food Safety in Catering (RQF)")
    ) == ("Managing Food Safety in Catering")
    assert ql.subject(titled("ACCA  Certificate in Taxation (RQF Level 4)")) == "Taxation"
    assert (
        ql.subject(titled("NCFE Level 4 Diploma: Cyber Security Engineer "))
        == "Cyber Security Engineer"
    )


def test_subject_stems_leave_out_common_title_words_unless_nothing_else() -> None:
    assert ql.subject_stems(AAT) == {"account"}
    assert ql.subject_stems(titled("Pearson BTEC Level 5 Diploma in Management")) == {"manag"}
    assert "2024" not in ql.subject_stems(titled("ATHE Level 5 Diploma in Accounting (2024)"))


def test_query_adds_level_and_sector() -> None:
    assert ql.query(AAT) == "Professional Accounting level 4 Accounting and finance"


def match(reference: str, level: int, score: float, *why: Evidence) -> Match:
    return Match(reference, f"Standard {reference}", level, "Route", score, list(why))


TITLE = Evidence("title", "", "Professional accounting technician", ("accounting",))
OVERVIEW = Evidence("overview", "", "Works for an accounting practice", ("accounting",))
SECTOR_ONLY = Evidence("title", "", "Finance assistant", ("Finance",))


def test_keeps_nearby_levels_with_shared_subject_words_best_first() -> None:
    outcome = SearchOutcome(
        "q",
        [
            match("ST0003", 4, 1.0, TITLE, OVERVIEW),
            match("ST0001", 7, 0.9, TITLE),  # too far above level 4
            match("ST0608", 3, 0.8, SECTOR_ONLY),  # shares only the sector's word
            match("ST0002", 3, 0.7, TITLE),
            match("ST0004", 5, 0.3, TITLE),  # below the score floor
        ],
        [],
    )
    links = ql.choose_links(AAT, outcome)
    assert [link.reference for link in links] == ["ST0003", "ST0002"]
    assert links[0].reason.startswith("both are about 'accounting': see its title")
    assert links[0].evidence[0].matched_words == ("accounting",)


def test_a_one_word_subject_must_be_named_by_the_standard() -> None:
    outcome = SearchOutcome("q", [match("ST0009", 4, 1.0, OVERVIEW)], [])
    assert ql.choose_links(AAT, outcome) == ()


def test_longer_subjects_need_two_shared_words() -> None:
    q = titled("CIBTAC Level 4 Certificate in Chemical Skin Peeling Treatments")
    one = Evidence("skill", "S3", "Use chemical dosing", ("chemical",))
    two = Evidence(
        "skill", "S4", "Chemical treatment of the skin", ("Chemical", "treatment", "skin")
    )
    assert ql.choose_links(q, SearchOutcome("q", [match("ST1", 4, 1.0, one)], [])) == ()
    assert len(ql.choose_links(q, SearchOutcome("q", [match("ST1", 4, 1.0, two)], []))) == 1


def test_link_all_searches_each_distinct_query_once_and_only_level_4_5() -> None:
    asked: list[str] = []

    def search(text: str, limit: int) -> SearchOutcome:
        asked.append(text)
        return SearchOutcome(text, [match("ST0003", 4, 1.0, TITLE)], [])

    other_body = replace(AAT, number="60000000", awarding_organisation="Other")
    level_2 = replace(AAT, number="60000001", levels=(2,))
    links = ql.link_all([AAT, other_body, level_2], search=search)
    assert set(links) == {AAT.number, other_body.number}
    assert len(asked) == 1


def test_roots_join_agent_nouns_to_their_activity() -> None:
    assert ql.root("teacher") == ql.root("teach") == "teach"
    assert ql.root("supervisor") == "supervis"
    assert ql.root("water") == "water"  # too short to cut


def test_common_title_words_of_current_standards() -> None:
    from dataclasses import replace as copy

    from skillshub.domain.standards import APPROVED, Standard

    def standard(title: str, *jobs: str) -> Standard:
        base = Standard(reference="ST0001", title=title, level=4, status=APPROVED, route="R")
        return copy(base, job_titles=jobs)

    standards = [standard(f"Widget {n} technician", "Business manager") for n in range(30)]
    standards += [standard("Accounting clerk")] * 3  # 4 of 34: common by share, not by count
    standards.append(standard("Professional accounting technician"))
    standards += [copy(standard("Accounting clerk"), status="Retired")] * 40  # not current
    common = ql.common_title_words(standards, share=0.1)
    assert {"technic", "manag", "busi", "widget"} <= common
    assert "account" not in common


def test_a_common_word_alone_does_not_link() -> None:
    q = titled("ABMA Level 4 Diploma in Business Management (RQF)")
    named = Evidence("title", "", "School business professional", ("business",))
    outcome = SearchOutcome("q", [match("ST0575", 4, 1.0, named)], [])
    assert len(ql.choose_links(q, outcome)) == 1
    assert ql.choose_links(q, outcome, common=frozenset({"busi"})) == ()

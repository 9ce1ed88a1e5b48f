"""Providers, offers, offer search, the shortlist CSV and Course JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from skillshub.domain.provision import (
    DeliveryMode,
    FundingRoute,
    Offer,
    OfferHit,
    OfferIndex,
    OfferQuery,
    OfferType,
    Point,
    Provider,
    ProviderLocation,
    ProviderStatus,
    ProviderType,
    Provision,
    StudyMode,
    add_months,
    course_jsonld,
    merge_providers,
    months_from_duration,
    parse_cost_gbp,
    search_offers,
    shortlist_csv,
    standards_for,
    validate_ukprn,
    venue_points,
)
from skillshub.domain.provision.export import iso_duration_months

TODAY = date(2026, 11, 22)
# Grid references of real postcodes (ONS Postcode Directory), see tests/fixtures/provision/README.md
GRID = {
    "B1 1AA": Point(406649, 286530),
    "B4 7ET": Point(407551, 287676),
    "B5 5SU": Point(407857, 286398),
    "B15 2TT": Point(404997, 283926),
    "CV1 2JH": Point(434164, 278659),
    "LS1 4AP": Point(429363, 433330),
}
ORIGIN = GRID["B1 1AA"]


def offer(offer_id: str, **changes: object) -> Offer:
    base = Offer(
        offer_id=offer_id,
        ukprn=19999901,
        offer_type=OfferType.HTQ,
        title=f"Test offer {offer_id}",
        delivery_mode=DeliveryMode.CLASSROOM,
        level=4,
        venue_postcode="B4 7ET",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def point_of(item: Offer) -> Point | None:
    return GRID.get(item.venue_postcode or "")


def ids(hits: list[OfferHit]) -> list[str]:
    return [hit.offer.offer_id for hit in hits]


def query(**changes: object) -> OfferQuery:
    return OfferQuery(today=TODAY, **changes)  # type: ignore[arg-type]


# --- value rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "months"),
    [
        (12, "months", 12.0),
        (2, "years", 24.0),
        (10, "weeks", 2.3),
        (5, "days", 0.16),
        (1, "Years", 12.0),
        (30, "hours", 0.04),
    ],
)
def test_durations_are_normalised_to_months(value: int, unit: str, months: float) -> None:
    assert months_from_duration(value, unit) == months


@pytest.mark.parametrize(("value", "unit"), [(0, "months"), (-1, "weeks"), (3, "fortnights")])
def test_bad_durations_say_what_is_wrong(value: int, unit: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        months_from_duration(value, unit)


@pytest.mark.parametrize(
    ("text", "pounds"),
    [
        ("£1,250", Decimal("1250.00")),
        ("1250.00", Decimal("1250.00")),
        ("£1,250.50", Decimal("1250.50")),
        ("Free", Decimal("0.00")),
        ("free", Decimal("0")),
        ("0.00", Decimal("0")),
        ("  £75 ", Decimal("75.00")),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_costs_are_read_in_pounds(text: str | None, pounds: Decimal | None) -> None:
    assert parse_cost_gbp(text) == pounds


@pytest.mark.parametrize("text", ["£1,2x0", "-5", "about £100", "NaN", "Infinity"])
def test_bad_costs_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="price"):
        parse_cost_gbp(text)


@pytest.mark.parametrize("good", [10001234, "10001234", " 19999901 "])
def test_a_ukprn_is_eight_digits(good: int | str) -> None:
    assert validate_ukprn(good) == int(str(good).strip())


@pytest.mark.parametrize("bad", ["1234", "100012345", "1000123A", "", "01234567", 1234])
def test_a_bad_ukprn_is_refused(bad: int | str) -> None:
    with pytest.raises(ValueError, match="UKPRN"):
        validate_ukprn(bad)


def test_provider_and_offer_check_their_ukprn() -> None:
    with pytest.raises(ValueError, match="UKPRN"):
        Provider(ukprn=1234, name="Test")
    with pytest.raises(ValueError, match="UKPRN"):
        offer("x", ukprn=99)


@pytest.mark.parametrize(
    "changes",
    [
        {"level": 9},
        {"level": 0},
        {"standard_references": ("ST662",)},
        {"title": " "},
        {"duration_months": -1.0},
        {"cost_to_learner_gbp": Decimal(-1)},
        {"cost_to_employer_gbp": Decimal(-1)},
    ],
)
def test_offers_refuse_impossible_values(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        offer("x", **changes)


def test_offer_start_dates_are_sorted_and_unique() -> None:
    made = offer("x", start_dates=(date(2027, 9, 1), date(2027, 1, 11), date(2027, 9, 1)))
    assert made.start_dates == (date(2027, 1, 11), date(2027, 9, 1))
    assert made.next_start(date(2027, 2, 1)) == date(2027, 9, 1)
    assert made.next_start(date(2027, 9, 2)) is None


def test_headline_cost_prefers_the_employer_cost_and_skips_apprentices() -> None:
    assert offer("a", cost_to_learner_gbp=Decimal(100)).headline_cost_gbp == Decimal(100)
    both = offer("b", cost_to_learner_gbp=Decimal(0), cost_to_employer_gbp=Decimal(700))
    assert both.headline_cost_gbp == Decimal(700)
    apprenticeship = offer("c", offer_type=OfferType.APPRENTICESHIP, cost_to_learner_gbp=Decimal(0))
    assert apprenticeship.headline_cost_gbp is None


def test_standards_for_reads_one_or_many_and_checks_them() -> None:
    mapping = {"TESTHTQ1": "ST0662", "TESTFD01": ("ST0999", "ST0662")}
    assert standards_for("TESTHTQ1", mapping) == ("ST0662",)
    assert standards_for("TESTFD01", mapping) == ("ST0999", "ST0662")
    assert standards_for("OTHER", mapping) == ()
    assert standards_for(474, None) == ()
    with pytest.raises(ValueError, match="ST0662"):
        standards_for(1, {1: "662"})


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    assert add_months(date(2026, 11, 22), 6) == date(2027, 5, 22)
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 1), 1) == date(2027, 1, 1)


def test_merging_providers_keeps_known_type_points_and_latest_status() -> None:
    college = Provider(
        19999901,
        "Test College",
        website="https://example.ac.uk",
        locations=(ProviderLocation("Main", "B4 7ET"),),
    )
    register = Provider(
        19999901,
        "TEST COLLEGE LTD",
        ProviderType.FE_COLLEGE,
        ProviderStatus.REMOVED,
        locations=(
            ProviderLocation("Main", "B4 7ET", GRID["B4 7ET"]),
            ProviderLocation("Two", "B5 5SU"),
        ),
    )
    merged = merge_providers(college, register)
    assert merged.name == "Test College"
    assert merged.type is ProviderType.FE_COLLEGE
    assert merged.status is ProviderStatus.REMOVED
    assert merged.website == "https://example.ac.uk"
    assert [(loc.postcode, loc.point) for loc in merged.locations] == [
        ("B4 7ET", GRID["B4 7ET"]),
        ("B5 5SU", None),
    ]
    with pytest.raises(ValueError):
        merge_providers(college, Provider(19999902, "Other"))


def test_provision_merge_joins_providers_and_offers() -> None:
    first = Provision((Provider(19999901, "A"),), (offer("1"),), "one.csv")
    second = Provision(
        (Provider(19999901, "A2", ProviderType.FE_COLLEGE),), (offer("1"), offer("2")), "two.json"
    )
    merged = first.merged(second)
    assert [p.type for p in merged.providers] == [ProviderType.FE_COLLEGE]
    assert [o.offer_id for o in merged.offers] == ["1", "2"]
    assert merged.source == "one.csv, two.json"


# --- search ------------------------------------------------------------------------------------


@pytest.fixture
def catalogue() -> list[Offer]:
    return [
        offer(
            "near-htq",
            standard_references=("ST0662",),
            start_dates=(date(2027, 1, 11),),
            cost_to_learner_gbp=Decimal(6165),
            duration_months=24.0,
        ),
        offer(
            "digbeth-bootcamp",
            offer_type=OfferType.SKILLS_BOOTCAMP,
            venue_postcode="B5 5SU",
            delivery_mode=DeliveryMode.BLENDED,
            standard_references=("ST0999",),
            funding_routes=(FundingRoute.SKILLS_BOOTCAMP,),
            cost_to_learner_gbp=Decimal(0),
            start_dates=(date(2027, 2, 1),),
            duration_months=2.76,
        ),
        offer(
            "edgbaston-fd",
            offer_type=OfferType.FOUNDATION_DEGREE,
            venue_postcode="B15 2TT",
            level=5,
            standard_references=("ST0999", "ST0662"),
            start_dates=(date(2026, 9, 21), date(2027, 9, 20)),
            cost_to_learner_gbp=Decimal(9250),
            duration_months=24.0,
        ),
        offer(
            "coventry-htq",
            venue_postcode="CV1 2JH",
            standard_references=("ST0841",),
            start_dates=(date(2027, 9, 14),),
            cost_to_learner_gbp=Decimal(5000),
            duration_months=12.0,
        ),
        offer(
            "leeds-htq",
            venue_postcode="LS1 4AP",
            standard_references=("ST0662",),
            start_dates=(date(2027, 1, 11),),
            cost_to_learner_gbp=Decimal(3000),
            duration_months=24.0,
        ),
        offer(
            "online",
            venue_postcode=None,
            national=True,
            delivery_mode=DeliveryMode.ONLINE,
            level=3,
            offer_type=OfferType.OTHER,
            title="Mechatronics fundamentals online",
            standard_references=("ST0662",),
            flexible_start=True,
            funding_routes=(FundingRoute.ADVANCED_LEARNER_LOAN,),
            cost_to_learner_gbp=Decimal(1250),
            duration_months=2.3,
        ),
        offer(
            "apprenticeship",
            offer_type=OfferType.APPRENTICESHIP,
            venue_postcode="B5 5SU",
            delivery_mode=DeliveryMode.DAY_RELEASE,
            standard_references=("ST0662",),
            title="Automation and controls engineering technician",
            flexible_start=True,
            funding_routes=(FundingRoute.APPRENTICESHIP,),
            cost_to_learner_gbp=Decimal(0),
        ),
        offer(
            "unplaced",
            venue_postcode="ZZ99 9ZZ",
            standard_references=("ST0662",),
            start_dates=(date(2027, 3, 1),),
        ),
    ]


@pytest.fixture
def index(catalogue: list[Offer]) -> OfferIndex:
    return OfferIndex.build(catalogue, point_of)


def test_radius_keeps_near_offers_and_online_ones(index: OfferIndex) -> None:
    hits = index.search(query(origin=ORIGIN, radius_km=10, sort="distance"))
    # Same venue, same distance: the flexible-start apprenticeship can start sooner.
    assert ids(hits) == [
        "apprenticeship",
        "digbeth-bootcamp",
        "near-htq",
        "edgbaston-fd",
        "online",
    ]
    assert [hit.distance_km for hit in hits] == [1.2, 1.2, 1.5, 3.1, None]
    assert "online / national" in hits[-1].reasons
    wider = ids(index.search(query(origin=ORIGIN, radius_km=30, sort="distance")))
    assert "coventry-htq" in wider and "leeds-htq" not in wider


def test_without_an_origin_distance_is_not_known(index: OfferIndex) -> None:
    hits = index.search(query(radius_km=5, limit=None))
    assert len(hits) == 8
    assert all(hit.distance_km is None for hit in hits)


def test_an_origin_without_radius_ranks_but_does_not_filter(index: OfferIndex) -> None:
    hits = index.search(query(origin=ORIGIN, sort="distance", limit=None))
    assert ids(hits)[-3:] == ["leeds-htq", "online", "unplaced"]
    assert hits[-3].distance_km == pytest.approx(148.6, abs=0.1)
    assert hits[-1].distance_km is None


def test_relevance_comes_from_standard_scores(index: OfferIndex) -> None:
    hits = index.search(query(standard_scores={"ST0999": 0.9, "ST0662": 0.6}, origin=ORIGIN))
    assert ids(hits)[:2] == ["digbeth-bootcamp", "edgbaston-fd"]
    assert hits[0].relevance == 0.9
    assert hits[1].reasons[:2] == (
        "teaches standard ST0999 (match 0.90)",
        "teaches standard ST0662 (match 0.60)",
    )
    assert "coventry-htq" not in ids(hits)


def test_relevance_ties_break_on_distance(index: OfferIndex) -> None:
    hits = index.search(query(standard_scores={"ST0662": 0.8}, origin=ORIGIN, limit=None))
    assert ids(hits) == [
        "apprenticeship",
        "near-htq",
        "edgbaston-fd",
        "leeds-htq",
        "online",
        "unplaced",
    ]


def test_text_matches_title_words(index: OfferIndex) -> None:
    hits = index.search(query(text="mechatronics fundamentals"))
    assert ids(hits) == ["online"]
    assert hits[0].relevance == 1.0
    assert "title mentions 'fundamental', 'mechatronic'" in hits[0].reasons
    partial = index.search(query(text="automation welding", limit=None))
    assert ids(partial) == ["apprenticeship"]
    assert partial[0].relevance == 0.5


def test_no_scores_and_no_words_means_browse_everything(index: OfferIndex) -> None:
    assert len(index.search(query(limit=None))) == 8


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"levels": {5}}, {"edgbaston-fd"}),
        ({"levels": {3, 5}}, {"edgbaston-fd", "online"}),
        (
            {"offer_types": {OfferType.SKILLS_BOOTCAMP, OfferType.APPRENTICESHIP}},
            {"digbeth-bootcamp", "apprenticeship"},
        ),
        (
            {"delivery_modes": {DeliveryMode.ONLINE, DeliveryMode.BLENDED}},
            {"online", "digbeth-bootcamp"},
        ),
        ({"max_duration_months": 3}, {"digbeth-bootcamp", "online"}),
        ({"max_cost_gbp": 3000}, {"digbeth-bootcamp", "leeds-htq", "online"}),
        ({"funded_only": True}, {"digbeth-bootcamp", "online", "apprenticeship"}),
        ({"funding_routes": {FundingRoute.SKILLS_BOOTCAMP}}, {"digbeth-bootcamp"}),
        (
            {"funding_routes": {FundingRoute.APPRENTICESHIP, FundingRoute.ADVANCED_LEARNER_LOAN}},
            {"apprenticeship", "online"},
        ),
        (
            {"start_within_months": 3},
            {"near-htq", "digbeth-bootcamp", "leeds-htq", "online", "apprenticeship"},
        ),
        (
            {"start_within_months": 12, "levels": {4}, "max_cost_gbp": 5000},
            {"digbeth-bootcamp", "leeds-htq", "coventry-htq"},
        ),
    ],
)
def test_each_filter(index: OfferIndex, changes: dict[str, object], expected: set[str]) -> None:
    assert set(ids(index.search(query(limit=None, **changes)))) == expected


def test_start_within_uses_the_next_future_start(index: OfferIndex) -> None:
    # The foundation degree's September 2026 run has passed; its next run is September 2027.
    hits = {hit.offer.offer_id: hit for hit in index.search(query(limit=None))}
    assert hits["edgbaston-fd"].next_start == date(2027, 9, 20)
    assert "edgbaston-fd" not in ids(index.search(query(start_within_months=9, limit=None)))
    assert "edgbaston-fd" in ids(index.search(query(start_within_months=10, limit=None)))


def test_sort_by_start_date_puts_flexible_first_and_undated_last(index: OfferIndex) -> None:
    order = ids(index.search(query(sort="start_date", limit=None, origin=ORIGIN)))
    assert order[:2] == ["apprenticeship", "online"]
    assert order[2:] == [
        "near-htq",
        "leeds-htq",
        "digbeth-bootcamp",
        "unplaced",
        "coventry-htq",
        "edgbaston-fd",
    ]


def test_limit_and_offset_page_through_the_same_order(index: OfferIndex) -> None:
    everything = ids(index.search(query(sort="distance", origin=ORIGIN, limit=None)))
    pages = [
        ids(index.search(query(sort="distance", origin=ORIGIN, limit=3, offset=start)))
        for start in (0, 3, 6)
    ]
    assert [offer_id for page in pages for offer_id in page] == everything
    hits, total = index.search_with_total(query(origin=ORIGIN, radius_km=10, limit=2))
    assert (len(hits), total) == (2, 5)
    assert index.search(query(limit=0)) == []


def test_search_offers_is_a_one_off_index(catalogue: list[Offer]) -> None:
    hits = search_offers(catalogue, query(text="mechatronics"), point_of=point_of)
    assert ids(hits) == ["online"]


def test_venue_points_come_from_provider_locations() -> None:
    provider = Provider(
        19999901, "Test", locations=(ProviderLocation("Site", "B4 7ET", GRID["B4 7ET"]),)
    )
    lookup = venue_points([provider], fallback=point_of)
    assert lookup(offer("a")) == GRID["B4 7ET"]
    assert lookup(offer("b", venue_postcode="CV1 2JH")) == GRID["CV1 2JH"]
    assert venue_points([provider])(offer("c", venue_postcode="CV1 2JH")) is None


@pytest.mark.parametrize(
    "changes",
    [
        {"standard_scores": {"ST0662": 1.5}},
        {"sort": "price"},
        {"radius_km": -1},
        {"limit": -1},
        {"offset": -1},
        {"start_within_months": -2},
    ],
)
def test_bad_queries_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        query(**changes)


def test_an_index_needs_one_point_per_offer() -> None:
    with pytest.raises(ValueError, match="one per offer"):
        OfferIndex([offer("a"), offer("b")], [ORIGIN])


def test_an_empty_index_returns_nothing() -> None:
    empty = OfferIndex.build([], point_of)
    assert empty.search(query(standard_scores={"ST0662": 1.0}, origin=ORIGIN, radius_km=5)) == []
    assert len(empty) == 0


# --- shortlist CSV and JSON-LD ---------------------------------------------------------------


def test_shortlist_csv_has_a_row_per_hit(index: OfferIndex) -> None:
    hits = index.search(query(origin=ORIGIN, radius_km=10, sort="distance"))
    providers = {19999901: Provider(19999901, "Test Fixture College Birmingham")}
    table = list(csv.reader(io.StringIO(shortlist_csv(hits, providers=providers))))
    header, rows = table[0], table[1:]
    assert header[:7] == ["Title", "Provider", "UKPRN", "Type", "Level", "Distance (km)", "Where"]
    assert "Hours per week" in header and "Start dates" in header and "Funding" in header
    assert len(rows) == len(hits)
    by_title = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    bootcamp = by_title["Test offer digbeth-bootcamp"]
    assert bootcamp["Provider"] == "Test Fixture College Birmingham"
    assert bootcamp["Distance (km)"] == "1.2"
    assert bootcamp["Cost to learner (GBP)"] == "0.00"
    assert bootcamp["Duration (months)"] == "2.76"
    assert bootcamp["Funding"] == "Skills Bootcamp funded"
    assert bootcamp["Start dates"] == "2027-02-01"
    online = by_title["Mechatronics fundamentals online"]
    assert online["Where"] == "online / national"
    assert online["Start dates"] == "flexible"


def test_shortlist_csv_defuses_spreadsheet_formulas() -> None:
    hits = search_offers([offer("x", title='=HYPERLINK("http://bad")')], query())
    row = list(csv.reader(io.StringIO(shortlist_csv(hits))))[1]
    assert row[0].startswith("'=")


def test_course_jsonld_shape() -> None:
    provider = Provider(
        19999901, "Test Fixture College", ProviderType.FE_COLLEGE, website="https://example.ac.uk"
    )
    made = offer(
        "htq",
        qualification_reference="TESTHTQ1",
        standard_references=("ST0662",),
        study_mode=StudyMode.PART_TIME,
        hours_per_week=7.5,
        duration_months=24.0,
        cost_to_learner_gbp=Decimal("6165.00"),
        awarding_body="PEARSON",
        accreditation="Higher Technical Qualification",
        start_dates=(date(2027, 1, 11), date(2027, 9, 6)),
        venue_name="Engineering Centre",
        description="A test HTQ.",
        url="https://example.ac.uk/htq",
    )
    course = course_jsonld(made, provider)
    json.dumps(course)  # it must serialise as it is
    assert course["@context"] == "https://schema.org"
    assert course["@type"] == "Course"
    assert course["provider"]["@type"] == "CollegeOrUniversity"
    assert course["provider"]["identifier"]["value"] == "19999901"
    assert course["educationalLevel"] == "Level 4"
    assert course["educationalCredentialAwarded"]["name"] == "Higher Technical Qualification"
    assert course["educationalCredentialAwarded"]["recognizedBy"]["name"] == "PEARSON"
    assert course["offers"] == [
        {"@type": "Offer", "category": "Paid", "price": "6165.00", "priceCurrency": "GBP"}
    ]
    assert course["teaches"][0]["termCode"] == "ST0662"
    first, second = course["hasCourseInstance"]
    assert first["courseMode"] == "Onsite"
    assert first["duration"] == "P2Y"
    assert first["startDate"] == "2027-01-11" and second["startDate"] == "2027-09-06"
    assert first["courseSchedule"] == {
        "@type": "Schedule",
        "repeatFrequency": "Weekly",
        "duration": "PT7.5H",
        "repeatCount": 104,
    }
    assert first["courseWorkload"] == "PT780H"
    assert first["location"]["address"]["postalCode"] == "B4 7ET"
    assert first["location"]["name"] == "Engineering Centre"


def test_course_jsonld_for_online_free_and_employer_priced_offers() -> None:
    provider = Provider(19999902, "Test Training")
    online = offer(
        "o",
        ukprn=19999902,
        national=True,
        delivery_mode=DeliveryMode.ONLINE,
        venue_postcode=None,
        level=None,
        cost_to_learner_gbp=Decimal(0),
        cost_to_employer_gbp=Decimal(700),
    )
    course = course_jsonld(online, provider)
    assert course["provider"]["@type"] == "EducationalOrganization"
    assert "educationalLevel" not in course
    assert course["hasCourseInstance"] == [
        {
            "@type": "CourseInstance",
            "courseMode": "Online",
            "location": {"@type": "VirtualLocation", "name": "online / national"},
        }
    ]
    assert [o["category"] for o in course["offers"]] == ["Free", "Paid"]
    assert course["offers"][1]["eligibleCustomerType"] == "Business"
    with pytest.raises(ValueError, match="belongs to"):
        course_jsonld(offer("x"), provider)


@pytest.mark.parametrize(
    ("months", "iso"), [(24.0, "P2Y"), (18.0, "P18M"), (12.0, "P1Y"), (2.3, "P70D"), (0.5, "P15D")]
)
def test_iso_durations(months: float, iso: str) -> None:
    assert iso_duration_months(months) == iso

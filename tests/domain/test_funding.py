"""What an apprenticeship costs the employer under dated funding rules."""

from __future__ import annotations

from datetime import date

from skillshub.domain.funding import (
    Employer,
    FundingRules,
    RuleSource,
    apprenticeship_cost,
    levy_status,
    product_cost,
)

RULES = FundingRules(
    title="Test rules",
    effective_from=date(2026, 8, 1),
    checked_on=date(2026, 12, 1),
    sources=(RuleSource("A source", "https://example.org"),),
    levy_pay_bill_threshold_gbp=3_000_000,
    levy_rate=0.005,
    levy_allowance_gbp=15_000,
    non_levy_employer_share=0.05,
    fully_funded_ages=(16, 24),
    levy_used_up_employer_share=0.25,
)


def test_a_small_employer_is_taken_not_to_pay_the_levy_and_says_so() -> None:
    assert levy_status(Employer(employees=20)) == "no-levy"
    assert levy_status(Employer(employees=500)) == "unknown"
    assert levy_status(Employer(levy="pays-levy", employees=20)) == "pays-levy"
    cost = apprenticeship_cost(
        RULES, funding_band_gbp=14_000, employer=Employer(employees=20), age="unknown"
    )
    assert (cost.young_apprentice_gbp, cost.older_apprentice_gbp) == (0, 700)
    assert "nothing for an apprentice aged 16 to 24" in cost.summary and "£700" in cost.summary
    assert "we assume you do not pay the levy" in cost.rule


def test_non_levy_employer_by_age() -> None:
    employer = Employer(levy="no-levy")
    young = apprenticeship_cost(RULES, funding_band_gbp=27_000, employer=employer, age="16-24")
    assert (young.employer_pays_gbp, young.government_pays_gbp) == (0, 27_000)
    older = apprenticeship_cost(RULES, funding_band_gbp=27_000, employer=employer, age="25+")
    assert (older.employer_pays_gbp, older.government_pays_gbp) == (1_350, 25_650)
    assert "5%" in older.summary and "assume" not in older.rule


def test_levy_payer_uses_levy_funds_then_pays_the_used_up_share() -> None:
    cost = apprenticeship_cost(
        RULES, funding_band_gbp=20_000, employer=Employer(levy="pays-levy"), age="25+"
    )
    assert cost.employer_pays_gbp is None
    assert "levy funds" in cost.summary and "£5,000" in cost.summary


def test_unknown_levy_status_gives_both_answers_and_no_band_says_so() -> None:
    cost = apprenticeship_cost(RULES, funding_band_gbp=10_000, employer=Employer(), age="unknown")
    assert "If you do not pay the levy" in cost.summary and "£500" in cost.summary
    missing = apprenticeship_cost(RULES, funding_band_gbp=None, employer=Employer(), age="25+")
    assert missing.employer_pays_gbp is None and "not published" in missing.summary


def test_units_state_their_band_and_that_sharing_is_not_in_the_rules() -> None:
    cost, rule = product_cost(
        RULES, kind="unit", funding_band_gbp=3_200, employer=Employer(), age="unknown"
    )
    assert cost == "Funding band up to £3,200." and "not yet in this hub's funding rules" in rule

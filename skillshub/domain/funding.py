"""What an apprenticeship's training costs an employer, from published funding rules (data)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

LevyStatus = Literal["pays-levy", "no-levy", "unknown"]
AgeBand = Literal["16-24", "25+", "unknown"]


@dataclass(frozen=True)
class RuleSource:
    name: str
    url: str


@dataclass(frozen=True)
class FundingRules:
    """One dated set of rules (see data/funding/): the shares employers pay and who pays none."""

    title: str
    effective_from: date
    checked_on: date
    sources: tuple[RuleSource, ...]
    levy_pay_bill_threshold_gbp: int
    levy_rate: float
    levy_allowance_gbp: int
    non_levy_employer_share: float
    fully_funded_ages: tuple[int, int]
    levy_used_up_employer_share: float
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Employer:
    """What the calculator needs to know about the employer; everything may be unknown."""

    levy: LevyStatus = "unknown"
    employees: int | None = None


@dataclass(frozen=True)
class CostEstimate:
    """The most an employer pays for one apprentice's training and assessment, and why."""

    employer_pays_gbp: int | None
    """Upper limit for this employer and age band; None when it depends on what is unknown."""
    government_pays_gbp: int | None
    summary: str
    rule: str
    young_apprentice_gbp: int | None = None
    older_apprentice_gbp: int | None = None


# A pay bill over the levy threshold needs, at the median UK wage, roughly 80 or more staff;
# fewer than 50 employees is a safe sign the employer does not pay the levy.
FEW_STAFF = 50


def levy_status(employer: Employer) -> LevyStatus:
    """The employer's levy status, guessed from its size only when it did not say."""
    if employer.levy != "unknown":
        return employer.levy
    if employer.employees is not None and employer.employees < FEW_STAFF:
        return "no-levy"
    return "unknown"


def _pounds(value: float) -> str:
    return f"£{value:,.0f}"


def apprenticeship_cost(
    rules: FundingRules, *, funding_band_gbp: int | None, employer: Employer, age: AgeBand
) -> CostEstimate:
    """What the employer pays towards an apprenticeship with this funding band."""
    if funding_band_gbp is None:
        return CostEstimate(
            None, None, "The funding band is not published for this apprenticeship.", ""
        )
    low, high = rules.fully_funded_ages
    status = levy_status(employer)
    assumed = (
        f" (with fewer than {FEW_STAFF} staff your pay bill is almost certainly under "
        f"{_pounds(rules.levy_pay_bill_threshold_gbp)}, so we assume you do not pay the levy)"
        if employer.levy == "unknown" and status == "no-levy"
        else ""
    )
    if status == "no-levy":
        share = rules.non_levy_employer_share
        older = round(funding_band_gbp * share)
        young = 0
        rule = (
            f"Employers who do not pay the apprenticeship levy pay nothing for apprentices aged "
            f"{low} to {high} when they start, and {share:.0%} of the training and assessment "
            f"cost for older apprentices; the government pays the rest, up to the funding band"
            f"{assumed}."
        )
        if age == "16-24":
            return CostEstimate(0, funding_band_gbp, "You pay nothing.", rule, young, older)
        if age == "25+":
            summary = (
                f"You pay up to {_pounds(older)} ({share:.0%} of the "
                f"{_pounds(funding_band_gbp)} funding band)."
            )
            return CostEstimate(older, funding_band_gbp - older, summary, rule, young, older)
        summary = (
            f"You pay nothing for an apprentice aged {low} to {high}; up to {_pounds(older)} "
            f"({share:.0%} of the {_pounds(funding_band_gbp)} funding band) for an older one."
        )
        return CostEstimate(None, None, summary, rule, young, older)
    used_up = round(funding_band_gbp * rules.levy_used_up_employer_share)
    rule = (
        "Levy-paying employers pay from their levy funds; once those are used up they pay "
        f"{rules.levy_used_up_employer_share:.0%} and the government the rest, up to the "
        "funding band."
    )
    if status == "pays-levy":
        summary = (
            f"Paid from your levy funds (up to {_pounds(funding_band_gbp)}); if they have run "
            f"out, you pay up to {_pounds(used_up)}."
        )
        return CostEstimate(None, None, summary, rule)
    older = round(funding_band_gbp * rules.non_levy_employer_share)
    summary = (
        f"If you do not pay the levy: nothing for an apprentice aged {low} to {high}, up to "
        f"{_pounds(older)} for an older one. If you pay the levy: from your levy funds."
    )
    return CostEstimate(None, None, summary, rule + " " + _non_levy_rule(rules), 0, older)


def _non_levy_rule(rules: FundingRules) -> str:
    low, high = rules.fully_funded_ages
    return (
        f"Employers who do not pay it pay nothing for apprentices aged {low} to {high} and "
        f"{rules.non_levy_employer_share:.0%} for older apprentices."
    )


UNIT_RULE = (
    "Levy-paying employers can spend levy funds on apprenticeship units; how the cost is shared "
    "for other employers is not yet in this hub's funding rules."
)


def product_cost(
    rules: FundingRules,
    *,
    kind: str,
    funding_band_gbp: int | None,
    employer: Employer,
    age: AgeBand,
) -> tuple[str, str]:
    """(what the employer pays, the rule) for an apprenticeship product of this kind."""
    if kind == "unit":
        band = (
            f"Funding band up to {_pounds(funding_band_gbp)}."
            if funding_band_gbp
            else "Funding band not published."
        )
        return band, UNIT_RULE
    estimate = apprenticeship_cost(
        rules, funding_band_gbp=funding_band_gbp, employer=employer, age=age
    )
    return estimate.summary, estimate.rule

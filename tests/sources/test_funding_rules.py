"""Reading the dated funding rules file."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from skillshub.sources.errors import SourceError
from skillshub.sources.funding_rules import RULES_FILE, parse_rules

DATA = Path(__file__).resolve().parents[2] / "data"


def raw() -> dict:
    return json.loads((DATA / RULES_FILE).read_text())


def test_the_embedded_rules_read_with_their_date_and_sources() -> None:
    rules = parse_rules((DATA / RULES_FILE).read_bytes(), source="rules.json")
    assert rules.effective_from == date(2026, 8, 1)
    assert rules.non_levy_employer_share == 0.05 and rules.fully_funded_ages == (16, 24)
    assert rules.levy_used_up_employer_share == 0.25
    assert rules.sources and all(s.url.startswith("https://") for s in rules.sources)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda r: r["non_levy"].__setitem__("employer_share", 5), "non_levy.employer_share"),
        (
            lambda r: r["non_levy"].__setitem__("fully_funded_ages", [24, 16]),
            "non_levy.fully_funded_ages",
        ),
        (lambda r: r.pop("effective_from"), "effective_from"),
        (lambda r: r.__setitem__("effective_from", "August 2026"), "effective_from"),
        (lambda r: r.__setitem__("sources", []), "sources"),
        (lambda r: r["levy"].__setitem__("allowance_gbp", "15000"), "levy.allowance_gbp"),
    ],
)
def test_a_broken_rules_file_names_the_field(
    change: Callable[[dict[str, Any]], object], field: str
) -> None:
    rules = raw()
    change(rules)
    with pytest.raises(SourceError) as caught:
        parse_rules(json.dumps(rules).encode(), source="rules.json")
    assert caught.value.field == field


def test_not_json_is_refused() -> None:
    with pytest.raises(SourceError, match="not valid UTF-8 JSON"):
        parse_rules(b"{", source="rules.json")

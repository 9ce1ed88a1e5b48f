"""The dated apprenticeship funding rules in data/funding/ (who pays what share, from when)."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from skillshub.domain.funding import FundingRules, RuleSource
from skillshub.sources.errors import SourceError

RULES_FILE = "funding/apprenticeship_funding_2026-08.json"


def _get(raw: dict[str, Any], path: str, kind: type, *, source: str) -> Any:
    value: Any = raw
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            raise SourceError(f"'{path}' is missing", source=source, field=path)
        value = value[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise SourceError(
            f"expected {kind.__name__}, found {type(value).__name__}", source=source, field=path
        )
    return value


def _share(raw: dict[str, Any], path: str, *, source: str) -> float:
    share = float(_get(raw, path, float, source=source))
    if not 0.0 <= share <= 1.0:
        raise SourceError(
            f"a share between 0 and 1 is needed, found {share}", source=source, field=path
        )
    return share


def _date(raw: dict[str, Any], path: str, *, source: str) -> date:
    text = _get(raw, path, str, source=source)
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise SourceError(
            f"not a date like 2026-08-01: {text!r}", source=source, field=path
        ) from error


def parse_rules(content: bytes, *, source: str) -> FundingRules:
    """Validate the rules file; every problem names the field to fix."""
    try:
        raw = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(f"not valid UTF-8 JSON ({error})", source=source) from error
    if not isinstance(raw, dict):
        raise SourceError("expected a JSON object", source=source)
    ages = _get(raw, "non_levy.fully_funded_ages", list, source=source)
    if len(ages) != 2 or not all(isinstance(a, int) for a in ages) or ages[0] > ages[1]:
        raise SourceError(
            "expected [youngest, oldest] ages, e.g. [16, 24]",
            source=source,
            field="non_levy.fully_funded_ages",
        )
    sources = []
    for number, item in enumerate(_get(raw, "sources", list, source=source)):
        if not isinstance(item, dict) or not item.get("name") or not item.get("url"):
            raise SourceError(
                "each source needs a name and a url", source=source, field=f"sources[{number}]"
            )
        sources.append(RuleSource(name=str(item["name"]), url=str(item["url"])))
    if not sources:
        raise SourceError("the rules must name their sources", source=source, field="sources")
    return FundingRules(
        title=_get(raw, "title", str, source=source),
        effective_from=_date(raw, "effective_from", source=source),
        checked_on=_date(raw, "checked_on", source=source),
        sources=tuple(sources),
        levy_pay_bill_threshold_gbp=_get(raw, "levy.pay_bill_threshold_gbp", int, source=source),
        levy_rate=_share(raw, "levy.rate", source=source),
        levy_allowance_gbp=_get(raw, "levy.allowance_gbp", int, source=source),
        non_levy_employer_share=_share(raw, "non_levy.employer_share", source=source),
        fully_funded_ages=(ages[0], ages[1]),
        levy_used_up_employer_share=_share(raw, "levy_funds_used_up.employer_share", source=source),
        notes=tuple(str(note) for note in raw.get("notes", [])),
    )


@lru_cache(maxsize=4)
def read_embedded(data_dir: Path) -> FundingRules:
    """The rules under a data folder, read once per process."""
    return parse_rules((data_dir / RULES_FILE).read_bytes(), source=f"data/{RULES_FILE}")

"""Turn the journey's result into GOV.UK component parameters (summary lists per card)."""

from __future__ import annotations

from typing import Any

from django.utils.html import format_html

from skillshub.journey.services import OptionCard, TrainingSearchResult


def card_summary(card: OptionCard) -> dict[str, Any]:
    rows: list[tuple[str, Any]] = [("What it is", {"text": card.one_line})]
    if card.level_words:
        rows.append(("Level", {"text": card.level_words}))
    rows += [
        ("Time", {"text": card.time}),
        ("Format", {"text": card.format}),
        ("Where", {"text": card.where}),
    ]
    if card.cost_rule:
        cost = {
            "html": format_html(
                '{}<br><span class="govuk-hint govuk-!-font-size-16">{}</span>',
                card.cost,
                card.cost_rule,
            )
        }
    else:
        cost = {"text": card.cost}
    rows.append(("Cost to you", cost))
    return {
        "classes": "govuk-!-margin-bottom-3",
        "rows": [{"key": {"text": key}, "value": value} for key, value in rows],
    }


def groups(result: TrainingSearchResult) -> list[dict[str, Any]]:
    return [
        {
            "name": group.name,
            "heading": group.heading,
            "count": group.count,
            "see_all_url": group.see_all_url,
            "note": group.note,
            "cards": [{"card": card, "summary": card_summary(card)} for card in group.cards],
        }
        for group in result.groups
    ]

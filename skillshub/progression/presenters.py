"""Progression results as GOV.UK component parameters: a short card and disclosures a step."""

from __future__ import annotations

from typing import Any

from django.utils.html import format_html, format_html_join

from skillshub.progression.services import KsbItem, PathwaysResult, PathwayStep


def _list(items: list[KsbItem]) -> str:
    return format_html(
        '<ul class="govuk-list govuk-list--bullet">{}</ul>',
        format_html_join("", "<li><strong>{}</strong> {}</li>", ((k.ref, k.text) for k in items)),
    )


def _details(summary: str, items: list[KsbItem]) -> dict[str, Any] | None:
    if not items:
        return None
    return {"summaryText": f"{summary} ({len(items)})", "html": _list(items)}


def themes_line(step: PathwayStep) -> str:
    if not step.themes:
        return ""
    parts = [f"{t.label.lower()} ({t.count})" for t in step.themes]
    return "Mostly about " + ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def step_cards(result: PathwaysResult) -> list[dict[str, Any]]:
    cards = []
    for step in result.steps:
        cards.append(
            {
                "step": step,
                "themes": themes_line(step),
                "counts": f"{len(step.held)} of its skills you have, "
                f"{len(step.builds_on)} build on them, {len(step.new)} are new.",
                "facts": f"Time: {step.time}.",
                "cost": {
                    "summaryText": "Cost to your employer",
                    "text": f"{step.employer_cost} {step.cost_rule}",
                },
                "details": [
                    d
                    for d in (
                        _details("Skills you already have", step.held),
                        _details("Skills that build on yours", step.builds_on),
                        _details("New skills", step.new),
                    )
                    if d
                ],
            }
        )
    return cards


def case_summary(step: PathwayStep) -> dict[str, Any]:
    adds = themes_line(step) or f"{len(step.builds_on) + len(step.new)} skills"
    rows = [
        ("The step", f"{step.title}, {step.kind_name.lower()} at level {step.level}"),
        ("What it adds to the business", adds),
        ("Time", step.time),
        ("Cost to the business", step.employer_cost),
        ("How it is funded", step.cost_rule),
        ("Cost to me", step.employee_cost),
    ]
    if step.qualifications:
        rows.append(("Or a qualification", "; ".join(q.title for q in step.qualifications)))
    return {"rows": [{"key": {"text": key}, "value": {"text": value}} for key, value in rows]}

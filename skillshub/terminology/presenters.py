"""Shape glossary results for the pages: letters A to Z, and the search box."""

from __future__ import annotations

from typing import Any

from skillshub.terminology.services import GlossaryEntryOut


def by_letter(entries: list[GlossaryEntryOut]) -> list[dict[str, Any]]:
    """Entries grouped under their first letter (or digit), in order."""
    groups: dict[str, list[GlossaryEntryOut]] = {}
    for entry in sorted(entries, key=lambda e: e.slug):
        groups.setdefault(entry.term[:1].upper(), []).append(entry)
    return [{"letter": letter, "entries": held} for letter, held in groups.items()]


def query_input(q: str) -> dict[str, Any]:
    return {
        "id": "q",
        "name": "q",
        "label": {"text": "Find a term", "classes": "govuk-label--s"},
        "hint": {"text": "For example, HTQ or levy"},
        "value": q,
        "classes": "govuk-!-width-two-thirds",
        "spellcheck": False,
    }

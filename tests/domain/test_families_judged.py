"""The issue's check on the embedded 2026 catalogue: the standards most similar to Software
developer (ST0116) include Software development technician and DevOps engineer or Software
tester, each with shared skills."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from skillshub.domain.families import Relations, relate
from tests import embedded

DATA = Path(__file__).resolve().parents[2] / "data"
pytestmark = [pytest.mark.data, pytest.mark.slow]


@lru_cache(maxsize=1)
def relations() -> Relations:
    index = embedded.default_index()
    return relate(index.standards, unit_vectors=index.unit_vectors)


def test_software_developer_top_five() -> None:
    top = relations().similar["ST0116"][:5]
    references = [s.reference for s in top]
    assert "ST0128" in references
    assert {"ST0825", "ST0129"} & set(references)
    for item in top:
        if item.reference in {"ST0128", "ST0825", "ST0129"}:
            assert item.shared, f"{item.reference} shows what it shares"


def test_families_cover_every_current_product_once() -> None:
    found = relations()
    members = [ref for family in found.families for ref in family.members]
    assert len(members) == len(set(members)) == len(found.family_of)
    assert max(len(f.members) for f in found.families) <= found.preset.max_family_size
    assert found.family_of["ST0116"] == found.family_of["ST0128"]

"""Families and similar standards: real standards from the embedded data, a tiny-preset index."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pytest

from skillshub.domain.families import TINY, Relations, cluster_stem, relate
from skillshub.domain.search import StandardsIndex, get_preset
from skillshub.sources.embedding_models import load_embedder
from tests import embedded

DATA = Path(__file__).resolve().parents[2] / "data"
SAMPLE = (
    "ST0116",  # Software developer, level 4
    "ST0128",  # Software development technician, level 3
    "ST0129",  # Software tester, level 4
    "ST0825",  # DevOps engineer, level 4
    "ST0154",  # Maintenance and operations engineering technician, level 3
    "ST0999",  # Lead engineering maintenance technician, level 4
    "ST0662",  # Automation and controls engineering technician, level 4
    "ST1312",  # Legal technician, level 4
    "ST0245",  # Paralegal, level 3
    "AU0001",  # an apprenticeship unit: no KSBs in the embedded data
    "ST0066",  # Road transport engineering manager: not current
)


@lru_cache(maxsize=1)
def _index() -> StandardsIndex:
    wanted = set(SAMPLE)
    return StandardsIndex.embed_and_build(
        [s for s in embedded.standards() if s.reference in wanted],
        preset="tiny",
        embedder=load_embedder(get_preset("tiny")),
    )


@lru_cache(maxsize=1)
def _relations() -> Relations:
    index = _index()
    return relate(index.standards, unit_vectors=index.unit_vectors, preset=TINY)


@pytest.fixture(scope="module")
def relations() -> Relations:
    return _relations()


def test_software_developer_is_closest_to_its_own_occupations(relations: Relations) -> None:
    similar = [s.reference for s in relations.similar["ST0116"]]
    assert similar[0] == "ST0128"
    assert {"ST0129", "ST0825"} & set(similar[:3])
    assert "ST1312" not in similar[:3], "law is not among the closest to software"
    first = relations.similar["ST0116"][0]
    assert first.shared and first.shared_count >= len(first.shared)
    assert all(pair.cosine >= TINY.shared_at for pair in first.shared)
    assert 0 < first.overlap <= 1 and 0 < first.share_of_own <= 1
    assert first.same_family


def test_families_keep_software_law_and_maintenance_apart(relations: Relations) -> None:
    family = relations.family_of
    assert family["ST0116"] == family["ST0128"]
    assert family["ST0116"] != family["ST1312"]
    assert family["ST0116"] != family["ST0999"]
    assert family["ST1312"] == family["ST0245"]
    assert "ST0066" not in family, "only current products are grouped"
    members = [ref for f in relations.families for ref in f.members]
    assert sorted(members) == sorted(family)
    assert all(len(f.members) <= TINY.max_family_size for f in relations.families)
    software = next(f for f in relations.families if f.key == family["ST0116"])
    assert software.label.startswith("Software development")
    assert software.route == "Digital"
    levels = [_index().standard(ref).level for ref in software.members]
    assert levels == sorted(levels)


def test_a_product_without_ksbs_is_compared_on_its_other_wording(relations: Relations) -> None:
    assert relations.similar["AU0001"], "a unit is compared through its title and overview"


def test_the_same_catalogue_gives_the_same_answer(relations: Relations) -> None:
    index = _index()
    again = relate(list(reversed(index.standards)), unit_vectors=index.unit_vectors, preset=TINY)
    assert again.families == relations.families
    assert again.similar == relations.similar


def test_similarity_is_symmetric(relations: Relations) -> None:
    scores = {
        (ref, s.reference): s.score for ref, items in relations.similar.items() for s in items
    }
    for (a, b), value in scores.items():
        if (b, a) in scores:
            assert scores[(b, a)] == pytest.approx(value)


def test_a_high_bar_leaves_every_product_on_its_own() -> None:
    index = _index()
    strict = replace(TINY, family_at=2.0)
    relations = relate(index.standards, unit_vectors=index.unit_vectors, preset=strict)
    assert all(len(f.members) == 1 for f in relations.families)
    assert len({f.key for f in relations.families}) == len(relations.families)


@pytest.mark.parametrize(
    ("cluster", "stem"),
    [
        ("Software development advanced technician", "Software development"),
        ("Software development technician", "Software development"),
        (
            "Service, repair and/or overhaul operative or technician",
            "Service, repair and/or overhaul",
        ),
        ("Business manager", "Business manager"),
        ("Technician", ""),
        ("", ""),
    ],
)
def test_cluster_stem_drops_the_level_words(cluster: str, stem: str) -> None:
    assert cluster_stem(cluster) == stem

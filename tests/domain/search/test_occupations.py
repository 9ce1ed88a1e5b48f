"""Occupation bridges: ESCO / SOC 2020 occupations linked to standards by their job titles."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

import pytest

from skillshub.domain.search import (
    OccupationLinks,
    OccupationsNotAvailable,
    StandardsIndex,
    VectorsMismatch,
    embed_catalogue,
    get_preset,
)
from skillshub.domain.search.occupations import Occupation, label_key
from skillshub.domain.search.presets import STANDARD_KINDS
from skillshub.domain.search.units import index_units
from skillshub.sources.embedding_models import load_embedder
from skillshub.sources.occupations import read_occupation_links
from tests.domain.search.conftest import DATA, catalogue, sample_standards


@lru_cache(maxsize=1)
def links() -> OccupationLinks:
    return read_occupation_links(DATA)


def _occupation(source: str, code: str, *labels: str) -> Occupation:
    return Occupation(source, code, labels[0], labels, (f"{labels[0]} text.",), ())


def test_label_key_drops_brackets_case_and_endings() -> None:
    assert label_key("Engineering Technicians (degree)") == label_key("engineering technician")


def test_the_shipped_file_loads_both_sources() -> None:
    sources = {occupation.source for occupation in links().occupations}
    assert sources == {"ESCO", "SOC2020"}
    assert len(links().occupations) > 3000


def test_a_standard_links_to_the_occupation_with_its_job_title() -> None:
    water = catalogue()["ST0453"]  # Water treatment technician
    linked = links().linked(water)
    assert "water plant technician" in [occupation.title for occupation in linked]


def test_at_most_max_per_source_links_of_each_source() -> None:
    for standard in sample_standards():
        linked = links().linked(standard)
        for source in ("ESCO", "SOC2020"):
            assert sum(o.source == source for o in linked) <= links().max_per_source


def test_one_word_and_widely_shared_names_do_not_link() -> None:
    occupations = (
        _occupation("ESCO", "1", "manager", "shop manager"),
        *(_occupation("ESCO", str(n), f"other {n}", "field engineer") for n in range(2, 6)),
    )
    bridges = OccupationLinks.from_occupations(occupations)
    shop = dataclasses.replace(catalogue()["ST0001"], title="Manager", job_titles=("Shop manager",))
    assert [o.code for o in bridges.linked(shop)] == ["1"]
    field = dataclasses.replace(shop, title="Field engineer", job_titles=())
    assert bridges.linked(field) == []


def test_related_texts_are_description_sentences_and_skills() -> None:
    kinds = {kind for kind, _, _ in links().related_texts(catalogue()["ST0453"])}
    assert kinds <= {"occupation", "occupation skill"}
    assert "occupation" in kinds


def test_missing_file_says_how_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(OccupationsNotAvailable, match=r"build_occupations\.py"):
        read_occupation_links(tmp_path)


def test_index_units_add_occupations_after_the_standard_own_units() -> None:
    standard = catalogue()["ST0453"]
    preset = get_preset("tiny")
    own = index_units(standard, preset=preset, occupations=None)
    bridged = index_units(standard, preset=preset, occupations=links())
    assert bridged[: len(own)] == own
    assert {unit.kind for unit in bridged[len(own) :]} <= {"occupation", "occupation skill"}
    off = dataclasses.replace(preset, use_occupations=False)
    assert index_units(standard, preset=off, occupations=links()) == own


def test_occupation_wording_finds_standards_but_is_never_shown_as_evidence() -> None:
    standards = sample_standards()
    index = StandardsIndex.embed_and_build(
        standards, preset="tiny", embedder=load_embedder(get_preset("tiny")), occupations=links()
    )
    outcome = index.search("maintain robots and automated production machinery")
    assert outcome.matches
    for match in outcome.matches:
        assert all(evidence.kind in STANDARD_KINDS for evidence in match.why)


def test_vectors_must_be_made_with_the_same_occupations() -> None:
    standards = sample_standards()
    preset = get_preset("tiny")
    plain = embed_catalogue(standards, embedder=load_embedder(preset), preset=preset)
    with pytest.raises(VectorsMismatch):
        StandardsIndex.build(standards, vectors=plain, preset=preset, occupations=links())

"""Searching a handful of real standards: ranking, evidence, hints, filters and bad input."""

from __future__ import annotations

import copy
import dataclasses

import numpy as np
import pytest

from skillshub.domain.search import (
    Embedder,
    Match,
    PartsMismatch,
    QueryError,
    StandardsIndex,
    VectorsMismatch,
    embed_catalogue,
    get_preset,
)
from skillshub.domain.search.engine import distinct_rows
from skillshub.domain.search.text import terms
from skillshub.domain.standards import Standard

from .conftest import catalogue


def references(index: StandardsIndex, query: str, **options: object) -> list[str]:
    return [m.reference for m in index.search(query, **options).matches]  # type: ignore[arg-type]


def test_plain_language_needs_find_the_right_standard(index: StandardsIndex) -> None:
    assert references(index, "service the lifts and escalators")[0] == "ST0252"
    assert references(index, "keep gas mains safe")[0] == "ST0205"
    assert references(index, "turn medical records into codes")[0] == "ST0535"


def test_every_match_has_evidence_from_the_standard(index: StandardsIndex) -> None:
    standards = catalogue()
    outcome = index.search("repairing robots and PLCs on a production line", limit=5)
    assert outcome.matches
    for match in outcome.matches:
        standard = standards[match.reference]
        assert 1 <= len(match.why) <= index.preset.max_evidence
        refs = {d.ref for d in standard.duties} | {k.ref for k in standard.ksbs}
        texts = (
            {standard.title, standard.overview, *standard.job_titles, *standard.keywords}
            | {d.text for d in standard.duties}
            | {k.text for k in standard.ksbs}
        )
        for evidence in match.why:
            assert evidence.ref == "" or evidence.ref in refs
            assert evidence.text in texts or evidence.text in standard.occupation_summary
            for term in evidence.matched_terms:
                assert term in evidence.text


def test_matched_terms_include_stems_and_expansions(index: StandardsIndex) -> None:
    match = index.search("PLC programming", limit=1).matches[0]
    assert match.reference == "ST0662"
    matched = {t.lower() for e in match.why for t in e.matched_terms}
    # "programmable logic controller" comes from the terminology table, "program..." by stem.
    assert matched & {"plc", "programmable", "logic", "controllers", "programming", "program"}


def test_level_hints_move_standards_up_without_filtering(index: StandardsIndex) -> None:
    plain = references(index, "robotics and mechatronics engineer")
    degree = references(index, "robotics and mechatronics engineer level 6")
    assert degree[0] == "ST1317"
    assert set(plain) == set(degree)
    outcome = index.search("robotics and mechatronics engineer level 6")
    assert "Ranking level 6 higher because you mentioned 'level 6'." in outcome.notes


def test_abbreviations(index: StandardsIndex) -> None:
    assert references(index, "HGV drivers")[0] == "ST0257"
    outcome = index.search("VAT and tax returns")
    assert outcome.matches[0].reference == "ST0001"
    assert any("value added tax" in note for note in outcome.notes)


def test_spelling(index: StandardsIndex) -> None:
    outcome = index.search("mechatronix techniciens")
    assert outcome.matches[0].reference == "ST1326"
    assert "Searched for 'mechatronic' instead of 'mechatronix'." in outcome.notes
    assert "Searched for 'technicians' instead of 'techniciens'." in outcome.notes


def test_brand_names_are_not_corrected_when_frequencies_are_known(index: StandardsIndex) -> None:
    from skillshub.sources.word_frequency import english_zipf

    plain = copy.copy(index)  # a shallow copy sharing the built index
    plain.word_frequency = english_zipf
    outcome = plain.search("Siemens PLC")
    assert not any("instead of 'siemens'" in note for note in outcome.notes)
    assert outcome.query.lower().startswith("siemens")


@pytest.mark.parametrize("query", ["xyzzy", "asdf qwerty", "zzzz yyyy"])
def test_nonsense_gets_no_results_and_says_so(index: StandardsIndex, query: str) -> None:
    outcome = index.search(query)
    assert outcome.no_good_match and outcome.matches == []
    assert any("Nothing in the catalogue is a good match" in note for note in outcome.notes)


def test_a_need_in_the_terminology_table_is_never_no_match(index: StandardsIndex) -> None:
    outcome = index.search("Festo pneumatics")
    assert not outcome.no_good_match


def test_the_hub_level_prior_ranks_level_4_5_first_among_similar_matches(
    index: StandardsIndex,
) -> None:
    query = "robotics and mechatronics maintenance"
    with_prior = index.search(query).matches
    flat = copy.copy(index)
    flat.preset = dataclasses.replace(index.preset, hub_level_prior=0.0)
    without = flat.search(query).matches
    assert {m.reference for m in with_prior} == {m.reference for m in without}

    def level_4_5_rank(matches: list[Match]) -> float:
        return sum(i for i, m in enumerate(matches) if m.level in (4, 5))

    assert level_4_5_rank(with_prior) < level_4_5_rank(without)
    assert with_prior[0].reference == "ST1326"  # its exact title still wins at level 3
    assert index.search(query, level=3).matches[0].level == 3  # a chosen level wins


def test_filters_are_hard(index: StandardsIndex) -> None:
    assert set(references(index, "engineer", level=3)) <= {
        s.reference for s in catalogue().values() if s.level == 3
    }
    digital = index.search("software", route="digital")
    assert [m.route for m in digital.matches] == ["Digital"]
    empty = index.search("software", level=9)
    assert empty.matches == [] and "No standards match the chosen filters." in empty.notes


def test_standards_not_current_only_on_request(index: StandardsIndex) -> None:
    assert "ST0016" not in references(index, "packhouse line leader")
    assert references(index, "packhouse line leader", include_not_current=True)[0] == "ST0016"


def test_results_are_deterministic(
    index: StandardsIndex, sample: list[Standard], embedder: Embedder
) -> None:
    first = index.search("maintain vehicles", limit=10)
    again = StandardsIndex.embed_and_build(list(reversed(sample)), preset="tiny", embedder=embedder)
    second = again.search("maintain vehicles", limit=10)
    assert [m.as_dict() for m in first.matches] == [m.as_dict() for m in second.matches]


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert('x')</script> lifts",
        "lifts' OR 1=1; DROP TABLE standards; --",
        'lift* NEAR "escalator" AND (repair OR -install)',
        "\x00\x01 lifts \x1b[0m",
        "\ud83d\ude80 rockets \u202e lifts",
        "x" * 10_000,
        "lifts " * 2_000,
        "AND OR NOT",
    ],
)
def test_hostile_input_never_raises(index: StandardsIndex, query: str) -> None:
    outcome = index.search(query)
    assert len(outcome.query) <= index.preset.max_query_chars


@pytest.mark.parametrize("query", ["", "   ", "\x00\x00", "()*"])
def test_empty_input_is_a_query_error(index: StandardsIndex, query: str) -> None:
    with pytest.raises(QueryError, match="Describe the skills or tasks you need"):
        index.search(query)


def test_as_dict_has_the_cli_shape(index: StandardsIndex) -> None:
    outcome = index.search("lift engineer", limit=2)
    data = outcome.as_dict()
    assert set(data) == {"query", "results", "notes"}
    result = data["results"][0]  # type: ignore[index]
    assert set(result) == {"reference", "title", "level", "route", "score", "why"}
    assert set(result["why"][0]) == {"kind", "ref", "text", "matched_terms"}


def test_limit(index: StandardsIndex) -> None:
    assert len(index.search("engineer", limit=3).matches) == 3
    assert index.search("engineer", limit=0).matches == []


def test_min_share_leaves_out_only_the_matches_below_that_share_of_the_best(
    index: StandardsIndex,
) -> None:
    query = "maintain and repair automated machinery"
    every = index.search(query, limit=30).matches
    kept = index.search(query, limit=30, min_share=0.6).matches
    best = every[0].score
    assert [m.reference for m in kept] == [m.reference for m in every if m.score >= 0.6 * best]
    assert 0 < len(kept) < len(every)  # the share does leave some out on this need
    assert kept[0].why == every[0].why


def test_stored_vectors_must_fit(sample: list[Standard], embedder: Embedder) -> None:
    preset = get_preset("tiny")
    vectors = embed_catalogue(sample, embedder=embedder, preset=preset)
    changed = [dataclasses.replace(s, title=s.title + " (revised)") for s in sample]
    with pytest.raises(VectorsMismatch, match="different text"):
        StandardsIndex.build(changed, vectors=vectors, preset=preset)
    with pytest.raises(VectorsMismatch, match="No stored vectors for ST"):
        StandardsIndex.build(
            sample,
            vectors=embed_catalogue(sample[:3], embedder=embedder, preset=preset),
            preset=preset,
            embedder=embedder,
        )
    with pytest.raises(VectorsMismatch, match="uses embeddings"):
        StandardsIndex.build(sample, vectors=None, preset=preset)
    other = dataclasses.replace(preset, model="another-model")
    with pytest.raises(VectorsMismatch, match="re-embed"):
        StandardsIndex.build(sample, vectors=vectors, preset=other)


def test_vectors_may_cover_more_than_is_indexed(sample: list[Standard], embedder: Embedder) -> None:
    preset = get_preset("tiny")
    vectors = embed_catalogue(sample, embedder=embedder, preset=preset)
    index = StandardsIndex.build(sample[:4], vectors=vectors, preset=preset, embedder=embedder)
    assert len(index) == 4


def test_a_dense_preset_is_given_its_own_embedder(
    sample: list[Standard], embedder: Embedder
) -> None:
    preset = get_preset("tiny")
    vectors = embed_catalogue(sample, embedder=embedder, preset=preset)
    with pytest.raises(ValueError, match="pass embedder="):
        StandardsIndex.build(sample, vectors=vectors, preset=preset)
    with pytest.raises(ValueError, match="pass embedder="):
        StandardsIndex.embed_and_build(sample, preset=preset)
    other = dataclasses.replace(preset, model="another-model")
    with pytest.raises(ValueError, match="not the 'wordllama"):
        StandardsIndex.embed_and_build(sample, preset=other, embedder=embedder)


def test_keyword_only_preset_needs_no_vectors(sample: list[Standard]) -> None:
    index = StandardsIndex.build(sample, vectors=None, preset="bm25-only")
    match = index.search("lift installation").matches[0]
    assert match.reference == "ST0252"
    assert any(set(terms(" ".join(e.matched_terms))) & {"lift", "instal"} for e in match.why)


def test_parts_round_trip_answers_exactly_alike(index: StandardsIndex) -> None:
    """to_parts / from_parts (the on-disk cache's format) keep every answer and standard."""
    arrays, meta = index.to_parts()
    assert all(isinstance(array, np.ndarray) for array in arrays.values())
    readonly = {name: array.copy() for name, array in arrays.items()}
    for array in readonly.values():
        array.flags.writeable = False  # as when memory-mapped
    loaded = StandardsIndex.from_parts(
        readonly, copy.deepcopy(meta), preset=index.preset, embedder=index._embedder
    )
    for query in ("write software", "mechatronix repairs", "drive lorries", "what can I do?"):
        for options in ({}, {"level": 4}, {"include_not_current": True, "limit": 20}):
            assert loaded.search(query, **options) == index.search(query, **options)  # type: ignore[arg-type]
    assert list(loaded.standards) == list(index.standards)
    assert loaded.unit_vectors("ST0116")[0] == index.unit_vectors("ST0116")[0]


def test_parts_that_do_not_fit_are_refused(index: StandardsIndex) -> None:
    arrays, meta = index.to_parts()
    with pytest.raises(PartsMismatch):
        StandardsIndex.from_parts(arrays, {**meta, "format": 0}, preset=index.preset, embedder=None)
    with pytest.raises(PartsMismatch):
        StandardsIndex.from_parts(
            arrays, meta, preset=get_preset("default"), embedder=None
        )  # made with the tiny preset
    short = {**arrays, "starts": arrays["starts"][:-1]}
    with pytest.raises(PartsMismatch):
        StandardsIndex.from_parts(short, meta, preset=index.preset, embedder=None)
    missing = {k: v for k, v in arrays.items() if k != "vectors"}
    with pytest.raises(PartsMismatch):
        StandardsIndex.from_parts(missing, meta, preset=index.preset, embedder=None)


def test_distinct_rows_rebuild_the_matrix_bit_for_bit() -> None:
    matrix = np.asarray([[1, 0], [0.5, 0.5], [1, 0], [0, -0.0], [0, 0]], dtype=np.float32)
    distinct, rows = distinct_rows(matrix)
    assert distinct.tolist() == [[1, 0], [0.5, 0.5], [0, -0.0], [0, 0]]  # -0.0 is its own row
    assert np.array_equal(distinct[rows], matrix) and rows.tolist() == [0, 1, 0, 2, 3]
    empty, none = distinct_rows(np.zeros((0, 3), dtype=np.float32))
    assert empty.shape == (0, 3) and none.size == 0

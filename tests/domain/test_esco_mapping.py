"""Mapping statements to ESCO skills: scoring, the word check, bands, ties and precision."""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from skillshub.domain import esco_mapping as rules
from skillshub.domain.esco_mapping import EscoSkill, EscoVocabulary, map_texts, precision

ROOT = Path(__file__).resolve().parents[2]
ESCO = "http://data.europa.eu/esco/skill/"
DEBUG = EscoSkill(f"{ESCO}2522a6ce", "debug software", "skill/competence", "sector-specific", "")
DATABASES = EscoSkill(f"{ESCO}4463a721", "use databases", "skill/competence", "cross-sector", "")
TALK = EscoSkill(f"{ESCO}15d76317", "communication", "knowledge", "cross-sector", "")


def _unit(*values: float) -> np.ndarray:
    vector = np.asarray(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def _vocabulary(*pairs: tuple[EscoSkill, np.ndarray]) -> EscoVocabulary:
    return EscoVocabulary.build([s for s, _ in pairs], np.vstack([v for _, v in pairs]))


def test_bands_follow_the_preset_thresholds() -> None:
    p = rules.DEFAULT
    assert rules.band(p.high_at) == "high" and rules.band(p.high_at - 0.001) == "medium"
    assert rules.band(p.medium_at) == "medium" and rules.band(p.medium_at - 0.001) == "low"


def test_the_word_check_prefers_the_label_the_statement_says() -> None:
    statement = _unit(1, 0, 0)
    vocabulary = _vocabulary(
        (TALK, _unit(1, 0.3, 0)),  # closer by cosine, shares no word
        (DEBUG, _unit(1, 0.45, 0)),  # a little further, but the statement says "debug software"
    )
    [found] = map_texts(["Debug the software you wrote"], statement[None], vocabulary=vocabulary)
    best = found[0]
    assert best.label == "debug software" and best.shared_words == ("debug", "softwar")
    assert best.confidence == pytest.approx(0.75 * best.cosine + 0.25, abs=1e-4)
    cosine_only = replace(rules.DEFAULT, lexical_weight=0.0)
    [alone] = map_texts(
        ["Debug the software"], statement[None], vocabulary=vocabulary, preset=cosine_only
    )
    assert alone[0].label == "communication"


def test_only_skills_close_to_the_best_are_kept_at_most_three() -> None:
    statement = _unit(1, 0, 0)
    far = EscoSkill(f"{ESCO}ffff", "fly aircraft", "skill/competence", "sector-specific", "")
    vocabulary = _vocabulary(
        (DEBUG, _unit(1, 0.01, 0)), (DATABASES, _unit(1, 0.02, 0)), (far, _unit(0, 1, 0))
    )
    [found] = map_texts(["a statement"], statement[None], vocabulary=vocabulary)
    assert [m.label for m in found] == ["debug software", "use databases"]
    many = [
        (EscoSkill(f"{ESCO}{n:04d}", f"skill {n}", "knowledge", "", ""), _unit(1, 0, 0))
        for n in range(6)
    ]
    [found] = map_texts(["a statement"], statement[None], vocabulary=_vocabulary(*many))
    # Equal scores: the first three by URI, every time.
    assert [m.uri for m in found] == [f"{ESCO}0000", f"{ESCO}0001", f"{ESCO}0002"]


def test_chunks_do_not_change_the_answer() -> None:
    rng = np.random.default_rng(14)
    skills = [EscoSkill(f"{ESCO}{n:04d}", f"label {n}", "knowledge", "", "") for n in range(40)]
    vectors = rng.standard_normal((40, 8)).astype(np.float32)
    vocabulary = EscoVocabulary.build(skills, vectors / np.linalg.norm(vectors, axis=1)[:, None])
    texts = [f"label {n} text" for n in range(7)]
    queries = rng.standard_normal((7, 8)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1)[:, None]
    whole = map_texts(texts, queries, vocabulary=vocabulary)
    assert map_texts(texts, queries, vocabulary=vocabulary, preset=rules.TINY) == whole
    assert all(1 <= len(found) <= 3 for found in whole)


def test_mismatched_inputs_and_an_empty_vocabulary() -> None:
    vocabulary = _vocabulary((DEBUG, _unit(1, 0, 0)))
    with pytest.raises(ValueError, match="2 texts but 1 vectors"):
        map_texts(["a", "b"], _unit(1, 0, 0)[None], vocabulary=vocabulary)
    empty = EscoVocabulary.build([], np.zeros((0, 3), dtype=np.float32))
    assert map_texts(["a"], _unit(1, 0, 0)[None], vocabulary=empty) == [()]


def test_precision_overall_and_per_band() -> None:
    judged = [("high", "correct"), ("high", "partly"), ("low", "wrong"), ("medium", "correct")]
    overall, high, medium, low = precision(judged)
    assert (overall.band, overall.judged, overall.strict, overall.lenient) == ("all", 4, 0.5, 0.75)
    assert (high.strict, high.lenient, medium.strict, low.judged, low.lenient) == (0.5, 1, 1, 1, 0)
    with pytest.raises(ValueError, match="unknown band or verdict"):
        precision([("high", "maybe")])


@pytest.mark.data
def test_the_judged_sample_and_the_model_card_agree() -> None:
    with (ROOT / "docs" / "esco_precision_sample.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) >= 100 and all(r["verdict"] in rules.VERDICTS for r in rows)
    assert all(rules.band(float(r["confidence"])) == r["band"] for r in rows)
    card = (ROOT / "docs" / "model-card.md").read_text(encoding="utf-8")
    for item in precision([(r["band"], r["verdict"]) for r in rows]):
        line = f"| {item.band} | {item.judged} | {item.strict:.2f} | {item.lenient:.2f} |"
        assert line in card, f"docs/model-card.md should have the row {line!r}"
    ablation = precision([(r["band"], r["cosine_only_verdict"]) for r in rows])[0]
    assert re.search(rf"cosine alone[^|]*{ablation.strict:.2f}", card)


@pytest.mark.data
def test_the_judged_qualification_titles_and_the_model_card_agree() -> None:
    with (ROOT / "docs" / "esco_qualifications_sample.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) >= 100 and all(r["verdict"] in rules.VERDICTS for r in rows)
    card = (ROOT / "docs" / "model-card.md").read_text(encoding="utf-8")
    for item in precision([(r["band"], r["verdict"]) for r in rows]):
        line = f"| {item.band} | {item.judged} | {item.strict:.2f} | {item.lenient:.2f} |"
        assert line in card, f"docs/model-card.md should have the row {line!r}"

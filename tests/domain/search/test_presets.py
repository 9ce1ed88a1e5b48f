"""Named search presets."""

from __future__ import annotations

import dataclasses

import pytest

from skillshub.domain.search.presets import ALL_KINDS, PRESETS, UnknownPreset, get_preset


def test_known_presets() -> None:
    assert get_preset("default").name == "default"
    assert get_preset("tiny").name == "tiny"
    assert set(PRESETS) >= {"default", "tiny", "bm25-only", "dense-only", "fat-like"}


def test_unknown_preset_names_the_valid_ones() -> None:
    with pytest.raises(UnknownPreset, match=r"Unknown search preset 'fast'.*default.*tiny"):
        get_preset("fast")


def test_presets_are_frozen_and_weigh_every_kind() -> None:
    preset = get_preset("default")
    with pytest.raises(dataclasses.FrozenInstanceError):
        preset.keyword_weight = 1.0  # type: ignore[misc]
    for kind in ALL_KINDS:
        assert 0 < preset.kind_weight(kind) <= 1
    assert preset.kind_weight("nonsense") == 0


def test_ablation_presets_differ_only_where_named() -> None:
    default = get_preset("default")
    assert dataclasses.replace(get_preset("bm25-only"), name="default", use_dense=True) == default
    assert get_preset("fat-like").unit_kinds == ("title", "job title", "keyword")

"""The numpy BM25 index."""

from __future__ import annotations

import numpy as np

from skillshub.domain.search.keyword import KeywordIndex

DOCS = [["lift", "repair"], ["lift", "lift", "install"], ["gas", "repair"], ["gas"]]


def test_postings_are_sorted_and_positive() -> None:
    index = KeywordIndex.build(DOCS, k1=1.2, b=0.75)
    units, weights = index.postings("lift")
    assert units.tolist() == [0, 1]
    assert (weights > 0).all()
    assert index.document_frequency[index.vocabulary["gas"]] == 2


def test_rarer_terms_weigh_more_and_tf_saturates() -> None:
    index = KeywordIndex.build(DOCS, k1=1.2, b=0.0)
    _, install = index.postings("install")
    _, lift = index.postings("lift")
    assert install[0] > lift[0]
    # Two mentions score more than one, but less than twice as much.
    assert lift[0] < lift[1] < 2 * lift[0]


def test_unknown_terms_have_no_postings() -> None:
    units, weights = KeywordIndex.build(DOCS, k1=1.2, b=0.75).postings("welding")
    assert units.size == 0 and weights.size == 0


def test_matches_the_okapi_formula() -> None:
    index = KeywordIndex.build(DOCS, k1=1.2, b=0.75)
    _, weights = index.postings("install")
    idf = np.log(1 + (4 - 1 + 0.5) / (1 + 0.5))
    length_norm = 1.2 * (1 - 0.75 + 0.75 * 3 / 2.0)  # average length 2
    assert np.isclose(weights[0], idf * 1 * 2.2 / (1 + length_norm))


def test_coverage_rewards_owners_that_cover_every_term() -> None:
    import numpy as np

    from skillshub.domain.search.keyword import KeywordIndex, coverage_scores

    # Owner 0 has units "weld pipe" and "pipe"; owner 1 has "weld" and "weld weld".
    index = KeywordIndex.build(
        [["weld", "pipe"], ["pipe"], ["weld"], ["weld", "weld"]], k1=1.2, b=0.75
    )
    owner = np.array([0, 0, 1, 1], dtype=np.int32)
    starts = np.array([0, 2, 4], dtype=np.int64)
    units, owners = coverage_scores(
        index,
        [("weld", 1.0), ("pipe", 1.0)],
        unit_weight=np.ones(4, dtype=np.float32),
        owner=owner,
        starts=starts,
        coverage_weight=1.0,
    )
    assert units.shape == (4,) and owners.shape == (2,)
    assert owners[0] > owners[1], "covering both words beats repeating one"
    assert units[1] > 0 and units[2] > 0

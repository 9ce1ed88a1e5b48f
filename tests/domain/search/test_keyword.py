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

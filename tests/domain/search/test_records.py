"""Standards as plain values and back, for the on-disk index."""

from __future__ import annotations

import json

from skillshub.domain.search.records import standard_from_record, standard_record

from .conftest import catalogue


def test_every_standard_round_trips_through_plain_values() -> None:
    for standard in catalogue().values():
        record = json.loads(json.dumps(standard_record(standard)))  # plain values only
        assert standard_from_record(record) == standard

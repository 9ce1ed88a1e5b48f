"""Standards as plain values (str, int, bool, None, lists, dicts), for an index kept on disk."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import Any

from skillshub.domain.standards import Duty, Ksb, Standard

_KSB_FIELDS = ("knowledge", "skills", "behaviours")
_DATE_FIELDS = tuple(f.name for f in dataclasses.fields(Standard) if "date" in str(f.type))
_TUPLE_FIELDS = tuple(
    f.name
    for f in dataclasses.fields(Standard)
    if str(f.type).startswith("tuple[str") and f.name not in _KSB_FIELDS
)


def standard_record(standard: Standard) -> dict[str, Any]:
    """Every field of `standard` as plain values; `standard_from_record` reverses it exactly."""
    record: dict[str, Any] = {}
    for field in dataclasses.fields(Standard):
        value = getattr(standard, field.name)
        if field.name in _KSB_FIELDS:
            value = [[k.kind, k.ref, k.text] for k in value]
        elif field.name == "duties":
            value = [[d.ref, d.text, list(d.ksb_refs), d.core] for d in value]
        elif field.name in _DATE_FIELDS:
            value = value.isoformat() if value is not None else None
        elif field.name in _TUPLE_FIELDS:
            value = list(value)
        record[field.name] = value
    return record


def standard_from_record(record: Mapping[str, Any]) -> Standard:
    values: dict[str, Any] = dict(record)
    for name in _KSB_FIELDS:
        values[name] = tuple(Ksb(kind, ref, text) for kind, ref, text in values[name])
    values["duties"] = tuple(
        Duty(ref, text, tuple(refs), bool(core)) for ref, text, refs, core in values["duties"]
    )
    for name in _DATE_FIELDS:
        values[name] = date.fromisoformat(values[name]) if values[name] is not None else None
    for name in _TUPLE_FIELDS:
        values[name] = tuple(values[name])
    return Standard(**values)

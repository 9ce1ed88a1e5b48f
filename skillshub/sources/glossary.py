"""The glossary in data/glossary/: read and validate every entry; each problem names the entry."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from skillshub.domain.glossary import DuplicateName, Entry, Glossary, build_glossary, normalise
from skillshub.sources.errors import SourceError

GLOSSARY_FILE = "glossary/glossary.json"
FIELDS = {"term", "aliases", "definition", "source_name", "source_url", "related", "in_text"}
REQUIRED = FIELDS - {"in_text"}
LONGEST_DEFINITION = 600
"""Characters: one to three plain sentences, short enough to hear in place."""


def _text(raw: dict[str, Any], name: str, *, source: str, record: str) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or not value.strip():
        raise SourceError("a non-empty string is needed", source=source, record=record, field=name)
    if value != value.strip():
        raise SourceError("no spaces at the start or end", source=source, record=record, field=name)
    return value


def _names(raw: dict[str, Any], name: str, *, source: str, record: str) -> tuple[str, ...]:
    value = raw.get(name)
    if not isinstance(value, list) or not all(
        isinstance(item, str) and item.strip() and normalise(item) for item in value
    ):
        raise SourceError(
            "a list of non-empty strings is needed", source=source, record=record, field=name
        )
    return tuple(value)


def _entry(raw: Any, number: int, *, source: str) -> Entry:
    if not isinstance(raw, dict):
        raise SourceError("each term must be a JSON object", source=source, record=number)
    record = str(raw.get("term") or f"#{number}")
    unknown = sorted(set(raw) - FIELDS)
    if unknown:
        raise SourceError(
            f"unknown field (allowed: {', '.join(sorted(FIELDS))})",
            source=source,
            record=record,
            field=unknown[0],
        )
    missing = sorted(REQUIRED - set(raw))
    if missing:
        raise SourceError("is missing", source=source, record=record, field=missing[0])
    term = _text(raw, "term", source=source, record=record)
    if not normalise(term):
        raise SourceError("needs a letter or digit", source=source, record=record, field="term")
    definition = _text(raw, "definition", source=source, record=record)
    if len(definition) > LONGEST_DEFINITION:
        raise SourceError(
            f"{len(definition)} characters; at most {LONGEST_DEFINITION} (one to three sentences)",
            source=source,
            record=record,
            field="definition",
        )
    url = _text(raw, "source_url", source=source, record=record)
    if not url.startswith("https://") or " " in url:
        raise SourceError(
            f"an https:// address is needed, found {url!r}",
            source=source,
            record=record,
            field="source_url",
        )
    in_text = raw.get("in_text", True)
    if not isinstance(in_text, bool):
        raise SourceError("true or false", source=source, record=record, field="in_text")
    return Entry(
        term=term,
        aliases=_names(raw, "aliases", source=source, record=record),
        definition=definition,
        source_name=_text(raw, "source_name", source=source, record=record),
        source_url=url,
        related=_names(raw, "related", source=source, record=record),
        in_text=in_text,
    )


def parse_glossary(content: bytes, *, source: str) -> Glossary:
    """Validate the glossary file: every entry complete, https sources, no name used twice,
    every related term in the glossary."""
    try:
        raw = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(f"not valid UTF-8 JSON ({error})", source=source) from error
    if not isinstance(raw, dict) or not isinstance(raw.get("terms"), list):
        raise SourceError('expected {"terms": [...]}', source=source, field="terms")
    if not raw["terms"]:
        raise SourceError("the glossary has no terms", source=source, field="terms")
    entries = [_entry(item, number, source=source) for number, item in enumerate(raw["terms"])]
    try:
        glossary = build_glossary(entries)
    except DuplicateName as error:
        raise SourceError(
            f"'{error.name}' is already a term or alias of '{error.first}'",
            source=source,
            record=error.second,
            field="term" if normalise(error.second) == error.name else "aliases",
        ) from error
    for entry in glossary:
        for name in entry.related:
            target = glossary.lookup(name)
            if target is None:
                raise SourceError(
                    f"'{name}' is not a term in the glossary",
                    source=source,
                    record=entry.term,
                    field="related",
                )
            if target is entry:
                raise SourceError(
                    "an entry cannot be related to itself",
                    source=source,
                    record=entry.term,
                    field="related",
                )
    return glossary


@lru_cache(maxsize=4)
def read_embedded(data_dir: Path) -> Glossary:
    """The glossary under a data folder, read once per process."""
    return parse_glossary((data_dir / GLOSSARY_FILE).read_bytes(), source=f"data/{GLOSSARY_FILE}")

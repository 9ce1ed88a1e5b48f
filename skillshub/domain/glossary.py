"""The plain-English glossary: entries, lookup by term or alias, and the terms a text uses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_SEPARATOR = r"[\W_]{1,3}"
"""Between the words of a term in a text: a space, a hyphen, a comma and a space..."""


def normalise(text: str) -> str:
    """Case and punctuation fold: 'End-point  Assessment' and 'end point assessment' agree."""
    return _NOT_ALNUM.sub(" ", text.casefold()).strip()


def slugify(text: str) -> str:
    return normalise(text).replace(" ", "-")


@dataclass(frozen=True)
class Entry:
    """One term, in the words a small-business owner would use, with its official source."""

    term: str
    aliases: tuple[str, ...]
    definition: str
    source_name: str
    source_url: str
    related: tuple[str, ...] = ()
    in_text: bool = True
    """False for everyday words ('route', 'duties') that pages use in their ordinary sense too:
    they stay in the glossary but are not explained in place."""

    @property
    def slug(self) -> str:
        return slugify(self.term)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)

    @property
    def short(self) -> str:
        """The first sentence of the definition (what a screen reader hears in place)."""
        first, _, rest = self.definition.partition(". ")
        return first.rstrip(".") + "." if rest else self.definition


@dataclass(frozen=True)
class Found:
    """The first place a text uses a term: [start, end) of the words as written."""

    entry: Entry
    start: int
    end: int
    text: str


class DuplicateName(ValueError):
    """Two entries share a term or an alias (after case and punctuation folding)."""

    def __init__(self, name: str, *, first: str, second: str) -> None:
        super().__init__(f"'{name}' is used by both '{first}' and '{second}'")
        self.name = name
        self.first = first
        self.second = second


def _pattern_for(name: str) -> str:
    words = re.findall(r"[^\W_]+", name)
    body = _SEPARATOR.join(re.escape(word) for word in words)
    if words and words[-1][-1].isalpha():
        body += "(?:e?s)?"  # HTQs, Skills Bootcamps, apprenticeship standards
    if name.isupper() and len(name) <= 6:
        # An abbreviation matches only in capitals: 'SOC' but not 'soc', 'EPA' but not 'epa'.
        return f"(?-i:{body})"
    return body


@dataclass(frozen=True, eq=False)
class Glossary:
    """All entries, A to Z, with one index of every name and one compiled pattern for texts."""

    entries: tuple[Entry, ...]
    _by_name: dict[str, Entry] = field(repr=False)
    _pattern: re.Pattern[str] | None = field(repr=False)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str) -> Entry | None:
        """The entry a term, alias or slug names, ignoring case and punctuation."""
        return self._by_name.get(normalise(name))

    def search(self, query: str) -> list[Entry]:
        """Entries whose name or definition holds the query (names first), A to Z within each."""
        wanted = normalise(query)
        if not wanted:
            return list(self.entries)
        named = [e for e in self.entries if any(wanted in normalise(n) for n in e.names)]
        defined = [e for e in self.entries if e not in named and wanted in normalise(e.definition)]
        return named + defined

    def find(self, text: str, *, skip: Iterable[str] = (), limit: int | None = None) -> list[Found]:
        """The first use of each term in a text, in text order: the longest name wins where names
        overlap ('Higher National Diploma' over 'Diploma'), whole words only. Entries whose slug
        is in `skip` (already explained) are passed over; at most `limit` are returned."""
        if self._pattern is None or limit == 0:
            return []
        seen = set(skip)
        found: list[Found] = []
        for match in self._pattern.finditer(text):
            entry = self._entry_for(match.group(0))
            if entry is None or entry.slug in seen:
                continue
            seen.add(entry.slug)
            found.append(Found(entry, match.start(), match.end(), match.group(0)))
            if limit is not None and len(found) >= limit:
                break
        return found

    def _entry_for(self, written: str) -> Entry | None:
        key = normalise(written)
        for candidate in (key, key[:-1], key[:-2]):
            entry = self._by_name.get(candidate)
            if entry is not None:
                return entry
        return None


def build_glossary(entries: Iterable[Entry]) -> Glossary:
    """Index the entries by every name and slug; two entries may not share one (DuplicateName)."""
    ordered = tuple(sorted(entries, key=lambda e: (normalise(e.term), e.term)))
    by_name: dict[str, Entry] = {}
    for entry in ordered:
        for name in {normalise(n) for n in entry.names}:
            held = by_name.get(name)
            if held is not None and held is not entry:
                raise DuplicateName(name, first=held.term, second=entry.term)
            by_name[name] = entry
    forms = sorted(
        {name for entry in ordered if entry.in_text for name in entry.names},
        key=lambda name: (-len(normalise(name)), name),
    )
    pattern = (
        re.compile(r"(?<![\w&#])(?:" + "|".join(_pattern_for(f) for f in forms) + r")(?!\w)", re.I)
        if forms
        else None
    )
    return Glossary(entries=ordered, _by_name=by_name, _pattern=pattern)

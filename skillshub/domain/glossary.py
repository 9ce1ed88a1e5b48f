"""The plain-English glossary: entries, lookup by term or alias, and the terms a text uses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_JOINERS = re.compile(r"(?<=\w)[.'’](?=\w)|\.$")
"""Dots and apostrophes inside a word join it: 'H.N.D.' is 'hnd', 'employer's' 'employers'."""
_WORD = re.compile(r"[^\W_]+")
_SEPARATOR = r"(?:(?!\x00)[\W_]){1,3}"
"""Between the words of a term in a text: a space, a hyphen, a comma and a space... but never a
NUL, which callers may put between texts that must not run into each other."""


def normalise(text: str) -> str:
    """Case and punctuation fold: 'End-point  Assessment' and 'end point assessment' agree."""
    return _NOT_ALNUM.sub(" ", _JOINERS.sub("", text.strip().casefold())).strip()


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
    words = _WORD.findall(name)
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
    _starts: dict[str, tuple[re.Pattern[str], dict[str, Entry]]] = field(repr=False)
    _candidates: re.Pattern[str] | None = field(repr=False)
    """Every first word as one trie-shaped pattern over the lower-cased text (~1.7 ms for 50 KB,
    where a Python loop over every word takes ~2.6 ms and a plain alternation ~4.5 ms)."""
    """First word of a name (casefolded) -> a pattern for the names that start with it. One big
    alternation of every name costs ~11 ms on a 50 KB page (the engine tries each name at each
    character); a dict look-up per word and a small pattern where a name can start, ~1 ms."""

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
        if not self._starts or limit == 0:
            return []
        skipped = skip if isinstance(skip, set | frozenset) else set(skip)
        seen: set[str] = set()
        found: list[Found] = []
        taken = 0  # the end of the last name matched: names never overlap
        lowered = text.lower()
        words = (
            self._candidates.finditer(lowered)
            if self._candidates is not None and len(lowered) == len(text)
            else _WORD.finditer(lowered)
        )
        for word in words:
            start = word.start()
            held = self._starts.get(word.group(0))
            if held is None or start < taken or (start and text[start - 1] in "&#_"):
                continue
            match = held[0].match(text, start)
            if match is None:
                continue
            taken = match.end()
            entry = held[1][match.lastgroup or ""]
            if entry.slug in seen or entry.slug in skipped:
                continue
            seen.add(entry.slug)
            found.append(Found(entry, start, match.end(), match.group(0)))
            if limit is not None and len(found) >= limit:
                break
        return found


def build_glossary(entries: Iterable[Entry]) -> Glossary:
    """Index the entries by every name and slug; two entries may not share one (DuplicateName)."""
    given = list(entries)
    ordered = tuple(sorted(given, key=lambda e: (normalise(e.term), e.term)))
    by_name: dict[str, Entry] = {}
    for entry in given:  # in the order given, so the later of two clashing entries is named
        for name in {normalise(n) for n in entry.names}:
            held = by_name.get(name)
            if held is not None and held is not entry:
                raise DuplicateName(name, first=held.term, second=entry.term)
            by_name[name] = entry
    by_start: dict[str, dict[str, Entry]] = {}
    for entry in ordered:
        if not entry.in_text:
            continue
        for name in entry.names:
            words = _WORD.findall(name.lower())
            firsts = {words[0]}
            if len(words) == 1 and words[0][-1].isalpha():
                firsts |= {words[0] + "s", words[0] + "es"}  # 'HNCs' starts at the word 'hncs'
            for first in firsts:
                by_start.setdefault(first, {})[name] = entry
    starts = {}
    for first, names in by_start.items():
        longest_first = sorted(names, key=lambda name: (-len(normalise(name)), name))
        groups = {f"n{number}": names[name] for number, name in enumerate(longest_first)}
        alternatives = "|".join(
            f"(?P<n{number}>{_pattern_for(name)})" for number, name in enumerate(longest_first)
        )
        starts[first] = (re.compile(f"(?:{alternatives})(?!\\w)", re.I), groups)
    candidates = re.compile(rf"\b{_trie(sorted(starts))}\b") if starts else None
    return Glossary(entries=ordered, _by_name=by_name, _starts=starts, _candidates=candidates)


def _trie(words: list[str]) -> str:
    """One pattern for many words, sharing their prefixes: 'level|levy' -> 'lev(?:el|y)'."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def shape(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + shape(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return shape(root)

"""Turning what an employer typed into weighted search terms, a text to embed, and notes."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from skillshub.domain.search.levels import LevelHint, find_level_hint
from skillshub.domain.search.presets import Preset
from skillshub.domain.search.spelling import SpellingCorrector, WordFrequency
from skillshub.domain.search.stemmer import stem
from skillshub.domain.search.terminology import expansions
from skillshub.domain.search.text import STOPWORDS, bigram, clean, content_words, words

EXAMPLE = "maintain and repair the robots and PLCs on our production line"

TermOrigin = Literal["query", "spelling", "terminology", "variant", "pair"]


class QueryError(ValueError):
    """The query has nothing to search for; the message tells the employer what to type."""


@dataclass(frozen=True)
class QueryTerm:
    """One stemmed search term, how much it counts, and the word that brought it in."""

    term: str
    weight: float
    word: str
    origin: TermOrigin


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    """The query as searched: cleaned and, if it was too long, shortened."""
    embed_text: str
    """What the embedding model sees: the employer's words, spelling fixed."""
    expansion_text: str
    """The catalogue wording added from the terminology table (embedded separately, so it can
    count for less than the employer's own words, as in the keyword channel)."""
    terms: tuple[QueryTerm, ...]
    level_hint: LevelHint | None
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """What the catalogue knows: its words, its stems, and a corrector built on its words."""

    words: Collection[str]
    stems: Collection[str]
    """Sets, or `SortedStrings` (a stored index: looked up without building a set)."""
    corrector: SpellingCorrector

    def knows(self, word: str) -> bool:
        return word in self.words or stem(word) in self.stems

    def variants(self, term: str) -> list[str]:
        """Catalogue stems that differ from `term` only by an agent-noun ending: "weld" and
        "welder", "code" and "coder", "pharmaci" and "pharmacist"."""
        candidates = {term + "er", term + "ist", term + "ian"}
        if term.endswith("e"):
            candidates.add(term + "r")
        if term.endswith("i"):
            candidates |= {term[:-1] + "ist", term[:-1] + "ian"}
        for ending in ("er", "ist", "ian"):
            if term.endswith(ending) and len(term) - len(ending) >= 3:
                base = term[: -len(ending)]
                candidates |= {base, base + "e", base + "i"}
        return sorted(c for c in candidates if c != term and c in self.stems)


def _shorten(text: str, *, max_chars: int, max_words: int) -> tuple[str, bool]:
    shortened = False
    if len(text) > max_chars:
        cut = text[:max_chars]
        # Cut at the last space so no word is broken in half.
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut
        shortened = True
    parts = text.split(" ")
    if len(parts) > max_words:
        text = " ".join(parts[:max_words])
        shortened = True
    return text, shortened


def parse_query(
    raw: str,
    *,
    preset: Preset,
    vocabulary: Vocabulary,
    word_frequency: WordFrequency | None = None,
) -> ParsedQuery:
    """Clean, shorten, read level hints, fix spelling and expand jargon; never executes syntax.

    Quotes, *, AND/OR/NEAR, brackets, HTML and SQL have no special meaning here: only the
    words in them are searched for.
    """
    if not isinstance(raw, str):
        raise QueryError("The search must be text.")
    text = clean(raw)
    if not any(char.isalnum() for char in text):
        raise QueryError(f"Describe the skills or tasks you need, for example '{EXAMPLE}'.")
    notes: list[str] = []
    text, shortened = _shorten(
        text, max_chars=preset.max_query_chars, max_words=preset.max_query_words
    )
    if shortened:
        notes.append(
            f"Your description was long, so only its first {len(text)} characters were used."
        )

    hint, searchable = find_level_hint(text)
    if hint is not None:
        notes.append(hint.note())

    found = expansions(searchable)
    jargon_words = {w for e in found for w in words(e.found)}

    terms: list[QueryTerm] = []
    embed_words: list[str] = []
    expansion_words: list[str] = []
    for word in words(searchable):
        if word in STOPWORDS or (word.isdigit() and len(word) < 3) or len(word) == 1:
            # Stray digits ("1=1", "2 sites") match numbered lists, not needs; years stay.
            continue
        origin: TermOrigin = "query"
        if word not in jargon_words and not word.isdigit() and not vocabulary.knows(word):
            corrected = vocabulary.corrector.correct(
                word, general=word_frequency, min_gain=preset.spelling_min_gain
            )
            if corrected is not None:
                notes.append(f"Searched for '{corrected}' instead of '{word}'.")
                word, origin = corrected, "spelling"
        embed_words.append(word)
        terms.append(QueryTerm(stem(word), 1.0, word, origin))

    for expansion in found:
        added = content_words(expansion.expansion)
        new = [w for w in added if stem(w) not in {t.term for t in terms}]
        if new:
            notes.append(f"Also searched for '{expansion.expansion}' ('{expansion.found}').")
        for word in new:
            terms.append(QueryTerm(stem(word), preset.expansion_weight, word, "terminology"))
        expansion_words.extend(added)

    if preset.bigram_weight > 0:
        typed = [t for t in terms if t.origin in ("query", "spelling")]
        for first, second in pairwise(typed):
            pair = bigram(first.term, second.term)
            terms.append(
                QueryTerm(pair, preset.bigram_weight, f"{first.word} {second.word}", "pair")
            )

    for term in list(terms):
        if term.origin == "pair":
            continue
        for variant in vocabulary.variants(term.term):
            terms.append(
                QueryTerm(variant, term.weight * preset.variant_weight, term.word, "variant")
            )

    if not terms:
        # Only stopwords or numbers ("what can I do?"): search with every word, not refuse.
        embed_words = words(searchable) or words(text)
        terms = [QueryTerm(stem(w), 1.0, w, "query") for w in embed_words]
        notes.append(
            "Your description has few specific words, so these results may not fit well. "
            f"Try describing tasks, for example '{EXAMPLE}'."
        )
    if not terms:
        raise QueryError(f"Describe the skills or tasks you need, for example '{EXAMPLE}'.")
    return ParsedQuery(
        text=text,
        embed_text=" ".join(embed_words),
        expansion_text=" ".join(expansion_words),
        terms=_merge(terms),
        level_hint=hint,
        notes=tuple(notes),
    )


def _merge(terms: list[QueryTerm]) -> tuple[QueryTerm, ...]:
    """One entry per stem, keeping the highest weight (a repeated word is not worth more)."""
    best: dict[str, QueryTerm] = {}
    for term in terms:
        if term.term not in best or term.weight > best[term.term].weight:
            best[term.term] = term
    return tuple(best.values())

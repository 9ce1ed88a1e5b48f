"""Correcting misspelt query words against the catalogue's own vocabulary."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from skillshub.domain.search.strings import PackedStrings, SortedStrings

_LETTERS = 26

WordFrequency = Callable[[str], float]
"""How common a word is in general English, on the Zipf scale (log10 of uses per billion words;
0 for unknown): lets the corrector tell a real word or name from a typo."""


def edit_distance(a: str, b: str, *, limit: int = 3) -> int:
    """Optimal-string-alignment distance (insert, delete, substitute, swap neighbours), capped."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[-1], limit)


def _letter_counts(word: str) -> np.ndarray:
    counts = np.zeros(_LETTERS, dtype=np.int16)
    for char in word:
        code = ord(char) - 97
        if 0 <= code < _LETTERS:
            counts[code] += 1
    return counts


class SpellingCorrector:
    """Suggests the catalogue word closest to an unknown word, preferring common words.

    Words up to 5 letters allow one edit, longer words two. Candidates are found with a numpy
    filter that is exact for this purpose: one edit changes the letter counts by at most 2 in
    total, so only words within 2 x edits in letter-count distance (and length) are checked
    with a true edit distance.
    """

    def __init__(
        self,
        counts: Mapping[str, int],
        *,
        min_count: int = 2,
        min_length: int = 4,
        max_distance: int = 2,
    ) -> None:
        kept = sorted(
            w for w, c in counts.items() if c >= min_count and w.isalpha() and w.isascii()
        )
        self._init(
            words=SortedStrings.of(kept),
            counts=np.asarray([counts[w] for w in kept], dtype=np.int64),
            letters=(
                np.stack([_letter_counts(w) for w in kept])
                if kept
                else np.zeros((0, _LETTERS), dtype=np.int16)
            ),
            min_length=min_length,
            max_distance=max_distance,
        )

    def _init(
        self,
        *,
        words: SortedStrings,
        counts: np.ndarray,
        letters: np.ndarray,
        min_length: int,
        max_distance: int,
    ) -> None:
        if not (len(words) == len(counts) == len(letters)):
            raise ValueError("corrector words, counts and letters must have the same length")
        self._words = words
        self._counts = counts
        self._lengths = np.diff(words.strings.offsets).astype(np.int16)  # ASCII: bytes = letters
        self._letters = letters
        self._min_length = min_length
        self._max_distance = max_distance

    def to_parts(self) -> tuple[dict[str, np.ndarray], dict[str, int]]:
        """Arrays and settings that `from_parts` turns back into an equal corrector."""
        arrays = {
            "words_data": self._words.strings.data,
            "words_offsets": self._words.strings.offsets,
            "counts": self._counts,
            "letters": self._letters,
        }
        return arrays, {"min_length": self._min_length, "max_distance": self._max_distance}

    @classmethod
    def from_parts(
        cls, arrays: Mapping[str, np.ndarray], settings: Mapping[str, int]
    ) -> SpellingCorrector:
        corrector = cls.__new__(cls)
        corrector._init(
            words=SortedStrings(PackedStrings(arrays["words_data"], arrays["words_offsets"])),
            counts=np.asarray(arrays["counts"], dtype=np.int64),
            letters=np.asarray(arrays["letters"], dtype=np.int16),
            min_length=int(settings["min_length"]),
            max_distance=int(settings["max_distance"]),
        )
        return corrector

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def allowed_distance(self, word: str) -> int:
        return 1 if len(word) <= 5 else self._max_distance

    def correct(
        self, word: str, *, general: WordFrequency | None = None, min_gain: float = 1.5
    ) -> str | None:
        """The best catalogue word for `word`, or None when it is known, short or hopeless.

        With `general`, a word that is itself in use ("Siemens", "Festo", "Sage") is kept unless
        the correction is far more common (`min_gain` on the Zipf scale, 1.5 = about 30 times):
        "maintainance" becomes "maintenance", "siemens" never becomes "semen".
        """
        if word in self._words or len(word) < self._min_length or not word.isalpha():
            return None
        best = self._closest(word)
        if best is None or general is None:
            return best
        own = general(word)
        if own > 0 and general(best) - own < min_gain:
            return None
        return best

    def _closest(self, word: str) -> str | None:
        allowed = self.allowed_distance(word)
        near = np.abs(self._lengths - len(word)) <= allowed
        near &= np.abs(self._letters - _letter_counts(word)).sum(axis=1) <= 2 * allowed
        best: tuple[int, bool, int, str] | None = None
        for position in np.flatnonzero(near):
            candidate = self._words.strings[int(position)]
            distance = edit_distance(word, candidate, limit=allowed + 1)
            if distance > allowed:
                continue
            # Closest first; then a matching first letter (people rarely mistype it); then
            # the more common word; then alphabetical, so the answer is deterministic.
            count = int(self._counts[position])
            key = (distance, candidate[0] != word[0], -count, candidate)
            if best is None or key < best:
                best = key
        return None if best is None else best[3]

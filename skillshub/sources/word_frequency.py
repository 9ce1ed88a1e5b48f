"""General English word frequencies (the `wordfreq` package's data), for spelling decisions."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def english_zipf(word: str) -> float:
    """How common `word` is in English on the Zipf scale (0 when unknown). The first call reads
    wordfreq's English table (about 0.2 s); later calls are dictionary look-ups."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))

"""Normalising and tokenising text the same way for the catalogue, the query and explanations."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import pairwise

from skillshub.domain.search.stemmer import stem

_WORD = re.compile(r"[a-z0-9]+")
_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?<=[a-z])'s\b")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(])")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})

_STOPWORD_LIST = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing done down during each etc few for
    from further get gets got had has have having he her here hers herself him himself his how i
    if in into is it its itself just let lets like make makes me more most must my myself no nor
    not now of off on once only or other ought our ours ourselves out over own per same shall she
    should so some such than that the their theirs them themselves then there these they this
    those through to too under until up upon us very via was we were what when where which while
    who whom why will with within without would yet you your yours yourself yourselves
    need needs needed want wants wanted looking someone somebody anyone able
"""
STOPWORDS = frozenset(_STOPWORD_LIST.split())
"""Common English words plus the filler employers use to introduce a need ("we need someone...")."""


def clean(text: str) -> str:
    """Unicode-normalise, drop control and other invisible characters, and collapse whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    kept = []
    for char in text:
        if char.isspace():
            kept.append(" ")
        elif unicodedata.category(char)[0] == "C":
            # Control, format, surrogate, private-use and unassigned: never meaningful in a query.
            kept.append(" ")
        else:
            kept.append(char)
    return _SPACE.sub(" ", "".join(kept)).strip()


def words(text: str) -> list[str]:
    """Lower-case alphanumeric words, with possessive 's removed ("employer's" -> "employer")."""
    lowered = _POSSESSIVE.sub("", text.lower().translate(_QUOTES))
    if not lowered.isascii():
        # Accented letters fold to their base letter so "café" and "cafe" are one word.
        lowered = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    return _WORD.findall(lowered)


def content_words(text: str) -> list[str]:
    """Words that carry meaning: stopwords removed, single letters dropped unless digits."""
    return [w for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


def terms(text: str) -> list[str]:
    """Stemmed content words: the keyword index's terms."""
    return [stem(w) for w in content_words(text)]


_SPAN = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)?")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def bigram(first: str, second: str) -> str:
    """The index term for two neighbouring stems ("repair pumps" -> "repair_pump")."""
    return f"{first}_{second}"


def index_terms(content: list[str], *, bigrams: bool) -> list[str]:
    """Stemmed content words, plus each neighbouring pair as one term when `bigrams`."""
    stems = [stem(w) for w in content]
    if bigrams:
        stems += [bigram(a, b) for a, b in pairwise(stems)]
    return stems


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word's (start, end, lower-case word) in the original text, for highlighting."""
    for match in _SPAN.finditer(text):
        word = match.group(0).lower()
        if word.endswith(("'s", "\u2019s")):
            word = word[:-2]
        if not word.isascii():
            word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
        if "'" in word or "\u2019" in word:
            word = _NOT_ALNUM.sub("", word)
        yield match.start(), match.end(), word


def sentences(text: str) -> list[str]:
    """Split prose into sentences (a simple rule: a stop followed by a capital or digit)."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]

"""KSBs recovered from the free-text page of standards published before KSBs were structured."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from skillshub.domain.standards import KSB_PREFIX, Ksb, KsbKind

_SPACE = re.compile(r"\s+")
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class ParsedKsbs:
    knowledge: tuple[Ksb, ...] = ()
    skills: tuple[Ksb, ...] = ()
    behaviours: tuple[Ksb, ...] = ()


def heading_kind(heading: str) -> KsbKind | None:
    """Which KSB list a section heading introduces, if any (mixed headings introduce none)."""
    words = heading.lower()
    has_knowledge = "knowledge" in words or "understanding" in words
    has_skill = "skill" in words or "competenc" in words
    has_behaviour = "behaviour" in words or "attitude" in words
    if has_behaviour and not has_knowledge:
        return "behaviour"
    if has_knowledge and not has_skill and not has_behaviour:
        return "knowledge"
    if has_skill and not has_knowledge:
        return "skill"
    return None


class _Sections(HTMLParser):
    """Collect top-level list items under each heading (nested items fold into their parent)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, str]] = []
        self.heading = ""
        self._heading_text: list[str] | None = None
        self._strong_text: list[str] | None = None
        self._block_text: list[str] = []
        self._depth = 0
        self._item: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HEADING_TAGS:
            self._heading_text = []
        elif tag == "strong" and self._depth == 0 and self._heading_text is None:
            self._strong_text = []
        elif tag == "li":
            self._depth += 1
            if self._depth == 1:
                self._item = []
            elif self._item is not None:
                self._item.append("; " if self._item and self._item[-1].strip() else " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HEADING_TAGS and self._heading_text is not None:
            self.heading = "".join(self._heading_text)
            self._heading_text = None
        elif tag == "strong" and self._strong_text is not None:
            text = "".join(self._strong_text).strip()
            # A paragraph that is only bold text acts as a heading in these pages.
            if text and not "".join(self._block_text).strip():
                self.heading = text
            self._strong_text = None
        elif tag == "li" and self._depth:
            self._depth -= 1
            if self._depth == 0 and self._item is not None:
                self.items.append((self.heading, "".join(self._item)))
                self._item = None
        elif tag in {"p", "div"}:
            self._block_text = []

    def handle_data(self, data: str) -> None:
        if self._heading_text is not None:
            self._heading_text.append(data)
        elif self._strong_text is not None:
            self._strong_text.append(data)
        elif self._item is not None:
            self._item.append(data)
        else:
            self._block_text.append(data)


def ksbs_from_published_text(markup: str) -> ParsedKsbs:
    """Read bulleted knowledge, skill and behaviour lists from a standard's older HTML page."""
    if not markup:
        return ParsedKsbs()
    parser = _Sections()
    parser.feed(html.unescape(markup))
    parser.close()
    found: dict[KsbKind, list[Ksb]] = {"knowledge": [], "skill": [], "behaviour": []}
    for heading, raw in parser.items:
        kind = heading_kind(heading)
        text = _SPACE.sub(" ", raw).strip(" ;")
        if kind is None or not text:
            continue
        ref = f"{KSB_PREFIX[kind]}{len(found[kind]) + 1}"
        found[kind].append(Ksb(kind=kind, ref=ref, text=text))
    return ParsedKsbs(
        knowledge=tuple(found["knowledge"]),
        skills=tuple(found["skill"]),
        behaviours=tuple(found["behaviour"]),
    )

"""Explain glossary terms in place: the first use of each term in a page's <main> text becomes a
link to its glossary entry, described (aria-describedby) by its short definition, which sits in
one hidden block at the end of <main>.

This is the one module that reads and rewrites HTML. It is deliberately a small tokenizer, not a
parser that re-serialises the page: everything but the rewritten text nodes stays byte for byte
as the template wrote it. Whenever the markup is not what the tokenizer can vouch for (no single
<main>, a stray '<', an element it skips left open) the page is returned unchanged.

Never inside: links, headings, buttons, form controls and labels, <summary> (a link there would
steal the toggle), scripts and styles, code, existing <abbr> and <dfn>, or an element marked
data-glossary="off"; never in attributes (only text between tags is read).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

from skillshub.domain.glossary import Entry, Glossary

LIMIT = 10
"""Terms explained per page: enough to help, few enough not to turn prose into a list of links."""

SKIP = frozenset(
    [
        "a",
        "abbr",
        "button",
        "canvas",
        "code",
        "dfn",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "iframe",
        "kbd",
        "label",
        "legend",
        "math",
        "noscript",
        "object",
        "option",
        "pre",
        "samp",
        "script",
        "select",
        "style",
        "summary",
        "svg",
        "template",
        "textarea",
        "title",
    ]
)
RAW_TEXT = frozenset({"script", "style", "textarea", "title"})
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
MARKER = "data-glossary-term"

_ATTRIBUTE = r"""(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)"""
_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[.*?\]\]>"
    r"|<![^>]*>"
    rf"|<(?P<close>/)?(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>{_ATTRIBUTE}*)\s*(?P<self>/)?>",
    re.S,
)
_MAIN_OPEN = re.compile(rf"<main(?={_ATTRIBUTE}*\s*>)", re.I)
_MAIN_CLOSE = re.compile(r"</main\s*>", re.I)
_OFF = re.compile(r"""\sdata-glossary\s*=\s*["']?off\b""", re.I)
_EXPLAINED = re.compile(rf"""{MARKER}\s*=\s*["']([a-z0-9-]+)["']""")


class Unsafe(ValueError):
    """The markup is not what the tokenizer can rewrite safely; the page stays as it is."""


def glossary_href(entry: Entry) -> str:
    return f"/glossary/#term-{entry.slug}"


def _link(entry: Entry, written: str, href: str) -> str:
    return (
        f'<a class="govuk-link app-term" href="{html.escape(href)}" {MARKER}="{entry.slug}" '
        f'aria-describedby="app-term-{entry.slug}">{html.escape(written, quote=False)}</a>'
    )


def _descriptions(entries: list[Entry]) -> str:
    """One hidden block at the end of <main> with each short definition: screen readers hear it
    as the link's description, and the paragraphs' own text is unchanged."""
    spans = "".join(
        f'<span id="app-term-{e.slug}">{html.escape(e.term)}: '
        f"{html.escape(e.short, quote=False)}</span>"
        for e in entries
    )
    return f'<div class="app-term-descriptions" hidden data-glossary="off">{spans}</div>'


_ENTITIES_ONLY = re.compile(r"(?:[^&]|&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);)*")
_JOIN = "\x00"
"""Between text nodes when they are searched together: no term runs across it."""


def _scan(body: str) -> tuple[list[str], list[int]]:
    """The main element cut into pieces (tags and text kept as written), and the indexes of the
    text pieces whose words may be explained. Raises Unsafe for markup it cannot vouch for."""
    pieces: list[str] = []
    texts: list[int] = []
    skipping: str | None = None  # the skipped element we are inside
    depth = 0
    at = 0
    size = len(body)
    while at < size:
        lt = body.find("<", at)
        stop = size if lt == -1 else lt
        if stop > at:
            text = body[at:stop]
            if skipping is None and not text.isspace():
                texts.append(len(pieces))
            pieces.append(text)
        if lt == -1:
            break
        token = _TOKEN.match(body, lt)
        if token is None:
            raise Unsafe(f"a '<' that starts no tag at {lt}")
        pieces.append(token.group(0))
        at = token.end()
        name = token.group("name")
        if name is None:
            continue  # a comment or declaration
        name = name.lower()
        closing = token.group("close")
        if name in RAW_TEXT and not closing:
            end = re.compile(rf"</{name}\s*>", re.I).search(body, at)
            if end is None:
                raise Unsafe(f"<{name}> is never closed")
            pieces.append(body[at : end.end()])
            at = end.end()
        elif name in VOID or token.group("self"):
            continue
        elif skipping is not None:
            if name == skipping:
                depth += -1 if closing else 1
                if depth == 0:
                    skipping = None
        elif not closing and (name in SKIP or _OFF.search(token.group("attrs") or "")):
            skipping, depth = name, 1
    if skipping is not None:
        raise Unsafe(f"<{skipping}> is left open inside <main>")
    return pieces, texts


def _rewrite_main(
    body: str, glossary: Glossary, *, limit: int, href: Callable[[Entry], str]
) -> str:
    seen = set(_EXPLAINED.findall(body))
    if len(seen) >= limit:
        return body
    pieces, texts = _scan(body)
    # A bare '&' would make decoded offsets unreliable: such a text node is left alone.
    texts = [i for i in texts if "&" not in pieces[i] or _ENTITIES_ONLY.fullmatch(pieces[i])]
    decoded = [html.unescape(pieces[i]) if "&" in pieces[i] else pieces[i] for i in texts]
    starts = list(accumulate((len(text) + 1 for text in decoded), initial=0))
    found = glossary.find(_JOIN.join(decoded), skip=seen, limit=limit - len(seen))
    by_node: dict[int, list[tuple[int, int, str, Entry]]] = {}
    for use in found:
        node = bisect_right(starts, use.start) - 1
        offset = starts[node]
        by_node.setdefault(node, []).append(
            (use.start - offset, use.end - offset, use.text, use.entry)
        )
    for node, uses in by_node.items():
        text = decoded[node]
        parts: list[str] = []
        at = 0
        for start, end, written, entry in uses:
            parts.append(html.escape(text[at:start], quote=False))
            parts.append(_link(entry, written, href(entry)))
            at = end
        parts.append(html.escape(text[at:], quote=False))
        pieces[texts[node]] = "".join(parts)
    if found:
        pieces.append(_descriptions([use.entry for use in found]))
    return "".join(pieces)


def explain_terms(
    page: str,
    glossary: Glossary,
    *,
    limit: int = LIMIT,
    href: Callable[[Entry], str] = glossary_href,
) -> str:
    """The page with the first use of up to `limit` glossary terms in <main> explained; the page
    itself when there is nothing to explain or the markup cannot be rewritten safely. Running it
    again changes nothing (terms already explained are recognised by their marker)."""
    opening = list(_MAIN_OPEN.finditer(page))
    closing = list(_MAIN_CLOSE.finditer(page))
    if len(opening) != 1 or len(closing) != 1:
        return page
    start_tag = _TOKEN.match(page, opening[0].start())
    if start_tag is None or start_tag.end() > closing[0].start():
        return page
    start, end = start_tag.end(), closing[0].start()
    try:
        body = _rewrite_main(page[start:end], glossary, limit=limit, href=href)
    except Unsafe:
        return page
    return page[:start] + body + page[end:]

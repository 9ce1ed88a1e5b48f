"""terminology/explain: the first use of each term in <main> text becomes an accessible link;
nothing else in the page changes, and a page that cannot be rewritten safely is left alone."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from skillshub.domain.glossary import Entry, build_glossary
from skillshub.sources.glossary import read_embedded
from skillshub.terminology.explain import LIMIT, explain_terms
from tests.page_checks import attr, tag


def entry(term: str, *aliases: str) -> Entry:
    return Entry(
        term=term,
        aliases=aliases,
        definition=f"What {term} means. More about it.",
        source_name="A source",
        source_url="https://www.gov.uk/",
    )


GLOSSARY = build_glossary(
    [
        entry("Higher National Certificate", "HNC"),
        entry("end-point assessment", "EPA"),
        entry("knowledge, skills and behaviours", "KSBs"),
        entry("Level 4"),
        entry("apprenticeship levy", "levy"),
        entry("T Level"),
    ]
)


def page(main: str, *, before: str = "", after: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>T</title></head><body>{before}'
        f'<main class="govuk-main-wrapper" id="main-content">{main}</main>{after}</body></html>'
    )


def explained(main: str, *, limit: int = LIMIT) -> BeautifulSoup:
    return BeautifulSoup(explain_terms(page(main), GLOSSARY, limit=limit), "html.parser")


def terms(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [(attr(a, "href"), a.get_text()) for a in soup.select("a.app-term")]


def test_first_use_becomes_a_described_link() -> None:
    soup = explained('<p class="govuk-body">An HNC is at Level 4. Another HNC.</p>')
    assert terms(soup) == [
        ("/glossary/#term-higher-national-certificate", "HNC"),
        ("/glossary/#term-level-4", "Level 4"),
    ]
    link = soup.select_one("a.app-term")
    assert link is not None and "govuk-link" in link["class"]
    description = soup.find(id=link["aria-describedby"])
    assert description is not None and description.find_parent(hidden=True) is not None
    assert (
        description.get_text()
        == "Higher National Certificate: What Higher National Certificate means."
    )
    assert soup.p is not None
    assert soup.p.get_text() == "An HNC is at Level 4. Another HNC.", "the text is unchanged"
    main = soup.main
    assert main is not None
    last = tag(main.contents[-1], "last element of <main>")
    assert last.get("class") == ["app-term-descriptions"]


def test_the_rest_of_the_page_is_byte_for_byte_the_same() -> None:
    before = '<header><p class="govuk-body">HNC in the header</p></header>'
    after = "<footer>EPA in the footer</footer>"
    main = '<p class="govuk-body" data-x="HNC &amp; EPA">Plain words, then EPA.</p>'
    out = explain_terms(page(main, before=before, after=after), GLOSSARY)
    start = out.index("<main")
    assert out[:start] == page(main, before=before, after=after)[:start]
    assert out.endswith(f"</main>{after}</body></html>")
    assert '<p class="govuk-body" data-x="HNC &amp; EPA">Plain words, then ' in out


@pytest.mark.parametrize(
    "inside",
    [
        '<a class="govuk-link" href="/x">HNC</a>',
        '<a class="govuk-link" href="/x"><strong>HNC</strong></a>',
        '<h2 class="govuk-heading-m">HNC</h2>',
        "<h1>About the <em>HNC</em></h1>",
        '<button class="govuk-button">HNC</button>',
        '<label class="govuk-label" for="q">HNC</label><input id="q" value="HNC">',
        "<select><option>HNC</option></select>",
        "<textarea>HNC</textarea>",
        '<script type="application/json">{"a": "HNC"}</script>',
        "<style>.HNC{}</style>",
        "<code>HNC</code>",
        "<pre>HNC</pre>",
        '<abbr title="Higher National Certificate">HNC</abbr>',
        "<dfn>HNC</dfn>",
        '<details><summary class="govuk-details__summary">HNC</summary></details>',
        '<div data-glossary="off"><div><p class="govuk-body">HNC</p></div></div>',
        "<!-- HNC -->",
        '<img alt="HNC" src="/x.png">',
    ],
)
def test_never_inside_links_headings_controls_code_or_attributes(inside: str) -> None:
    out = explain_terms(page(inside), GLOSSARY)
    assert out == page(inside)


def test_text_after_a_skipped_element_is_still_explained() -> None:
    soup = explained('<h2>HNC</h2><p class="govuk-body">An HNC.</p><a href="/">EPA</a> EPA')
    assert [text for _, text in terms(soup)] == ["HNC", "EPA"]
    assert soup.h2 is not None and soup.h2.get_text() == "HNC"


def test_nested_tags() -> None:
    soup = explained(
        "<div><ul><li>One <strong>KSBs</strong></li><li><span>a <em>T Level</em></span></li>"
        "</ul><table><tr><td>levy</td></tr></table></div>"
    )
    assert [text for _, text in terms(soup)] == ["KSBs", "T Level", "levy"]
    assert soup.strong is not None and soup.strong.a is not None


def test_entities_are_decoded_to_match_and_kept_escaped() -> None:
    soup = explained('<p class="govuk-body">Tom &amp; Jerry&#x27;s KSBs &lt;b&gt; &nbsp;levy</p>')
    assert [text for _, text in terms(soup)] == ["KSBs", "levy"]
    out = explain_terms(page('<p class="govuk-body">Tom &amp; KSBs &lt;b&gt;</p>'), GLOSSARY)
    assert "Tom &amp; " in out and "&lt;b&gt;" in out and "<b>" not in out


def test_a_term_across_tags_is_not_split() -> None:
    soup = explained("<p>knowledge, <em>skills</em> and behaviours</p>")
    assert terms(soup) == []


def test_whole_words_and_longest_first() -> None:
    soup = explained("<p>HNCs, THNC, knowledge, skills and behaviours</p>")
    assert [text for _, text in terms(soup)] == ["HNCs", "knowledge, skills and behaviours"]


def test_at_most_the_limit() -> None:
    soup = explained("<p>HNC EPA KSBs Level 4 levy T Level</p>", limit=3)
    assert [text for _, text in terms(soup)] == ["HNC", "EPA", "KSBs"]


def test_running_twice_changes_nothing() -> None:
    once = explain_terms(page("<p>HNC and EPA</p><p>HNC and EPA and levy</p>"), GLOSSARY)
    assert explain_terms(once, GLOSSARY) == once
    capped = explain_terms(page("<p>HNC EPA KSBs</p><p>levy</p>"), GLOSSARY, limit=2)
    assert explain_terms(capped, GLOSSARY, limit=2) == capped


@pytest.mark.parametrize(
    "markup",
    [
        "<p>HNC</p>",  # no <main> at all (below, page() is not used)
        '<main><p class="govuk-body">HNC</p></main><main>EPA</main>',
        '<main><p class="govuk-body">HNC</p>',
        "<main><p>a < b, HNC</p></main>",
        "<main><a href='/'>HNC</main>",
        "<main><p>HNC</p><script>EPA</main>",
        "<main><p>HNC & EPA</p></main>",
    ],
)
def test_unsafe_markup_is_left_alone(markup: str) -> None:
    assert explain_terms(markup, GLOSSARY) == markup


def test_attributes_with_angle_brackets_do_not_confuse_it() -> None:
    soup = explained('<p class="govuk-body" title="a > b">HNC</p>')
    assert [text for _, text in terms(soup)] == ["HNC"]


def best_of(runs: int, markup: str, glossary: object) -> tuple[float, str]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        out = explain_terms(markup, glossary)  # type: ignore[arg-type]
        timings.append(time.perf_counter() - started)
    return min(timings), out


# Timed untraced: coverage's tracer multiplies this pure-Python loop several times over.
@pytest.mark.no_cover
def test_a_50_kb_page_stays_fast() -> None:
    """The real glossary over 50 KB of GOV.UK markup as dense in terms as pages get (the
    glossary's own entries, as its page lays them out), best of five runs. About 2-3 ms on this
    2-core machine when quiet (the README figure); the bound guards against a slowdown of
    several times, not the figure, so a busy machine does not fail it."""
    glossary = read_embedded(Path(__file__).resolve().parents[2] / "data")
    blocks = [
        f'<div class="govuk-!-margin-bottom-6"><h3 class="govuk-heading-m" id="term-{e.slug}">'
        f'<a class="govuk-link" href="/glossary/{e.slug}/">{e.term}</a></h3>'
        f'<p class="govuk-body-s">Also: {", ".join(e.aliases)}</p>'
        f'<p class="govuk-body">{e.definition}</p><p class="govuk-body-s">Source: '
        f'<a class="govuk-link" href="{e.source_url}">{e.source_name}</a></p></div>\n'
        for e in glossary
    ]
    main = ""
    while len(main) < 50_000:
        main += "".join(blocks)
    markup = page(main[:50_000].rsplit("</div>", 1)[0] + "</div>")
    took, out = best_of(5, markup, glossary)
    assert out.count('class="govuk-link app-term"') == 10
    assert took < 0.025, f"{took * 1000:.2f} ms for {len(markup)} bytes"


# Timed untraced: coverage's tracer multiplies this pure-Python loop several times over.
@pytest.mark.no_cover
def test_a_page_repeating_terms_without_end_stays_fast() -> None:
    """The worst case: a term every few words, nine distinct terms (the limit is never reached,
    so every word is looked at). ~6.5 ms for 50 KB on a loaded 2-core machine; this guards
    against a slowdown of several times, not the figure itself."""
    glossary = read_embedded(Path(__file__).resolve().parents[2] / "data")
    block = (
        '<div class="govuk-summary-card"><h2 class="govuk-heading-m">Software developer</h2>'
        '<p class="govuk-body">A Level 4 apprenticeship with KSBs and an end-point assessment; '
        'the employer pays through the levy or co-investment. <a class="govuk-link" href="/x">'
        "Higher National Certificate</a> &amp; HTQ options at Level 5.</p>"
        '<ul class="govuk-list"><li>Off-the-job training: 6 hours a week</li>'
        "<li>Funding band: £18,000</li></ul></div>\n"
    )
    markup = page(block * (50_000 // len(block)))
    took, out = best_of(5, markup, glossary)
    assert out.count('class="govuk-link app-term"') == 9
    assert took < 0.025, f"{took * 1000:.2f} ms for {len(markup)} bytes"

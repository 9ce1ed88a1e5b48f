"""The standard page's ESCO skills beside each knowledge and skill statement."""

from __future__ import annotations

from tests.page_checks import PageClient, attr, one, tag


def test_each_knowledge_and_skill_statement_shows_its_esco_skills(
    client_request: PageClient,
) -> None:
    page = client_request.get("/standards/ST0116/")
    summary = page.find(id="esco")
    assert summary is not None and "closest ESCO skills" in summary.get_text()
    assert "How ESCO skills are matched" in tag(summary.find_next("details"), "details").get_text()
    knowledge = tag(one(page, "#knowledge").find_next("dl"), "list of knowledge")
    lines = [dd for dd in knowledge.find_all("dd") if dd.get_text().startswith("ESCO skill:")]
    assert len(lines) == len(knowledge.find_all("dt")), "every knowledge statement is mapped"
    first = one(lines[0], "a")
    assert attr(first, "href").startswith("http://data.europa.eu/esco/skill/")
    assert "confidence 0." in lines[0].get_text()
    text = page.get_text(" ")
    assert "low confidence: check" in text
    assert "ESCO classification © European Union" in text
    behaviours = tag(one(page, "#behaviours").find_next("dl"), "list of behaviours")
    assert "ESCO skill:" not in behaviours.get_text(), "behaviours are not mapped"


def test_an_older_version_page_shows_no_esco_skills(client_request: PageClient) -> None:
    page = client_request.get("/standards/ST0116/versions/1.0/")
    assert page.find(id="esco") is None and "ESCO skill:" not in page.get_text()

"""Evidence matched words and safe highlighting."""

from __future__ import annotations

from skillshub.domain.search.explain import Evidence, highlight, matched_words


def test_highlight_covers_the_text_exactly() -> None:
    text = "Repairs and maintains <b>lifts</b> & escalators."
    segments = highlight(text, ["repairing", "lift"])
    assert "".join(s for s, _ in segments) == text
    assert [s for s, marked in segments if marked] == ["Repairs", "lifts"]


def test_highlight_joins_neighbouring_matches() -> None:
    segments = highlight("Program a programmable logic controller now", ["logic", "controller"])
    assert ("logic controller", True) in segments


def test_highlight_returns_text_not_html() -> None:
    segments = highlight("<script>alert(1)</script>", ["script"])
    assert "".join(s for s, _ in segments) == "<script>alert(1)</script>"
    assert highlight("", ["x"]) == []
    assert highlight("nothing here", []) == [("nothing here", False)]


def test_matched_words_keep_the_text_spelling() -> None:
    assert matched_words("Installs and repairs LIFTS, lifts", ["instal", "lift"]) == (
        "Installs",
        "LIFTS",
    )


def test_evidence_as_dict() -> None:
    evidence = Evidence("skill", "S3", "Repair lifts", ("Repair",))
    assert evidence.as_dict() == {
        "kind": "skill",
        "ref": "S3",
        "text": "Repair lifts",
        "matched_terms": ["Repair"],
    }

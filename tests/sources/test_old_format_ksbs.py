"""KSBs read from the free-text pages of standards published before KSBs were structured."""

from skillshub.sources.old_format_ksbs import heading_kind, ksbs_from_published_text


def test_heading_kinds() -> None:
    assert heading_kind("Technical Knowledge and Understanding") == "knowledge"
    assert heading_kind("Technical Competencies") == "skill"
    assert heading_kind("Underpinning Skills, Attitudes and Behaviours") == "behaviour"
    assert heading_kind("Requirements: Knowledge, Skills and Behaviours") is None
    assert heading_kind("Entry Requirements") is None


def test_lists_under_headings_become_numbered_ksbs() -> None:
    markup = (
        "<h3>Technical Competencies</h3><ul><li>Logic: writes good code</li>"
        "<li>Can interpret and follow:<ul><li>designs</li><li>coding standards</li></ul></li></ul>"
        "<p><strong>Behaviours</strong></p><ul><li>Works safely</li></ul>"
        "<h3>Qualifications</h3><ul><li>Not a KSB</li></ul>"
    )
    parsed = ksbs_from_published_text(markup)
    assert [k.ref for k in parsed.skills] == ["S1", "S2"]
    assert parsed.skills[1].text == "Can interpret and follow:; designs; coding standards"
    assert [k.text for k in parsed.behaviours] == ["Works safely"]
    assert parsed.knowledge == ()


def test_escaped_markup_and_empty_input() -> None:
    escaped = "&lt;h3&gt;Knowledge&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Safety law&lt;/li&gt;&lt;/ul&gt;"
    assert [k.text for k in ksbs_from_published_text(escaped).knowledge] == ["Safety law"]
    assert ksbs_from_published_text("").skills == ()

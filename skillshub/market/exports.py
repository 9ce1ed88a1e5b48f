"""An area's gap figures as CSV and as an .xlsx workbook (the standard library is enough)."""

from __future__ import annotations

import csv
import io
import zipfile
from xml.sax.saxutils import escape

# ruff: noqa: E501 (the OOXML part texts below are clearer unbroken)
from skillshub.market.services import AreaGapsResult, GapRow

HEADER = [
    "section",
    "key",
    "label",
    "route",
    "level",
    "employers",
    "staff",
    "employers not reached",
    "offers reaching",
    "providers reaching",
    "gap score",
]


def _gap(section: str, row: GapRow) -> list[str]:
    return [
        section,
        row.key,
        row.label,
        row.route,
        row.level,
        row.employers.text,
        row.staff.text,
        row.unmet_employers.text,
        str(row.offers_reaching),
        str(row.providers_reaching),
        str(row.gap_score),
    ]


def rows(result: AreaGapsResult) -> list[list[str]]:
    """The same public figures as the page: every hidden figure as its words, never a value."""
    found = [HEADER]
    if result.total:
        found.append(_gap("total", result.total))
    found += [_gap("standard", row) for row in result.standards]
    found += [_gap("route and level", row) for row in result.routes_and_levels]
    for place in result.places:
        blank = ["", "", "", "", ""]
        found.append(
            [
                "local authority",
                place.code,
                place.name,
                "",
                "",
                place.employers.text,
                "",
                place.unmet_employers.text,
                *blank[:3],
            ]
        )
    for source in result.sources:
        found.append(
            [
                "source",
                source.source,
                source.name,
                "",
                "",
                source.employers.text,
                "",
                "",
                "",
                "",
                "",
            ]
        )
    return found


def to_csv(result: AreaGapsResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [
            f"{result.name} ({result.area}): demand against supply, within "
            f"{result.radius_km:g} km. Counts of fewer than {result.threshold} "
            "employers are not shown."
        ]
    )
    writer.writerows(rows(result))
    return buffer.getvalue()


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _sheet(table: list[list[str]]) -> str:
    lines = []
    for r, cells in enumerate(table, start=1):
        parts = []
        for c, text in enumerate(cells):
            ref = f"{_column(c)}{r}"
            if text.isdigit():
                parts.append(f'<c r="{ref}"><v>{text}</v></c>')
            else:
                parts.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>')
        lines.append(f'<row r="{r}">{"".join(parts)}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(lines)}</sheetData></worksheet>"
    )


SHEET = "Gaps"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    f'<sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def to_xlsx(result: AreaGapsResult) -> bytes:
    """A one-sheet workbook with the same rows as the CSV (inline strings, whole numbers)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        book.writestr("xl/worksheets/sheet1.xml", _sheet(rows(result)))
    return buffer.getvalue()

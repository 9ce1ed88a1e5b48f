"""The embedded ESCO v1.1.1 skills and knowledge concepts (data/esco/esco_skills.csv.gz)."""

from __future__ import annotations

from pathlib import Path

from skillshub.domain.esco_mapping import EscoSkill
from skillshub.sources.errors import SourceError
from skillshub.sources.limits import gunzip
from skillshub.sources.tables import read_bytes, read_table

SKILLS_FILE = Path("esco") / "esco_skills.csv.gz"
"""Where the derived file lives under the data directory (see data/esco/README.md)."""
LICENCE = "ESCO classification © European Union, https://esco.ec.europa.eu (ESCO v1.1.1, CC BY 4.0)"
COLUMNS = ("CONCEPTURI", "PREFERREDLABEL", "SKILLTYPE", "REUSELEVEL", "DESCRIPTION")
SKILL_TYPES = frozenset({"skill/competence", "knowledge", ""})
URI_PREFIX = "http://data.europa.eu/esco/skill/"


def parse_skills(data: bytes, *, source: str) -> list[EscoSkill]:
    """Every skill in the gzipped CSV; a SourceError names the row and column of any problem."""
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, source=source)
    _, rows, errors = read_table(data, source=source, required=COLUMNS)
    if errors:
        first = errors[0]
        raise SourceError(first.message, source=source, record=first.row, field=first.column)
    skills: list[EscoSkill] = []
    seen: set[str] = set()
    for number, row in enumerate(rows, start=2):
        uri = row.get("CONCEPTURI", "")
        if not uri.startswith(URI_PREFIX):
            raise SourceError(
                f"'{uri}' is not an ESCO skill URI (they start {URI_PREFIX}); rebuild the file "
                "with data/esco/build_esco_skills.py",
                source=source,
                record=number,
                field="conceptUri",
            )
        if uri in seen:
            raise SourceError(
                "this URI appears twice", source=source, record=uri, field="conceptUri"
            )
        seen.add(uri)
        label = row.get("PREFERREDLABEL", "")
        if not label:
            raise SourceError(
                "the skill has no label", source=source, record=uri, field="preferredLabel"
            )
        skill_type = row.get("SKILLTYPE", "")
        if skill_type not in SKILL_TYPES:
            raise SourceError(
                f"'{skill_type}' is not an ESCO skill type (skill/competence or knowledge)",
                source=source,
                record=uri,
                field="skillType",
            )
        skills.append(
            EscoSkill(
                uri=uri,
                label=label,
                skill_type=skill_type,
                reuse_level=row.get("REUSELEVEL", ""),
                description=row.get("DESCRIPTION", ""),
            )
        )
    if not skills:
        raise SourceError("the file lists no ESCO skills", source=source)
    return skills


def read_skills(path: Path, *, source: str | None = None) -> list[EscoSkill]:
    """The skills in the file at `path` (the embedded one: data_dir / SKILLS_FILE)."""
    return parse_skills(read_bytes(path), source=source or str(path))

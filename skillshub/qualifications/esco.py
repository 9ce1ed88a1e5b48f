"""ESCO skills for each Level 4-5 qualification's subject (its title without awarding body,
level and size): mapped at ingest with the same method as the standards' KSBs, then read."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from skillshub.catalogue.esco import ATTRIBUTION, EscoSkillOut, esco_files, vocabulary_from_file
from skillshub.core.ingest import SourceFile
from skillshub.domain import esco_mapping as rules
from skillshub.domain.qualification_links import subject
from skillshub.domain.qualifications import Qualification
from skillshub.domain.search import get_preset
from skillshub.qualifications import models
from skillshub.settings import get_settings
from skillshub.sources.embedding_models import load_embedder

__all__ = ["QualificationEsco", "esco_files", "find_esco", "map_titles", "replace_esco"]
NUMBER = r"^[0-9]{7}[0-9X]$"

Mapped = dict[str, tuple[str, tuple[tuple[rules.EscoMatch, rules.EscoSkill], ...]]]
"""Per qualification number: the subject mapped, and each ESCO skill found with its record."""


class QualificationEsco(BaseModel):
    """What a qualification's title was mapped to (empty below Level 4 or before mapping)."""

    subject: str = Field(description="The words of the title that were mapped")
    skills: list[EscoSkillOut] = Field(description="Best first, 0 to 3")
    attribution: str


class QualificationEscoRequest(BaseModel):
    number: str = Field(pattern=NUMBER, description="An Ofqual number, e.g. 60305435.")


class QualificationEscoResult(QualificationEsco):
    number: str
    title: str


class UnknownQualification(LookupError):
    """The number is not in the list the hub serves."""

    def __str__(self) -> str:
        return str(self.args[0])


def map_titles(
    qualifications: Sequence[Qualification], files: Sequence[SourceFile]
) -> Mapped | None:
    """Each Level 4-5 qualification's subject mapped to ESCO (None without the ESCO file)."""
    if not files:
        return None
    preset_name = get_settings().search_preset
    vocabulary = vocabulary_from_file(
        files[0].content, label=files[0].label, preset_name=preset_name
    )
    chosen = [(q.number, subject(q)) for q in qualifications if q.is_product and subject(q)]
    if not chosen:
        return {}
    embedder = load_embedder(get_preset(preset_name))
    vectors = embedder.embed([text.lower() for _, text in chosen])
    found = rules.map_texts([t for _, t in chosen], vectors, vocabulary=vocabulary)
    by_uri = {s.uri: s for s in vocabulary.skills}
    return {
        number: (text, tuple((m, by_uri[m.uri]) for m in matches))
        for (number, text), matches in zip(chosen, found, strict=True)
    }


def replace_esco(mapped: Mapped | None) -> int:
    """Store the mapping; call inside the ingest transaction, after the qualifications."""
    models.QualificationEscoSkill.objects.all().delete()
    if not mapped:
        return 0
    ids = dict(models.Qualification.objects.values_list("number", "id"))
    rows = []
    for number, (text, matches) in mapped.items():
        for position, (match, skill) in enumerate(matches):
            rows.append(
                models.QualificationEscoSkill(
                    qualification_id=ids[number],
                    position=position,
                    subject=text[:300],
                    uri=match.uri,
                    label=match.label,
                    skill_type=skill.skill_type,
                    reuse_level=skill.reuse_level,
                    description=skill.description,
                    cosine=match.cosine,
                    shared_words=list(match.shared_words),
                    confidence=match.confidence,
                    band=match.band,
                )
            )
    models.QualificationEscoSkill.objects.bulk_create(rows, batch_size=500)
    return len(mapped)


def find_esco(number: str) -> QualificationEsco:
    """The stored ESCO skills of one qualification (by its normalised number)."""
    rows = list(models.QualificationEscoSkill.objects.filter(qualification__number=number))
    return QualificationEsco(
        subject=rows[0].subject if rows else "",
        skills=[
            EscoSkillOut.of(
                r,
                cosine=r.cosine,
                shared_words=list(r.shared_words),
                confidence=r.confidence,
                band=r.band,
            )
            for r in rows
        ],
        attribution=ATTRIBUTION,
    )


def find_qualification_esco(request: QualificationEscoRequest) -> QualificationEscoResult:
    """One qualification's title and its ESCO skills; raises UnknownQualification."""
    row = models.Qualification.objects.filter(number=request.number).first()
    if row is None:
        raise UnknownQualification(
            f"Qualification {request.number} is not in the list of qualifications approved for "
            "funding that this hub serves: find one with `skillshub search qualifications`."
        )
    found = find_esco(row.number)
    return QualificationEscoResult(number=row.number, title=row.title, **found.model_dump())

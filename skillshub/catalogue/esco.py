"""ESCO skills for each knowledge and skill statement: mapped once at ingest, stored, then one
typed request and result shared by the standard page, the API and the CLI."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from skillshub.catalogue import models
from skillshub.catalogue.families import REFERENCE, UnknownStandard
from skillshub.core.ingest import SourceFile
from skillshub.domain import esco_mapping as rules
from skillshub.domain.search import CatalogueVectors, get_preset
from skillshub.domain.search.units import index_units
from skillshub.domain.standards import Standard
from skillshub.sources import esco as source
from skillshub.sources.embedding_models import load_embedder

P = rules.DEFAULT
MAPPED_KINDS = ("knowledge", "skill")
METHOD = (
    "Each knowledge and skill statement of a current standard is compared with the preferred "
    "label of every one of the 13,896 ESCO v1.1.1 skills and knowledge concepts: confidence = "
    f"{1 - P.lexical_weight:g} x the cosine of their text vectors + {P.lexical_weight:g} x the "
    f"share of the label's words the statement also uses. Up to {P.per_statement} are kept, "
    f"within {P.keep_within:g} of the best. Confidence {P.high_at:g} or more is high, "
    f"{P.medium_at:g} or more medium, below that low: check those. Precision on a judged "
    "sample is in docs/model-card.md. Behaviours are not mapped."
)
NOT_WORKED_OUT = (
    "ESCO skills are mapped when the standards are loaded, and these were loaded before that: "
    "run `skillshub ingest standards --force`."
)
ATTRIBUTION = source.LICENCE


class EscoSkillOut(BaseModel):
    uri: str = Field(description="The ESCO concept URI")
    label: str
    skill_type: str = Field(description="'skill/competence' or 'knowledge'")
    reuse_level: str
    description: str
    cosine: float = Field(description="Cosine of the statement's and the label's text vectors")
    shared_words: list[str] = Field(description="The label's words (stemmed) the KSB also uses")
    confidence: float = Field(description="See `method`; 0 to 1, higher is surer")
    band: str = Field(description="'high', 'medium' or 'low' (low: check it)")

    @classmethod
    def of(
        cls,
        skill: Any,
        *,
        cosine: float,
        shared_words: list[str],
        confidence: float,
        band: str,
    ) -> EscoSkillOut:
        """One mapped skill: the ESCO concept's own fields from ``skill`` (a stored skill, or a
        stored mapping that copies them), with how well it matched."""
        return cls(
            uri=skill.uri,
            label=skill.label,
            skill_type=skill.skill_type,
            reuse_level=skill.reuse_level,
            description=skill.description,
            cosine=cosine,
            shared_words=shared_words,
            confidence=confidence,
            band=band,
        )


class KsbEscoOut(BaseModel):
    kind: str
    ref: str
    text: str
    skills: list[EscoSkillOut] = Field(description="Best first, 1 to 3")
    band: str = Field(description="The best skill's band")


class StandardEscoRequest(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    reference: str = Field(pattern=REFERENCE, description="A standard, e.g. ST0116.")


class StandardEscoResult(BaseModel):
    reference: str
    title: str
    level: int
    statements: list[KsbEscoOut] = Field(description="In published order: knowledge, skills")
    band_counts: dict[str, int] = Field(description="Statements by their best skill's band")
    notes: list[str]
    method: str
    attribution: str


# At ingest ------------------------------------------------------------------------------------


def vocabulary_of(skills: Sequence[rules.EscoSkill], *, preset_name: str) -> rules.EscoVocabulary:
    """The ESCO skills with their label vectors, embedded by the search preset's model (at
    ingest: 13,896 short labels take under a second)."""
    embedder = load_embedder(get_preset(preset_name))
    return rules.EscoVocabulary.build(skills, embedder.embed([rules.label_text(s) for s in skills]))


def vocabulary_from_file(content: bytes, *, label: str, preset_name: str) -> rules.EscoVocabulary:
    """The vocabulary of an ESCO skills file's bytes, read and embedded once per process for
    the same bytes and model (the standards and the qualifications ingests both use it)."""
    key = (hashlib.sha256(content).hexdigest(), get_preset(preset_name).model)
    if key not in _VOCABULARIES:
        _VOCABULARIES.clear()  # one file at a time: each holds ~15 MB of vectors
        skills = source.parse_skills(content, source=label)
        _VOCABULARIES[key] = vocabulary_of(skills, preset_name=preset_name)
    return _VOCABULARIES[key]


_VOCABULARIES: dict[tuple[str, str], rules.EscoVocabulary] = {}


def esco_files(data_dir: Path) -> list[SourceFile]:
    """The ESCO skills file under a data folder as an ingest input (none when it is missing: the
    data then load unmapped). Its SHA-256 becomes part of the dataset's."""
    path = data_dir / source.SKILLS_FILE
    if not path.exists():
        return []
    return [SourceFile.read(path, label=f"data/{source.SKILLS_FILE}")]


def map_catalogue(
    standards: Sequence[Standard],
    vectors: CatalogueVectors,
    *,
    preset_name: str,
    vocabulary: rules.EscoVocabulary | None,
) -> dict[str, list[tuple[str, tuple[rules.EscoMatch, ...]]]] | None:
    """For each current standard, (ref, best matches) per knowledge and skill statement, from
    the unit vectors just made at ingest."""
    if vectors.dimensions == 0 or vocabulary is None:
        return None
    preset = get_preset(preset_name)
    rows = {item.reference: item.matrix for item in vectors.standards()}
    refs: list[tuple[str, str]] = []
    texts: list[str] = []
    chosen: list[np.ndarray] = []
    for standard in standards:
        if not standard.is_current or standard.reference not in rows:
            continue
        units = index_units(standard, preset=preset, occupations=None)
        # Only the standard's own units are read: their rows come first, linked occupations last.
        matrix = rows[standard.reference]
        for row, unit in enumerate(units):
            if unit.kind in MAPPED_KINDS and unit.ref:
                refs.append((standard.reference, unit.ref))
                texts.append(unit.text)
                chosen.append(matrix[row])
    if not chosen:
        return {}
    matches = rules.map_texts(texts, np.vstack(chosen), vocabulary=vocabulary, preset=rules.DEFAULT)
    out: dict[str, list[tuple[str, tuple[rules.EscoMatch, ...]]]] = {}
    for (reference, ref), found in zip(refs, matches, strict=True):
        out.setdefault(reference, []).append((ref, found))
    return out


def replace_mapping(
    mapping: dict[str, list[tuple[str, tuple[rules.EscoMatch, ...]]]] | None,
    vocabulary: rules.EscoVocabulary | None,
) -> int:
    """Store the mapping and the ESCO skills it uses; call inside the ingest transaction."""
    models.EscoMapping.objects.all().delete()
    models.EscoSkill.objects.all().delete()
    if not mapping or vocabulary is None:
        return 0
    used = {m.uri for statements in mapping.values() for _, found in statements for m in found}
    models.EscoSkill.objects.bulk_create(
        [
            models.EscoSkill(
                uri=s.uri,
                label=s.label,
                skill_type=s.skill_type,
                reuse_level=s.reuse_level,
                description=s.description,
            )
            for s in vocabulary.skills
            if s.uri in used
        ],
        batch_size=500,
    )
    models.EscoMapping.objects.bulk_create(
        [
            models.EscoMapping(
                reference=reference,
                statements=[
                    {
                        "ref": ref,
                        "matches": [
                            {
                                "uri": m.uri,
                                "cosine": m.cosine,
                                "shared_words": list(m.shared_words),
                                "confidence": m.confidence,
                                "band": m.band,
                            }
                            for m in found
                        ],
                    }
                    for ref, found in statements
                ],
            )
            for reference, statements in sorted(mapping.items())
        ],
        batch_size=200,
    )
    return sum(len(statements) for statements in mapping.values())


# At request time --------------------------------------------------------------------------


def find_esco(request: StandardEscoRequest) -> StandardEscoResult:
    """A standard's knowledge and skill statements with their ESCO skills; raises
    UnknownStandard."""
    reference = request.reference.upper()
    standard = models.Standard.objects.filter(reference=reference).first()
    if standard is None:
        raise UnknownStandard(
            f"There is no standard with reference '{request.reference}'. References look like "
            "ST0116: find one at /standards/ or with `skillshub search standards`."
        )
    ksbs = {k.ref: k for k in standard.ksb_set.filter(kind__in=MAPPED_KINDS).order_by("position")}
    row = models.EscoMapping.objects.filter(reference=reference).first()
    notes: list[str] = []
    statements: list[KsbEscoOut] = []
    if row is not None:
        uris = {m["uri"] for item in row.statements for m in item["matches"]}
        skills = {s.uri: s for s in models.EscoSkill.objects.filter(uri__in=uris)}
        for item in row.statements:
            ksb = ksbs.get(item["ref"])
            found = [
                EscoSkillOut.of(
                    skills[m["uri"]],
                    cosine=m["cosine"],
                    shared_words=m["shared_words"],
                    confidence=m["confidence"],
                    band=m["band"],
                )
                for m in item["matches"]
                if m["uri"] in skills
            ]
            if ksb is None or not found:
                continue
            statements.append(
                KsbEscoOut(
                    kind=ksb.kind, ref=ksb.ref, text=ksb.text, skills=found, band=found[0].band
                )
            )
    elif not standard.is_current:
        notes.append("Only current standards are mapped to ESCO skills.")
    elif not ksbs:
        notes.append("This product has no published knowledge or skill statements to map.")
    elif not models.EscoMapping.objects.exists():
        notes.append(NOT_WORKED_OUT)
    counts = {name: 0 for name in rules.BANDS}
    for statement in statements:
        counts[statement.band] += 1
    return StandardEscoResult(
        reference=standard.reference,
        title=standard.title,
        level=standard.level,
        statements=statements,
        band_counts=counts,
        notes=notes,
        method=METHOD,
        attribution=ATTRIBUTION,
    )

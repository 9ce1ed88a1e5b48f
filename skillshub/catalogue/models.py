"""Stored apprenticeship products with KSBs and duties, every version, and search vectors."""

from __future__ import annotations

from django.db import models


class Standard(models.Model):
    reference = models.CharField(max_length=10, unique=True)
    lars_code = models.PositiveIntegerField(null=True, blank=True)
    title = models.CharField(max_length=300)
    level = models.PositiveSmallIntegerField(db_index=True)
    status = models.CharField(max_length=60)
    route = models.CharField(max_length=120, db_index=True)
    pathway = models.CharField(max_length=200, blank=True)
    typical_duration_months = models.PositiveIntegerField(null=True, blank=True)
    max_funding_gbp = models.PositiveIntegerField(null=True, blank=True)
    job_titles = models.JSONField(default=list)
    keywords = models.JSONField(default=list)
    overview = models.TextField(blank=True)
    occupation_summary = models.TextField(blank=True)
    entry_requirements = models.TextField(blank=True)
    detail_version = models.CharField(max_length=20, blank=True)
    detail_updated = models.DateField(null=True, blank=True)
    ksb_origin = models.CharField(max_length=20, default="none")
    is_current = models.BooleanField(default=False, db_index=True)
    kind = models.CharField(max_length=12, default="standard", db_index=True)
    integrated_degree = models.CharField(max_length=60, blank=True)
    regulated = models.BooleanField(default=False)
    standard_page_url = models.URLField(max_length=500, blank=True)
    assessment_plan_url = models.URLField(max_length=500, blank=True)
    occupation_code = models.CharField(max_length=12, blank=True)
    cluster = models.CharField(max_length=200, blank=True)
    sector_subject_area = models.CharField(max_length=120, blank=True)
    minimum_off_the_job_hours = models.PositiveIntegerField(null=True, blank=True)
    epa_period_months = models.PositiveSmallIntegerField(null=True, blank=True)
    starts_paused = models.BooleanField(default=False)
    approved_on = models.DateField(null=True, blank=True)
    earliest_start = models.DateField(null=True, blank=True)
    latest_start = models.DateField(null=True, blank=True)
    change_note = models.TextField(blank=True)
    related_standards = models.JSONField(default=list)
    sources = models.JSONField(default=list)

    class Meta:
        ordering = ["reference"]
        indexes = [models.Index(fields=["is_current", "level", "route"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.title} (level {self.level})"


class Ksb(models.Model):
    KINDS = [("knowledge", "Knowledge"), ("skill", "Skill"), ("behaviour", "Behaviour")]
    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="ksb_set")
    kind = models.CharField(max_length=10, choices=KINDS)
    ref = models.CharField(max_length=8)
    position = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["standard", "position"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "ref"], name="unique_ksb_ref_per_standard")
        ]


class Duty(models.Model):
    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="duty_set")
    ref = models.CharField(max_length=8)
    position = models.PositiveIntegerField()
    text = models.TextField()
    ksb_refs = models.JSONField(default=list)
    core = models.BooleanField(default=True)

    class Meta:
        ordering = ["standard", "position"]
        verbose_name_plural = "duties"


class StoredVectors(models.Model):
    """One standard's embeddings, computed at ingest so a query never re-embeds the catalogue."""

    reference = models.CharField(max_length=10, unique=True)
    model_name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, help_text="Fingerprint of the texts embedded.")
    payload = models.BinaryField()

    class Meta:
        verbose_name_plural = "search vectors"


class StandardVersion(models.Model):
    """Every published version of every product, so older versions stay queryable; the whole
    record (KSBs and duties included) is kept compressed, since it is read one at a time."""

    reference = models.CharField(max_length=10, db_index=True)
    version = models.CharField(max_length=20)
    status = models.CharField(max_length=60)
    title = models.CharField(max_length=300)
    level = models.PositiveSmallIntegerField()
    detail_updated = models.DateField(null=True, blank=True)
    change_note = models.TextField(blank=True)
    position = models.PositiveIntegerField(help_text="Order of versions, oldest first.")
    record = models.BinaryField()

    class Meta:
        ordering = ["reference", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference", "version"], name="unique_version_per_reference"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} version {self.version or '?'} ({self.status})"


class StandardFamily(models.Model):
    """A family of related occupations, worked out at ingest (skillshub.domain.families)."""

    key = models.CharField(max_length=200, unique=True)
    label = models.CharField(max_length=300)
    route = models.CharField(max_length=120)
    position = models.PositiveIntegerField(help_text="Order on the page: route, then label.")
    central = models.CharField(max_length=10)
    members = models.JSONField(default=list, help_text="reference, title, level of each member")

    class Meta:
        ordering = ["position"]
        verbose_name_plural = "standard families"

    def __str__(self) -> str:
        return self.label


class SimilarStandards(models.Model):
    """One current product's family and its most similar products, worked out at ingest."""

    reference = models.CharField(max_length=10, unique=True)
    family_key = models.CharField(max_length=200, db_index=True)
    similar = models.JSONField(default=list)

    class Meta:
        verbose_name_plural = "similar standards"


class EscoSkill(models.Model):
    """An ESCO v1.1.1 skill or knowledge concept a KSB was mapped to (data/esco/)."""

    uri = models.CharField(max_length=120, unique=True)
    label = models.CharField(max_length=300)
    skill_type = models.CharField(max_length=20, blank=True)
    reuse_level = models.CharField(max_length=30, blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["label"]
        verbose_name = "ESCO skill"

    def __str__(self) -> str:
        return self.label


class EscoMapping(models.Model):
    """One current product's knowledge and skill statements mapped to ESCO skills, at ingest."""

    reference = models.CharField(max_length=10, unique=True)
    statements = models.JSONField(
        default=list, help_text="ref and matches (uri, label, cosine, confidence, band) per KSB"
    )

    class Meta:
        verbose_name = "ESCO mapping"

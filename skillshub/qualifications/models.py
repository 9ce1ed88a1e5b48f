"""Stored qualifications with their funding streams and the standards each one fits."""

from __future__ import annotations

from django.db import models


class Qualification(models.Model):
    """One row of the DfE list; funding streams as JSON (they are read whole, never joined)."""

    number = models.CharField(max_length=8, unique=True)
    title = models.CharField(max_length=300)
    awarding_organisation = models.CharField(max_length=200)
    awarding_organisation_url = models.CharField(max_length=500, blank=True)
    level_label = models.CharField(max_length=40)
    level_low = models.PositiveSmallIntegerField(db_index=True)
    level_high = models.PositiveSmallIntegerField()
    qualification_type = models.CharField(max_length=120)
    subcategory = models.CharField(max_length=120, blank=True)
    sector_subject_area = models.CharField(max_length=120, db_index=True)
    status = models.CharField(max_length=60)
    snapshot = models.DateField(null=True, blank=True)
    funding = models.JSONField(default=list)
    advanced_learner_loan = models.BooleanField(default=False, db_index=True)
    """The list's flag for the stream, kept as a column so lists can filter on it."""
    lifelong_learning_entitlement = models.BooleanField(default=False, db_index=True)

    class Meta:
        ordering = ["title", "number"]
        indexes = [models.Index(fields=["level_low", "level_high", "title"])]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class StandardLink(models.Model):
    """A standard the qualification fits; the reference is not a foreign key because the
    standards are replaced whole by their own ingest (a stale link shows as text)."""

    qualification = models.ForeignKey(
        Qualification, on_delete=models.CASCADE, related_name="standard_links"
    )
    position = models.PositiveSmallIntegerField()
    reference = models.CharField(max_length=10, db_index=True)
    title = models.CharField(max_length=300)
    level = models.PositiveSmallIntegerField()
    score = models.FloatField()
    reason = models.TextField()
    evidence = models.JSONField(default=list)

    class Meta:
        ordering = ["qualification", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["qualification", "reference"], name="unique_standard_per_qualification"
            )
        ]


class QualificationEscoSkill(models.Model):
    """An ESCO v1.1.1 skill the qualification's subject maps to, worked out at ingest
    (skillshub.domain.esco_mapping), best first."""

    qualification = models.ForeignKey(
        Qualification, on_delete=models.CASCADE, related_name="esco_skills"
    )
    position = models.PositiveSmallIntegerField()
    subject = models.CharField(max_length=300, help_text="The words of the title mapped.")
    uri = models.CharField(max_length=120)
    label = models.CharField(max_length=300)
    skill_type = models.CharField(max_length=20, blank=True)
    reuse_level = models.CharField(max_length=30, blank=True)
    description = models.TextField(blank=True)
    cosine = models.FloatField()
    shared_words = models.JSONField(default=list)
    confidence = models.FloatField()
    band = models.CharField(max_length=10)

    class Meta:
        ordering = ["qualification", "position"]
        verbose_name = "qualification ESCO skill"

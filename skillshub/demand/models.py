"""Stored demand signals. No free text is ever shown publicly; places are kept as districts."""

from __future__ import annotations

from django.db import models


class DemandSignal(models.Model):
    """One employer saying 'we need this here': the need, the postcode district, what matched."""

    SOURCES = [("nothing-near", "Nothing near: 'tell us you need this' on Find training")]

    source = models.CharField(max_length=30, choices=SOURCES)
    need = models.TextField(help_text="As the employer wrote it; never shown publicly.")
    outcode = models.CharField(max_length=4, blank=True, help_text="Postcode district only.")
    local_authority_code = models.CharField(max_length=9, blank=True)
    standard_references = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.source} {self.outcode or '-'} {self.created_at:%Y-%m-%d}"


class EmployerNeed(models.Model):
    """One employer's registered need: what staff must be able to do, how many, by when, where.

    Public figures count these by area and standard, suppressed below 5; the free text, the
    private link and anything that could single out the employer are never shown publicly."""

    SOURCES = [
        ("register", "Registered on the 'Register a training need' pages"),
        ("partner-api", "Sent by a partner through POST /api/v1/needs"),
        ("job-advert", "A job advert uploaded by an authority or provider"),
    ]
    FORMATS = [
        ("in-person", "In person"),
        ("online", "Online"),
        ("blended", "Blended"),
        ("any", "Any format"),
    ]
    SIZE_BANDS = [
        ("micro", "Fewer than 10 staff"),
        ("small", "10 to 49 staff"),
        ("medium", "50 to 249 staff"),
        ("large", "250 staff or more"),
    ]

    source = models.CharField(max_length=20, choices=SOURCES, db_index=True)
    need = models.TextField(help_text="As written; never shown publicly.")
    standard_references = models.JSONField(
        default=list, help_text="The standards confirmed as meeting the need, best first."
    )
    headcount = models.PositiveIntegerField(default=1, help_text="How many staff need it.")
    needed_by = models.DateField(null=True, blank=True)
    delivery_format = models.CharField(max_length=10, choices=FORMATS, default="any")
    level = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="4 or 5; empty for either."
    )
    outcode = models.CharField(max_length=4, blank=True, help_text="Postcode district only.")
    local_authority_code = models.CharField(max_length=9, blank=True, db_index=True)
    easting = models.FloatField(null=True, blank=True, help_text="Of the postcode district.")
    northing = models.FloatField(null=True, blank=True)
    size_band = models.CharField(max_length=10, choices=SIZE_BANDS, blank=True)
    sic_section = models.CharField(
        max_length=1, blank=True, help_text="SIC 2007 section letter (A-U)."
    )
    partner = models.CharField(
        max_length=100, blank=True, help_text="The partner key's name, for partner-api needs."
    )
    token_hash = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        help_text="SHA-256 of the private link's token; the token is never stored.",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.source} {self.outcode or '-'} x{self.headcount} {self.created_at:%Y-%m-%d}"


class PartnerKey(models.Model):
    """An API key a partner (a combined authority, a careers service) sends needs with.

    Only the key's SHA-256 is kept; the key is shown once, when it is made."""

    SCOPES = [
        ("needs:write", "Send employers' training needs (POST /api/v1/needs)"),
        ("adverts:write", "Send job adverts to be matched (POST /api/v1/needs/adverts)"),
    ]

    name = models.CharField(max_length=100, help_text="Who holds the key, e.g. 'WMCA skills team'.")
    prefix = models.CharField(max_length=12, unique=True, help_text="The key's public first part.")
    key_hash = models.CharField(max_length=64)
    scopes = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "created_at"]

    def __str__(self) -> str:
        state = "revoked" if self.revoked_at else "active"
        return f"{self.name} ({self.prefix}, {state})"

"""Stored providers, what each source says about them, their offers, and provider accounts."""

from __future__ import annotations

import uuid
from enum import StrEnum

from django.conf import settings
from django.db import models

from skillshub.domain.provision import (
    AttendancePattern,
    DeliveryMode,
    DurationUnit,
    OfferType,
    ProviderStatus,
    ProviderType,
    StudyMode,
)


def _choices(enum: type) -> list[tuple[str, str]]:
    return [(member.value, member.value) for member in enum]  # type: ignore[attr-defined]


class Source(StrEnum):
    """Where a provider record or an offer came from; an import replaces only its own source."""

    COURSE_DIRECTORY = "course-directory"
    FAT = "fat"
    ROATP = "roatp"
    OFS = "ofs"
    DISCOVER_UNI = "discover-uni"
    PROVIDER = "provider"

    @property
    def label(self) -> str:
        return SOURCE_LABELS[self]


SOURCE_LABELS = {
    Source.COURSE_DIRECTORY: "National Careers Service course directory",
    Source.FAT: "Find apprenticeship training",
    Source.ROATP: "Register of apprenticeship training providers",
    Source.OFS: "Office for Students Register",
    Source.DISCOVER_UNI: "Discover Uni (Office for Students / HESA)",
    Source.PROVIDER: "Published by the provider on Skills Hub",
}
SOURCE_CHOICES = [(source.value, source.label) for source in Source]

# The order listings are merged in: names and websites as learners see them first, then the
# registers, whose later status wins (see skillshub.domain.provision.merge_providers).
MERGE_ORDER = (
    Source.COURSE_DIRECTORY,
    Source.FAT,
    Source.PROVIDER,
    Source.DISCOVER_UNI,
    Source.OFS,
    Source.ROATP,
)


class Provider(models.Model):
    """One provider as the hub shows it: every source's listing merged by UKPRN."""

    ukprn = models.PositiveIntegerField(unique=True)
    name = models.CharField(max_length=300)
    type = models.CharField(max_length=60, choices=_choices(ProviderType))
    status = models.CharField(max_length=40, choices=_choices(ProviderStatus))
    website = models.URLField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} (UKPRN {self.ukprn})"


class ProviderListing(models.Model):
    """What one source says about a provider (kept so each source can be replaced alone)."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="listings")
    source = models.CharField(max_length=30, choices=SOURCE_CHOICES)
    name = models.CharField(max_length=300)
    type = models.CharField(max_length=60, choices=_choices(ProviderType))
    status = models.CharField(max_length=40, choices=_choices(ProviderStatus))
    website = models.URLField(max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "source"], name="one_listing_per_source")
        ]


class ProviderSite(models.Model):
    """A place a provider teaches or can be contacted, with its grid point when known."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="sites")
    source = models.CharField(max_length=30, choices=SOURCE_CHOICES)
    name = models.CharField(max_length=300)
    postcode = models.CharField(max_length=8)
    easting = models.FloatField(null=True, blank=True)
    northing = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name"]


class Offer(models.Model):
    """A course run or apprenticeship offer, with everything an employer needs to compare it."""

    offer_id = models.CharField(max_length=200, unique=True)
    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="offers")
    source = models.CharField(max_length=30, choices=SOURCE_CHOICES, db_index=True)
    offer_type = models.CharField(max_length=60, choices=_choices(OfferType))
    title = models.CharField(max_length=255)
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    qualification_reference = models.CharField(max_length=20, blank=True, db_index=True)
    standard_references = models.JSONField(default=list, blank=True)
    delivery_mode = models.CharField(max_length=30, choices=_choices(DeliveryMode))
    study_mode = models.CharField(max_length=30, choices=_choices(StudyMode), blank=True)
    attendance_pattern = models.CharField(
        max_length=30, choices=_choices(AttendancePattern), blank=True
    )
    hours_per_week = models.FloatField(null=True, blank=True)
    duration_months = models.FloatField(null=True, blank=True)
    # As the provider gave it ("2 years"), so a form shows it back the same way.
    duration_value = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    duration_unit = models.CharField(max_length=10, choices=_choices(DurationUnit), blank=True)
    cost_to_learner_gbp = models.DecimalField(
        max_digits=10, decimal_places=2, null=True, blank=True
    )
    cost_to_employer_gbp = models.DecimalField(
        max_digits=10, decimal_places=2, null=True, blank=True
    )
    funding_routes = models.JSONField(default=list, blank=True)
    awarding_body = models.CharField(max_length=200, blank=True)
    accreditation = models.CharField(max_length=200, blank=True)
    start_dates = models.JSONField(default=list, blank=True, help_text="ISO dates, ascending.")
    flexible_start = models.BooleanField(default=False)
    venue_name = models.CharField(max_length=300, blank=True)
    venue_postcode = models.CharField(max_length=8, blank=True)
    easting = models.FloatField(null=True, blank=True)
    northing = models.FloatField(null=True, blank=True)
    national = models.BooleanField(default=False)
    description = models.TextField(blank=True)
    url = models.URLField(max_length=500, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["provider", "source"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.offer_id})"


class AimStandardLink(models.Model):
    """A learning aim (qualification) that prepares for a standard, as an operator loaded it."""

    learn_aim_ref = models.CharField(max_length=8, db_index=True)
    standard_reference = models.CharField(max_length=10)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learn_aim_ref", "standard_reference"], name="unique_aim_standard"
            )
        ]


class ProvisionVersion(models.Model):
    """A token that changes with every change to provision, so cached search indexes know.

    A random token rather than a counter: a rolled-back transaction restores the old token,
    and the old token always describes the old data.
    """

    token = models.CharField(max_length=32)

    @classmethod
    def current(cls) -> str:
        row = cls.objects.filter(pk=1).first()
        return row.token if row else ""

    @classmethod
    def bump(cls) -> str:
        token = uuid.uuid4().hex
        cls.objects.update_or_create(pk=1, defaults={"token": token})
        return token


class ProviderAccount(models.Model):
    """A sign-in that may publish offers for one provider, and for no other."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_account"
    )
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="accounts")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user} for UKPRN {self.provider.ukprn}"

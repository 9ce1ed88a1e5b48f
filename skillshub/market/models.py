"""Stored apprenticeship starts (DfE Explore Education Statistics), by year, area and level."""

from __future__ import annotations

from django.db import models


class ApprenticeshipStarts(models.Model):
    """One published row: a year, an area, a level and subject; None where DfE gave a symbol."""

    time_period = models.CharField(max_length=6, help_text="EES academic year, e.g. 202526.")
    area_code = models.CharField(max_length=9, db_index=True)
    area_name = models.CharField(max_length=200, blank=True)
    apps_level = models.CharField(max_length=60)
    subject = models.CharField(max_length=120, default="Total")
    starts = models.PositiveIntegerField(null=True, blank=True)
    achievements = models.PositiveIntegerField(null=True, blank=True)
    participation = models.PositiveIntegerField(null=True, blank=True)
    symbols = models.JSONField(
        default=dict, help_text="Measure -> the EES symbol given instead (low, c, x, z)."
    )

    class Meta:
        ordering = ["area_code", "time_period", "apps_level", "subject"]
        verbose_name_plural = "apprenticeship starts"
        constraints = [
            models.UniqueConstraint(
                fields=["time_period", "area_code", "apps_level", "subject"],
                name="one_starts_row",
            )
        ]

    def __str__(self) -> str:
        return f"{self.area_code} {self.time_period} {self.apps_level}"

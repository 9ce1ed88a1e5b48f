"""Stored ONS time series (one row per CDID) and their observations."""

from __future__ import annotations

from django.db import models


class LabourSeries(models.Model):
    """One ONS series at the finest frequency it is published at, with its release dates."""

    UNITS = [
        ("percent", "Per cent"),
        ("thousands", "Thousands"),
        ("gbp", "Pounds"),
        ("count", "Count"),
        ("other", "Other"),
    ]
    FREQUENCIES = [("m", "Monthly"), ("q", "Quarterly"), ("a", "Annual")]

    cdid = models.CharField(max_length=8, unique=True, help_text="ONS series identifier.")
    title = models.CharField(max_length=300)
    unit = models.CharField(max_length=10, choices=UNITS)
    frequency = models.CharField(max_length=1, choices=FREQUENCIES)
    seasonally_adjusted = models.BooleanField()
    published = models.DateField(null=True, blank=True, help_text="ONS release date, if known.")
    next_release = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["cdid"]
        verbose_name = "labour market series"
        verbose_name_plural = "labour market series"

    def __str__(self) -> str:
        return f"{self.cdid} {self.title}"


class LabourObservation(models.Model):
    """One value; ``period_end`` is the first day of the last month of the period it covers."""

    series = models.ForeignKey(LabourSeries, on_delete=models.CASCADE, related_name="observations")
    period_end = models.DateField()
    value = models.FloatField()

    class Meta:
        ordering = ["series", "period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "period_end"], name="one_observation_per_series_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.series_id} {self.period_end:%Y-%m}: {self.value:g}"

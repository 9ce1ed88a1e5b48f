"""Stored geography: authorities with their region and combined authority, outcode centroids."""

from __future__ import annotations

from django.db import models


class Region(models.Model):
    code = models.CharField(max_length=9, unique=True)
    name = models.CharField(max_length=100)

    def __str__(self) -> str:
        return self.name


class CombinedAuthority(models.Model):
    code = models.CharField(max_length=9, unique=True)
    name = models.CharField(max_length=200)
    abbreviation = models.CharField(max_length=10, blank=True)

    class Meta:
        verbose_name_plural = "combined authorities"

    def __str__(self) -> str:
        return self.name


class LocalAuthority(models.Model):
    code = models.CharField(max_length=9, unique=True)
    name = models.CharField(max_length=200)
    nation = models.CharField(max_length=20)
    region_code = models.CharField(max_length=9)
    region_name = models.CharField(max_length=100)
    combined_authority = models.ForeignKey(
        CombinedAuthority, null=True, blank=True, on_delete=models.SET_NULL
    )
    easting = models.FloatField(null=True, blank=True)
    northing = models.FloatField(null=True, blank=True)
    former_codes = models.JSONField(default=list)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Outcode(models.Model):
    code = models.CharField(max_length=4, unique=True)
    easting = models.FloatField(null=True, blank=True)
    northing = models.FloatField(null=True, blank=True)
    local_authority_code = models.CharField(max_length=9, blank=True)
    post_town = models.CharField(max_length=100, blank=True)
    active_postcodes = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["code"]

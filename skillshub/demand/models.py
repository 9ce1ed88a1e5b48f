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

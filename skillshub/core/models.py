"""Provenance: where each loaded dataset came from, its hash, licence, row counts and load time."""

from __future__ import annotations

from django.db import models


class DatasetLoad(models.Model):
    """One successful load of one dataset; the newest row per dataset describes what is served."""

    dataset = models.CharField(max_length=64, db_index=True)
    source = models.CharField(max_length=500, help_text="File path or URL the data came from.")
    sha256 = models.CharField(max_length=64)
    licence = models.CharField(max_length=300)
    row_counts = models.JSONField(default=dict)
    loaded_at = models.DateTimeField(auto_now_add=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-loaded_at", "-id"]
        get_latest_by = "loaded_at"

    def __str__(self) -> str:
        return f"{self.dataset} from {self.source} at {self.loaded_at:%Y-%m-%d %H:%M}"

    @classmethod
    def latest_for(cls, dataset: str) -> DatasetLoad | None:
        return cls.objects.filter(dataset=dataset).order_by("-loaded_at", "-id").first()

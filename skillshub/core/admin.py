"""Admin view of dataset provenance."""

from django.contrib import admin

from skillshub.core.models import DatasetLoad


@admin.register(DatasetLoad)
class DatasetLoadAdmin(admin.ModelAdmin):
    list_display = ("dataset", "source", "sha256", "loaded_at")
    list_filter = ("dataset",)

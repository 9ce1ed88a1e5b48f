"""Read-only admin for the stored ONS series: they change only through `skillshub ingest ons`."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from skillshub.dashboard.models import LabourSeries


@admin.register(LabourSeries)
class LabourSeriesAdmin(admin.ModelAdmin):
    list_display = ("cdid", "title", "unit", "frequency", "seasonally_adjusted", "published")
    list_filter = ("unit", "frequency", "seasonally_adjusted")
    search_fields = ("cdid", "title")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

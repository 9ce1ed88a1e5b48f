"""Admin for demand signals (staff only)."""

from django.contrib import admin

from skillshub.demand.models import DemandSignal


@admin.register(DemandSignal)
class DemandSignalAdmin(admin.ModelAdmin):
    list_display = ("created_at", "source", "outcode", "local_authority_code")
    list_filter = ("source",)

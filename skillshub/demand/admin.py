"""Admin for demand signals (staff only)."""

from django.contrib import admin

from skillshub.demand.models import DemandSignal, EmployerNeed


@admin.register(DemandSignal)
class DemandSignalAdmin(admin.ModelAdmin):
    list_display = ("created_at", "source", "outcode", "local_authority_code")
    list_filter = ("source",)


@admin.register(EmployerNeed)
class EmployerNeedAdmin(admin.ModelAdmin):
    list_display = ("created_at", "source", "outcode", "local_authority_code", "headcount")
    list_filter = ("source", "size_band", "withdrawn_at")
    exclude = ("token_hash",)

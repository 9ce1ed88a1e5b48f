"""Admin for demand signals (staff only)."""

from django.contrib import admin

from skillshub.demand.models import DemandSignal, EmployerNeed, PartnerKey


@admin.register(DemandSignal)
class DemandSignalAdmin(admin.ModelAdmin):
    list_display = ("created_at", "source", "outcode", "local_authority_code")
    list_filter = ("source",)


@admin.register(EmployerNeed)
class EmployerNeedAdmin(admin.ModelAdmin):
    list_display = ("created_at", "source", "outcode", "local_authority_code", "headcount")
    list_filter = ("source", "size_band", "withdrawn_at")
    exclude = ("token_hash",)


@admin.register(PartnerKey)
class PartnerKeyAdmin(admin.ModelAdmin):
    list_display = ("name", "prefix", "created_at", "last_used_at", "revoked_at")
    exclude = ("key_hash",)
    readonly_fields = ("prefix",)

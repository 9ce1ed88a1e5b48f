"""Admin views of stored geography (read for checking; changed only by ingest)."""

from django.contrib import admin

from skillshub.geo import models


@admin.register(models.LocalAuthority)
class LocalAuthorityAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "region_name", "combined_authority", "nation")
    list_filter = ("nation", "region_name")
    search_fields = ("code", "name")


admin.site.register(models.Region)
admin.site.register(models.CombinedAuthority)
admin.site.register(models.Outcode)

"""Admin views of the catalogue (changed only by ingest)."""

from django.contrib import admin

from skillshub.catalogue import models


class KsbInline(admin.TabularInline):
    model = models.Ksb
    extra = 0


@admin.register(models.Standard)
class StandardAdmin(admin.ModelAdmin):
    list_display = ("reference", "title", "level", "route", "status", "is_current")
    list_filter = ("is_current", "level", "route")
    search_fields = ("reference", "title")
    inlines = [KsbInline]

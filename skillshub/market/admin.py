"""Admin for apprenticeship starts (staff only)."""

from django.contrib import admin

from skillshub.market.models import ApprenticeshipStarts


@admin.register(ApprenticeshipStarts)
class ApprenticeshipStartsAdmin(admin.ModelAdmin):
    list_display = ("area_code", "area_name", "time_period", "apps_level", "subject", "starts")
    list_filter = ("time_period", "apps_level")

"""Admin views of funded qualifications (changed only by ingest)."""

from django.contrib import admin

from skillshub.qualifications import models


class StandardLinkInline(admin.TabularInline):
    model = models.StandardLink
    extra = 0


@admin.register(models.Qualification)
class QualificationAdmin(admin.ModelAdmin):
    list_display = ("number", "title", "level_label", "awarding_organisation")
    list_filter = ("level_low", "advanced_learner_loan", "lifelong_learning_entitlement")
    search_fields = ("number", "title", "awarding_organisation")
    inlines = [StandardLinkInline]

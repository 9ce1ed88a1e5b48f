"""Admin views of provision (imports replace their own rows; providers edit their own offers)."""

from django.contrib import admin

from skillshub.provision import models


class ListingInline(admin.TabularInline):
    model = models.ProviderListing
    extra = 0


@admin.register(models.Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ("ukprn", "name", "type", "status")
    list_filter = ("type", "status")
    search_fields = ("ukprn", "name")
    inlines = [ListingInline]


@admin.register(models.Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ("offer_id", "title", "offer_type", "level", "source", "withdrawn_at")
    list_filter = ("source", "offer_type", "level", "delivery_mode")
    search_fields = ("offer_id", "title", "provider__name", "provider__ukprn")
    raw_id_fields = ("provider",)


@admin.register(models.ProviderAccount)
class ProviderAccountAdmin(admin.ModelAdmin):
    list_display = ("user", "provider", "created_at")
    search_fields = ("user__username", "provider__name", "provider__ukprn")
    raw_id_fields = ("user", "provider")

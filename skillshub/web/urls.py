"""The URL map: pages from each app, the JSON API under /api/, the admin."""

from django.contrib import admin
from django.urls import include, path

from skillshub.api.app import api

urlpatterns = [
    path("", include("skillshub.core.urls")),
    path("find-training/", include("skillshub.journey.urls")),
    path("needs/", include("skillshub.demand.urls")),
    path("progression/", include("skillshub.progression.urls")),
    path("standards/", include("skillshub.catalogue.urls")),
    path("qualifications/", include("skillshub.qualifications.urls")),
    path("training/provider/", include("skillshub.provider_area.urls")),
    path("training/", include("skillshub.provision.urls")),
    path("labour-market/", include("skillshub.dashboard.urls")),
    path("local-market/", include("skillshub.market.urls")),
    path("glossary/", include("skillshub.terminology.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

handler404 = "skillshub.core.views.not_found"
handler500 = "skillshub.core.views.server_error"

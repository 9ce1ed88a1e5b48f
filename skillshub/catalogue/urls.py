"""URLs for the catalogue pages."""

from django.urls import path

from skillshub.catalogue import views

app_name = "catalogue"
urlpatterns = [
    path("", views.browse, name="browse"),
    path("search/", views.search, name="search"),
    path("families/", views.fit_together, name="families"),
    path("next-steps/", views.start_from_job, name="start_from_job"),
    path("<str:reference>/next-steps/", views.next_steps, name="next_steps"),
    path("<str:reference>/versions/<str:version>/", views.version, name="version"),
    path("<str:reference>/", views.detail, name="detail"),
]

"""URLs for the catalogue pages."""

from django.urls import path

from skillshub.catalogue import views

app_name = "catalogue"
urlpatterns = [
    path("", views.browse, name="browse"),
    path("search/", views.search, name="search"),
    path("<str:reference>/", views.detail, name="detail"),
]

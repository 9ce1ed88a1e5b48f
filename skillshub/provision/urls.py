"""URLs for the provision pages: search, offers, providers and the shortlist."""

from django.urls import path

from skillshub.provision import views

app_name = "provision"
urlpatterns = [
    path("", views.search, name="search"),
    path("offers/<str:offer_id>/", views.offer, name="offer"),
    path("providers/<int:ukprn>/", views.provider, name="provider"),
    path("shortlist/", views.shortlist_page, name="shortlist"),
    path("shortlist.csv", views.shortlist_csv, name="shortlist-csv"),
]

"""URLs for the provision pages: search, offers, providers, the shortlist and the provider area."""

from django.urls import path

from skillshub.provision import provider_views, views

app_name = "provision"
urlpatterns = [
    path("", views.search, name="search"),
    path("offers/<str:offer_id>/", views.offer, name="offer"),
    path("providers/<int:ukprn>/", views.provider, name="provider"),
    path("shortlist/", views.shortlist_page, name="shortlist"),
    path("shortlist.csv", views.shortlist_csv, name="shortlist-csv"),
    path("provider/sign-in/", provider_views.sign_in, name="sign-in"),
    path("provider/sign-out/", provider_views.sign_out, name="sign-out"),
    path("provider/", provider_views.dashboard, name="dashboard"),
    path("provider/offers/new/", provider_views.offer_new, name="offer-new"),
    path("provider/offers/<str:offer_id>/change/", provider_views.offer_edit, name="offer-edit"),
    path(
        "provider/offers/<str:offer_id>/withdraw/",
        provider_views.offer_withdraw,
        name="offer-withdraw",
    ),
    path("provider/upload/", provider_views.upload, name="upload"),
]

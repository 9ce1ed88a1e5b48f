"""URLs for the provider area: sign in and out, a provider's courses, adding, changing, uploading.

They sit under /training/ with the search pages and keep their `provision:` names (sign-in,
dashboard, offer-new, ...): `skillshub/web/urls.py` includes both lists in that one namespace.
"""

from django.urls import path

from skillshub.provider_area import views

urlpatterns = [
    path("provider/sign-in/", views.sign_in, name="sign-in"),
    path("provider/sign-out/", views.sign_out, name="sign-out"),
    path("provider/", views.dashboard, name="dashboard"),
    path("provider/offers/new/", views.offer_new, name="offer-new"),
    path("provider/offers/<str:offer_id>/change/", views.offer_edit, name="offer-edit"),
    path("provider/offers/<str:offer_id>/withdraw/", views.offer_withdraw, name="offer-withdraw"),
    path("provider/upload/", views.upload, name="upload"),
]

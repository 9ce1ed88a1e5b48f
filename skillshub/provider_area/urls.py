"""URLs for the provider area, under /training/provider/: sign in and out, a provider's courses,
adding, changing, withdrawing and uploading them."""

from django.urls import path

from skillshub.provider_area import views

app_name = "provider_area"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("", views.dashboard, name="dashboard"),
    path("offers/new/", views.offer_new, name="offer-new"),
    path("offers/<str:offer_id>/change/", views.offer_edit, name="offer-edit"),
    path("offers/<str:offer_id>/withdraw/", views.offer_withdraw, name="offer-withdraw"),
    path("upload/", views.upload, name="upload"),
]

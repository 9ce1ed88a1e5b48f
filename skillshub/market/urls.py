"""URLs for the local skills market."""

from django.urls import path

from skillshub.market import views

app_name = "market"
urlpatterns = [
    path("", views.choose, name="choose"),
    path("areas/<str:code>/", views.area, name="area"),
    path("areas/<str:code>/gaps.csv", views.area_csv, name="area_csv"),
    path("areas/<str:code>/gaps.xlsx", views.area_xlsx, name="area_xlsx"),
    path("providers/<int:ukprn>/", views.provider, name="provider"),
]

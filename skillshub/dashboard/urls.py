"""URLs for the labour market pages."""

from django.urls import path

from skillshub.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.index, name="index"),
    path("areas/<slug:code>.json", views.area_charts, name="area_charts"),
    path("data/<slug:slug>.csv", views.chart_csv, name="chart_csv"),
]

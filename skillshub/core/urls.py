"""URLs for the site-wide pages."""

from django.urls import path

from skillshub.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
]

"""Django app configuration for geography."""

from django.apps import AppConfig


class GeoConfig(AppConfig):
    name = "skillshub.geo"
    label = "geo"
    verbose_name = "Geography"

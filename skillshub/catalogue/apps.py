"""Django app configuration for the standards catalogue."""

from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "skillshub.catalogue"
    label = "catalogue"
    verbose_name = "Standards catalogue"

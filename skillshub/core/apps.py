"""Django app configuration for the site-wide core."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "skillshub.core"
    label = "core"
    verbose_name = "Skills Hub core"

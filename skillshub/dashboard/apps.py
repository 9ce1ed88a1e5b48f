"""Django app configuration for the labour market dashboard."""

from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "skillshub.dashboard"
    label = "dashboard"
    verbose_name = "Labour market dashboard"

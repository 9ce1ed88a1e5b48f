"""Django app configuration for the provider area."""

from django.apps import AppConfig


class ProviderAreaConfig(AppConfig):
    name = "skillshub.provider_area"
    label = "provider_area"
    verbose_name = "Provider area"

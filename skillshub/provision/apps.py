"""Django app configuration for training provision."""

from django.apps import AppConfig


class ProvisionConfig(AppConfig):
    name = "skillshub.provision"
    label = "provision"
    verbose_name = "Training provision"

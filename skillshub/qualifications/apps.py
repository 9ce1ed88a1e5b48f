"""Django app configuration for funded qualifications."""

from django.apps import AppConfig


class QualificationsConfig(AppConfig):
    name = "skillshub.qualifications"
    label = "qualifications"
    verbose_name = "Funded qualifications"

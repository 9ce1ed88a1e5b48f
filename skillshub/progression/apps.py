"""Progression: an employee's next Level 4-5 step from the job they do now."""

from django.apps import AppConfig


class ProgressionConfig(AppConfig):
    name = "skillshub.progression"
    label = "progression"
    verbose_name = "Progression"

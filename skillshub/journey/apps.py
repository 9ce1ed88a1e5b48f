"""The employer journey: one search over every route to a skill."""

from django.apps import AppConfig


class JourneyConfig(AppConfig):
    name = "skillshub.journey"
    label = "journey"
    verbose_name = "Find training"

"""Demand signals: what employers say they need, where (the local market builds on them)."""

from django.apps import AppConfig


class DemandConfig(AppConfig):
    name = "skillshub.demand"
    label = "demand"
    verbose_name = "Demand signals"

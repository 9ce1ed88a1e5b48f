"""The local skills market app: area and provider pages, gap exports, apprenticeship starts."""

from django.apps import AppConfig


class MarketConfig(AppConfig):
    name = "skillshub.market"
    label = "market"
    verbose_name = "Local skills market"

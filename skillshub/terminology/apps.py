"""Terminology: the plain-English glossary, its pages, and terms explained in place."""

from django.apps import AppConfig


class TerminologyConfig(AppConfig):
    name = "skillshub.terminology"
    label = "terminology"
    verbose_name = "Terminology"

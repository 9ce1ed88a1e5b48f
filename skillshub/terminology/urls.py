"""URLs for the glossary."""

from django.urls import path

from skillshub.terminology import views

app_name = "terminology"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:slug>/", views.entry, name="entry"),
]

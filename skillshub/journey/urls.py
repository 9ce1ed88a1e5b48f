"""URLs for the employer journey."""

from django.urls import path

from skillshub.journey import views

app_name = "journey"
urlpatterns = [path("", views.find_training, name="find_training")]

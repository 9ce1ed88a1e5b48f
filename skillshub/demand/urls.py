"""URLs for demand signals."""

from django.urls import path

from skillshub.demand import views

app_name = "demand"
urlpatterns = [path("tell-us/", views.tell_us, name="tell_us")]

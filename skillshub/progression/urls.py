"""URLs for progression."""

from django.urls import path

from skillshub.progression import views

app_name = "progression"
urlpatterns = [
    path("", views.start, name="start"),
    path("choose/", views.choose, name="choose"),
    path("<str:reference>/", views.steps, name="steps"),
    path("<str:reference>/<str:target>/case/", views.case, name="case"),
]

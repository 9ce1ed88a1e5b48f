"""URLs for the qualification pages."""

from django.urls import path

from skillshub.qualifications import views

app_name = "qualifications"
urlpatterns = [
    path("", views.qualification_list, name="list"),
    path("<str:number>/", views.detail, name="detail"),
]

"""URLs for demand: 'tell us you need this' and 'Register a training need'."""

from django.urls import path

from skillshub.demand import views

app_name = "demand"
urlpatterns = [
    path("tell-us/", views.tell_us, name="tell_us"),
    path("register/", views.start, name="start"),
    path("register/check/", views.check, name="check"),
    path("register/done/", views.done, name="done"),
    path("register/<slug:step>/", views.question, name="question"),
    path("yours/<str:token>/", views.yours, name="yours"),
    path("yours/<str:token>/change/", views.change, name="change"),
    path("yours/<str:token>/withdraw/", views.withdraw, name="withdraw"),
]

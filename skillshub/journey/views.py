"""The 'Find training' page: one need, every route to the skill, grouped, with what it costs."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from skillshub.journey import forms, presenters, services


def find_training(request: HttpRequest) -> HttpResponse:
    from skillshub.catalogue.matching import CatalogueNotLoaded
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace
    from skillshub.domain.search import QueryError

    form = forms.TrainingForm(request.GET if "q" in request.GET else None)
    result = None
    if form.is_valid():
        try:
            result = services.find_training(form.training_request(), today=date.today())
        except (QueryError, CatalogueNotLoaded) as error:
            form.add_error("q", str(error))
        except (InvalidPostcode, UnknownPlace) as error:
            form.add_error("postcode", str(error))
    context = {
        "fields": form.fields_params(),
        "error_summary": form.error_summary(),
        "result": result,
        "groups": presenters.groups(result) if result else [],
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "journey/find_training.html", context, status=status)

"""Public provision pages: search near a postcode, one offer, one provider, the shortlist."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from skillshub.core.models import DatasetLoad
from skillshub.core.pagination import pagination
from skillshub.domain import provision as domain
from skillshub.domain.geography import InvalidPostcode, UnknownPlace, distance_km
from skillshub.domain.search import QueryError
from skillshub.geo import places
from skillshub.provision import forms, models, nearby, presenters, services, shortlist, store
from skillshub.provision import index as provision_index
from skillshub.provision.ingest import COMMAND
from skillshub.sources import discover_uni
from skillshub.sources.course_directory import PUBLICATION_PAGE

PAGE_SIZE = 20
PROVIDERS_SHOWN = 20
ZIP_COMMAND = "skillshub ingest provision --file discover_uni.zip"


def today() -> date:
    return timezone.localdate()


def _page_number(request: HttpRequest) -> int:
    text = request.GET.get("page", "1")
    return max(1, int(text)) if text.isdigit() else 1


def _data_note(loaded: provision_index.LoadedProvision) -> str:
    counts = loaded.count_by_source()
    parts = [
        f"{count:,} from the {models.Source(source).label}" for source, count in counts.items()
    ]
    load = DatasetLoad.latest_for("provision")
    when = f" Last import {timezone.localtime(load.loaded_at):%-d %B %Y}." if load else ""
    return f"{loaded.offer_count:,} courses and offers: {'; '.join(parts)}.{when}"


def _qualifications_href() -> str | None:
    """The qualifications pages, once that app is installed (a colleague is adding it)."""
    try:
        resolve("/qualifications/")
    except Resolver404:
        return None
    return "/qualifications/"


def _near(postcode: str, radius_km: float) -> dict[str, Any]:
    """Colleges and universities teaching HE near a place already located, as a GOV.UK table."""
    found = nearby.find_providers(
        nearby.ProviderSearchRequest(postcode=postcode, radius_km=radius_km, limit=PROVIDERS_SHOWN)
    )
    where = f"within {found.radius_km:g} km of {found.postcode}"
    return {
        "total": found.total,
        "shown": len(found.results),
        "where": where,
        "table": presenters.providers_table(
            found.results, caption=f"Colleges and universities {where} that teach higher education"
        )
        if found.results
        else None,
    }


def _search_fields(form: forms.SearchForm) -> dict[str, Any]:
    return {
        "q": form.govuk_textarea(
            "q",
            label="Describe the skills you need",
            hint="In your own words, for example: maintain PLC control systems",
            rows=3,
            spellcheck=True,
        ),
        "postcode": form.govuk_input(
            "postcode",
            label="Postcode",
            hint="Where training should be near, like B1 1AA or B1",
            classes="govuk-input--width-10",
            autocomplete="postal-code",
            spellcheck=False,
        ),
        "radius": form.govuk_select("radius", label="Distance"),
    }


def _without_courses(request: HttpRequest, form: forms.SearchForm) -> HttpResponse:
    """No course data yet: say what is here, and list HE providers near a postcode."""
    near = None
    if form.is_bound and form.is_valid() and form.search_request is not None:
        postcode = form.search_request.postcode
        if not postcode:
            form.add_error(
                "postcode",
                "Enter a postcode to find colleges and universities near it: no courses are "
                "loaded yet, so a need cannot be matched to courses on its own",
            )
        else:
            try:
                near = _near(postcode, form.search_request.radius_km)
            except (InvalidPostcode, UnknownPlace) as error:
                form.add_error("postcode", str(error))
    he_sites = models.ProviderSite.objects.filter(source=models.Source.DISCOVER_UNI)
    context: dict[str, Any] = {
        "form": form,
        "error_summary": form.error_summary(),
        "fields": _search_fields(form),
        "near": near,
        "need": form.cleaned_data.get("q", "") if form.is_bound and not form.errors else "",
        "he_providers": models.ProviderListing.objects.filter(
            source=models.Source.DISCOVER_UNI
        ).count(),
        "he_locations": he_sites.filter(postcode="").count(),
        "command": COMMAND,
        "zip_command": ZIP_COMMAND,
        "publication_page": PUBLICATION_PAGE,
        "discover_uni_page": discover_uni.DOWNLOAD_PAGE,
        "attribution": discover_uni.ATTRIBUTION,
        "qualifications_href": _qualifications_href(),
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "provision/no_data.html", context, status=status)


def _without_status(request: HttpRequest) -> str:
    """This page's address without the one-off 'what changed' parameters of a shortlist change."""
    params = request.GET.copy()
    for name in ("changed", "did"):
        params.pop(name, None)
    query = params.urlencode()
    return request.path + (f"?{query}" if query else "")


def search(request: HttpRequest) -> HttpResponse:
    loaded = provision_index.current()
    submitted = "q" in request.GET or "postcode" in request.GET
    page = _page_number(request)
    form = forms.SearchForm(
        request.GET if submitted else None, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
    )
    if loaded.offer_count == 0:
        return _without_courses(request, form)
    results = None
    near = None
    if submitted and form.is_valid() and form.search_request is not None:
        try:
            results = services.find_offers(form.search_request, today=today())
        except QueryError as error:
            form.add_error("q", str(error))
        except (InvalidPostcode, UnknownPlace) as error:
            form.add_error("postcode", str(error))
        else:
            shortlist.remember_search(request, request.get_full_path())
            if results.postcode and results.radius_km:
                shortlist.remember_postcode(request, results.postcode)
                near = _near(results.postcode, results.radius_km)
    chosen = shortlist.offer_ids(request)
    context: dict[str, Any] = {
        "form": form,
        "error_summary": form.error_summary(),
        "fields": {
            **_search_fields(form),
            "level": form.govuk_checkboxes(
                "level", legend="Level", classes="govuk-checkboxes--small"
            ),
            "type": form.govuk_checkboxes("type", legend="Type", classes="govuk-checkboxes--small"),
            "delivery": form.govuk_checkboxes(
                "delivery", legend="How it is taught", classes="govuk-checkboxes--small"
            ),
            "max_duration": form.govuk_select("max_duration", label="Length"),
            "max_cost": form.govuk_input(
                "max_cost",
                label="Most you could pay",
                hint="In pounds, to the learner or employer",
                prefix={"text": "£"},
                classes="govuk-input--width-5",
                inputmode="numeric",
                spellcheck=False,
            ),
            "funded": form.govuk_checkbox("funded", text="Only funded or free courses", hint=None),
            "funding": form.govuk_checkboxes(
                "funding", legend="Funding", classes="govuk-checkboxes--small"
            ),
            "start_within": form.govuk_select("start_within", label="Starts"),
            "sort": form.govuk_select("sort", label="Sort by"),
        },
        "results": results,
        "items": presenters.result_items(results, shortlisted=chosen) if results else [],
        "standards": presenters.standards_found(results) if results else [],
        "pagination": pagination(request.GET, page=page, total=results.total, page_size=PAGE_SIZE)
        if results
        else None,
        "shortlist_count": len(chosen),
        "next_url": _without_status(request),
        "changed": request.GET.get("changed", ""),
        "did": request.GET.get("did", ""),
        "data_note": _data_note(loaded),
        "near": near,
        "attribution": discover_uni.ATTRIBUTION,
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "provision/search.html", context, status=status)


def _live_offer(offer_id: str) -> models.Offer:
    row = (
        models.Offer.objects.select_related("provider")
        .filter(store.live_offers(), offer_id=offer_id)
        .first()
    )
    if row is None:
        raise Http404(f"No course {offer_id}")
    return row


def _domain_offer(row: models.Offer) -> domain.Offer:
    return store.offer_from_row(row, links=store.aim_links())


def _standard_titles(references: list[str] | tuple[str, ...]) -> dict[str, str]:
    from skillshub.catalogue.models import Standard

    return dict(Standard.objects.filter(reference__in=references).values_list("reference", "title"))


def offer(request: HttpRequest, offer_id: str) -> HttpResponse:
    row = _live_offer(offer_id)
    offer = _domain_offer(row)
    provider = store.to_domain_provider(row.provider)
    titles = _standard_titles(offer.standard_references)
    context: dict[str, Any] = {
        "offer": offer,
        "provider": provider,
        "summary": presenters.offer_summary(
            offer, provider=provider, standard_titles=titles, source=row.source, today=today()
        ),
        "jsonld": presenters.jsonld_script(domain.course_jsonld(offer, provider)),
        "shortlisted": offer.offer_id in shortlist.offer_ids(request),
        "back_href": shortlist.last_search(request) or reverse("provision:search"),
        "next_url": request.get_full_path(),
    }
    return render(request, "provision/offer.html", context)


def provider(request: HttpRequest, ukprn: int) -> HttpResponse:
    row = models.Provider.objects.filter(ukprn=ukprn).prefetch_related("sites").first()
    if row is None:
        raise Http404(f"No provider {ukprn}")
    links = store.aim_links()
    offers = [
        store.to_domain_offer(
            values,
            ukprn=ukprn,
            extra_standards=links.get(str(values["qualification_reference"]), ()),
        )
        for values in row.offers.filter(store.live_offers()).order_by("title").values()
    ]
    sources = sorted(set(row.listings.values_list("source", flat=True)))
    context: dict[str, Any] = {
        "provider": store.to_domain_provider(row),
        "summary": presenters.provider_summary(store.to_domain_provider(row), sources=sources),
        "back_href": shortlist.last_search(request) or reverse("provision:search"),
        "warning": presenters.STATUS_WARNINGS.get(domain.ProviderStatus(row.status)),
        "table": presenters.offers_table(
            offers, caption="Courses and apprenticeships", today=today()
        )
        if offers
        else None,
    }
    return render(request, "provision/provider.html", context)


def _shortlist_hits(request: HttpRequest) -> tuple[list[domain.OfferHit], dict[int, str]]:
    ids = shortlist.offer_ids(request)
    rows = {
        row.offer_id: row
        for row in models.Offer.objects.select_related("provider").filter(
            store.live_offers(), offer_id__in=ids
        )
    }
    origin = None
    postcode = shortlist.last_postcode(request)
    if postcode:
        try:
            origin = places.locate(postcode).point
        except (InvalidPostcode, UnknownPlace):
            origin = None
    hits = []
    for offer_id in ids:
        row = rows.get(offer_id)
        if row is None:
            continue
        offer = _domain_offer(row)
        point = store.offer_point(store.row_values(row))
        away = None
        if origin is not None and point is not None and not offer.location_free:
            away = round(distance_km(origin, point), 1)
        hits.append(domain.OfferHit(offer, 0.0, away, offer.next_start(today()), ()))
    names = {row.provider.ukprn: row.provider.name for row in rows.values()}
    return hits, names


@require_http_methods(["GET", "POST"])
def shortlist_page(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        action = request.POST.get("action", "")
        offer_id = request.POST.get("offer_id", "")
        if action == "add" and models.Offer.objects.filter(offer_id=offer_id).exists():
            shortlist.add(request, offer_id)
        elif action == "remove":
            shortlist.remove(request, offer_id)
        elif action == "clear":
            shortlist.clear(request)
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = reverse("provision:shortlist")
        if action in {"add", "remove"} and offer_id:
            # Back to the same result, focused, with a status line saying what changed.
            base, _, _ = target.partition("#")
            path, _, query = base.partition("?")
            params = QueryDict(query, mutable=True)
            params["changed"] = offer_id
            params["did"] = action
            target = f"{path}?{params.urlencode()}#{presenters.offer_anchor(offer_id)}"
        return redirect(target)
    hits, names = _shortlist_hits(request)
    context: dict[str, Any] = {
        "hits": hits,
        "rows": [
            {"offer_id": hit.offer.offer_id, **presenters.shortlist_buttons(hit.offer.title)}
            for hit in hits
        ],
        "print_attributes": {"data-app-print": "", "hidden": "hidden"},
        "back_href": shortlist.last_search(request) or reverse("provision:search"),
        "table": presenters.comparison_table(hits, providers=names, today=today())
        if hits
        else None,
        "postcode": shortlist.last_postcode(request),
        "full": len(hits) >= shortlist.MAX_ITEMS,
        "next_url": request.get_full_path(),
    }
    return render(request, "provision/shortlist.html", context)


def shortlist_csv(request: HttpRequest) -> HttpResponse:
    hits, _ = _shortlist_hits(request)
    providers = {
        row.ukprn: store.to_domain_provider(row)
        for row in models.Provider.objects.filter(ukprn__in={h.offer.ukprn for h in hits})
    }
    response = HttpResponse(
        domain.shortlist_csv(hits, providers=providers), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="skills-hub-shortlist.csv"'
    return response

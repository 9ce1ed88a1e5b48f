"""Provider area use cases: provider accounts, and a provider publishing its own offers."""

from __future__ import annotations

import dataclasses
import uuid
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from skillshub.domain import provision as domain
from skillshub.domain.provision import ProviderStatus, ProviderType, validate_ukprn
from skillshub.provision import models, store
from skillshub.provision.geocode import place_offers, point_for_postcode
from skillshub.provision.models import Source
from skillshub.sources.course_directory import parse_courses
from skillshub.sources.errors import SourceError
from skillshub.sources.tables import RowError


class Refused(Exception):
    """The use case cannot go ahead; the message says what to do instead."""


class BadAnswer(Refused):
    """Refused because an answer is not valid (a UKPRN, an email address, a password)."""


@dataclasses.dataclass(frozen=True)
class NewAccount:
    """A checked request for a provider sign-in, before its password is chosen."""

    ukprn: int
    email: str
    provider: models.Provider | None
    """None: no loaded source lists the UKPRN, so the provider is created under `name`."""
    name: str
    user: Any = None
    """The existing user with this email address (they get a provider sign-in), if any."""


@dataclasses.dataclass(frozen=True)
class AccountListing:
    """One provider sign-in, as listed."""

    ukprn: int
    email: str
    provider_name: str


def _email(value: str) -> str:
    email = value.strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise BadAnswer(error.messages[0]) from None
    return email


def new_account(*, ukprn: str | int, email: str, name: str | None = None) -> NewAccount:
    """Check a sign-in for one provider can be made (raises Refused with what to do)."""
    try:
        number = validate_ukprn(ukprn)
    except ValueError as error:
        raise BadAnswer(str(error)) from None
    address = _email(email)
    provider = models.Provider.objects.filter(ukprn=number).first()
    if provider is None and not (name or "").strip():
        raise Refused(
            f"No provider with UKPRN {number} is loaded. Load the course directory or a "
            "register first (`skillshub ingest provision --file ...`), or give --name."
        )
    user = get_user_model().objects.filter(username=address).first()
    if user is not None and models.ProviderAccount.objects.filter(user=user).exists():
        raise Refused(f"{address} already has a provider sign-in; remove it first.")
    return NewAccount(
        ukprn=number, email=address, provider=provider, name=(name or "").strip(), user=user
    )


def check_password(new: NewAccount, password: str) -> None:
    """Raise BadAnswer saying why the password is too weak (Django's password validators)."""
    try:
        validate_password(password, user=new.user)
    except ValidationError as error:
        raise BadAnswer(" ".join(error.messages)) from None


def create_account(new: NewAccount, *, password: str) -> models.ProviderAccount:
    """The sign-in, with its provider created first if no source lists it yet."""
    check_password(new, password)
    with transaction.atomic():
        provider = new.provider
        if provider is None:
            provider = models.Provider.objects.create(
                ukprn=new.ukprn,
                name=new.name,
                type=ProviderType.OTHER.value,
                status=ProviderStatus.UNKNOWN.value,
            )
            models.ProviderListing.objects.create(
                provider=provider,
                source=Source.PROVIDER,
                name=provider.name,
                type=provider.type,
                status=provider.status,
            )
        user = new.user or get_user_model().objects.create_user(username=new.email, email=new.email)
        user.set_password(password)
        user.save()
        return models.ProviderAccount.objects.create(user=user, provider=provider)


def list_accounts() -> list[AccountListing]:
    """Every provider sign-in, by UKPRN then email address."""
    return [
        AccountListing(
            ukprn=account.provider.ukprn,
            email=account.user.username,
            provider_name=account.provider.name,
        )
        for account in models.ProviderAccount.objects.select_related("user", "provider").order_by(
            "provider__ukprn", "user__username"
        )
    ]


def remove_account(email: str) -> str:
    """Delete a provider sign-in (and its user); its published offers stay. The address."""
    address = email.strip().lower()
    account = models.ProviderAccount.objects.filter(user__username=address).first()
    if account is None:
        raise Refused(f"{address} has no provider sign-in.")
    get_user_model().objects.filter(pk=account.user_id).delete()
    return address


def provider_for(user: Any) -> models.Provider | None:
    """The provider a signed-in user may publish for, or None (not a provider sign-in)."""
    account = models.ProviderAccount.objects.select_related("provider").filter(user=user).first()
    return account.provider if account else None


def known_standards() -> set[str]:
    """The standard references an offer may name."""
    from skillshub.catalogue.models import Standard

    return set(Standard.objects.values_list("reference", flat=True))


def own_offer(provider: models.Provider, offer_id: str) -> models.Offer | None:
    """One of this provider's own published offers (never another provider's, nor an import)."""
    return models.Offer.objects.filter(
        offer_id=offer_id, provider=provider, source=Source.PROVIDER
    ).first()


def offer_id_for(provider: models.Provider, row: models.Offer | None) -> str:
    """The offer's id: the one it has, or a new one of the provider's own."""
    return row.offer_id if row else f"hub:{provider.ukprn}:{uuid.uuid4().hex[:12]}"


def publish_offer(
    offer: domain.Offer,
    *,
    provider: models.Provider,
    duration: tuple[Decimal | None, str] = (None, ""),
    row: models.Offer | None = None,
) -> models.Offer:
    """Save a provider's offer (new, or a change to `row`), its venue placed by postcode."""
    point = None if offer.location_free else point_for_postcode(offer.venue_postcode)
    with transaction.atomic():
        return store.save_provider_offer(
            offer, provider=provider, point=point, duration=duration, row=row
        )


def withdraw_offer(row: models.Offer) -> None:
    """Take an offer out of search; the row stays, marked withdrawn."""
    with transaction.atomic():
        store.withdraw(row)


def read_courses(
    content: bytes, *, filename: str, provider: models.Provider
) -> tuple[list[domain.Offer], list[RowError]]:
    """An uploaded course file's courses (with ids of their own) and every row problem; raises
    Refused when the file as a whole is unusable."""
    try:
        offers, problems = parse_courses(content, source=filename, expected_ukprn=provider.ukprn)
    except SourceError as error:
        raise Refused(error.message[:1].upper() + error.message[1:]) from None
    if not offers and not problems:
        raise Refused("The file has a header row but no courses")
    # Ids of their own, so an upload never collides with the same run in the course directory.
    uploaded = [
        dataclasses.replace(
            o, offer_id=f"upload:{provider.ukprn}:{o.offer_id.removeprefix('ncs:')}"
        )
        for o in offers
    ]
    return uploaded, problems


def publish_upload(offers: list[domain.Offer], *, provider: models.Provider) -> tuple[int, int]:
    """Save an upload's courses all together, venues placed: (added, updated)."""
    with transaction.atomic():
        return store.save_uploaded_offers(offers, provider=provider, points=place_offers(offers))

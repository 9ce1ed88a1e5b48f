"""Partner API keys: made (shown once), checked against a scope, listed and revoked."""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime

from django.utils import timezone
from pydantic import BaseModel

from skillshub.demand.models import PartnerKey
from skillshub.domain.needs import token_digest

SCOPES = [scope for scope, _ in PartnerKey.SCOPES]
PREFIX = "shk"


class KeyMade(BaseModel):
    name: str
    prefix: str
    scopes: list[str]
    key: str  # shown once; only its digest is stored


class KeyListed(BaseModel):
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    last_used_at: datetime | None
    revoked: bool


class KeyRefused(PermissionError):
    """The key is missing, unknown, revoked or lacks the scope; the message says which."""


def make_key(*, name: str, scopes: list[str]) -> KeyMade:
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown or not scopes:
        raise ValueError(f"scopes must be among {', '.join(SCOPES)} (got {', '.join(unknown)})")
    if not name.strip():
        raise ValueError("give the key a name that says who holds it")
    prefix = secrets.token_hex(4)
    key = f"{PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    PartnerKey.objects.create(
        name=name.strip(), prefix=prefix, key_hash=token_digest(key), scopes=sorted(set(scopes))
    )
    return KeyMade(name=name.strip(), prefix=prefix, scopes=sorted(set(scopes)), key=key)


def check_key(key: str, *, scope: str) -> PartnerKey:
    """The partner holding ``key`` if it may use ``scope``; raises KeyRefused otherwise."""
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        raise KeyRefused("Send a partner key as 'Authorization: Bearer shk_...'")
    found = PartnerKey.objects.filter(prefix=parts[1]).first()
    if found is None or not hmac.compare_digest(found.key_hash, token_digest(key)):
        raise KeyRefused("This key is not known: check it was copied in full")
    if found.revoked_at is not None:
        raise KeyRefused("This key was revoked: ask the hub's operator for a new one")
    if scope not in found.scopes:
        raise KeyRefused(f"This key may not do this: it needs the scope '{scope}'")
    PartnerKey.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
    return found


def list_keys() -> list[KeyListed]:
    return [
        KeyListed(
            name=k.name,
            prefix=k.prefix,
            scopes=list(k.scopes),
            created_at=k.created_at,
            last_used_at=k.last_used_at,
            revoked=k.revoked_at is not None,
        )
        for k in PartnerKey.objects.all()
    ]


def revoke_key(prefix: str) -> KeyListed:
    found = PartnerKey.objects.filter(prefix=prefix).first()
    if found is None:
        raise LookupError(f"No key starts shk_{prefix}_: `skillshub keys list` shows them")
    if found.revoked_at is None:
        found.revoked_at = timezone.now()
        found.save(update_fields=["revoked_at"])
    return next(k for k in list_keys() if k.prefix == prefix)

"""Partner keys: shown once, stored as a digest, scoped, revocable."""

from __future__ import annotations

import pytest

from skillshub.demand import keys
from skillshub.demand.models import PartnerKey

pytestmark = pytest.mark.django_db


def test_a_key_is_shown_once_and_stored_as_a_digest() -> None:
    made = keys.make_key(name="WMCA skills team", scopes=["needs:write"])
    stored = PartnerKey.objects.get()
    assert made.key.startswith(f"shk_{made.prefix}_") and made.key not in stored.key_hash
    assert keys.check_key(made.key, scope="needs:write").name == "WMCA skills team"
    assert PartnerKey.objects.get().last_used_at is not None


@pytest.mark.parametrize(
    "mangle, scope, message",
    [
        (lambda k: "", "needs:write", "Bearer shk_"),
        (lambda k: k[:-2] + "xx", "needs:write", "not known"),
        (lambda k: k, "adverts:write", "needs the scope 'adverts:write'"),
    ],
)
def test_wrong_keys_are_refused_with_a_reason(mangle, scope: str, message: str) -> None:
    made = keys.make_key(name="Partner", scopes=["needs:write"])
    with pytest.raises(keys.KeyRefused, match=message):
        keys.check_key(mangle(made.key), scope=scope)


def test_a_revoked_key_is_refused() -> None:
    made = keys.make_key(name="Partner", scopes=["needs:write", "adverts:write"])
    assert keys.revoke_key(made.prefix).revoked
    with pytest.raises(keys.KeyRefused, match="revoked"):
        keys.check_key(made.key, scope="needs:write")
    with pytest.raises(LookupError):
        keys.revoke_key("00000000")


def test_unknown_scopes_and_blank_names_are_refused() -> None:
    with pytest.raises(ValueError, match="scopes must be among"):
        keys.make_key(name="Partner", scopes=["admin"])
    with pytest.raises(ValueError, match="name"):
        keys.make_key(name=" ", scopes=["needs:write"])
    assert not PartnerKey.objects.exists()

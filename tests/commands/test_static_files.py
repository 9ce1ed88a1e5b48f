"""`skillshub serve` collects static files only when one changed; pages work before it has."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import override_settings

from skillshub.commands.serve import collect_static, static_files_changed
from skillshub.web.storage import BROTLI_QUALITY, HubCompressor

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "skillshub.web.storage.HubStaticStorage"},
}


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    """One folder of static files, collected into another, as the hub's settings do."""
    source = tmp_path / "source"
    (source / "js").mkdir(parents=True)
    (source / "js" / "page.js").write_text("console.log('one');\n" * 200)
    with override_settings(
        STATIC_ROOT=tmp_path / "collected",
        STATICFILES_DIRS=[source],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        STORAGES=STORAGES,
    ):
        yield source


def test_collects_once_then_only_after_a_change(home: Path) -> None:
    assert static_files_changed()
    collect_static()
    collected = Path(staticfiles_storage.location)
    hashed = [p.name for p in (collected / "js").iterdir()]
    assert any(n.startswith("page.") and n.endswith(".js.br") for n in hashed), hashed
    assert any(n.endswith(".js.gz") for n in hashed) and "page.js" not in hashed
    assert not static_files_changed()
    later = (collected / "staticfiles.json").stat().st_mtime + 5
    os.utime(home / "js" / "page.js", (later, later))
    assert static_files_changed()
    (home / "js" / "new.js").write_text("1")
    assert static_files_changed()


def test_pages_link_plain_names_until_collected_then_hashed_ones(home: Path) -> None:
    assert staticfiles_storage.url("js/page.js") == "/static/js/page.js"
    call_command("collectstatic", interactive=False, verbosity=0)
    url = staticfiles_storage.url("js/page.js")
    assert url.startswith("/static/js/page.") and url != "/static/js/page.js"
    (home / "js" / "added.js").write_text("2")
    assert staticfiles_storage.url("js/added.js") == "/static/js/added.js"


def test_brotli_copies_are_made_at_the_hub_quality(home: Path) -> None:
    text = "".join(f"var v{i} = {i * i % 9973};\n" for i in range(3000)).encode()
    # The two qualities give different bytes for this file, so the check below can fail.
    assert brotli.compress(text, quality=11) != brotli.compress(text, quality=BROTLI_QUALITY)
    (home / "js" / "data.js").write_bytes(text)
    collect_static()
    collected = Path(staticfiles_storage.location) / "js"
    copy = next(p for p in collected.iterdir() if p.name.startswith("data.") and p.suffix == ".br")
    assert copy.read_bytes() == HubCompressor.compress_brotli(text)
    assert copy.read_bytes() == brotli.compress(text, quality=BROTLI_QUALITY)
    assert brotli.decompress(copy.read_bytes()) == text

"""Static files with hashed names and gzip and brotli copies, and plain names until collected."""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles.storage import StaticFilesStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


class HubStaticStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's manifest storage, which `skillshub serve` fills by running collectstatic.

    Before anything is collected into this home (a server started some other way), pages link to
    the plain names, which WhiteNoise's finders serve uncompressed: slower, but not a broken site
    (the manifest storage alone refuses to render any page without its manifest).
    """

    def url(self, name: Any, force: bool = False) -> str:
        if not self.hashed_files:
            return StaticFilesStorage.url(self, name)
        return str(super().url(name, force))

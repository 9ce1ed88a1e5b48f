"""Static files with hashed names and gzip and brotli copies, and plain names until collected."""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles.storage import StaticFilesStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


class HubStaticStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's manifest storage, which `skillshub serve` fills by running collectstatic.

    Before anything is collected into this home (a server started some other way), and for a
    file added since, pages link to the plain names, which WhiteNoise's finders serve
    uncompressed: slower, but not a broken site (the manifest storage alone refuses to render a
    page that names a file missing from its manifest).
    """

    def url(self, name: Any, force: bool = False) -> str:
        if not self.hashed_files:
            return StaticFilesStorage.url(self, name)
        try:
            return str(super().url(name, force))
        except ValueError:  # a file added since the last collection: its plain name still works
            return StaticFilesStorage.url(self, name)

"""Static files with hashed names and gzip and brotli copies, and plain names until collected."""

from __future__ import annotations

from typing import Any

import brotli
from django.contrib.staticfiles.storage import StaticFilesStorage
from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage

BROTLI_QUALITY = 10
"""Brotli's quality 11 (WhiteNoise's default) took twice as long for 1.5% less: plotly.js
1.58 s and 333 KB at 10 against 3.21 s and 329 KB at 11 on the 2-core machine."""


class HubCompressor(Compressor):
    """WhiteNoise's compressor with brotli at BROTLI_QUALITY."""

    @staticmethod
    def compress_brotli(data: bytes) -> bytes:
        return bytes(brotli.compress(data, quality=BROTLI_QUALITY))


class HubStaticStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's manifest storage, which `skillshub serve` fills by running collectstatic.

    Before anything is collected into this home (a server started some other way), and for a
    file added since, pages link to the plain names, which WhiteNoise's finders serve
    uncompressed: slower, but not a broken site (the manifest storage alone refuses to render a
    page that names a file missing from its manifest).
    """

    def create_compressor(self, **kwargs: Any) -> Compressor:
        return HubCompressor(**kwargs)

    def url(self, name: Any, force: bool = False) -> str:
        if not self.hashed_files:
            return StaticFilesStorage.url(self, name)
        try:
            return str(super().url(name, force))
        except ValueError:  # a file added since the last collection: its plain name still works
            return StaticFilesStorage.url(self, name)

"""Size limits on what a reader accepts: files, downloads, gzip and zip contents, NUL bytes.

A 2 GB gzip bomb once took 4.1 GB of memory through ``gzip.decompress``: every decompression
here streams, and stops with a SourceError as soon as the output passes the limit.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import Protocol

from skillshub.sources.errors import SourceError

CHUNK = 1 << 16
OUT_CHUNK = 1 << 20
GZIP_MAGIC = b"\x1f\x8b"


def max_bytes() -> int:
    """SKILLSHUB_MAX_FILE_MB in bytes: the most any one file, download or member may hold."""
    from skillshub.settings import get_settings

    return get_settings().max_file_mb * 1024 * 1024


def _too_big(what: str, limit: int, *, source: str) -> SourceError:
    return SourceError(
        f"{what} is larger than {limit / 1024 / 1024:,.0f} MB, the most the hub reads "
        "(SKILLSHUB_MAX_FILE_MB); check it is the right file, or raise the limit",
        source=source,
    )


def read_file(path: Path, *, limit: int | None = None) -> bytes:
    """A file's bytes, refused unread when it is larger than the limit."""
    most = max_bytes() if limit is None else limit
    try:
        size = path.stat().st_size
        if size > most:
            raise _too_big("the file", most, source=str(path))
        return path.read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read the file ({error.strerror})", source=str(path)) from error


def gunzip(data: bytes, *, source: str, limit: int | None = None) -> bytes:
    """Decompress gzip data (every member), refusing output larger than the limit.

    Output comes 1 MB at a time into a list, so a bomb holds at most the limit before it is
    refused (decompressing into one growing buffer held twice that while it was copied).
    """
    most = max_bytes() if limit is None else limit
    parts: list[bytes] = []
    total = 0
    rest = data
    try:
        while rest:
            unzip = zlib.decompressobj(wbits=31)
            pending = rest
            while pending or not unzip.eof:
                part = unzip.decompress(pending, OUT_CHUNK)
                total += len(part)
                if total > most:
                    raise _too_big("the unzipped data", most, source=source)
                parts.append(part)
                pending = unzip.unconsumed_tail
                if not part and not pending:
                    break
            if not unzip.eof:
                raise SourceError("the gzip data is damaged (it ends too soon)", source=source)
            rest = unzip.unused_data.lstrip(b"\x00")
    except zlib.error as error:
        raise SourceError(f"the gzip data is damaged ({error})", source=source) from error
    return b"".join(parts)


def maybe_gunzip(data: bytes, *, source: str, limit: int | None = None) -> bytes:
    """Gzip data decompressed (within the limit); anything else as it is."""
    return gunzip(data, source=source, limit=limit) if data[:2] == GZIP_MAGIC else data


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class CappedReader(io.RawIOBase):
    """A binary stream that raises SourceError once more than ``limit`` bytes are read (and,
    for text, at a NUL byte)."""

    def __init__(
        self, stream: Readable, *, source: str, limit: int | None = None, text: bool = False
    ) -> None:
        self.stream = stream
        self.source = source
        self.limit = max_bytes() if limit is None else limit
        self.text = text
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.stream.read(len(buffer))
        self.count += len(data)
        if self.count > self.limit:
            raise _too_big("the unzipped data", self.limit, source=self.source)
        if self.text and b"\x00" in data:
            raise SourceError(
                "the file contains a NUL byte: it is not a text file", source=self.source
            )
        buffer[: len(data)] = data
        return len(data)


def read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, source: str, limit: int | None = None
) -> bytes:
    """One member of a zip, streamed and refused past the limit (declared sizes can lie)."""
    most = max_bytes() if limit is None else limit
    label = f"{source} ({info.filename})"
    if info.file_size > most:
        raise _too_big(f"the member {info.filename}", most, source=source)
    with archive.open(info) as member:
        data = CappedReader(member, source=label, limit=most).read()
    return bytes(data or b"")


def refuse_nul(data: bytes | bytearray | str, *, source: str) -> None:
    """A text file (CSV or JSON) must not hold NUL bytes (nor JSON's escaped \\u0000)."""
    if isinstance(data, str):
        at, line = data.find("\x00"), data.count("\n", 0, max(data.find("\x00"), 0)) + 1
    else:
        at, line = data.find(b"\x00"), data.count(b"\n", 0, max(data.find(b"\x00"), 0)) + 1
    if at >= 0:
        raise SourceError(
            f"the file contains a NUL byte on line {line}: it is not a text file",
            source=source,
            record=line,
        )


def refuse_escaped_nul(text: str, *, source: str) -> None:
    """JSON text must not spell a NUL character as \\u0000 either."""
    if "\\u0000" in text.lower():
        raise SourceError("the JSON text contains a NUL character (\\u0000)", source=source)

"""Size limits: gzip and zip bombs stop at the limit with a clear error; NUL bytes are refused."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest

from skillshub.sources import limits, tables
from skillshub.sources.errors import SourceError
from skillshub.sources.skills_england import load_json

MB = 1024 * 1024


def bomb(size: int) -> bytes:
    """``size`` zero bytes gzipped (about a thousandth of that on disk)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(MB)
    parts = [packer.compress(block) for _ in range(size // MB)]
    return b"".join([*parts, packer.flush()])


def test_a_gzip_bomb_stops_at_the_limit_without_the_memory() -> None:
    data = bomb(64 * MB)
    assert len(data) < 200_000
    tracemalloc.start()
    with pytest.raises(SourceError, match="larger than 4 MB") as refused:
        limits.gunzip(data, source="bomb.json.gz", limit=4 * MB)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 12 * MB, f"peak {peak / MB:.0f} MB"
    assert "SKILLSHUB_MAX_FILE_MB" in refused.value.describe()
    assert "bomb.json.gz" in refused.value.describe()


def test_gunzip_reads_every_member_and_refuses_damage() -> None:
    two = gzip.compress(b"first ") + gzip.compress(b"second")
    assert limits.gunzip(two, source="x.gz", limit=MB) == b"first second"
    assert limits.maybe_gunzip(b"plain", source="x") == b"plain"
    with pytest.raises(SourceError, match="damaged"):
        limits.gunzip(gzip.compress(b"x" * 1000)[:-8], source="x.gz", limit=MB)
    with pytest.raises(SourceError, match="damaged"):
        limits.gunzip(b"\x1f\x8bnot gzip at all", source="x.gz", limit=MB)


def test_the_catalogue_reader_uses_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "max_bytes", lambda: 2 * MB)
    with pytest.raises(SourceError, match="larger than 2 MB"):
        load_json(bomb(8 * MB), source="catalogue.json.gz")
    assert load_json(gzip.compress(b'{"a": 1}'), source="small.json.gz") == {"a": 1}


def test_a_zip_member_larger_than_the_limit_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("KISCOURSE.csv", bytes(8 * MB))
    with zipfile.ZipFile(buffer) as archive:
        info = archive.infolist()[0]
        with pytest.raises(SourceError, match="larger than 1 MB"):
            limits.read_member(archive, info, source="dataset.zip", limit=MB)
        info.file_size = 10  # a lying header: zipfile stops at the size declared, then the CRC
        with pytest.raises(zipfile.BadZipFile, match="Bad CRC"):
            limits.read_member(archive, info, source="dataset.zip", limit=MB)


def test_a_discover_uni_zip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from skillshub.sources import discover_uni_courses

    monkeypatch.setattr(discover_uni_courses, "max_bytes", lambda: MB)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("KISCOURSE.csv", bytes(4 * MB))
    with pytest.raises(SourceError, match="SKILLSHUB_MAX_FILE_MB"):
        discover_uni_courses.read_zip(buffer.getvalue(), source="discover_uni.zip")


def test_a_file_larger_than_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "courses.csv"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(SourceError, match="the file is larger"):
        limits.read_file(path, limit=1000)
    assert limits.read_file(path, limit=2000) == b"x" * 2000


def test_a_streamed_gzip_stops_at_the_limit() -> None:
    stream = gzip.GzipFile(fileobj=io.BytesIO(bomb(8 * MB)))
    reader = io.BufferedReader(limits.CappedReader(stream, source="big.csv.gz", limit=MB))
    with pytest.raises(SourceError, match="larger than 1 MB"):
        while reader.read(64 * 1024):
            pass


@pytest.mark.parametrize(
    "data",
    [b"NAME,CODE\nAB\x00C,1\n", "NAME,CODE\nAB\x00C,1\n"],
)
def test_csv_with_a_nul_byte_is_refused(data: bytes | str) -> None:
    with pytest.raises(SourceError, match="NUL byte on line 2"):
        tables.read_table(data, source="courses.csv")


@pytest.mark.parametrize("data", [b'{"name": "a\x00b"}', b'{"name": "a\\u0000b"}'])
def test_json_with_a_nul_is_refused(data: bytes) -> None:
    with pytest.raises(SourceError, match="NUL"):
        tables.load_json(data, source="register.json")
    with pytest.raises(SourceError, match="NUL"):
        load_json(data, source="catalogue.json")


def test_ons_long_csv_with_a_nul_is_refused() -> None:
    from skillshub.sources.ons import long_csv

    text = "dataset,cdid,title,freq,date,value,unit\nlms,MGSX,Rate\x00,m,2024 JAN,4.1,%\n"
    with pytest.raises(SourceError, match="NUL"):
        long_csv.parse_long_csvs([("series.csv.gz", gzip.compress(text.encode()))])


def test_an_over_long_csv_cell_is_a_row_error() -> None:
    _, _, errors = tables.read_table("NAME\n" + "x" * 200_000 + "\n", source="courses.csv")
    assert errors and "field larger than field limit" in errors[0].message


def test_a_download_larger_than_the_limit_is_stopped() -> None:
    from skillshub.sources.http import fetch

    class Response(io.BytesIO):
        headers = {"Content-Length": ""}

    def opener(*args: object, **kwargs: object) -> Response:
        return Response(json.dumps(["x" * 100] * 1000).encode())

    with pytest.raises(SourceError, match="larger than 10,000 bytes"):
        fetch("https://example.invalid/big", opener=opener, limit=10_000, attempts=1)

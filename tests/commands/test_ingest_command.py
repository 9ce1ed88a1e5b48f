"""`skillshub ingest`: the live API path over loopback HTTP, and clear refusals of bad input."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "skills_england"


class _Payload(BaseHTTPRequestHandler):
    body = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def api_server() -> Iterator[str]:
    """A loopback server answering like the Skills England API, with real fixture records."""
    payload = json.loads(gzip.decompress((FIXTURES / "catalogue_sample.json.gz").read_bytes()))
    _Payload.body = json.dumps(payload["records"]).encode()  # the live API answers an array
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Payload)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/apprenticeshipstandards"
    server.shutdown()
    server.server_close()


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillshub", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def count_standards(home: Path) -> int:
    import sqlite3

    with sqlite3.connect(home / "skillshub.sqlite3") as connection:
        return int(connection.execute("select count(*) from catalogue_standard").fetchone()[0])


def test_from_api_loads_and_records_the_url(tmp_path: Path, api_server: str) -> None:
    env = {**os.environ, "SKILLSHUB_HOME": str(tmp_path), "DATABASE_URL": ""}
    done = run(env, "ingest", "standards", "--from-api", api_server)
    assert done.returncode == 0, done.stderr
    assert "standards: loaded" in done.stderr
    references = {r["referenceNumber"].strip() for r in json.loads(_Payload.body)}
    units = 11  # the embedded units list is kept beside a live load
    assert count_standards(tmp_path) == len(references) + units
    again = run(env, "ingest", "standards", "--from-api", api_server)
    assert "unchanged" in again.stderr


def test_unreachable_api_changes_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "SKILLSHUB_HOME": str(tmp_path), "DATABASE_URL": ""}
    done = run(env, "ingest", "standards", "--from-api", "http://127.0.0.1:9/nothing-here")
    assert done.returncode == 1
    assert "Nothing was changed" in done.stderr and "could not download" in done.stderr


def test_corrupt_embedded_file_names_file_record_field(tmp_path: Path) -> None:
    data = tmp_path / "data" / "skills_england"
    data.mkdir(parents=True)
    payload = json.loads(gzip.decompress((FIXTURES / "catalogue_sample.json.gz").read_bytes()))
    approved = next(i for i, r in enumerate(payload["records"]) if r["status"].startswith("Appr"))
    payload["records"][approved]["level"] = "four"
    (data / "skills_england_standards_2026-08-22.json.gz").write_bytes(
        gzip.compress(json.dumps(payload).encode())
    )
    (data / "apprenticeship_units_2026_metadata.csv").write_bytes(
        (FIXTURES / "apprenticeship_units.csv").read_bytes()
    )
    env = {
        **os.environ,
        "SKILLSHUB_HOME": str(tmp_path / "home"),
        "DATABASE_URL": "",
        "SKILLSHUB_DATA_DIR": str(tmp_path / "data"),
    }
    done = run(env, "ingest", "standards")
    assert done.returncode == 1
    message = " ".join(done.stderr.split())
    assert "Nothing was changed" in message
    assert "skills_england_standards_2026-08-22.json.gz" in message
    assert f"record {approved} (" in message and "field 'level'" in message


def test_file_loads_show_the_same_progress_as_embedded_loads(tmp_path: Path) -> None:
    env = {**os.environ, "SKILLSHUB_HOME": str(tmp_path), "DATABASE_URL": ""}
    roatp = REPO / "tests" / "fixtures" / "provision" / "roatp.csv"
    done = run(env, "ingest", "provision", "--file", str(roatp))
    assert done.returncode == 0, done.stderr
    assert "Loading provision (read, validate, swap)" in done.stderr
    assert "provision: loaded" in done.stderr


def test_an_ingest_lowers_its_own_priority(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from skillshub.commands import ingest
    from skillshub.settings import get_settings

    calls: list[int] = []

    def nice(increment: int) -> int:
        calls.append(increment)
        return 5

    monkeypatch.setattr(os, "nice", nice)
    monkeypatch.setenv("SKILLSHUB_INGEST_NICE", "19")
    get_settings.cache_clear()
    try:
        ingest.lower_priority()
        assert calls == [0, 14]  # from nice 5 to 19
        monkeypatch.setenv("SKILLSHUB_INGEST_NICE", "0")
        get_settings.cache_clear()
        calls.clear()
        ingest.lower_priority()
        assert calls == []
    finally:
        get_settings.cache_clear()

"""`skillshub serve` on an empty home: migrates, loads the embedded data, serves the API."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get_json(url: str) -> dict:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        error.close()
        raise AssertionError(f"{url} answered {error.code}") from None


@pytest.mark.slow  # it loads all the embedded data, as a first `make run` does
def test_first_run_serves_the_embedded_catalogue(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "SKILLSHUB_HOME": str(tmp_path), "DATABASE_URL": ""}
    # The real server, not the test settings pytest-django put in this process's environment.
    for name in (
        "DJANGO_SETTINGS_MODULE",
        "SKILLSHUB_STRICT_TEMPLATES",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    ):
        env.pop(name, None)
    log_path = tmp_path / "serve.log"
    base = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "skillshub", "serve", "--port", str(port)],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 240
            while True:
                try:
                    standard = get_json(f"{base}/api/v1/standards/ST0116")
                    break
                except OSError:
                    assert server.poll() is None, log_path.read_text()[-2000:]
                    assert time.monotonic() < deadline, "the hub did not start in time"
                    time.sleep(1)
            assert (standard["title"], standard["level"]) == ("Software developer", 4)
            assert standard["knowledge"] and standard["skills"] and standard["behaviours"]
            assert get_json(f"{base}/api/v1/standards?page_size=1")["count"] >= 600
            found = get_json(f"{base}/api/v1/search/standards?q=service+lifts+and+escalators")
            assert found["results"][0]["why"]
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_workers_default_to_the_core_count(monkeypatch: pytest.MonkeyPatch) -> None:
    from skillshub.cli import build_parser
    from skillshub.commands import serve

    parser = build_parser()
    args = parser.parse_args(["serve"])
    assert args.workers is None and args.threads == serve.THREADS
    monkeypatch.setattr(serve.os, "cpu_count", lambda: 6)
    assert serve.default_workers() == 6
    monkeypatch.setattr(serve.os, "cpu_count", lambda: None)
    assert serve.default_workers() == 1
    assert parser.parse_args(["serve", "--workers", "3"]).workers == 3

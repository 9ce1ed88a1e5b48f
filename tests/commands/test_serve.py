"""`skillshub serve` on an empty home: migrates, loads the embedded data, serves the API; and
the issues' judged checks of the embedded 2026 catalogue, asked of the hub that first run made.

Families and next steps are worked out at ingest from the stored vectors, so asking the served
hub judges the data and the method where users meet them, and costs no second build of the
whole catalogue's index (which a test of `relate` or `next_steps` in this process would need).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from skillshub.domain.families import DEFAULT as FAMILIES

REPO = Path(__file__).resolve().parents[2]
JUDGED_PROGRESSIONS = [
    # The Level 3 -> Level 4 moves of one occupation family as Skills England's occupational
    # maps lay them out (the same route, pathway and cluster of work, one level up), as listed
    # in the hub's issue on progression: the step a careers adviser would name first.
    ("ST0128", "ST0116"),  # Software development technician L3 -> Software developer L4
    ("ST0002", "ST0003"),  # Assistant accountant L3 -> Professional accounting technician L4
    ("ST0006", "ST0007"),  # Lead adult care worker L3 -> Lead practitioner in adult care L4
    ("ST1426", "ST0999"),  # Engineering maintenance technician (single discipline) L3 -> Lead
    ("ST1443", "ST0999"),  # ... (dual discipline) L3 -> Lead engineering maintenance technician
]


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


@contextmanager
def first_run(home: Path) -> Iterator[str]:
    """`skillshub serve` on the empty `home` until it answers; yields its address."""
    port = free_port()
    env = {**os.environ, "SKILLSHUB_HOME": str(home), "DATABASE_URL": ""}
    # The real server, not the test settings pytest-django put in this process's environment.
    for name in (
        "DJANGO_SETTINGS_MODULE",
        "SKILLSHUB_STRICT_TEMPLATES",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    ):
        env.pop(name, None)
    log_path = home / "serve.log"
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
                    get_json(f"{base}/api/v1/standards?page_size=1")
                    break
                except OSError:
                    assert server.poll() is None, log_path.read_text()[-2000:]
                    assert time.monotonic() < deadline, "the hub did not start in time"
                    time.sleep(1)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)


@pytest.mark.slow  # it loads all the embedded data, as a first `make run` does
@pytest.mark.data
def test_first_run_serves_the_embedded_catalogue(tmp_path: Path) -> None:
    with first_run(tmp_path) as base:
        standard = get_json(f"{base}/api/v1/standards/ST0116")
        assert (standard["title"], standard["level"]) == ("Software developer", 4)
        assert standard["knowledge"] and standard["skills"] and standard["behaviours"]
        assert get_json(f"{base}/api/v1/standards?page_size=1")["count"] >= 600
        found = get_json(f"{base}/api/v1/search/standards?q=service+lifts+and+escalators")
        assert found["results"][0]["why"]
        check_software_developer_top_five(base)
        check_families_cover_every_current_product_once(base)
        check_judged_progressions(base)


def check_software_developer_top_five(base: str) -> None:
    """The families issue's check: the standards most similar to Software developer (ST0116)
    include Software development technician and DevOps engineer or Software tester, each
    with shared skills; the first is in its family."""
    answer = get_json(f"{base}/api/v1/standards/ST0116/similar?limit=5")
    top = {item["reference"]: item for item in answer["similar"]}
    assert "ST0128" in top, list(top)
    assert {"ST0825", "ST0129"} & set(top), list(top)
    for reference in {"ST0128", "ST0825", "ST0129"} & set(top):
        assert top[reference]["shared"], f"{reference} shows what it shares"
    assert "ST0128" in {member["reference"] for member in answer["family"]["members"]}


def check_families_cover_every_current_product_once(base: str) -> None:
    answer = get_json(f"{base}/api/v1/families")
    members = [m["reference"] for family in answer["families"] for m in family["members"]]
    assert len(members) == len(set(members)) == answer["standard_count"] >= 600
    assert max(len(family["members"]) for family in answer["families"]) <= (
        FAMILIES.max_family_size
    )


def next_steps(base: str, **asked: str) -> dict:
    return get_json(f"{base}/api/v1/pathways?{urllib.parse.urlencode({**asked, 'limit': 3})}")


def check_judged_progressions(base: str) -> None:
    """Each judged next step is in the top 3, carrying skills over and adding or building on
    others; a factory maintenance job in plain words leads to maintenance or automation."""
    for start, expected in JUDGED_PROGRESSIONS:
        steps = {step["reference"]: step for step in next_steps(base, **{"from": start})["steps"]}
        assert expected in steps, f"{start}: {list(steps)}"
        step = steps[expected]
        assert step["held"] and (step["new"] or step["builds_on"]), f"{start} -> {expected}"
    job = next_steps(base, from_text="I fix the machines on a factory production line")
    assert job["start"]["level"] in (2, 3, 4)
    wanted = {"ST0999", "ST0662"}  # Lead engineering maintenance; Automation and controls
    assert wanted & {step["reference"] for step in job["steps"]}, job["steps"]


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


@pytest.mark.parametrize(("said", "status"), [(0, 0), (1, 1)])
def test_the_first_run_load_reports_the_child_status(
    monkeypatch: pytest.MonkeyPatch, said: int, status: int
) -> None:
    from skillshub.commands import ingest, serve

    asked: list[list[str]] = []

    def load_embedded(names: list[str]) -> int:
        asked.append(names)  # in the child: the parent's list stays empty
        return said

    monkeypatch.setattr(ingest, "load_embedded", load_embedded)
    assert serve.load_in_child(["geography", "ons"]) == status
    assert asked == []


def test_a_first_run_that_cannot_load_does_not_serve(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from skillshub.cli import build_parser
    from skillshub.commands import serve

    monkeypatch.setattr(serve, "missing_datasets", lambda: ["standards"])
    monkeypatch.setattr(serve, "load_in_child", lambda names: 1)
    monkeypatch.setattr(serve, "collect_static", lambda: pytest.fail("went on after a failure"))
    assert serve.handle(build_parser().parse_args(["serve"])) == 1
    assert "did not load" in capsys.readouterr().err

"""Atomic, idempotent ingest with provenance; a failure part-way leaves the old data served."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from skillshub.catalogue.ingest import embedded_plan
from skillshub.catalogue.models import Ksb, Standard
from skillshub.core.ingest import IngestPlan, SourceFile, run_ingest
from skillshub.core.models import DatasetLoad
from skillshub.sources.errors import SourceError

FIXTURES = Path(__file__).parent.parent / "fixtures" / "skills_england"
REPO = Path(__file__).resolve().parents[2]


def plan_for(tmp_path: Path, records: list[dict] | None = None) -> IngestPlan:
    catalogue_file = tmp_path / "catalogue.json"
    catalogue_file.write_text(json.dumps(records if records is not None else load_records()))
    return embedded_plan(
        tmp_path,
        catalogue_file=catalogue_file,
        units_file=FIXTURES / "apprenticeship_units.csv",
    )


def load_records() -> list[dict]:
    return json.loads(gzip.decompress((FIXTURES / "catalogue_sample.json.gz").read_bytes()))[
        "records"
    ]


def snapshot() -> tuple[list[tuple[str, str, str]], int, int]:
    rows = list(Standard.objects.values_list("reference", "title", "status").order_by("reference"))
    return rows, Ksb.objects.count(), DatasetLoad.objects.count()


@pytest.mark.django_db
def test_second_identical_run_changes_nothing(tmp_path: Path) -> None:
    first = run_ingest(plan_for(tmp_path))
    assert first.changed
    before = snapshot()
    again = run_ingest(plan_for(tmp_path))
    assert not again.changed
    assert snapshot() == before


@pytest.mark.django_db
def test_provenance_is_recorded(tmp_path: Path) -> None:
    result = run_ingest(plan_for(tmp_path))
    load = DatasetLoad.latest_for("standards")
    assert load is not None
    assert load.sha256 == result.sha256 and len(load.sha256) == 64
    assert "Open Government Licence" in load.licence
    assert load.row_counts["references"] == Standard.objects.count()
    assert load.row_counts["versions"] == 76 + 11 - 1  # records + units - one stale duplicate
    assert "catalogue.json" in load.source and "apprenticeship_units.csv" in load.source


@pytest.mark.django_db
def test_corrupt_file_changes_nothing_and_says_where(tmp_path: Path) -> None:
    run_ingest(plan_for(tmp_path))
    before = snapshot()
    rows = load_records()
    rows[3]["level"] = "four"
    with pytest.raises(SourceError) as caught:
        run_ingest(plan_for(tmp_path, rows))
    assert caught.value.field == "level" and str(caught.value.record).startswith("3 (")
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize("keep", ["nothing", "only retired"])
def test_a_load_with_no_current_standard_is_refused(tmp_path: Path, keep: str) -> None:
    run_ingest(plan_for(tmp_path))
    before = snapshot()
    rows = [] if keep == "nothing" else [r for r in load_records() if r["status"] == "Retired"]
    with pytest.raises(SourceError, match="would empty the catalogue"):
        run_ingest(
            embedded_plan(
                tmp_path,
                catalogue_file=_written(tmp_path / "empty.json", rows),
                units_file=_written(tmp_path / "units.csv", None),
            )
        )
    assert snapshot() == before


def _written(path: Path, rows: list[dict] | None) -> Path:
    if rows is None:  # a units file with its header only
        header = (FIXTURES / "apprenticeship_units.csv").read_text().splitlines()[0]
        path.write_text(header + "\n")
    else:
        path.write_text(json.dumps(rows))
    return path


@pytest.mark.django_db
def test_failure_while_storing_rolls_back(tmp_path: Path) -> None:
    run_ingest(plan_for(tmp_path))
    before = snapshot()
    good = plan_for(tmp_path, [dict(r, title=r["title"] + " (new)") for r in load_records()])

    def store_then_fail(parsed: object) -> dict[str, int]:
        good.store(parsed)
        raise RuntimeError("disk full")

    failing = IngestPlan(
        dataset=good.dataset,
        licence=good.licence,
        files=good.files,
        parse=good.parse,
        store=store_then_fail,
    )
    with pytest.raises(RuntimeError):
        run_ingest(failing)
    assert snapshot() == before


def test_source_file_labels_and_hash_are_stable() -> None:
    from skillshub.core.ingest import combined_sha256

    a = (SourceFile("a", b"1"), SourceFile("b", b"2"))
    assert combined_sha256(a) == combined_sha256(a)
    assert combined_sha256(a) != combined_sha256((SourceFile("a", b"1"), SourceFile("b", b"3")))


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillshub", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.sqlite  # the child processes use their own SQLite home
def test_killed_ingest_leaves_previous_data_served(tmp_path: Path) -> None:
    """Kill `skillshub ingest` while it swaps in a changed catalogue: old or new, never a mix."""
    env = {**os.environ, "SKILLSHUB_HOME": str(tmp_path / "home"), "DATABASE_URL": ""}
    data = tmp_path / "data" / "skills_england"
    data.mkdir(parents=True)
    sample = REPO / "tests/fixtures/skills_england/catalogue_sample.json.gz"
    catalogue = data / "skills_england_standards_2026-08-22.json.gz"
    catalogue.write_bytes(sample.read_bytes())
    (data / "apprenticeship_units_2026_metadata.csv").write_bytes(
        (REPO / "tests/fixtures/skills_england/apprenticeship_units.csv").read_bytes()
    )
    env["SKILLSHUB_DATA_DIR"] = str(tmp_path / "data")
    done = run_cli(env, "ingest", "standards")
    assert done.returncode == 0, done.stderr
    database = tmp_path / "home" / "skillshub.sqlite3"

    def titles() -> set[str]:
        import sqlite3

        with sqlite3.connect(database) as connection:
            return {t for (t,) in connection.execute("select title from catalogue_standard")}

    before = titles()

    payload = json.loads(gzip.decompress(catalogue.read_bytes()))
    for row in payload["records"]:
        row["title"] += " (renamed)"
    catalogue.write_bytes(gzip.compress(json.dumps(payload).encode()))
    units = data / "apprenticeship_units_2026_metadata.csv"
    rows = list(csv.DictReader(io.StringIO(units.read_text())))
    with units.open("w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({**row, "title": row["title"] + " (renamed)"} for row in rows)
    for delay in (0.8, 1.6, 2.4):
        process = subprocess.Popen(
            [sys.executable, "-m", "skillshub", "ingest", "standards"],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = titles()
        renamed = {t for t in after if t.endswith(" (renamed)")}
        assert after == before or len(renamed) == len(after), "a killed ingest left a mixture"
        if after != before:
            break

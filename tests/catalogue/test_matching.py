"""The served index: a newer catalogue is switched to only when its cache is complete, and its
cache is written at the end of the standards ingest (never by a failed one)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import cast

import pytest

from skillshub.catalogue import matching
from skillshub.catalogue.ingest import Prepared, embedded_plan
from skillshub.core.ingest import IngestPlan, combined_sha256, run_ingest
from skillshub.domain.search import StandardsIndex
from skillshub.sources.errors import SourceError

FIXTURES = Path(__file__).parent.parent / "fixtures" / "skills_england"


def an_index() -> StandardsIndex:
    return cast(StandardsIndex, object())  # ServedIndex only hands indexes on


class Builds:
    """Injected cache look-up and builder: which catalogues have a cache, what was built."""

    def __init__(self) -> None:
        self.cached: dict[str, StandardsIndex] = {}
        self.built: list[str] = []
        self.started: list[Callable[[], None]] = []
        self.now = 0.0

    def load(self, sha: str) -> StandardsIndex | None:
        return self.cached.get(sha)

    def build(self, sha: str) -> StandardsIndex:
        self.built.append(sha)
        self.cached[sha] = an_index()
        return self.cached[sha]

    def served(self, grace_s: float = 120.0) -> matching.ServedIndex:
        return matching.ServedIndex(
            load=self.load,
            build=self.build,
            clock=lambda: self.now,
            start=self.started.append,  # run by the test, not a thread
            grace_s=grace_s,
        )


def test_the_first_index_is_built_when_there_is_no_cache() -> None:
    builds = Builds()
    served = builds.served()
    first = served.get("a")
    assert builds.built == ["a"]
    assert served.get("a") is first and builds.built == ["a"]


def test_a_cached_first_index_is_loaded_not_built() -> None:
    builds = Builds()
    builds.cached["a"] = an_index()
    assert builds.served().get("a") is builds.cached["a"]
    assert builds.built == []


def test_a_newer_catalogue_without_a_cache_keeps_the_old_index_and_builds_nothing() -> None:
    builds = Builds()
    served = builds.served()
    old = served.get("a")
    builds.now = 119.0
    assert served.get("b") is old
    builds.now = 200.0  # first seen at 119 s: still within the grace
    assert served.get("b") is old
    assert builds.built == ["a"] and builds.started == []


def test_the_new_cache_is_used_as_soon_as_it_is_complete() -> None:
    builds = Builds()
    served = builds.served()
    old = served.get("a")
    assert served.get("b") is old
    builds.cached["b"] = new = an_index()  # the ingest has written it
    assert served.get("b") is new
    assert served.get("b") is new and builds.built == ["a"]


def test_a_cache_that_never_comes_is_built_once_in_the_background() -> None:
    builds = Builds()
    served = builds.served(grace_s=120.0)
    old = served.get("a")
    served.get("b")
    builds.now = 120.0
    assert served.get("b") is old  # the build is started, not waited for
    assert served.get("b") is old
    assert len(builds.started) == 1 and builds.built == ["a"]
    builds.started[0]()
    assert builds.built == ["a", "b"]
    assert served.get("b") is builds.cached["b"]


def test_a_failed_background_build_is_logged_and_the_old_index_kept(
    caplog: pytest.LogCaptureFixture,
) -> None:
    builds = Builds()

    def failing(sha: str) -> StandardsIndex:
        if sha == "b":
            raise OSError("disk full")
        return builds.build(sha)

    served = matching.ServedIndex(
        load=builds.load, build=failing, clock=lambda: builds.now, start=builds.started.append
    )
    old = served.get("a")
    served.get("b")
    builds.now = 500.0
    served.get("b")
    builds.started[0]()
    assert "disk full" in caplog.text
    assert served.get("b") is old and len(builds.started) == 1


def plan_for(tmp_path: Path, *, level: object = None) -> IngestPlan[Prepared]:
    """The fixture catalogue with one title changed (a new SHA-256), or a bad level."""
    payload = json.loads(gzip.decompress((FIXTURES / "catalogue_sample.json.gz").read_bytes()))
    records = payload["records"]
    records[0]["title"] = records[0]["title"] + " (retitled)"
    if level is not None:
        records[3]["level"] = level
    catalogue_file = tmp_path / "catalogue.json"
    catalogue_file.write_text(json.dumps(records))
    return embedded_plan(
        tmp_path, catalogue_file=catalogue_file, units_file=FIXTURES / "apprenticeship_units.csv"
    )


@pytest.fixture
def fresh_index() -> Iterator[None]:
    """The process's served index starts and ends empty: this test switches catalogues."""
    matching.served.reset()
    yield
    matching.served.reset()


@pytest.mark.django_db
@pytest.mark.usefixtures("fresh_index")
def test_the_standards_ingest_writes_the_cache_for_its_catalogue(tmp_path: Path) -> None:
    before = matching._loaded_catalogue_sha256()
    assert before is not None
    served_before = matching.get_index()
    result = run_ingest(plan_for(tmp_path))
    assert result.changed
    folder = matching._cache_folder(result.sha256)
    assert (folder / "meta.msgpack").is_file()
    assert (matching._cache_folder(before) / "meta.msgpack").is_file()  # the previous is kept
    index = matching.get_index()  # switched at once, nothing built in the request
    assert index is not served_before
    assert any(s.title.endswith("(retitled)") for s in index.standards)


@pytest.mark.django_db
def test_a_failed_ingest_writes_no_cache(tmp_path: Path) -> None:
    plan = plan_for(tmp_path, level="four")
    sha = combined_sha256(plan.files)
    with pytest.raises(SourceError):
        run_ingest(plan)
    assert not matching._cache_folder(sha).exists()


def test_batch_work_waits_for_exactly_the_catalogue_loaded() -> None:
    builds = Builds()
    served = builds.served()
    old = served.get("a")
    fresh = served.get("b", wait=True)  # e.g. the qualifications ingest linking to standards
    assert fresh is not old and builds.built == ["a", "b"]
    assert served.get("b") is fresh


def test_the_occupation_bridges_are_read_once_per_version_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from skillshub.settings import get_settings
    from skillshub.sources.occupations import OCCUPATIONS_FILE

    real = get_settings().data_dir / OCCUPATIONS_FILE
    copy = tmp_path / OCCUPATIONS_FILE
    copy.parent.mkdir(parents=True)
    copy.write_bytes(real.read_bytes())
    monkeypatch.setenv("SKILLSHUB_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    reads: list[Path] = []
    reader = matching.read_occupation_links

    def counted(data_dir: Path) -> object:
        reads.append(data_dir)
        return reader(data_dir)

    monkeypatch.setattr(matching, "read_occupation_links", counted)
    try:
        first = matching.occupation_links()
        assert first is not None and matching.occupation_links() is first
        assert len(reads) == 1
        copy.write_bytes(gzip.compress(json.dumps([]).encode()))  # a new version of the file
        assert matching.occupation_links() is not first
        assert len(reads) == 2
        copy.unlink()  # a data folder without the bridges: matching goes on without them
        assert matching.occupation_links() is None
        assert len(reads) == 3
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()

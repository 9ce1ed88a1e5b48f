"""Time of the whole embedded ingest on a fresh home, through the real CLI (`skillshub ingest`).

Usage:

    .venv/bin/python benchmarks/bench_ingest.py            # one run on a new, empty home
    .venv/bin/python benchmarks/bench_ingest.py --runs 2   # also the second (unchanged) run

Figures, not pass/fail: wall time of each run, each dataset's own time (read from the
progress lines the command prints), the database size and the peak RSS of the ingest process.
The first run does everything (validate, embed the catalogue, swap in); a second run finds
every file unchanged (same SHA-256) and does nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 60.0
DONE_LINE = re.compile(r"^(?P<dataset>[\w-]+): (?P<state>loaded|unchanged)")


def skillshub() -> list[str]:
    return [sys.executable, "-m", "skillshub"]


def run_once(home: Path) -> tuple[float, list[str], float]:
    env = {**os.environ, "SKILLSHUB_HOME": str(home), "DATABASE_URL": "", "COLUMNS": "200"}
    started = time.perf_counter()
    done = subprocess.run(
        [*skillshub(), "ingest"], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"skillshub ingest failed ({done.returncode}):\n{done.stderr}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    lines = [line.strip() for line in done.stderr.splitlines() if DONE_LINE.match(line.strip())]
    return elapsed, lines, peak_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs on the same home (default 1)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="skillshub-bench-ingest-") as folder:
        home = Path(folder)
        for number in range(1, args.runs + 1):
            elapsed, lines, peak_mb = run_once(home)
            kind = "fresh home" if number == 1 else "unchanged files"
            verdict = "within" if elapsed <= TARGET_S else "OVER"
            print(f"run {number} ({kind}): {elapsed:.1f} s ({verdict} the {TARGET_S:.0f} s target)")
            for line in lines:
                print(f"  {line}")
            print(f"  peak RSS of the ingest process: {peak_mb:.0f} MB")
        database = home / "skillshub.sqlite3"
        print(f"database size: {database.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()

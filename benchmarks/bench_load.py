"""The hub under load: a mixed workload from 50 concurrent users through `skillshub serve`,
then the same load while `skillshub ingest standards --force` swaps the catalogue in.

Usage:

    .venv/bin/python benchmarks/bench_load.py                     # fresh home: ingest, then serve
    .venv/bin/python benchmarks/bench_load.py --home ~/.skillshub  # a home where ingest has run
    .venv/bin/python benchmarks/bench_load.py --users 20 --seconds 20 --swap none
    .venv/bin/python benchmarks/bench_load.py --swap new-sha  # the ingest writes a new index cache

Figures, not pass/fail; the targets are printed beside them (>= 40 requests/s at 50 users,
p95 <= 1 s, no errors; during the swap no request slower than 2 s and no error). Starts
`skillshub serve` (gunicorn, its default workers, as in production) on a free loopback port
with the API rate limit set out of the way, warms every page from 16 threads, then runs
`--users` client threads. Each user sends a request (a new connection, like a browser's first
request), reads the whole answer, then pauses a think time of 0.5 to 1.5 times `--think`
(default 1 s; 0 sends back to back, which measures capacity, not a population of people:
50 users with no pause need about 80 requests/s for a p95 of 1 s). The phase ends when
`--seconds` have passed or `--requests` were sent, whichever comes first. The mix: standards
search through the API, the Find training page and the all-in-one search API (a need and a
Birmingham postcode), a standard's page, a qualification's page, providers near a postcode,
the labour market page. After the swap, the index cache folders each worker has mapped
(/proc/PID/maps) show whether it switched to the new catalogue's cache.
The needs are the 20 development needs (`needs_dev.tsv`) when present, else a built-in list.
Latency is measured by the client (connect, request, whole response read). Memory is each
server process's RSS and the processes' total PSS (shared pages counted once), at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import itertools
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# The sibling benchmark's helpers (this folder is on the path when a script in it runs).
from bench_api import (
    EVAL_NEEDS,
    ROOT,
    bench_env,
    free_port,
    memory_kib,
    needs,
    percentile,
    process_tree,
    skillshub_command,
    stop,
)

POSTCODE = "B1 1AA"
TARGET_RATE = 40.0
TARGET_P95_MS = 1000.0
TARGET_SWAP_MAX_MS = 2000.0


def workload(queries: list[str]) -> list[tuple[str, Callable[[int], str], int]]:
    """(endpoint, address for the i-th request, weight): searches weigh most, as in use."""

    def need(i: int) -> str:
        return queries[i % len(queries)]

    def with_need(path: str, **extra: str) -> Callable[[int], str]:
        return lambda i: path + "?" + urllib.parse.urlencode({"q": need(i), **extra})

    return [
        ("API standards search", with_need("/api/v1/search/standards"), 3),
        ("Find training page", with_need("/find-training/", postcode=POSTCODE), 2),
        ("API search all", with_need("/api/v1/search", postcode=POSTCODE), 2),
        ("standard page", lambda i: "/standards/ST0116/", 1),
        ("qualification page", lambda i: "/qualifications/60363393/", 1),
        (
            "API providers",
            lambda i: "/api/v1/providers?" + urllib.parse.urlencode({"postcode": POSTCODE}),
            1,
        ),
        ("labour market page", lambda i: "/labour-market/", 1),
    ]


def schedule(queries: list[str], *, seed: int = 12) -> Iterator[tuple[str, str]]:
    """An endless, reproducible sequence of (endpoint, address) in the mix's proportions."""
    mix = workload(queries)
    deck = [(name, make) for name, make, weight in mix for _ in range(weight)]
    shuffle = random.Random(seed)
    for round_ in itertools.count():
        shuffle.shuffle(deck)
        for position, (name, make) in enumerate(deck):
            yield name, make(round_ * len(deck) + position)


def fetch(port: int, path: str, *, timeout: float = 30.0) -> tuple[float, int]:
    """One GET on a new connection: (milliseconds, HTTP status; 0 for a connection error)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip, br"})
        response = connection.getresponse()
        response.read()
        status = response.status
    except OSError:
        status = 0
    finally:
        connection.close()
    return (time.perf_counter() - started) * 1000, status


@dataclass
class Results:
    """Timings per endpoint, shared by the client threads."""

    timings: dict[str, list[tuple[float, int]]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, name: str, result: tuple[float, int]) -> None:
        with self.lock:
            self.timings.setdefault(name, []).append(result)

    def all(self) -> list[tuple[float, int]]:
        return [item for items in self.timings.values() for item in items]


def run_load(
    port: int,
    queries: list[str],
    *,
    users: int,
    seconds: float,
    requests: int,
    think: float,
    until: Callable[[], bool] | None = None,
) -> tuple[Results, float]:
    """`users` threads, each sending a request, reading the answer and waiting a think time
    (0.5 to 1.5 times `think`, seeded; 0: back to back), until `seconds` pass, `requests` are
    sent or, when given, `until()` is true."""
    results = Results()
    plan = schedule(queries)
    plan_lock = threading.Lock()
    sent = itertools.count()
    deadline = time.monotonic() + seconds

    def pause(chance: random.Random) -> None:
        time.sleep(max(0.0, min(think * chance.uniform(0.5, 1.5), deadline - time.monotonic())))

    def user(number: int) -> None:
        chance = random.Random(number)
        time.sleep(think * chance.random())  # users arrive spread over one think time
        while time.monotonic() < deadline and not (until and until()):
            if next(sent) >= requests:
                return
            with plan_lock:
                name, path = next(plan)
            results.add(name, fetch(port, path))
            pause(chance)

    threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(users)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def line(name: str, timings: list[tuple[float, int]], elapsed: float) -> str:
    ordered = sorted(ms for ms, _ in timings)
    errors = sum(status != 200 for _, status in timings)
    return (
        f"  {name:<22} {len(timings) / elapsed:6.1f}/s  p50 {statistics.median(ordered):6.0f}"
        f"  p95 {percentile(ordered, 0.95):6.0f}  p99 {percentile(ordered, 0.99):6.0f}"
        f"  max {ordered[-1]:6.0f} ms  {len(timings):5d} requests  {errors} errors"
    )


def report(title: str, results: Results, elapsed: float, *, max_target: float | None) -> bool:
    """Print the figures per endpoint and overall; whether the targets were met."""
    every = results.all()
    if not every:
        print(f"{title}: no requests were sent")
        return False
    print(f"{title} ({elapsed:.0f} s):")
    for name in sorted(results.timings):
        print(line(name, results.timings[name], elapsed))
    print(line("overall", every, elapsed))
    ordered = sorted(ms for ms, _ in every)
    errors = sum(status != 200 for _, status in every)
    if max_target is None:
        met = len(every) / elapsed >= TARGET_RATE and percentile(ordered, 0.95) <= TARGET_P95_MS
        target = f">= {TARGET_RATE:.0f} requests/s, p95 <= {TARGET_P95_MS:.0f} ms, 0 errors"
    else:
        met = ordered[-1] <= max_target
        target = f"no request over {max_target:.0f} ms, 0 errors"
    met = met and errors == 0
    print(f"  target: {target}: {'met' if met else 'NOT met'}")
    return met


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used (from /proc/PID/stat)."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def cpu_used(server: subprocess.Popen[bytes], phase: Callable[[], int]) -> None:
    """Run a phase; print the CPU time the server and this client used per request."""
    pids = process_tree(server.pid)
    server_before, client_before = cpu_seconds(pids), sum(os.times()[:2])
    count = phase()
    server_used = cpu_seconds(pids) - server_before
    client_used = sum(os.times()[:2]) - client_before
    print(
        f"  CPU per request: server {server_used / max(count, 1) * 1000:.1f} ms, "
        f"this client {client_used / max(count, 1) * 1000:.1f} ms"
    )


def memory(server: subprocess.Popen[bytes]) -> None:
    pids = process_tree(server.pid)
    rss = [memory_kib(pid, "VmRSS") / 1024 for pid in pids]
    pss = sum(memory_kib(pid, "Pss", "smaps_rollup") for pid in pids) / 1024
    listed = ", ".join(f"{value:.0f}" for value in rss)
    print(f"  server RSS (master, workers): {listed} MB; total PSS {pss:.0f} MB")


def mapped_caches(server: subprocess.Popen[bytes], home: Path) -> None:
    """Which index cache folder each worker has mapped, newest first."""
    folders = sorted(
        (home / "cache").glob("standards-index-*"), key=lambda f: f.stat().st_mtime, reverse=True
    )
    workers = process_tree(server.pid)[1:]
    for folder in folders:
        using = 0
        for pid in workers:
            with contextlib.suppress(OSError):
                using += folder.name in Path(f"/proc/{pid}/maps").read_text()
        print(f"  index cache {folder.name[-8:]}: mapped by {using} of {len(workers)} workers")


def wait_until_serving(port: int, server: subprocess.Popen[bytes], *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server stopped (exit code {server.returncode}) before answering")
        if fetch(port, "/api/v1/search/standards?q=warm+up")[1] == 200:
            return
        time.sleep(0.5)
    sys.exit(f"the server did not answer a search within {timeout:.0f} s")


def warm_up(port: int, queries: list[str], *, users: int) -> None:
    """Every endpoint a few times from `users` threads, so each worker has built its
    per-process indexes (provision, qualifications) and first-call allocations are done."""
    mix = workload(queries)
    paths = [make(i) for _, make, _ in mix for i in range(users)]
    lock = threading.Lock()
    queue = list(paths)

    def user() -> None:
        while True:
            with lock:
                if not queue:
                    return
                path = queue.pop()
            fetch(port, path, timeout=120)

    threads = [threading.Thread(target=user, daemon=True) for _ in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} CPUs)"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="a SKILLSHUB_HOME where ingest has run")
    parser.add_argument("--needs", type=Path, default=EVAL_NEEDS)
    parser.add_argument("--users", type=int, default=50, help="concurrent users")
    parser.add_argument("--seconds", type=float, default=60.0, help="longest load phase")
    parser.add_argument("--requests", type=int, default=3000, help="most requests per phase")
    parser.add_argument(
        "--think", type=float, default=1.0, help="a user's mean pause between requests, s"
    )
    parser.add_argument("--threads", type=int, help="threads per worker (default: serve's)")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: serve's)")
    parser.add_argument(
        "--swap",
        choices=sorted(SWAPS),
        default="force",
        help="the ingest run under load: force (the same catalogue again), new-sha (the "
        "embedded files given with --file: a new SHA-256, so a new index cache to build and "
        "switch to) or none",
    )
    parser.add_argument(
        "--swap-nice", type=int, default=0, help="run that ingest at this nice level (0-19)"
    )
    parser.add_argument("--swap-seconds", type=float, default=300.0, help="longest swap phase")
    parser.add_argument("--start-timeout", type=float, default=300.0)
    args = parser.parse_args(argv)
    queries = needs(args.needs)

    with tempfile.TemporaryDirectory(prefix="skillshub-load-") as fresh:
        home = args.home or Path(fresh)
        env = bench_env(home, ingest=args.home is None)
        print(f"Load average before: {load_average()}")
        print(f"Needs: {len(queries)} ({'dev needs' if args.needs.is_file() else 'built-in'})")
        port = free_port()
        command = [*skillshub_command(), "serve", "--host", "127.0.0.1", "--port", str(port)]
        if args.workers:
            command += ["--workers", str(args.workers)]
        if args.threads:
            command += ["--threads", str(args.threads)]
        server = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            started = time.perf_counter()
            wait_until_serving(port, server, timeout=args.start_timeout)
            print(f"Server: answering after {time.perf_counter() - started:.1f} s")
            warm_up(port, queries, users=min(args.users, 16))
            memory(server)

            def mixed() -> int:
                results, elapsed = run_load(
                    port,
                    queries,
                    users=args.users,
                    seconds=args.seconds,
                    requests=args.requests,
                    think=args.think,
                )
                title = f"Mixed load, {args.users} users, think time {args.think:g} s"
                report(title, results, elapsed, max_target=None)
                return len(results.all())

            cpu_used(server, mixed)
            memory(server)
            print(f"  load average after: {load_average()}")

            if args.swap != "none":
                cpu_used(server, lambda: swap(args, env, port, queries))
                memory(server)
                print(f"  load average after: {load_average()}")
                mapped_caches(server, home)
            if args.swap == "new-sha" and args.home is not None:
                # Put the embedded load's provenance back (its index cache is still there).
                subprocess.run(
                    [*skillshub_command(), "ingest", "standards"], env=env, capture_output=True
                )
        finally:
            stop(server)


DATA = Path(os.environ.get("SKILLSHUB_DATA_DIR") or ROOT / "data") / "skills_england"
SWAPS = {
    "force": ["ingest", "standards", "--force"],
    "new-sha": [
        "ingest",
        "standards",
        "--file",
        str(DATA / "skills_england_standards_2026-08-22.json.gz"),
        "--file",
        str(DATA / "apprenticeship_units_2026_metadata.csv"),
    ],
    "none": [],
}
"""The files named by --file are labelled by their name, not data/..., so the same records
make a load with a new SHA-256; a plain `skillshub ingest standards` puts the label back."""


def swap(args: argparse.Namespace, env: dict[str, str], port: int, queries: list[str]) -> int:
    """The same load while a real ingest swaps the catalogue in; it runs until the ingest has
    ended and 10 s more (the servers' switch), within `--swap-seconds`."""
    command = [*skillshub_command(), *SWAPS[args.swap]]
    if args.swap_nice:
        command = ["nice", "-n", str(args.swap_nice), *command]
    done_at: list[float] = []
    outcome: list[str] = []

    def ingest() -> None:
        time.sleep(3)  # under load first
        began = time.perf_counter()
        finished = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
        )
        outcome.append(f"exit {finished.returncode}, {time.perf_counter() - began:.0f} s")
        if finished.returncode:
            outcome.append(finished.stderr[-500:])
        done_at.append(time.monotonic())

    runner = threading.Thread(target=ingest, daemon=True)
    runner.start()
    results, elapsed = run_load(
        port,
        queries,
        users=args.users,
        seconds=args.swap_seconds,
        requests=sys.maxsize,
        think=args.think,
        until=lambda: bool(done_at) and time.monotonic() > done_at[0] + 10,
    )
    runner.join(timeout=60)
    shown = " ".join(Path(part).name if "/" in part else part for part in SWAPS[args.swap])
    if args.swap_nice:
        shown = f"{shown} (nice {args.swap_nice})"
    print(f"`skillshub {shown}` under load: {'; '.join(outcome) or 'running'}")
    title = f"During the swap, {args.users} users, think time {args.think:g} s"
    report(title, results, elapsed, max_target=TARGET_SWAP_MAX_MS)
    return len(results.all())


if __name__ == "__main__":
    main()

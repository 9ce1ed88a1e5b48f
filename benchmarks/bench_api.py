"""Speed and memory of standards search through the real HTTP path, and the CLI's cold start.

Usage:

    .venv/bin/python benchmarks/bench_api.py                    # fresh home: ingest, then serve
    .venv/bin/python benchmarks/bench_api.py --home ~/.skillshub # reuse a home that has run ingest
    .venv/bin/python benchmarks/bench_api.py --requests 100 --cli-runs 0

Figures, not pass/fail (targets: API p95 <= 30 ms, CLI search <= 2 s). Starts `skillshub serve`
(gunicorn, as in production) on a free loopback port with the API rate limit set out of the way,
waits until the index is warm, sends every need once as a warm-up, then `--requests` sequential
searches (one new connection each, like a browser's first request) and `--concurrent` more
from `--threads` client threads, all to /api/v1/search/standards?q=NEED. The needs are the 20
development needs (`needs_dev.tsv`) when present, else a built-in list of employer needs.
Latency is measured by the client (connect, request, whole response read). Memory is each
gunicorn process's peak RSS (VmHWM) and, at the end, the processes' total PSS (shared pages
of the memory-mapped index counted once). The CLI figure is the median wall time of
`--cli-runs` runs of `skillshub search standards NEED --json`, each a new process, after one
untimed run (which builds the index cache if the home has none).
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL_NEEDS = ROOT.parent / "shared" / "eval" / "needs_dev.tsv"
BUILT_IN_NEEDS = (
    "keep our production line robots running",
    "look after the accounts and payroll for a small firm",
    "someone to fix and service our vans and lorries",
    "manage building projects on site and keep them to budget",
    "protect our computer network from hackers",
    "care for elderly residents in our home",
    "design circuit boards for our products",
    "run the kitchen in our restaurant",
    "install solar panels and heat pumps",
    "analyse our sales data and build dashboards",
)
CLI_NEED = "keep our production line robots running"


def skillshub_command() -> list[str]:
    """The installed `skillshub` script next to this interpreter, else `python -m skillshub`."""
    script = Path(sys.executable).with_name("skillshub")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "skillshub"]


def bench_env(home: Path, *, ingest: bool) -> dict[str, str]:
    """The server's environment for a benchmark home (its own settings, no API rate limit in
    the way), after `skillshub ingest` when the home is new."""
    env = {**os.environ, "SKILLSHUB_HOME": str(home), "SKILLSHUB_API_RATE": "100000000/m"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if ingest:
        started = time.perf_counter()
        subprocess.run([*skillshub_command(), "ingest"], env=env, check=True, capture_output=True)
        print(f"Fresh home: `skillshub ingest` took {time.perf_counter() - started:.0f} s")
    return env


def needs(path: Path) -> list[str]:
    if not path.is_file():
        return list(BUILT_IN_NEEDS)
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")]
    return found or list(BUILT_IN_NEEDS)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(port: int, need: str) -> tuple[float, int]:
    """One search on a new connection: (milliseconds, HTTP status; 0 for a connection error)."""
    path = "/api/v1/search/standards?" + urllib.parse.urlencode({"q": need})
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        status = response.status
    except OSError:
        status = 0
    finally:
        connection.close()
    return (time.perf_counter() - started) * 1000, status


def wait_until_serving(port: int, server: subprocess.Popen[bytes], *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server stopped (exit code {server.returncode}) before answering")
        _, status = fetch(port, "warm up")
        if status == 200:
            return
        time.sleep(0.5)
    sys.exit(f"the server did not answer a search within {timeout:.0f} s")


def process_tree(root: int) -> list[int]:
    """The gunicorn master and its workers (children found through /proc)."""
    pids = [root]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) in pids:
            pids.append(int(entry.name))
    return pids


def memory_kib(pid: int, field: str, file: str = "status") -> int:
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def describe(name: str, timings: list[tuple[float, int]], elapsed: float) -> None:
    ordered = sorted(ms for ms, _ in timings)
    errors = sum(status != 200 for _, status in timings)
    print(
        f"  {name}: p50 {statistics.median(ordered):.1f} ms  p95 {percentile(ordered, 0.95):.1f} ms"
        f"  p99 {percentile(ordered, 0.99):.1f} ms  {len(timings) / elapsed:.0f} requests/s"
        f"  ({len(timings)} requests, {errors} errors)"
    )


def cli_cold(env: dict[str, str], runs: int) -> None:
    command = [*skillshub_command(), "search", "standards", CLI_NEED, "--json"]
    subprocess.run(command, env=env, check=True, capture_output=True)  # builds a missing cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    listed = ", ".join(f"{t:.2f}" for t in times)
    print(f"CLI `search standards` (new process each): median {statistics.median(times):.2f} s")
    print(f"  runs: {listed} s")


def serve_and_measure(args: argparse.Namespace, env: dict[str, str], queries: list[str]) -> None:
    port = free_port()
    command = [*skillshub_command(), "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(args.workers)]
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
        waited = time.perf_counter() - started
        print(f"Server: {args.workers} worker(s), answering after {waited:.1f} s")
        for need in queries:  # warm-up: every worker's caches, first-call allocations
            fetch(port, need)

        started = time.perf_counter()
        sequential = [fetch(port, queries[i % len(queries)]) for i in range(args.requests)]
        describe("sequential", sequential, time.perf_counter() - started)

        if args.concurrent:
            lock = threading.Lock()
            concurrent: list[tuple[float, int]] = []

            def one(i: int) -> None:
                result = fetch(port, queries[i % len(queries)])
                with lock:
                    concurrent.append(result)

            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.threads) as pool:
                list(pool.map(one, range(args.concurrent)))
            describe(f"{args.threads} client threads", concurrent, time.perf_counter() - started)

        pids = process_tree(server.pid)
        peaks = [memory_kib(pid, "VmHWM") / 1024 for pid in pids]
        pss = sum(memory_kib(pid, "Pss", "smaps_rollup") for pid in pids) / 1024
        listed = ", ".join(f"{peak:.0f}" for peak in peaks)
        print(
            f"  server peak RSS per process (master, workers): {listed} MB; total PSS {pss:.0f} MB"
        )
    finally:
        stop(server)


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop the server and its workers (its own process group), if still running."""
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="a SKILLSHUB_HOME where ingest has run")
    parser.add_argument("--needs", type=Path, default=EVAL_NEEDS)
    parser.add_argument("--requests", type=int, default=300, help="sequential requests")
    parser.add_argument("--concurrent", type=int, default=200, help="requests from threads")
    parser.add_argument("--threads", type=int, default=4, help="client threads")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers")
    parser.add_argument("--cli-runs", type=int, default=3)
    parser.add_argument("--start-timeout", type=float, default=180.0)
    args = parser.parse_args(argv)
    queries = needs(args.needs)

    with tempfile.TemporaryDirectory(prefix="skillshub-bench-") as fresh:
        env = bench_env(args.home or Path(fresh), ingest=args.home is None)
        load = os.getloadavg()
        print(f"Load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}", end="")
        print(f" ({os.cpu_count()} CPUs)")
        print(f"Needs: {len(queries)} ({'dev needs' if args.needs.is_file() else 'built-in'})")
        serve_and_measure(args, env, queries)
        if args.cli_runs:
            cli_cold(env, args.cli_runs)


if __name__ == "__main__":
    main()

"""Speed and memory of standards matching: ingest embedding, index build, cold start, query latency.

Usage:

    .venv/bin/python benchmarks/bench_search.py                 # real catalogue + 100k synthetic
    .venv/bin/python benchmarks/bench_search.py --synthetic-units 0   # real catalogue only

Figures, not pass/fail. The synthetic catalogue is clearly labelled: SYNTHETIC standards made by
resampling real Skills England text (each copies the title, job titles, keywords and overview
of a real standard chosen at random and gets KSB and duty sentences drawn at random from the
whole real catalogue) until it holds the requested number of its own evidence units
("documents"); linked ESCO / SOC occupation units come on top, as for real standards.
Latency is measured in-process over the development needs (`needs_dev.tsv`), after one warm-up
pass; peak RSS is the process high-water mark (resource.getrusage), so it includes everything
the benchmark itself holds. Two cold starts are timed in fresh interpreters: building the index
from stored vectors (what a first start does), and opening the on-disk index cache
(memory-mapped arrays, what every later start does), each through the first search.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from skillshub.catalogue import index_cache  # noqa: E402  (no Django: plain files)
from skillshub.domain.search import (  # noqa: E402
    CatalogueVectors,
    StandardsIndex,
    embed_catalogue,
    get_preset,
)
from skillshub.domain.search.units import standard_units  # noqa: E402
from skillshub.domain.standards import Duty, Ksb, Standard  # noqa: E402
from skillshub.sources.embedding_models import load_embedder  # noqa: E402
from skillshub.sources.occupations import read_occupation_links  # noqa: E402
from skillshub.sources.skills_england import read_default  # noqa: E402

EVAL_NEEDS = ROOT.parent / "shared" / "eval" / "needs_dev.tsv"
FALLBACK_QUERIES = (
    "keep our production line robots and PLCs running",
    "look after children in a nursery",
    "HGV drivers for our depot",
    "mechatronix technician level 4",
)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def vm_hwm_mb() -> float:
    """This process's own peak RSS (getrusage's figure in a child includes its parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return peak_rss_mb()


def dev_queries(path: Path) -> list[str]:
    if not path.is_file():
        return list(FALLBACK_QUERIES)
    lines = path.read_text().splitlines()
    return [line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")]


def latencies(index: StandardsIndex, queries: list[str], *, rounds: int) -> list[float]:
    for query in queries:  # warm-up: caches, first-call allocation
        index.search(query, limit=10)
    timings = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            index.search(query, limit=10)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def describe(timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):.1f} ms  p95 {p95:.1f} ms  ({len(ordered)} searches)"


def synthetic_catalogue(real: list[Standard], *, units: int, seed: int = 7) -> list[Standard]:
    """SYNTHETIC standards resampled from real text, until they hold about `units` units."""
    rng = random.Random(seed)
    sentences = [(k.kind, k.text) for s in real for k in s.ksbs]
    duties = [d.text for s in real for d in s.duties]
    made: list[Standard] = []
    total = 0
    while total < units:
        template = rng.choice(real)
        number = len(made) + 1
        picked = rng.sample(sentences, rng.randint(20, 70))
        counters = {"knowledge": 0, "skill": 0, "behaviour": 0}
        knowledge: list[Ksb] = []
        skills: list[Ksb] = []
        behaviours: list[Ksb] = []
        for kind, text in picked:
            counters[kind] += 1
            ksb = Ksb(kind, f"{kind[0].upper()}{counters[kind]}", text)
            {"knowledge": knowledge, "skill": skills, "behaviour": behaviours}[kind].append(ksb)
        duty_list = tuple(
            Duty(f"D{i + 1}", text) for i, text in enumerate(rng.sample(duties, rng.randint(0, 12)))
        )
        standard = dataclasses.replace(
            template,
            reference=f"SY{number:05d}",
            title=f"{template.title} (synthetic {number})",
            occupation_summary="",
            knowledge=tuple(knowledge),
            skills=tuple(skills),
            behaviours=tuple(behaviours),
            duties=duty_list,
        )
        made.append(standard)
        total += len(standard_units(standard))
    return made


def cold_start_child(vectors_file: Path, data: Path, preset: str) -> None:
    """Run in a fresh interpreter: load standards, stored vectors and model; build; search."""
    started = time.perf_counter()
    current = [s for s in read_default(data) if s.is_current]
    loaded = time.perf_counter()
    vectors = CatalogueVectors.from_bytes(vectors_file.read_bytes())
    links_started = time.perf_counter()
    occupations = read_occupation_links(data)
    model_started = time.perf_counter()
    embedder = load_embedder(get_preset(preset))
    model_loaded = time.perf_counter()
    index = StandardsIndex.build(
        current, vectors=vectors, preset=preset, embedder=embedder, occupations=occupations
    )
    del occupations  # as in the web app: only the index is kept
    built = time.perf_counter()
    index.search("keep our production line robots and PLCs running")
    first = time.perf_counter()
    print(
        f"read standards {loaded - started:.2f} s, read vectors {links_started - loaded:.2f} s, "
        f"read occupation links {model_started - links_started:.2f} s, "
        f"load model {model_loaded - model_started:.2f} s, build {built - model_loaded:.2f} s, "
        f"first search {(first - built) * 1000:.0f} ms; "
        f"total {first - started:.2f} s (excluding interpreter start and imports)"
    )


def cache_child(folder: Path, preset: str) -> None:
    """Run in a fresh interpreter: open the index cache, load the model, search once."""
    started = time.perf_counter()
    chosen = get_preset(preset)
    index = index_cache.load(folder, preset=chosen, embedder=lambda: load_embedder(chosen))
    if index is None:
        sys.exit("the index cache could not be read")
    loaded = time.perf_counter()
    index.search("keep our production line robots and PLCs running")
    first = time.perf_counter()
    print(
        f"open cache and load model {loaded - started:.2f} s, first search "
        f"{(first - loaded) * 1000:.0f} ms; total {first - started:.2f} s (imports excluded), "
        f"peak RSS {vm_hwm_mb():.0f} MB"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--needs", type=Path, default=EVAL_NEEDS)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--synthetic-units", type=int, default=100_000)
    parser.add_argument("--preset", default="default", help="search preset (e.g. minilm)")
    parser.add_argument("--cold-start-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.cold_start_child:
        cold_start_child(args.cold_start_child, args.data, args.preset)
        return
    if args.cache_child:
        cache_child(args.cache_child, args.preset)
        return

    preset = get_preset(args.preset)
    queries = dev_queries(args.needs)
    current = [s for s in read_default(args.data) if s.is_current]
    embedder = load_embedder(preset.model)
    occupations = read_occupation_links(args.data)

    started = time.perf_counter()
    vectors = embed_catalogue(current, embedder=embedder, preset=preset, occupations=occupations)
    embedded = time.perf_counter()
    index = StandardsIndex.build(
        current, vectors=vectors, preset=preset, embedder=embedder, occupations=occupations
    )
    built = time.perf_counter()
    stored = vectors.to_bytes()
    print(f"Real catalogue: {len(current)} current standards, {index.unit_count} evidence units")
    print(f"  ingest: embed catalogue   {embedded - started:.2f} s")
    print(f"  index build (stored vecs) {built - embedded:.2f} s")
    print(f"  stored vectors            {len(stored) / 1e6:.1f} MB (.npz, float32)")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "vectors.npz"
        path.write_bytes(stored)
        child = subprocess.run(
            [
                sys.executable,
                __file__,
                "--cold-start-child",
                str(path),
                "--data",
                str(args.data),
                "--preset",
                preset.name,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        cache = Path(folder) / "standards-index-bench"
        started = time.perf_counter()
        index_cache.save(index, cache)
        saved = time.perf_counter() - started
        size = sum(f.stat().st_size for f in cache.iterdir()) / 1e6
        from_cache = subprocess.run(
            [sys.executable, __file__, "--cache-child", str(cache), "--preset", preset.name],
            capture_output=True,
            text=True,
            check=True,
        )
    print(f"  cold start, building:   {child.stdout.strip()}")
    print(f"  index cache: written in {saved:.2f} s, {size:.0f} MB of .npy arrays and msgpack")
    print(f"  cold start, from cache: {from_cache.stdout.strip()}")
    print(f"  query latency: {describe(latencies(index, queries, rounds=args.rounds))}")
    print(f"  peak RSS so far: {peak_rss_mb():.0f} MB")

    if args.synthetic_units:
        del index, vectors, stored
        synthetic = synthetic_catalogue(current, units=args.synthetic_units)
        started = time.perf_counter()
        big_vectors = embed_catalogue(
            synthetic, embedder=embedder, preset=preset, occupations=occupations
        )
        embedded = time.perf_counter()
        big = StandardsIndex.build(
            synthetic,
            vectors=big_vectors,
            preset=preset,
            embedder=embedder,
            occupations=occupations,
        )
        built = time.perf_counter()
        print(
            f"SYNTHETIC catalogue (resampled real text): {len(big)} standards, "
            f"{big.unit_count} evidence units"
        )
        print(f"  ingest: embed catalogue   {embedded - started:.2f} s")
        print(f"  index build (stored vecs) {built - embedded:.2f} s")
        print(f"  query latency: {describe(latencies(big, queries, rounds=args.rounds))}")
    print(f"Peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()

"""Gap analysis on a synthetic region (benchmark data, not real): 30 authorities, 60 standards,
2,000 needs and 1,000 offers, as a large combined authority might hold after a year.

    .venv/bin/python benchmarks/bench_gaps.py [--needs 2000] [--offers 1000]

Prints the analysis time (the area page's cost the first time after any change to needs or
loads; later views of the same figures come from a cache) and how the figures were protected.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter

from skillshub.domain.gaps import Need, StandardInfo, Supply, analyse
from skillshub.domain.geography import LocalAuthority, Point

SOURCES = ("register", "partner-api", "job-advert")


def synthetic(needs: int, offers: int, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    authorities = {
        f"E0800{i:04d}": LocalAuthority(
            f"E0800{i:04d}",
            f"Synthetic authority {i}",
            "E12000005",
            "West Midlands",
            "E47000007" if i < 7 else None,
            "Synthetic combined authority" if i < 7 else None,
            "England",
            Point(400000 + i * 5000, 280000 + (i % 5) * 6000),
        )
        for i in range(30)
    }
    standards = {
        f"ST{j:04d}": StandardInfo(f"ST{j:04d}", f"Standard {j}", f"Route {j % 8}", 4 + j % 2)
        for j in range(60)
    }

    def point() -> Point:
        return Point(400000 + rng.random() * 150000, 280000 + rng.random() * 30000)

    return {
        "authorities": authorities,
        "standards": standards,
        "needs": [
            Need(
                f"n{k}",
                rng.choice(SOURCES),
                (rng.choice(list(standards)),),
                rng.choice(list(authorities)),
                point(),
                headcount=rng.randint(1, 10),
            )
            for k in range(needs)
        ],
        "supply": [
            Supply(f"o{k}", 10000000 + k % 50, (rng.choice(list(standards)),), point())
            for k in range(offers)
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--needs", type=int, default=2000)
    parser.add_argument("--offers", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    data = synthetic(args.needs, args.offers, args.seed)
    started = time.perf_counter()
    table = analyse(**data)  # type: ignore[arg-type]
    took = time.perf_counter() - started
    shown = Counter(m.employers.status.value for m in table.measures.values())
    print(f"{args.needs:,} needs, {args.offers:,} offers: analysis {took:.2f} s")
    print(f"{len(table.measures):,} figures: " + ", ".join(f"{k} {v:,}" for k, v in shown.items()))


if __name__ == "__main__":
    main()

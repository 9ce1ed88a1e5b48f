"""Matching quality on the dev needs: nDCG@10, hit@3 and recall@10, as score.py defines them.

Pure Python (no Django): builds the index from the embedded Skills England data and searches
each need in-process. Usage:

    .venv/bin/python benchmarks/eval_matching.py                  # default preset, all 20 needs
    .venv/bin/python benchmarks/eval_matching.py --half a         # odd rows only (1st, 3rd, ...)
    .venv/bin/python benchmarks/eval_matching.py --ablations      # default, bm25-only, ...
    .venv/bin/python benchmarks/eval_matching.py --set dense_weight=0.6 --verbose

The halves split the file by row (a: rows 1, 3, 5...; b: rows 2, 4, 6...) so one half can be
kept unseen while developing. Figures are descriptive; the hidden release set is the judge.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from skillshub.domain.search import Embedder, StandardsIndex, get_preset  # noqa: E402
from skillshub.domain.search.presets import Preset  # noqa: E402
from skillshub.sources.embedding_models import load_embedder  # noqa: E402
from skillshub.sources.occupations import read_occupation_links  # noqa: E402
from skillshub.sources.skills_england import read_default  # noqa: E402
from skillshub.sources.word_frequency import english_zipf  # noqa: E402

DEFAULT_EVAL_DIR = ROOT.parent / "shared" / "eval"
ABLATIONS = ("default", "bm25-only", "dense-only", "fat-like")
HUB_LEVELS = {4, 5}
"""share45: of the top 5, the share at Level 4-5, over needs whose ideal answers are all Level 4-5
(the issue's target is 0.75 or more)."""


def load_score_module(eval_dir: Path) -> ModuleType:
    """score.py's own functions (load, ndcg), so the metric definitions cannot drift."""
    spec = importlib.util.spec_from_file_location("skillshub_eval_score", eval_dir / "score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load {eval_dir / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def needs(score: ModuleType, path: Path, half: str) -> list[tuple[str, dict[str, int]]]:
    rows = list(score.load(str(path)))
    if half == "a":
        return rows[0::2]
    if half == "b":
        return rows[1::2]
    return rows


def evaluate(
    index: StandardsIndex,
    rows: list[tuple[str, dict[str, int]]],
    score: ModuleType,
    *,
    verbose: bool = False,
) -> dict[str, float]:
    ndcgs, hits, recalls, times, shares = [], [], [], [], []
    levels = {s.reference: s.level for s in index.standards}
    for query, grades in rows:
        started = time.perf_counter()
        outcome = index.search(query, limit=10)
        times.append(time.perf_counter() - started)
        ranking = [m.reference for m in outcome.matches]
        ideal_levels = {levels.get(r) for r, g in grades.items() if g == 2}
        if ideal_levels <= HUB_LEVELS and outcome.matches:
            top = outcome.matches[:5]
            shares.append(sum(m.level in HUB_LEVELS for m in top) / len(top))
        ideal = [r for r, g in grades.items() if g == 2]
        ndcgs.append(score.ndcg(ranking, grades))
        hits.append(any(grades.get(r) == 2 for r in ranking[:3]))
        recalls.append(sum(r in ranking[:10] for r in ideal) / len(ideal))
        if verbose:
            marks = " ".join(
                f"{r}{'**' if grades.get(r) == 2 else '*' if r in grades else ''}"
                for r in ranking[:5]
            )
            print(f"  {ndcgs[-1]:.2f}  {query[:60]:60}  {marks}")
    n = len(rows)
    return {
        "ndcg@10": sum(ndcgs) / n,
        "hit@3": sum(hits) / n,
        "recall@10": sum(recalls) / n,
        "ms/query": 1000 * sum(times) / n,
        "share45": sum(shares) / len(shares) if shares else float("nan"),
        "share45_needs": len(shares),
    }


def silver_rows(
    standards: list[Any], *, count: int, words: int
) -> list[tuple[str, dict[str, int]]]:
    """A larger, self-made check that owes nothing to the dev needs: each standard's one-line
    overview, cut to its first `words` words, as the query, and that standard as the answer.
    Run against an index built without overview units, so the answer cannot match itself."""
    rows = []
    for standard in sorted(standards, key=lambda s: s.reference)[:count]:
        text = " ".join(standard.overview.split()[:words])
        if text:
            rows.append((text, {standard.reference: 2}))
    return rows


def _override(preset: Preset, settings: list[str]) -> Preset:
    changes: dict[str, Any] = {}
    fields = {f.name: f for f in dataclasses.fields(preset)}
    for setting in settings:
        key, _, raw = setting.partition("=")
        if key not in fields:
            sys.exit(f"unknown preset field {key!r}")
        current = getattr(preset, key)
        if isinstance(current, bool):
            changes[key] = raw.lower() in {"1", "true", "yes"}
        elif isinstance(current, (int, float, str)):
            changes[key] = type(current)(raw)
        else:
            sys.exit(f"field {key!r} cannot be set from the command line")
    return dataclasses.replace(preset, **changes) if changes else preset


def embedder_for(preset: Preset) -> Embedder | None:
    """The preset's model (read once per process), or None for a keyword-only preset."""
    return load_embedder(preset) if preset.use_dense else None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--needs", type=Path, help="needs file (default: EVAL_DIR/needs_dev.tsv)")
    parser.add_argument("--half", choices=("a", "b", "all"), default="all")
    parser.add_argument("--preset", action="append", help="preset name (repeatable)")
    parser.add_argument("--ablations", action="store_true", help="run " + ", ".join(ABLATIONS))
    parser.add_argument("--set", action="append", default=[], help="override: field=value")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--silver",
        type=int,
        default=0,
        metavar="N",
        help="also score N overview-as-query needs (overview units withheld from the index)",
    )
    parser.add_argument("--silver-words", type=int, default=12)
    args = parser.parse_args(argv)

    score = load_score_module(args.eval_dir)
    rows = needs(score, args.needs or args.eval_dir / "needs_dev.tsv", args.half)
    current = [s for s in read_default(args.data) if s.is_current]
    occupations = read_occupation_links(args.data)
    names = list(ABLATIONS) if args.ablations else (args.preset or ["default"])
    halves = ("all", "a", "b") if args.half == "all" and args.ablations else (args.half,)
    print(f"{len(current)} current standards; {len(rows)} needs (half: {args.half})")
    for name in names:
        preset = _override(get_preset(name), args.set)
        index = StandardsIndex.embed_and_build(
            current, preset=preset, embedder=embedder_for(preset), occupations=occupations
        )
        index.word_frequency = english_zipf
        for half in halves:
            subset = needs(score, args.needs or args.eval_dir / "needs_dev.tsv", half)
            figures = evaluate(index, subset, score, verbose=args.verbose and half == halves[0])
            print(
                f"{name:12} half={half:3}  nDCG@10 {figures['ndcg@10']:.3f}  "
                f"hit@3 {figures['hit@3']:.3f}  recall@10 {figures['recall@10']:.3f}  "
                f"L4-5 share of top 5 {figures['share45']:.2f} ({figures['share45_needs']} needs)  "
                f"({len(subset)} needs, {figures['ms/query']:.1f} ms/query)"
            )
        if args.silver:
            kinds = tuple(k for k in preset.unit_kinds if k != "overview")
            withheld = dataclasses.replace(preset, unit_kinds=kinds)
            silver_index = StandardsIndex.embed_and_build(
                current, preset=withheld, embedder=embedder_for(withheld), occupations=occupations
            )
            silver_index.word_frequency = english_zipf
            standards = [s for s in current if s.kind == "standard"]
            hub = [s for s in standards if s.level in HUB_LEVELS]
            for label, pool in (("silver", standards), ("silver-4-5", hub)):
                silver = silver_rows(pool, count=args.silver, words=args.silver_words)
                figures = evaluate(silver_index, silver, score)
                print(
                    f"{name:12} {label:10} nDCG@10 {figures['ndcg@10']:.3f}  "
                    f"hit@3 {figures['hit@3']:.3f}  recall@10 {figures['recall@10']:.3f}  "
                    f"L4-5 share of top 5 {figures['share45']:.2f}  "
                    f"({len(silver)} overview needs)"
                )


if __name__ == "__main__":
    main()

"""Draw a seeded random sample of KSB -> ESCO mappings from the embedded data, for judging.

Usage:

    .venv/bin/python benchmarks/esco_sample.py                      # spread + the sample, printed
    .venv/bin/python benchmarks/esco_sample.py --out sample.tsv     # the sample as a TSV to judge

With `--qualifications`, the same for each Level 4-5 qualification's title (its subject).

Maps every knowledge and skill statement of the current standards exactly as the standards
ingest does (same units, same model, `esco_mapping.DEFAULT`), prints the spread of the best
confidences and the share in each band, then draws `--size` statements at random (seed
`--seed`) and prints each with its best ESCO skill. The judged copy is
docs/esco_precision_sample.tsv (verdicts added by hand; see docs/model-card.md).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from skillshub.domain import esco_mapping  # noqa: E402
from skillshub.domain.qualification_links import subject  # noqa: E402
from skillshub.domain.search import get_preset  # noqa: E402
from skillshub.domain.search.embeddings import unit_text  # noqa: E402
from skillshub.domain.search.units import index_units  # noqa: E402
from skillshub.sources import esco, funded_qualifications, skills_england  # noqa: E402
from skillshub.sources.embedding_models import load_embedder  # noqa: E402
from skillshub.sources.limits import gunzip  # noqa: E402

COLUMNS = ("seed", "reference", "ref", "ksb", "esco_label", "esco_uri", "cosine", "shared_words")
COLUMNS += ("confidence", "band", "verdict")


def _statements(data: Path) -> list[tuple[str, str, str, str]]:
    """(reference, KSB ref, text, what is embedded) for each current knowledge or skill."""
    raw = (data / skills_england.CATALOGUE_FILE).read_bytes()
    payload = skills_england.load_json(gunzip(raw, source="catalogue"), source="catalogue")
    records, dropped = skills_england.parse_records(payload, source="catalogue")
    catalogue = skills_england.build_catalogue(records, units=[], duplicates_dropped=dropped)
    return [
        (standard.reference, unit.ref, unit.text, unit_text(unit))
        for standard in catalogue.shown
        if standard.is_current
        for unit in index_units(standard, preset=get_preset("default"), occupations=None)
        if unit.kind in ("knowledge", "skill") and unit.ref
    ]


def _qualifications(data: Path) -> list[tuple[str, str, str, str]]:
    """(number, 'title', subject, what is embedded) for each Level 4-5 qualification, as the
    qualifications ingest maps them."""
    path = data / funded_qualifications.EMBEDDED_FILE
    rows = funded_qualifications.parse(path.read_bytes(), source=str(path))
    return [
        (q.number, "title", subject(q), subject(q).lower())
        for q in rows
        if q.is_product and subject(q)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--size", type=int, default=120)
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--qualifications",
        action="store_true",
        help="sample Level 4-5 qualification titles (their subjects) instead of KSBs",
    )
    parser.add_argument(
        "--lexical-weight",
        type=float,
        help="another weight for the word check (0 = cosine alone), for the ablation",
    )
    args = parser.parse_args()

    data = ROOT / "data"
    started = time.perf_counter()
    embedder = load_embedder(get_preset("default"))
    statements = _qualifications(data) if args.qualifications else _statements(data)
    skills = esco.read_skills(data / esco.SKILLS_FILE)
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    vocabulary = esco_mapping.EscoVocabulary.build(
        skills, embedder.embed([esco_mapping.label_text(s) for s in skills])
    )
    vocabulary_s = time.perf_counter() - started
    vectors = embedder.embed([embedded for _, _, _, embedded in statements])
    started = time.perf_counter()
    preset = esco_mapping.DEFAULT
    if args.lexical_weight is not None:
        preset = dataclasses.replace(preset, lexical_weight=args.lexical_weight)
    matches = esco_mapping.map_texts(
        [text for _, _, text, _ in statements], vectors, vocabulary=vocabulary, preset=preset
    )
    map_s = time.perf_counter() - started

    best = np.array([found[0].confidence for found in matches])
    bands = [found[0].band for found in matches]
    what = "Level 4-5 qualification titles" if args.qualifications else "statements"
    print(f"{len(statements)} {what}, {len(skills)} ESCO skills")
    print(f"read {read_s:.1f} s; ESCO labels embedded {vocabulary_s:.1f} s; mapped {map_s:.1f} s")
    print("best confidence percentiles 10/25/50/75/90:", np.percentile(best, [10, 25, 50, 75, 90]))
    for name in esco_mapping.BANDS:
        print(f"  {name}: {bands.count(name) / len(bands):.1%}")
    print(f"skills kept per statement: {np.mean([len(f) for f in matches]):.2f} on average")

    chosen = sorted(random.Random(args.seed).sample(range(len(statements)), args.size))
    rows = []
    for index in chosen:
        reference, ref, text, _ = statements[index]
        top = matches[index][0]
        rows.append(
            {
                "seed": args.seed,
                "reference": reference,
                "ref": ref,
                "ksb": " ".join(text.split()),
                "esco_label": top.label,
                "esco_uri": top.uri,
                "cosine": f"{top.cosine:.4f}",
                "shared_words": " ".join(top.shared_words),
                "confidence": f"{top.confidence:.4f}",
                "band": top.band,
                "verdict": "",
            }
        )
    if args.out:
        with args.out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter="\t")
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {len(rows)} rows to {args.out}")
    else:
        for row in rows:
            print(
                f"{row['reference']} {row['ref']} [{row['band']} {row['confidence']}] "
                f"{row['ksb'][:120]}\n    -> {row['esco_label']}"
            )


if __name__ == "__main__":
    main()

"""Precision of the KSB -> ESCO mapping on the hand-judged sample (docs/esco_precision_sample.tsv).

Usage:

    .venv/bin/python benchmarks/esco_precision.py [TSV]
    .venv/bin/python benchmarks/esco_precision.py docs/esco_qualifications_sample.tsv

Prints, overall and per band, how many mappings were judged and the share correct (strict) and
correct or partly correct (lenient), for the mapping as shipped (`verdict`) and for the same
statements mapped by cosine alone (`cosine_only_verdict`, the ablation of the word check; the
KSB sample only). The qualifications sample judges Level 4-5 qualification titles the same way.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from skillshub.domain.esco_mapping import precision  # noqa: E402

SAMPLE = ROOT / "docs" / "esco_precision_sample.tsv"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    print(f"{len(rows)} judged statements, seed {rows[0]['seed']}")
    for column in ("verdict", "cosine_only_verdict")[
        : 2 if "cosine_only_verdict" in rows[0] else 1
    ]:
        print(f"\n{column}: band, judged, strict precision, lenient precision")
        for item in precision([(r["band"], r[column]) for r in rows]):
            print(f"  {item.band:7} {item.judged:4}  {item.strict:.3f}  {item.lenient:.3f}")


if __name__ == "__main__":
    main()

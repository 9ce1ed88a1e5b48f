"""Rebuild esco_skills.csv.gz from ESCO v1.1.1 (English CSV): the skills and knowledge concepts.

    python data/esco/build_esco_skills.py ESCO_DIR

Keeps, per released skill or knowledge concept, only what the KSB mapping reads and shows: its
URI, preferred label, skill type, reuse level and description (whitespace-normalised, cut to
400 characters). Deterministic: sorted by URI, gzip written without a timestamp.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from pathlib import Path

csv.field_size_limit(10**8)
FIELDS = ("conceptUri", "preferredLabel", "skillType", "reuseLevel", "description")
MAX_DESCRIPTION = 400


def rows(directory: Path) -> list[dict[str, str]]:
    with (directory / "skills_en.csv").open(encoding="utf-8") as handle:
        out = []
        for row in csv.DictReader(handle):
            if row["status"] != "released":
                continue
            record = {field: " ".join(row[field].split()) for field in FIELDS}
            record["description"] = record["description"][:MAX_DESCRIPTION]
            out.append(record)
    return sorted(out, key=lambda r: r["conceptUri"])


def main(directory: Path) -> None:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(directory))
    target = Path(__file__).with_name("esco_skills.csv.gz")
    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(text.getvalue().encode("utf-8"))


if __name__ == "__main__":
    main(Path(sys.argv[1]))

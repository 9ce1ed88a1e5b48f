"""Rebuild occupations.json.gz from ESCO v1.1.1 (English CSV) and ONS SOC 2020 unit groups.

    python data/occupations/build_occupations.py ESCO_DIR SOC2020_CSV

Keeps, per occupation, only what the matcher reads: its names (preferred and alternative
labels / related job titles), its description sentences and task statements, and (ESCO) the
preferred labels of its essential skills and knowledge. Deterministic: sorted by source, code.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

csv.field_size_limit(10**8)


def _lines(text: str) -> list[str]:
    out = []
    for line in text.replace("\r", "").split("\n"):
        line = " ".join(line.strip().lstrip("~").split())
        if line and line not in out:
            out.append(line)
    return out


def esco(directory: Path) -> list[dict[str, object]]:
    with (directory / "skills_en.csv").open(encoding="utf-8") as handle:
        skill_label = {row["conceptUri"]: row["preferredLabel"] for row in csv.DictReader(handle)}
    essential: dict[str, list[str]] = defaultdict(list)
    with (directory / "occupationSkillRelations.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            label = skill_label.get(row["skillUri"])
            if row["relationType"] == "essential" and label:
                essential[row["occupationUri"]].append(label)
    out = []
    with (directory / "occupations_en.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["status"] != "released":
                continue
            labels = _lines(row["preferredLabel"] + "\n" + row["altLabels"])
            out.append(
                {
                    "source": "ESCO",
                    "code": row["code"],
                    "title": row["preferredLabel"],
                    "labels": labels,
                    "texts": _lines(row["description"]),
                    "skills": sorted(set(essential[row["conceptUri"]])),
                }
            )
    return out


def soc(path: Path) -> list[dict[str, object]]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["level"] != "unit_group":
                continue
            out.append(
                {
                    "source": "SOC2020",
                    "code": row["soc2020_code"],
                    "title": row["title"],
                    "labels": _lines(row["title"] + "\n" + row["related_job_titles"]),
                    "texts": _lines(row["description"]) + _lines(row["tasks"]),
                    "skills": [],
                }
            )
    return out


def main() -> None:
    esco_dir, soc_csv = Path(sys.argv[1]), Path(sys.argv[2])
    occupations = sorted(esco(esco_dir) + soc(soc_csv), key=lambda o: (o["source"], o["code"]))
    target = Path(__file__).with_name("occupations.json.gz")
    payload = json.dumps(occupations, ensure_ascii=False, sort_keys=True, indent=0).encode()
    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(payload)
    print(f"{len(occupations)} occupations -> {target} ({target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

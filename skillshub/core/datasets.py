"""What data the hub currently serves, as table rows for the about page."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from skillshub.core.models import DatasetLoad


def latest_loads() -> list[DatasetLoad]:
    latest: dict[str, DatasetLoad] = {}
    for load in DatasetLoad.objects.order_by("-loaded_at", "-id"):
        latest.setdefault(load.dataset, load)
    return sorted(latest.values(), key=lambda load: load.dataset)


def provenance_rows() -> list[list[dict[str, Any]]]:
    rows = []
    for load in latest_loads():
        counts = ", ".join(f"{count:,} {name}" for name, count in load.row_counts.items())
        rows.append(
            [
                {"text": load.dataset},
                {"text": load.source},
                {"text": counts},
                {"text": load.licence},
                {"text": timezone.localtime(load.loaded_at).strftime("%-d %B %Y %H:%M")},
                {"html": f'<code class="app-hash">{load.sha256[:12]}</code>'},
            ]
        )
    return rows

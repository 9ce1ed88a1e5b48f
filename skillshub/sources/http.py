"""Download a file over HTTP(S) with a timeout, bounded retries and a progress callback."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from skillshub.sources.errors import SourceError
from skillshub.sources.limits import max_bytes

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
USER_AGENT = "skillshub/0.1 (+https://github.com/skillshub)"

ProgressCallback = Callable[[int, int | None], None]
"""Called with (bytes received so far, total bytes or None when the server does not say)."""


@dataclass(frozen=True)
class Download:
    url: str
    content: bytes
    content_type: str


def fetch(
    url: str,
    *,
    timeout_s: float = 60.0,
    attempts: int = 3,
    backoff_s: float = 2.0,
    progress: ProgressCallback | None = None,
    headers: dict[str, str] | None = None,
    opener: Callable[..., object] = urllib.request.urlopen,
    limit: int | None = None,
) -> Download:
    """Fetch ``url`` whole, retrying transient failures; raise SourceError when it cannot.

    A download larger than ``limit`` (default SKILLSHUB_MAX_FILE_MB) is stopped and refused.
    """
    most = max_bytes() if limit is None else limit
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
    last_problem = "no attempt made"
    for attempt in range(1, attempts + 1):
        try:
            with opener(request, timeout=timeout_s) as response:  # type: ignore[attr-defined]
                total = response.headers.get("Content-Length")
                expected = int(total) if total and total.isdigit() else None
                chunks: list[bytes] = []
                received = 0
                while chunk := response.read(1 << 16):
                    chunks.append(chunk)
                    received += len(chunk)
                    if received > most or (expected or 0) > most:
                        raise SourceError(
                            f"the download is larger than {most:,} bytes, the most the hub "
                            "reads (SKILLSHUB_MAX_FILE_MB)",
                            source=url,
                        )
                    if progress:
                        progress(received, expected)
                if expected is not None and received != expected:
                    raise SourceError(
                        f"download stopped after {received} of {expected} bytes", source=url
                    )
                return Download(
                    url=url,
                    content=b"".join(chunks),
                    content_type=response.headers.get("Content-Type", ""),
                )
        except urllib.error.HTTPError as error:
            last_problem = f"HTTP {error.code} {error.reason}"
            if error.code not in RETRY_STATUSES:
                break
            retry_after = error.headers.get("Retry-After", "") if error.headers else ""
            wait = float(retry_after) if retry_after.isdigit() else backoff_s * attempt
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
            last_problem = str(getattr(error, "reason", error))
            wait = backoff_s * attempt
        if attempt < attempts:
            time.sleep(wait)
    raise SourceError(
        f"could not download after {attempts} attempt(s): {last_problem}. "
        "Check the address and your network, or load the embedded data instead.",
        source=url,
    )

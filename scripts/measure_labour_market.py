"""Measure /labour-market/ in headless Chromium: bytes on the wire and time to draw every chart.

Run against a running hub (``make run``, or any server holding the embedded ONS data):

    .venv/bin/python scripts/measure_labour_market.py [--url http://127.0.0.1:8000] [--runs 3]

Each run is a fresh browser context (empty cache). Transfer is the sum of Chromium's
``encodedDataLength`` for every response (headers plus compressed body, as sent), so it counts
the HTML, CSS, JavaScript and data exactly as a first-time visitor downloads them. Times are from
the start of navigation to the load event and to the moment every ``.app-chart`` carries
``data-drawn`` (and that moment after the load event, 0 if before); layout shift is the page's
cumulative layout shift score. Figures are the median of the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from typing import Any

CHROMIUM = os.environ.get("SKILLSHUB_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Records when every chart is drawn, whichever way the page marks it (attribute or event).
WATCH_DRAWING = """
(() => {
  const done = () => {
    const charts = document.querySelectorAll('.app-chart');
    return charts.length > 0 &&
      document.querySelectorAll('.app-chart[data-drawn=true]').length === charts.length;
  };
  const check = () => {
    if (window.__allDrawnAt === undefined && done()) { window.__allDrawnAt = performance.now(); }
    if (window.__allDrawnAt === undefined) { requestAnimationFrame(check); }
  };
  requestAnimationFrame(check);
  window.__shift = 0;
  new PerformanceObserver((list) => {
    list.getEntries().forEach((e) => { if (!e.hadRecentInput) { window.__shift += e.value; } });
  }).observe({ type: 'layout-shift', buffered: true });
})();
"""


def measure_once(browser: Any, url: str) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(WATCH_DRAWING)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes: dict[str, float] = {}
    urls: dict[str, str] = {}
    cdp.on(
        "Network.responseReceived", lambda e: urls.update({e["requestId"]: e["response"]["url"]})
    )
    cdp.on(
        "Network.loadingFinished", lambda e: sizes.update({e["requestId"]: e["encodedDataLength"]})
    )
    page.goto(url, wait_until="load", timeout=120_000)
    page.wait_for_function("() => window.__allDrawnAt !== undefined", timeout=120_000)
    page.wait_for_load_state("networkidle")
    timing = page.evaluate(
        "(() => { const n = performance.getEntriesByType('navigation')[0];"
        " return {load: n.loadEventStart, drawn: window.__allDrawnAt, shift: window.__shift,"
        " charts: document.querySelectorAll('.app-chart').length}; })()"
    )
    by_file = {urls.get(rid, rid): int(size) for rid, size in sizes.items()}
    context.close()
    return {
        "transfer_bytes": sum(by_file.values()),
        "largest": sorted(by_file.items(), key=lambda item: -item[1])[:5],
        "charts": timing["charts"],
        "load_ms": round(timing["load"]),
        "drawn_ms": round(timing["drawn"]),
        "drawn_after_load_ms": max(0, round(timing["drawn"] - timing["load"])),
        "layout_shift": round(timing["shift"], 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the hub's address")
    parser.add_argument("--path", default="/labour-market/", help="the page to measure")
    parser.add_argument("--runs", type=int, default=3, help="fresh loads to take the median of")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        runs = [measure_once(browser, args.url.rstrip("/") + args.path) for _ in range(args.runs)]
        browser.close()
    summary = {
        "page": args.path,
        "runs": args.runs,
        "charts": runs[-1]["charts"],
        "transfer_kb": round(statistics.median(r["transfer_bytes"] for r in runs) / 1024, 1),
        "load_ms": statistics.median(r["load_ms"] for r in runs),
        "drawn_ms": statistics.median(r["drawn_ms"] for r in runs),
        "drawn_after_load_ms": statistics.median(r["drawn_after_load_ms"] for r in runs),
        "layout_shift": statistics.median(r["layout_shift"] for r in runs),
        "largest_responses": runs[-1]["largest"],
    }
    json.dump(summary, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

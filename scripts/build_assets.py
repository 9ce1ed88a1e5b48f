"""Build the locally served front-end assets: GOV.UK Frontend (compiled in Arial) and plotly.js.

plotly.js is the npm partial bundle `plotly.js-basic-dist-min` (scatter, bar and pie traces:
1.2 MB, 0.33 MB in brotli), not the full 4.8 MB build the Python `plotly` package carries.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLOTLY = ROOT / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
VENDOR = ROOT / "skillshub" / "web" / "static" / "vendor"
GOVUK = ROOT / "node_modules" / "govuk-frontend" / "dist" / "govuk"


def main() -> int:
    if not GOVUK.exists():
        print("node_modules/govuk-frontend is missing: run `npm ci` first", file=sys.stderr)
        return 1
    (VENDOR / "govuk").mkdir(parents=True, exist_ok=True)
    shutil.copy2(GOVUK / "govuk-frontend.min.js", VENDOR / "govuk" / "govuk-frontend.min.js")
    images = VENDOR / "govuk" / "assets" / "images"
    shutil.rmtree(images, ignore_errors=True)
    shutil.copytree(GOVUK / "assets" / "images", images)
    shutil.copy2(GOVUK / "assets" / "manifest.json", VENDOR / "govuk" / "assets" / "manifest.json")
    subprocess.run(["npm", "run", "--silent", "build"], cwd=ROOT, check=True)

    if not PLOTLY.exists():
        print("node_modules/plotly.js-basic-dist-min is missing: run `npm ci`", file=sys.stderr)
        return 1
    shutil.copy2(PLOTLY, VENDOR / "plotly-basic.min.js")
    (VENDOR / "plotly.min.js").unlink(missing_ok=True)  # the full build earlier versions copied
    # axe-core is a test tool (tests/browser reads it from node_modules), not served.
    (VENDOR / "axe.min.js").unlink(missing_ok=True)
    print(f"assets built in {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

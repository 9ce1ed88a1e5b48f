"""Build the locally served front-end assets: GOV.UK Frontend (compiled in Arial) and plotly.js."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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

    import plotly

    plotly_js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    shutil.copy2(plotly_js, VENDOR / "plotly.min.js")
    axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    if axe.exists():
        shutil.copy2(axe, VENDOR / "axe.min.js")
    print(f"assets built in {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

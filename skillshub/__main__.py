"""Allow `python -m skillshub`."""

import sys

from skillshub.cli import main

sys.exit(main())

"""Django settings for the tests: the real ones, with strict templates and a throw-away home."""

import os
import tempfile

os.environ["SKILLSHUB_STRICT_TEMPLATES"] = "1"
os.environ.setdefault("SKILLSHUB_HOME", tempfile.mkdtemp(prefix="skillshub-tests-"))

from skillshub.web.settings import *  # noqa: F403

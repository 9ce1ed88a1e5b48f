"""Django settings for the tests: the real ones, with strict templates and a throw-away home."""

import atexit
import os
import shutil
import tempfile

os.environ["SKILLSHUB_STRICT_TEMPLATES"] = "1"
# Every test client is 127.0.0.1: throttling tests set their own rate (tests/api/test_limits.py).
os.environ.setdefault("SKILLSHUB_API_RATE", "100000/m")
# Ingests run in the test process: they must not lower its priority (nothing else is serving).
os.environ.setdefault("SKILLSHUB_INGEST_NICE", "0")
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
_inherited = (  # a parallel worker (pytest -n) holding the controller's own throw-away home
    _worker
    and os.environ.get("SKILLSHUB_TESTS_HOME_FOR", "") != _worker
    and os.environ.get("SKILLSHUB_TESTS_MADE_HOME") == os.environ.get("SKILLSHUB_HOME")
)
if "SKILLSHUB_HOME" not in os.environ or _inherited:
    # A home of its own for each run, removed when the run ends (the database, caches, key);
    # each parallel worker makes its own, so no two processes write one SQLite file or cache.
    # (Processes the tests start inherit their worker's home, or the one the test gives them.)
    os.environ["SKILLSHUB_HOME"] = tempfile.mkdtemp(prefix="skillshub-tests-")
    os.environ["SKILLSHUB_TESTS_MADE_HOME"] = os.environ["SKILLSHUB_HOME"]
    os.environ["SKILLSHUB_TESTS_HOME_FOR"] = _worker
    atexit.register(shutil.rmtree, os.environ["SKILLSHUB_HOME"], ignore_errors=True)

from skillshub.web.settings import *  # noqa: E402, F403 (after choosing the home above)

# The tests do not run collectstatic: files keep their plain names, found where they are.
# (tests/browser/test_dashboard_in_browser.py collects them to measure the compressed page.)
STATIC_ROOT = None
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Django's default hasher makes every sign-in cost about half a second of CPU on purpose; the
# tests sign in hundreds of times. The hub's own settings keep the default (tests/core/
# test_security.py checks it), so only the tests trade that protection for speed.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

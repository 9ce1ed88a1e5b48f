"""One typed settings source for Skills Hub: environment > .env file > defaults."""

from __future__ import annotations

import contextlib
import os
import secrets
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PLACEHOLDERS = {"changeme", "change-me", "secret", "xxx", "todo"}
# The public key of the first release: refused, so cookies anyone could sign with it are not
# accepted (a forged flash-message cookie put raw HTML on a provider's page).
OLD_PUBLIC_SECRETS = {"insecure-development-key-do-not-use-in-production"}
SECRET_KEY_FILE = "secret_key"


class Settings(BaseSettings):
    """Every setting the hub reads, each with the help a person needs to set it."""

    model_config = SettingsConfigDict(
        env_prefix="SKILLSHUB_", env_file=".env", extra="ignore", frozen=True
    )

    home: Path = Field(
        default=Path("~/.local/share/skillshub"),
        description="Folder for the SQLite database and caches (SKILLSHUB_HOME).",
    )
    database_url: str = Field(
        default="",
        validation_alias="DATABASE_URL",
        description="Database URL (DATABASE_URL), e.g. postgres://user:pw@host/db; "
        "empty means a SQLite file under SKILLSHUB_HOME.",
    )
    data_dir: Path = Field(
        default=REPO_DATA_DIR,
        description="Folder holding the embedded default data (SKILLSHUB_DATA_DIR).",
    )
    secret_key: SecretStr = Field(
        default=SecretStr(""),
        description="Django secret key (SKILLSHUB_SECRET_KEY); empty means a random key "
        "generated on first run into SKILLSHUB_HOME/secret_key (mode 0600) and reused after. "
        "Set it when several hosts serve the same site.",
    )
    production: bool = Field(
        default=False,
        description="Production security (SKILLSHUB_PRODUCTION): HTTPS only, HSTS, Secure "
        "cookies; `skillshub serve` behind TLS should set it.",
    )
    hsts_seconds: int = Field(
        default=31_536_000,
        ge=0,
        description="Strict-Transport-Security max-age when SKILLSHUB_PRODUCTION is on "
        "(SKILLSHUB_HSTS_SECONDS).",
    )
    hsts_preload: bool = Field(
        default=False,
        description="Ask browsers to preload HSTS for the domain (SKILLSHUB_HSTS_PRELOAD); hard "
        "to undo, so off unless you mean it.",
    )
    trusted_proxies: int = Field(
        default=0,
        ge=0,
        le=5,
        description="How many reverse proxies in front of the hub (SKILLSHUB_TRUSTED_PROXIES): "
        "with 1 or more, X-Forwarded-Proto says whether the request was HTTPS and the client "
        "address is read from X-Forwarded-For, that many entries from the right. Leave 0 when "
        "clients reach the hub directly, or they could forge both.",
    )
    csrf_trusted_origins: list[str] = Field(
        default=[],
        description="Origins allowed to post forms (SKILLSHUB_CSRF_TRUSTED_ORIGINS, JSON list), "
        'e.g. ["https://skills.example.gov.uk"] when a proxy changes the host.',
    )
    cache_url: str = Field(
        default="locmem://",
        description="Cache for rate limits and throttling (SKILLSHUB_CACHE_URL): locmem:// "
        "(one process), db:// (a table in the database; use it with several workers or "
        "hosts) or file:///path.",
    )
    api_rate: str = Field(
        default="300/m",
        description="Requests a client address may make to /api/ (SKILLSHUB_API_RATE), "
        "as count/period, period s, m, h or d.",
    )
    sign_in_attempts: int = Field(
        default=10,
        ge=1,
        description="Wrong provider sign-ins allowed per account, and 3 times that per client "
        "address, within SKILLSHUB_SIGN_IN_LOCKOUT_S, before sign-in is refused "
        "(SKILLSHUB_SIGN_IN_ATTEMPTS).",
    )
    sign_in_lockout_s: int = Field(
        default=900,
        ge=1,
        description="Window for counting wrong sign-ins and length of the lockout, seconds "
        "(SKILLSHUB_SIGN_IN_LOCKOUT_S).",
    )
    session_age_s: int = Field(
        default=14 * 24 * 3600,
        ge=60,
        description="How long a session (a provider's sign-in, an employer's shortlist) "
        "lasts, seconds (SKILLSHUB_SESSION_AGE_S); expired ones are deleted at each ingest.",
    )
    max_upload_mb: int = Field(
        default=10,
        ge=1,
        description="Largest request body the site accepts, MB (SKILLSHUB_MAX_UPLOAD_MB); "
        "the provider CSV upload itself is limited to 5 MB.",
    )
    max_file_mb: int = Field(
        default=512,
        ge=1,
        description="Largest file, download or decompressed member an ingest reads, MB "
        "(SKILLSHUB_MAX_FILE_MB); a bigger one (or a zip or gzip bomb) is refused.",
    )
    ingest_nice: int = Field(
        default=19,
        ge=0,
        le=19,
        description="CPU priority an ingest lowers itself to, as `nice` counts "
        "(SKILLSHUB_INGEST_NICE; 0 leaves it): on a machine that also serves, the requests come "
        "first (measured: slowest request 1.8 s during a standards ingest at 19, 2.2 s at 0).",
    )
    debug: bool = Field(default=False, description="Show debug pages (SKILLSHUB_DEBUG).")
    allowed_hosts: list[str] = Field(
        default=["localhost", "127.0.0.1", "[::1]", "testserver"],
        description="Host names the site answers to (SKILLSHUB_ALLOWED_HOSTS, JSON list).",
    )
    search_preset: str = Field(
        default="default", description="Named matching preset (SKILLSHUB_SEARCH_PRESET)."
    )
    http_timeout_s: float = Field(
        default=120.0, gt=0, description="Timeout for downloads from live sources, seconds."
    )
    fat_api_key: SecretStr = Field(
        default=SecretStr(""),
        description="Subscription key for the Find Apprenticeship Training API "
        "(SKILLSHUB_FAT_API_KEY), used by `skillshub ingest provision --from-api URL`.",
    )
    strict_templates: bool = Field(
        default=False,
        description="Render undefined template variables as a visible marker "
        "(SKILLSHUB_STRICT_TEMPLATES); the test suite turns this on and fails on the marker.",
    )

    @field_validator("home", "data_dir")
    @classmethod
    def _expand(cls, value: Path) -> Path:
        return value.expanduser()

    @model_validator(mode="after")
    def _no_placeholders(self) -> Settings:
        key = self.secret_key.get_secret_value().strip()
        if key and (key.lower() in PLACEHOLDERS or key in OLD_PUBLIC_SECRETS or len(key) < 32):
            raise ValueError(
                "SKILLSHUB_SECRET_KEY is a placeholder, public or shorter than 32 characters; "
                "unset it (a random key is generated into SKILLSHUB_HOME) or set one made with "
                "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`"
            )
        rate = self.api_rate.split("/")
        if len(rate) != 2 or not rate[0].isdigit() or rate[1] not in {"s", "m", "h", "d"}:
            raise ValueError(f"SKILLSHUB_API_RATE '{self.api_rate}' is not like 300/m")
        cache_config(self.cache_url)
        return self

    @property
    def sqlite_path(self) -> Path:
        return self.home / "skillshub.sqlite3"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.sqlite_path}"

    def effective_secret_key(self) -> str:
        """SKILLSHUB_SECRET_KEY, else this home's own random key (made on first use)."""
        key = self.secret_key.get_secret_value().strip()
        if key:
            return key
        try:
            return home_secret_key(self.home)
        except OSError as error:
            raise RuntimeError(
                f"cannot keep a secret key in {self.home} ({error.strerror}): make the folder "
                "writable, point SKILLSHUB_HOME elsewhere, or set SKILLSHUB_SECRET_KEY"
            ) from error


def home_secret_key(home: Path) -> str:
    """The random key kept in ``home``: created once, atomically, readable by its owner only.

    Written to a temporary file (mode 0600) and linked into place, so two processes starting
    together agree on one key and none ever reads a half-written file.
    """
    path = home / SECRET_KEY_FILE
    try:
        key = path.read_text().strip()
    except FileNotFoundError:
        key = ""
    if key:
        return key
    home.mkdir(parents=True, exist_ok=True)
    temporary = home / f".{SECRET_KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(50) + "\n")
        with contextlib.suppress(FileExistsError):  # another process got there first
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path.read_text().strip()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


CACHE_TABLE = "skillshub_cache"


def cache_config(url: str) -> dict[str, object]:
    """A Django CACHES entry from SKILLSHUB_CACHE_URL: locmem://, db:// or file:///path."""
    scheme, _, rest = url.partition("://")
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "skillshub"}
    if scheme == "db":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE}
    if scheme == "file" and rest:
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": rest}
    raise ValueError(f"SKILLSHUB_CACHE_URL '{url}' is not locmem://, db:// or file:///path")

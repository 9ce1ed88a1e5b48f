"""One typed settings source for Skills Hub: environment > .env file > defaults."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PLACEHOLDERS = {"changeme", "change-me", "secret", "xxx", "todo", ""}
DEV_SECRET = "insecure-development-key-do-not-use-in-production"


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
    secret_key: str = Field(
        default=DEV_SECRET,
        description="Django secret key (SKILLSHUB_SECRET_KEY); required when DEBUG is off.",
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
    insecure_dev_secret_ok: bool = Field(
        default=True,
        description="Allow the built-in development secret key (SKILLSHUB_INSECURE_DEV_SECRET_OK); "
        "set false in production so a missing SKILLSHUB_SECRET_KEY stops start-up.",
    )

    @field_validator("home", "data_dir")
    @classmethod
    def _expand(cls, value: Path) -> Path:
        return value.expanduser()

    @model_validator(mode="after")
    def _no_placeholders(self) -> Settings:
        if self.secret_key.strip().lower() in PLACEHOLDERS:
            raise ValueError("SKILLSHUB_SECRET_KEY is a placeholder; set a long random value")
        if self.secret_key == DEV_SECRET and not self.insecure_dev_secret_ok:
            raise ValueError(
                "SKILLSHUB_SECRET_KEY is not set; generate one with "
                "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`"
            )
        return self

    @property
    def sqlite_path(self) -> Path:
        return self.home / "skillshub.sqlite3"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.sqlite_path}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

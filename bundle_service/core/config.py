"""Settings of the bundle service: one class, read from the environment."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Service configuration; every field can be set by an upper-case env variable.

    Attributes:
        service_host: Interface the HTTP server binds to.
        service_port: Port of the HTTP server.
        log_level: Python logging level name.
    """

    model_config = SettingsConfigDict(env_prefix="BUNDLE_", extra="ignore")

    service_host: str = "127.0.0.1"
    service_port: int = 8000
    log_level: str = "INFO"


@lru_cache
def get_settings() -> Settings:
    """Return the process-wide settings, read once."""
    return Settings()

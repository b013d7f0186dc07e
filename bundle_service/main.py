"""FastAPI application of the bundle service (system of record)."""

import logging

import uvicorn
from fastapi import FastAPI

from bundle_service.api.routes import health, items
from bundle_service.core.config import get_settings


def create_app() -> FastAPI:
    """Build the application with all routers mounted."""
    app = FastAPI(title="创业一件事 bundle service", version="0.1.0")
    app.include_router(health.router)
    app.include_router(items.router)
    return app


app = create_app()


def main() -> None:
    """Run the service with the configured host, port and log level."""
    settings = get_settings()
    logging.basicConfig(level=settings.log_level)
    uvicorn.run(app, host=settings.service_host, port=settings.service_port, log_level=settings.log_level.lower())


if __name__ == "__main__":
    main()

"""FastAPI application of the bundle service (system of record)."""

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

import uvicorn
from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from bundle_service.adapters.data_sharing import LocalRegistry, SharedData
from bundle_service.adapters.realname import LocalRealNameRegistry, RealNameAuthority
from bundle_service.api import errors, hardening, v1
from bundle_service.api.deps import Services, load_department_keys
from bundle_service.api.routes import health
from bundle_service.applications.catalog import load_departments
from bundle_service.core.clock import Clock
from bundle_service.core.config import Settings, get_settings
from bundle_service.core.db import make_engine, make_session_factory, migrate
from bundle_service.core.logs import install_log_masking
from bundle_service.core.production import StartupRefused, enforce
from bundle_service.core.serving import uvicorn_options
from bundle_service.hotline.staff_accounts import seed_accounts
from bundle_service.knowledge.service import KnowledgeBase
from bundle_service.notifications.worker import Worker, start_in_thread
from bundle_service.offers.sweep import sweep
from bundle_service.web import pages

logger = logging.getLogger(__name__)


def build_services(
    settings: Settings,
    clock: Clock | None = None,
    shared: SharedData | None = None,
    realname: RealNameAuthority | None = None,
) -> Services:
    """Engine, sessions, clock, data-sharing and real-name adapters and department keys for ``settings``."""
    engine = make_engine(settings)
    sessions = make_session_factory(engine)
    clock = clock or Clock(settings.timezone)
    keys = load_department_keys(settings)
    unknown = sorted(set(keys) - set(load_departments()))
    if unknown:
        logger.warning("department keys for unknown departments ignored: %s", ", ".join(unknown))
    return Services(
        settings=settings,
        engine=engine,
        sessions=sessions,
        clock=clock,
        shared=shared or LocalRegistry.from_yaml(settings.shared_registry_file),
        realname=realname or LocalRealNameRegistry.from_yaml(settings.realname_registry_file),
        department_keys={code: key for code, key in keys.items() if code in load_departments()},
        knowledge=KnowledgeBase(settings, sessions, clock),
    )


def _warm_knowledge(knowledge: KnowledgeBase) -> None:
    """Seed, load the model and build the index; a failure is logged, the first search retries."""
    try:
        knowledge.start()
    except Exception:  # the service keeps serving everything else
        logger.exception("knowledge base could not be built at start-up")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start up and shut down ``app``'s container, read from ``app.state.services`` when the app starts.

    Reading it there rather than from :func:`create_app`'s arguments lets the tests lend one built app (its routes
    take most of a second to build) to a fresh container per test.
    """
    container: Services = app.state.services
    install_log_masking()
    enforce(container.settings)
    if container.settings.migrate_on_startup:
        await run_in_threadpool(migrate, container.engine)
    await run_in_threadpool(seed_accounts, container.settings, container.sessions, container.clock)
    if container.settings.knowledge_warm_on_startup and container.knowledge is not None:
        threading.Thread(target=_warm_knowledge, args=(container.knowledge,), name="knowledge", daemon=True).start()
    notifier = None
    if container.settings.notify_worker:
        offers = partial(sweep, container.sessions, container.shared, container.realname, container.clock)
        notifier = start_in_thread(Worker(container.sessions, container.settings, container.clock, sweeps=(offers,)))
    yield
    if notifier is not None:
        notifier[1].set()
        await run_in_threadpool(notifier[0].join, 10)
    container.engine.dispose()


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    """Build the application with all routers mounted.

    Args:
        settings: Settings to use (default: from the environment).
        services: A prepared service container (tests pass one with a fixed clock).

    Returns:
        The app serving ``app.state.services``; its start-up applies the migrations when ``migrate_on_startup`` is
        set.
    """
    container = services or build_services(settings or get_settings())
    app = FastAPI(title="创业一件事 bundle service", version="0.2.0", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.services = container
    errors.install(app)
    hardening.install(app, container.settings)
    app.include_router(health.router)
    app.include_router(v1.router())
    app.include_router(pages.router())
    return app


app = create_app()


def main() -> None:
    """Run the service with the configured host, port and log level."""
    settings = get_settings()
    logging.basicConfig(level=settings.log_level)
    install_log_masking()
    try:
        enforce(settings)
    except StartupRefused as refused:
        raise SystemExit(str(refused)) from None
    uvicorn.run(app, **uvicorn_options(settings))


if __name__ == "__main__":
    main()

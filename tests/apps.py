"""The service's app for tests: built once per test process, lent to one test's container at a time.

``create_app`` spends most of a second building the ~220 routes (a pydantic adapter for each parameter), and nearly
every service test needs an app. What a test needs fresh is the container (database, clock, settings, fakes), not
the routes: :func:`app_for` lends an idle, already built app with ``state.services`` set to the test's container,
and takes it back when the test is done with it. Everything of a request reads the container from
``app.state.services``, the lifespan included, so start-up (the production refusal, migrations, staff seeding,
the worker) still runs against the test's container.

An app is lent to one user at a time: two clients open at once get two apps. Tests that check ``create_app`` itself
(migrations of a new database, start-up refusal) build their own app.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from bundle_service.api.deps import Services
from bundle_service.main import create_app

# Idle apps by what create_app bakes into an app from the settings (see _baked).
_idle: dict[tuple[object, ...], list[FastAPI]] = {}


def _baked(services: Services) -> tuple[object, ...]:
    """The settings an app keeps from its build: the chat webhook the security headers allow (``hardening``)."""
    return (services.settings.chat_webhook_url,)


def _shape(app: FastAPI) -> tuple[object, ...]:
    """What a test could change on the app itself, which a later borrower must not inherit."""
    return (
        len(app.router.routes),
        len(app.user_middleware),
        dict(app.dependency_overrides),
        dict(app.exception_handlers),
        sorted(vars(app.state)["_state"]),
    )


@contextmanager
def app_for(services: Services) -> Iterator[FastAPI]:
    """An app serving ``services``, for the ``with`` block only.

    Args:
        services: The test's container.

    Yields:
        An app nobody else is using, its ``state.services`` set to ``services``.

    Raises:
        AssertionError: The test changed the app itself (routes, middlewares, dependency overrides, state): such a
            test builds its own app with ``create_app``.
    """
    idle = _idle.setdefault(_baked(services), [])
    app = idle.pop() if idle else create_app(services=services)
    app.state.services = services
    shape = _shape(app)
    yield app
    assert _shape(app) == shape, "a test changed the app itself: build it with create_app instead of app_for"
    idle.append(app)


@contextmanager
def client_for(services: Services, **options: Any) -> Iterator[TestClient]:
    """A started :class:`TestClient` of an app serving ``services`` (``options`` go to the client).

    Args:
        services: The test's container.
        **options: Passed to :class:`TestClient` (``base_url``, ``headers`` …).

    Yields:
        The client, its app started up; it shuts down when the block ends.
    """
    with app_for(services) as app, TestClient(app, **options) as client:
        yield client

"""Fixtures of the bookings tests: the booking desk fake and a service client that books with it."""

import dataclasses
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bundle_service.adapters.booking_desk import HttpBookingDesk
from bundle_service.api.deps import Services
from tests.apps import client_for

from .fake_desk import FakeDesk
from .helpers import SESSION_SECRET


@pytest.fixture
def desk() -> Iterator[FakeDesk]:
    fake = FakeDesk()
    yield fake
    fake.close()


@pytest.fixture
def client(services: Services, desk: FakeDesk) -> Iterator[TestClient]:
    settings = services.settings.model_copy(update={"session_secret": SecretStr(SESSION_SECRET)})
    container = dataclasses.replace(services, settings=settings, booking_desk_override=HttpBookingDesk(desk.url))
    with client_for(container) as test_client:
        yield test_client

"""Application numbers: CY + yyyymmdd + 6 digits, unique under concurrency on both databases."""

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timezone

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from bundle_service.api.deps import Services
from bundle_service.applications.numbering import allocate_number, format_number
from bundle_service.core.clock import FixedClock
from bundle_service.models import Application, DepartmentTask
from tests.apps import app_for

from ..factories import form, make_id

CONCURRENT = 200


def test_format() -> None:
    assert format_number(date(2026, 10, 8), 42) == "CY20261008000042"


def test_sequence_per_day_in_the_service_time_zone(app_client: TestClient, clock: FixedClock) -> None:
    first = app_client.post("/api/v1/applications", json=form()).json()["number"]
    second = app_client.post("/api/v1/applications", json=form()).json()["number"]
    assert (first, second) == ("CY20260928000001", "CY20260928000002")
    clock.instant = datetime(2026, 9, 28, 16, 30, tzinfo=timezone.utc)  # 00:30 on 29 September in Hunan
    assert app_client.post("/api/v1/applications", json=form()).json()["number"] == "CY20260929000001"


def test_allocation_from_many_threads_is_unique(services: Services) -> None:
    with ThreadPoolExecutor(max_workers=16) as pool:
        numbers = list(pool.map(lambda _: allocate_number(services.engine, date(2026, 9, 28)), range(CONCURRENT)))
    assert len(set(numbers)) == CONCURRENT
    assert sorted(numbers)[-1] == f"CY20260928{CONCURRENT:06d}"


async def _submit_all(services: Services, bodies: list[dict[str, object]]) -> list[httpx.Response]:
    with app_for(services) as app:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service", timeout=120) as client:
            return await asyncio.gather(*(client.post("/api/v1/applications", json=body) for body in bodies))


def test_200_concurrent_submits_get_200_numbers_and_rows(services: Services) -> None:
    bodies = [form(id_number=make_id(sequence=f"{i:03d}")) for i in range(CONCURRENT)]
    responses = asyncio.run(_submit_all(services, bodies))
    assert [r.status_code for r in responses] == [201] * CONCURRENT
    numbers = {r.json()["number"] for r in responses}
    assert len(numbers) == CONCURRENT
    assert all(re.fullmatch(r"CY20260928\d{6}", n) for n in numbers)
    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == CONCURRENT
        assert set(session.scalars(select(Application.number))) == numbers
        assert session.scalar(select(func.count()).select_from(DepartmentTask)) == CONCURRENT * 3

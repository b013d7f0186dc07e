"""The admin dashboard's API (admin only): every figure of a period, and one FAQ for a group of questions.

``GET /api/v1/admin/insights?from=&to=`` answers the figures of ``docs/dashboard.md``; ``POST
/api/v1/admin/insights/gaps/resolve`` writes one FAQ for a group of similar unanswered questions and closes them
all. Who is an admin is decided by :func:`~bundle_service.api.callers.knowledge_admin` (the admin token
or an admin staff session): 401 without credentials, 403 for a staff account without the admin role.
"""

from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from bundle_service.api.callers import KnowledgeAdminDep
from bundle_service.api.deps import ServicesDep
from bundle_service.insights.dashboard import dashboard
from bundle_service.insights.gaps import EmbeddingCache, resolve_gap
from bundle_service.insights.period import parse_day, period_of
from bundle_service.insights.tracker import TrackerStore
from bundle_service.knowledge.faqs import FaqInput
from bundle_service.schemas.common import ErrorOut
from bundle_service.schemas.insights import DashboardOut, GapResolveIn, GapResolveOut

TAGS: list[str | Enum] = ["admin dashboard"]
ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut},
    403: {"model": ErrorOut},
    409: {"model": ErrorOut},
    422: {"model": ErrorOut},
}

router = APIRouter(prefix="/admin/insights", tags=TAGS, responses=ERRORS)
_trackers: dict[str | None, TrackerStore] = {}
_embeddings: dict[str, EmbeddingCache] = {}


def _tracker(url: str | None) -> TrackerStore:
    """One read-only tracker store per configured URL (its engine is reused)."""
    return _trackers.setdefault(url, TrackerStore(url))


@router.get("")
async def figures(
    _actor: KnowledgeAdminDep,
    services: ServicesDep,
    start: Annotated[str | None, Query(alias="from", description="开始日期 YYYY-MM-DD（默认：结束日期前29天）")] = None,
    end: Annotated[str | None, Query(alias="to", description="结束日期 YYYY-MM-DD（默认：今天）")] = None,
) -> DashboardOut:
    """Every figure of the period (local days of the service's time zone, both included).

    Raises:
        InvalidInput: 422, a date that is not ``YYYY-MM-DD``, a start after the end, or more than 366 days.
    """
    today = services.clock.today()
    period = period_of(parse_day(start, "from", "开始日期"), parse_day(end, "to", "结束日期"), today, services.clock.tz)
    knowledge = services.knowledge
    tracker = _tracker(services.settings.tracker_db_url)

    embed = None
    if knowledge is not None:
        embedder = knowledge.embedder
        embed = _embeddings.setdefault(embedder.name, EmbeddingCache(lambda texts: embedder.embed(texts, query=True)))

    def gather() -> DashboardOut:
        with services.sessions() as session:
            result = dashboard(session, tracker, period, today, embed)
            return DashboardOut.model_validate(result, from_attributes=True)

    return await run_in_threadpool(gather)


@router.post("/gaps/resolve")
async def resolve(body: GapResolveIn, actor: KnowledgeAdminDep, services: ServicesDep) -> GapResolveOut:
    """Write one FAQ for a group of unanswered questions and close them all (searchable when this returns).

    Raises:
        InvalidInput: 422, the FAQ is invalid (nothing written).
        Conflict: 409, every question of the group was already closed.
    """
    assert services.knowledge is not None
    data = FaqInput(body.question, body.answer, body.item, [], body.similar)
    faq, closed = await run_in_threadpool(resolve_gap, services.knowledge, body.question_ids, data, actor)
    return GapResolveOut(faq_id=faq.id, resolved=closed)

"""A question whose context the service refuses is still answered; a refusal is never shown as an outage.

A long story can give the NLU an ``item`` that is no item code or a ``region`` over the service's limit; the
service answers 422 (issue 14: the bot used to say "政策资料服务暂时连不上"). Against the real service, and
against a stub that refuses whatever carries context (or answers 413), so the retry itself is exercised.
"""

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation.routing import ActionRouteOverview
from actions.knowledge.knowledge_client import NOT_SEARCHED, checked, elsewhere
from actions.knowledge.questions import SERVICE_DOWN, ActionAnswerQuestion
from tests.actions.conftest import free_port, make_tracker, user_event

LONG_REGION = "湘潭县" + "某某镇某某村" * 8


async def reply(text: str, entities: list[dict[str, Any]] | None = None) -> str:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event(text, "ask_question", entities)])
    await ActionAnswerQuestion().run(dispatcher, tracker, {})
    return str(dispatcher.messages[0]["text"])


def test_context_the_service_would_refuse_is_not_sent() -> None:
    body = {"query": "能贷多少", "item": "贷款手续", "region": LONG_REGION}
    assert checked(body) == {"query": "能贷多少", "item": None, "region": None}
    fine = {"query": "能贷多少", "item": "guaranteed_loan", "region": "湘潭县"}
    assert checked(fine) == fine


async def test_an_unknown_item_and_a_long_region_still_get_the_answer(knowledge_service: str) -> None:
    entities = [
        {"entity": "item", "value": "贷款手续", "start": 0, "end": 2},
        {"entity": "region", "value": LONG_REGION, "start": 0, "end": 2},
    ]
    text = await reply("我想问问创业担保贷款个人最多能贷多少钱", entities)
    assert "20万" in text
    assert "暂时连不上" not in text


class RefusingService:
    """Refuses (422) a search carrying an item or region, answers one without; ``status`` for a bare one."""

    def __init__(self, bare_status: int = 200) -> None:
        self.bare_status = bare_status
        self.bodies: list[dict[str, Any]] = []

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.bodies.append(body)
        if body.get("item") or body.get("region"):
            error = {"field": "region", "code": "string_too_long", "message": "地区太长了。"}
            return web.json_response({"code": "invalid_request", "message": "…", "errors": [error]}, status=422)
        if self.bare_status != 200:
            return web.json_response({"code": "too_large", "message": "…"}, status=self.bare_status)
        answer = "个人最高20万元。\n来源：常见问题 faq-106「担保贷款能贷多少？」"
        return web.json_response({"status": "faq", "answer": answer, "sources": [], "hits": []})


@pytest.fixture
async def refusing(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> AsyncIterator[RefusingService]:
    service = RefusingService(getattr(request, "param", 200))
    app = web.Application()
    app.router.add_post("/api/v1/knowledge/search", service.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    monkeypatch.setenv("BUNDLE_SERVICE_URL", f"http://127.0.0.1:{port}")
    yield service
    await runner.cleanup()


async def test_a_refused_context_is_dropped_and_the_question_asked_again(refusing: RefusingService) -> None:
    entities = [{"entity": "region", "value": "湘潭县", "start": 0, "end": 3}]
    text = await reply("湘潭县创业贷最多贷多少", entities)
    assert "20万" in text
    assert [b["region"] for b in refusing.bodies] == ["湘潭县", None]


@pytest.mark.parametrize("refusing", [413, 400], indirect=True)
async def test_a_refused_question_is_no_outage(refusing: RefusingService) -> None:
    text = await reply("创业贷最多贷多少")
    assert text == NOT_SEARCHED
    assert text != SERVICE_DOWN


async def test_a_look_alike_read_as_one_of_our_items_is_refused(knowledge_service: str) -> None:
    # the NLU reads 养老保险 as our pension registration; the residents' scheme is not ours
    entities = [{"entity": "item", "value": "pension_registration", "start": 4, "end": 8}]
    text = await reply("城乡居民养老保险缴费档次有哪些", entities)
    assert "60%" not in text
    assert "没有找到" in text


async def test_a_question_naming_our_item_is_answered_without_it(knowledge_service: str) -> None:
    entities = [{"entity": "item", "value": "guaranteed_loan", "start": 0, "end": 3}]
    assert "20万" in await reply("创业贷最多能贷多少钱", entities)


async def test_a_question_about_another_province_gets_the_services_redirect(knowledge_service: str) -> None:
    redirect = await elsewhere("广东的创业一件事在哪里办")
    assert redirect is not None and "广东" in redirect and "湘易办" not in redirect
    assert await elsewhere("创业一件事在哪里办") is None  # Hunan's own question: the fixed reply stands
    assert await elsewhere("我是广东人，在长沙创业去哪里办") is None  # where the person comes from


async def test_where_to_apply_in_another_province_is_redirected_not_given_hunans_channels(
    knowledge_service: str,
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event("广东那边的一件事在哪办", "ask_bundle_overview")])
    await ActionRouteOverview().run(dispatcher, tracker, {})
    text = str(dispatcher.messages[0]["text"])
    assert "广东" in text and "湘易办" not in text
    dispatcher = CollectingDispatcher()
    await ActionRouteOverview().run(dispatcher, make_tracker([user_event("一件事在哪办", "ask_bundle_overview")]), {})
    assert "湘易办" in str(dispatcher.messages[0]["text"])

"""Outside a form: "听不懂" is helped, "找谁" after the overview is the bundle's, "我这种情况能申请吗" asks (issue 12).

"听不懂" / "你在说啥" is ``not_understood`` whatever the classifier said (tests/components/test_decisive_intents.py):
the last answer said plainly or what the bot can do, never a search, a complaint or a handoff; said again, the
wording changes and a person is offered.
"""

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.appeals import ActionRouteAppeal
from actions.conversation.confused import ActionHelpConfused
from actions.conversation.courtesy import ActionRouteCourtesy
from actions.conversation.fallback import ActionHandleLowConfidence
from actions.conversation.routing import (
    ActionRouteEligibility,
    ActionRouteOverview,
    ActionRouteProgress,
)
from actions.eligibility import own_case
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event


def after_answer(said: str, intent: str, item: str | None, bot: str = "（上一条回答）") -> Tracker:
    """``said`` right after the bot answered a question (about ``item``, kept in the slot)."""
    events = [
        user_event("创业担保贷款最多能贷多少", "ask_question"),
        {"event": "action", "name": "action_answer_question"},
        {"event": "bot", "text": bot},
        {"event": "action", "name": "action_listen"},
        user_event(said, intent),
    ]
    return make_tracker(events, slots={"item": item} if item else {})


async def run(action: Any, tracker: Tracker) -> tuple[str, list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return "\n".join(str(m.get("text") or m.get("response") or "") for m in dispatcher.messages), events


async def test_after_an_item_answer_the_item_is_said_plainly_with_what_to_ask_next(service_url: str) -> None:
    text, events = await run(ActionHelpConfused(), after_answer("你在说啥", "not_understood", "guaranteed_loan"))
    assert "简单地说" in text and "创业担保贷款" in text and "个工作日" in text
    assert "要什么材料" in text and "我要申请" in text
    assert not [e for e in events if e["event"] in ("followup", "pause")]  # nothing filed, nobody handed over


async def test_with_nothing_before_it_is_the_menu_of_what_the_bot_does(service_url: str) -> None:
    tracker = make_tracker([user_event("听不懂", "not_understood")])
    text, _ = await run(ActionHelpConfused(), tracker)
    assert "我要申请" in text and "转人工" in text and "申请编号" in text
    assert "超出了我的服务范围" not in text and "投诉" not in text


async def test_said_again_the_wording_changes_and_a_person_is_offered(service_url: str) -> None:
    first, _ = await run(ActionHelpConfused(), after_answer("听不懂", "not_understood", "training"))
    second, _ = await run(ActionHelpConfused(), after_answer("还是不明白", "not_understood", "training", bot=first))
    assert second != first and "转人工" in second


async def test_inside_a_form_that_refused_it_the_form_asks_its_step(service_url: str) -> None:
    tracker = make_tracker([user_event("看不懂", "not_understood")])
    tracker.active_loop = {"name": "progress_form"}
    text, events = await run(ActionHelpConfused(), tracker)
    assert not text and [e["name"] for e in events if e["event"] == "followup"] == ["progress_form"]


def after_overview(said: str, intent: str) -> Tracker:
    """``said`` right after the overview of the bundle."""
    events = [
        user_event("一件事是什么", "ask_bundle_overview"),
        {"event": "action", "name": "action_route_overview"},
        {"event": "bot", "text": "个人创业“一件事”把创业要跑的8个事项合成一件事办"},
        {"event": "action", "name": "action_listen"},
        user_event(said, intent),
    ]
    return make_tracker(events, slots={"after_overview": True})


async def test_who_handles_it_after_the_overview_names_every_department(service_url: str) -> None:
    text, _ = await run(ActionAnswerQuestion(), after_overview("找谁办", "ask_question"))
    assert "市场监督管理部门" in text and "税务部门" in text and "并联审批" in text
    text, events = await run(ActionRouteOverview(), after_overview("找谁办", "ask_question"))
    assert "市场监督管理部门" in text
    assert {"event": "slot", "name": "after_overview", "value": False, "timestamp": None} in events  # rules go on


async def test_who_can_apply_after_the_overview_is_the_bundle_not_one_item(service_url: str) -> None:
    text, _ = await run(ActionAnswerQuestion(), after_overview("谁能办", "ask_question"))
    assert "帮我匹配政策" in text and "高校毕业生" in text and "就业创业证" not in text


async def test_can_i_apply_with_nothing_said_about_me_asks_what_decides(service_url: str) -> None:
    tracker = make_tracker([user_event("我这种情况能不能申请", "ask_question")])
    text, events = await run(ActionAnswerQuestion(), tracker)
    assert "人员类别" in text or "哪类人员" in text
    assert "退役军人" in text and "帮我匹配政策" in text and not events


async def test_what_my_progress_shows_means_is_answered_not_the_progress_form(service_url: str) -> None:
    for said in ("我的进度显示需补正，啥意思", "我的申请亮黄灯代表什么"):
        _, events = await run(ActionRouteProgress(), make_tracker([user_event(said, "check_progress")]))
        assert "progress_form" not in [e.get("name") for e in events if e["event"] == "followup"], said
    _, events = await run(ActionRouteProgress(), make_tracker([user_event("帮我查一下我的申请进度", "check_progress")]))
    assert [e["name"] for e in events if e["event"] == "followup"] == ["progress_form"]


async def test_only_wanting_to_learn_about_an_item_gets_the_item_not_a_stop(service_url: str) -> None:
    loan = {"entity": "item", "value": "guaranteed_loan", "start": 5, "end": 7}
    tracker = make_tracker([user_event("就想了解一下贷款，先不申请", "cancel", [loan])])
    text, _ = await run(ActionRouteCourtesy(), tracker)
    assert "介绍" in text and "创业担保贷款" in text and "个工作日" in text and "已经停下" not in text


async def test_a_promise_not_kept_is_a_complaint_not_the_age_of_a_business(service_url: str) -> None:
    said = "说好的3天就办好，都一个星期了还没动静，怎么回事"
    _, events = await run(ActionRouteEligibility(), make_tracker([user_event(said, "check_eligibility")]))
    assert [e["name"] for e in events if e["event"] == "followup"] == ["action_route_appeal"]
    _, events = await run(ActionRouteAppeal(), make_tracker([user_event(said, "check_eligibility")]))
    assert [e["name"] for e in events if e["event"] == "followup"] == ["appeal_form"]


async def test_can_i_get_everything_with_a_licence_not_had_asks_every_item(service_url: str) -> None:
    said = "去年大学毕业，还没领执照，有啥政策"
    start = said.index("执照")
    licence = {"entity": "item", "value": "business_registration", "start": start, "end": start + 2}
    tracker = make_tracker([user_event(said, "check_eligibility", [licence])])
    assert own_case.asked_items(tracker) is None
    asked = "去年大学毕业，能领补贴吗"
    start = asked.index("补贴")
    subsidy = {"entity": "item", "value": "startup_subsidy", "start": start, "end": start + 2}
    assert own_case.asked_items(make_tracker([user_event(asked, "check_eligibility", [subsidy])])) == [
        "startup_subsidy"
    ]


async def test_wanting_to_hear_about_an_item_gets_the_item_whichever_router(service_url: str) -> None:
    said = "想了解下创业培训"
    course = {"entity": "item", "value": "training", "start": 4, "end": 8}
    text, _ = await run(ActionAnswerQuestion(), make_tracker([user_event(said, "start_application", [course])]))
    assert "创业培训" in text and "个工作日" in text and "我要申请" in text


async def test_a_promise_not_kept_the_nlu_was_unsure_of_is_filed(service_url: str) -> None:
    said = "说好的三天，一个礼拜了还没动静"
    _, events = await run(ActionHandleLowConfidence(), make_tracker([user_event(said, "nlu_fallback")]))
    assert [e["name"] for e in events if e["event"] == "followup"] == ["appeal_form"]


async def test_doing_an_item_first_read_as_progress_starts_the_application(service_url: str) -> None:
    said = "好，那我先把就业创业证办了"
    start = said.index("就业创业证")
    cert = {"entity": "item", "value": "employment_cert", "start": start, "end": start + 5}
    _, events = await run(ActionRouteProgress(), make_tracker([user_event(said, "check_progress", [cert])]))
    assert [e["name"] for e in events if e["event"] == "followup"] == ["action_start_application"]

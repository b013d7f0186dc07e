"""Follow-ups in context, two questions in one message, and questions that are not requests (issue 12)."""

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_start import ActionStartApplication
from actions.conversation import question_shape
from actions.conversation.fallback import ActionHandleLowConfidence
from actions.conversation.routing import ActionOutOfScope, ActionRouteEligibility, ActionRouteProgress
from actions.knowledge.query_text import query_text
from actions.knowledge.questions import ActionAnswerQuestion
from actions.progress.progress import WHERE_NUMBER
from tests.actions.conftest import make_tracker, user_event


def entity(name: str, value: str, text: str, said: str) -> dict[str, Any]:
    start = text.index(said)
    return {"entity": name, "value": value, "start": start, "end": start + len(said)}


def after(action: str, earlier: str, intent: str, said: str, said_intent: str, **parse: Any) -> list[dict[str, Any]]:
    """Events: ``earlier`` answered by ``action``, then ``said`` (the latest message)."""
    latest = user_event(said, said_intent, parse.get("entities"))
    return [
        user_event(earlier, intent, parse.get("earlier_entities")),
        {"event": "action", "name": action},
        {"event": "bot", "text": "（上一条回答）"},
        {"event": "action", "name": "action_listen"},
        latest,
    ]


async def run(action: Any, tracker: Tracker) -> tuple[str, list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return "\n".join(str(m.get("text") or m.get("response") or "") for m in dispatcher.messages), events


def slots_of(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def followup(events: list[dict[str, Any]]) -> str | None:
    return next((e["name"] for e in events if e["event"] == "followup"), None)


def test_two_questions_are_split_and_a_preamble_stays_with_its_question() -> None:
    assert question_shape.questions("创业补贴有多少？贷款最多贷多少？") == ["创业补贴有多少", "贷款最多贷多少"]
    assert question_shape.questions("贷款利息怎么算，还有要不要担保人") == ["贷款利息怎么算", "要不要担保人"]
    assert question_shape.questions("办营业执照要几天，需要交钱吗") == ["办营业执照要几天", "需要交钱吗"]
    assert question_shape.questions("我是退役军人，能贷多少") == ["我是退役军人，能贷多少"]
    assert question_shape.questions("我是退役军人，能贷多少，利息多少") == ["我是退役军人，能贷多少", "利息多少"]
    assert question_shape.questions("红灯是什么意思") == ["红灯是什么意思"]
    assert question_shape.questions("？？？") == ["？？？"]


def test_a_request_is_told_from_a_question_about_it() -> None:
    for request in ("帮我查进度", "我要申请创业补贴", "我想办营业执照", "麻烦帮我申请一下贷款，要多久"):
        assert question_shape.is_request(request), request
    for question in ("创业贷款怎么申请", "办这个登记要几天", "我想问一下贷款怎么办", "怎么查进度", "请问在哪里办"):
        assert not question_shape.is_request(question), question


async def test_what_about_the_subsidy_after_a_loan_answer_is_answered_not_a_form(knowledge_service: str) -> None:
    events = after(
        "action_answer_question",
        "创业担保贷款最多能贷多少",
        "ask_question",
        "那补贴呢",
        "inform",
        earlier_entities=[entity("item", "guaranteed_loan", "创业担保贷款最多能贷多少", "创业担保贷款")],
        entities=[entity("item", "startup_subsidy", "那补贴呢", "补贴")],
    )
    text, out = await run(ActionStartApplication(), make_tracker(events, slots={"item": "guaranteed_loan"}))
    assert followup(out) == "action_listen" and "信息采集表" not in text
    assert "5000" in text and slots_of(out).get("item") == "startup_subsidy"


async def test_where_after_the_overview_is_answered_whatever_the_intent(knowledge_service: str) -> None:
    events = after(
        "action_route_overview", "创业一件事是什么", "ask_bundle_overview", "去哪里办啊", "start_application"
    )
    text, out = await run(ActionStartApplication(), make_tracker(events, slots={"after_overview": True}))
    assert followup(out) == "action_listen" and "湘易办" in text and "窗口" in text
    assert slots_of(out)["after_overview"] is False


async def test_a_question_about_applying_is_answered_and_the_application_offered(knowledge_service: str) -> None:
    tracker = make_tracker([user_event("办这个营业执照登记要几天", "start_application")])
    text, out = await run(ActionStartApplication(), tracker)
    assert followup(out) == "action_listen" and "信息采集表" not in text
    assert "3个工作日" in text and "回复“好的”" in text and slots_of(out)["offer_pending"] is True


async def test_a_request_to_apply_still_starts_the_form(knowledge_service: str) -> None:
    tracker = make_tracker([user_event("我要申请创业补贴", "start_application")])
    text, out = await run(ActionStartApplication(), tracker)
    assert "信息采集表" in text and followup(out) != "action_listen"


async def test_two_questions_in_one_message_get_both_answers(knowledge_service: str) -> None:
    said = "一次性创业补贴有多少钱？创业担保贷款个人最多能贷多少？"
    entities = [
        entity("item", "startup_subsidy", said, "一次性创业补贴"),
        entity("item", "guaranteed_loan", said, "创业担保贷款"),
    ]
    text, _ = await run(ActionAnswerQuestion(), make_tracker([user_event(said, "ask_question", entities)]))
    assert "5000" in text and "20万" in text


async def test_when_all_is_done_after_a_progress_result_whatever_the_intent(knowledge_service: str) -> None:
    events = after(
        "action_show_progress", "CY20261122000123 010024", "check_progress", "啥时候能全部办好", "ask_question"
    )
    text, _ = await run(ActionAnswerQuestion(), make_tracker(events))
    assert "20个工作日" in text and "最后一个部门" in text


async def test_materials_after_a_subsidy_answer_keep_the_item_not_the_eligibility_form(knowledge_service: str) -> None:
    events = after(
        "action_answer_question",
        "一次性创业补贴能领多少",
        "ask_question",
        "要带什么材料",
        "check_eligibility",
        earlier_entities=[entity("item", "startup_subsidy", "一次性创业补贴能领多少", "一次性创业补贴")],
    )
    text, out = await run(ActionRouteEligibility(), make_tracker(events, slots={"item": "startup_subsidy"}))
    assert followup(out) is None and "人员类别" not in text and text


async def test_an_unsure_follow_up_is_read_against_the_last_answer(knowledge_service: str) -> None:
    events = after("action_route_overview", "创业一件事是什么", "ask_bundle_overview", "一共多长时间", "nlu_fallback")
    text, out = await run(ActionHandleLowConfidence(), make_tracker(events, slots={"after_overview": True}))
    assert "20个工作日" in text and not any(e["event"] == "rewind" for e in out)


async def test_a_question_about_progress_in_general_is_answered_not_the_form(knowledge_service: str) -> None:
    for said in ("我的申请显示需补正了，该怎么办", "黄灯是不是已经超期了"):
        text, out = await run(ActionRouteProgress(), make_tracker([user_event(said, "check_progress")]))
        assert followup(out) is None and "请发送申请编号" not in text and text, said
    for said in ("我的申请怎么样了", "帮我查一下进度好吗", "我的申请到哪一步了"):
        _, out = await run(ActionRouteProgress(), make_tracker([user_event(said, "check_progress")]))
        assert followup(out) == "progress_form", said


async def test_a_rule_question_is_answered_not_the_eligibility_check(knowledge_service: str) -> None:
    text, out = await run(
        ActionRouteEligibility(), make_tracker([user_event("以前信用卡逾期过，还能贷款吗", "check_eligibility")])
    )
    assert followup(out) is None and "信用" in text and "人员类别" not in text
    _, out = await run(
        ActionRouteEligibility(), make_tracker([user_event("帮我看看我能享受哪些政策", "check_eligibility")])
    )
    assert followup(out) == "eligibility_form"


async def test_still_no_number_after_the_help_gets_choices_not_a_rephrase(service_url: str) -> None:
    events = [
        user_event("编号我忘了", "check_progress"),
        {"event": "action", "name": "action_route_progress"},
        {"event": "bot", "text": WHERE_NUMBER},
        {"event": "action", "name": "action_listen"},
        user_event("到处都翻过了还是没有", "nlu_fallback"),
    ]
    text, _ = await run(ActionHandleLowConfidence(), make_tracker(events))
    assert "转人工" in text and "12345" in text and "没太明白" not in text


async def test_emoji_or_english_only_gets_a_clear_chinese_reply() -> None:
    text, _ = await run(ActionOutOfScope(), make_tracker([user_event("Can I get a startup loan?", "out_of_scope")]))
    assert "中文" in text
    text, _ = await run(ActionOutOfScope(), make_tracker([user_event("？？？", "out_of_scope")]))
    assert "表情或符号" in text


def test_an_aspect_follow_up_asks_the_previous_question_about_it() -> None:
    events = after("action_answer_question", "材料减少了多少", "ask_question", "那时间呢", "ask_question")
    assert query_text(make_tracker(events)) == "时间减少了多少"


async def test_a_short_follow_up_nothing_fits_is_asked_with_the_item_name(knowledge_service: str) -> None:
    events = after("action_answer_question", "营业执照是电子的吗", "ask_question", "要多久", "ask_question")
    text, _ = await run(ActionAnswerQuestion(), make_tracker(events, slots={"item": "business_registration"}))
    assert "3个工作日" in text


async def test_an_undecided_item_verdict_gives_the_rule_that_decides(knowledge_service: str) -> None:
    said = "大学毕业三年了还能申请创业补贴吗"
    entities = [entity("item", "startup_subsidy", said, "创业补贴")]
    text, _ = await run(ActionRouteEligibility(), make_tracker([user_event(said, "check_eligibility", entities)]))
    assert "还需要知道" in text and "毕业5年" in text


async def test_a_request_with_a_question_gets_the_answer_and_the_form(knowledge_service: str) -> None:
    said = "我要办营业执照，要几天"
    entities = [entity("item", "business_registration", said, "营业执照")]
    text, out = await run(ActionStartApplication(), make_tracker([user_event(said, "start_application", entities)]))
    assert "3个工作日" in text and "信息采集表" in text and followup(out) != "action_listen"
    said = "我想开个奶茶店，办执照要几天"
    entities = [entity("item", "business_registration", said, "执照")]
    text, out = await run(ActionStartApplication(), make_tracker([user_event(said, "start_application", entities)]))
    assert "3个工作日" in text and followup(out) == "action_listen" and slots_of(out)["offer_pending"] is True


async def test_a_question_about_another_scheme_stays_refused(knowledge_service: str) -> None:
    said = "稳岗补贴怎么申请"
    entities = [entity("item", "startup_subsidy", said, "补贴")]
    text, _ = await run(ActionAnswerQuestion(), make_tracker([user_event(said, "ask_question", entities)]))
    assert "信息采集表" not in text and "创业补贴申领" not in text

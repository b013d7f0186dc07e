"""Context and odd input (twelfth analysis B and C): whose application, a handoff nobody asked for, a greeting
before a question, a yes/no that asks, a suggestion in plain words, the category shown back, the check left for
the application form.

Invented wording throughout; run against the real service where a reply needs it.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.suggestions import suggests
from actions.conversation.courtesy import ActionRouteCourtesy, _asks_about_it
from actions.conversation.fallback import ASK_TO_REPHRASE
from actions.conversation.handoff import ActionHandoff
from actions.conversation.routing import ActionOutOfScope, ActionRouteSmallTalk, _after_greeting
from actions.eligibility.eligibility import ValidateEligibilityForm, as_understood
from actions.progress.progress_router import ActionRouteProgress, asks_benefit, someone_elses
from tests.actions.conftest import after_reply, make_form_tracker, make_tracker, user_event
from tests.actions.test_appeals import Chat, appeal_number, entity


def _followups(events: list[dict[str, Any]]) -> list[str]:
    return [str(e.get("name")) for e in events if e.get("event") == "followup"]


def _said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(str(m.get("text") or "") for m in dispatcher.messages)


def test_someone_elses_application_is_told_apart_from_ones_own() -> None:
    others = ("帮我瞅瞅我小姨的贷款批下来没有", "邻居老王的补贴审批到哪了", "帮我妈查一下进度", "我对象的申请咋样了")
    for said in others:
        assert someone_elses(said), said
    for said in ("帮我查一下进度", "我的补贴批了没", "我老婆帮我交的，CY20261201000123，到哪了", "我妈让我问补贴"):
        assert not someone_elses(said), said


def test_a_benefit_asked_without_a_word_of_an_application_is_no_check() -> None:
    asked = ("在福建鞋厂做了七年，回来想种茶叶，有补贴没", "刚从外地回来，想养几头牛，能领啥", "回老家开理发店有啥扶持")
    for said in asked:
        assert asks_benefit(said), said
    for said in ("我的补贴申请办到哪了", "申请编号忘了，补贴有没有批", "帮我查查补贴"):
        assert not asks_benefit(said), said


async def test_a_relatives_progress_gets_who_may_look_never_the_number_prompt(service_url: str) -> None:
    tracker = make_tracker([user_event("帮我看一下我堂弟的创业补贴批了没", "check_progress")])
    dispatcher = CollectingDispatcher()
    events = await ActionRouteProgress().run(dispatcher, tracker, {})
    said = _said(dispatcher)
    assert "本人" in said and "身份证" in said and "后6位" in said
    assert "progress_form" not in _followups(events)


async def test_coming_back_with_a_benefit_question_goes_to_the_rules(service_url: str) -> None:
    tracker = make_tracker([user_event("在福建鞋厂做了七年，回来想种茶叶，有补贴没", "check_progress")])
    events = await ActionRouteProgress().run(CollectingDispatcher(), tracker, {})
    assert _followups(events) == ["action_route_eligibility"]


VERDICT = "按您说的情况：\n❌ 创业补贴申领：暂不符合。尚未取得营业执照。\n✅ 申请参加创业培训：可以申请。"


async def test_a_fact_after_a_verdict_read_as_a_handoff_is_judged_again(service_url: str) -> None:
    tracker = after_reply(
        "铺面还没盘下来，执照也还没去办",
        "request_human",
        before=("我是退伍军人，能领创业补贴吗", "check_eligibility"),
        action="action_route_eligibility",
        reply=VERDICT,
    )
    dispatcher = CollectingDispatcher()
    events = await ActionHandoff().run(dispatcher, tracker, {})
    assert not any(e.get("event") == "pause" for e in events)
    assert "按您说的情况" in _said(dispatcher) and "转接" not in _said(dispatcher)


async def test_no_person_asked_for_outside_a_form_is_not_understood_not_handed_off(service_url: str) -> None:
    tracker = make_tracker([user_event("嗯那个就是说吧", "request_human")])
    dispatcher = CollectingDispatcher()
    events = await ActionHandoff().run(dispatcher, tracker, {})
    assert not any(e.get("event") == "pause" for e in events)
    assert _said(dispatcher).startswith(ASK_TO_REPHRASE)


async def test_the_person_button_still_hands_off(service_url: str) -> None:
    tracker = make_tracker([user_event("/request_human", "request_human")])
    events = await ActionHandoff().run(CollectingDispatcher(), tracker, {})
    assert any(e.get("event") == "pause" for e in events)


def test_a_greeting_opening_a_question_is_cut_off() -> None:
    asked = _after_greeting(make_tracker([user_event("hi，SYB class要交钱吗", "greet")]))
    assert asked is not None and asked.latest_message["text"] == "SYB class要交钱吗"
    assert _after_greeting(make_tracker([user_event("您好呀", "greet")])) is None
    assert _after_greeting(make_tracker([user_event("你好，在吗", "greet")])) is None


async def test_a_greeting_before_a_question_answers_the_question(knowledge_service: str) -> None:
    dispatcher = CollectingDispatcher()
    await ActionRouteSmallTalk().run(dispatcher, make_tracker([user_event("哈喽 请问创业培训收费吗", "greet")]), {})
    said = _said(dispatcher)
    assert "免费" in said and not any(m.get("response") == "utter_greet" for m in dispatcher.messages)


def test_a_yes_or_no_that_asks_is_told_apart() -> None:
    for said in ("那要钱不", "收费不", "免费吗", "这个要交钱吗"):
        assert _asks_about_it(said), said
    for said in ("不用了", "不要", "算了不办了", "好的"):
        assert not _asks_about_it(said), said


async def test_a_money_question_read_as_a_no_is_answered_about_the_last_item(knowledge_service: str) -> None:
    tracker = after_reply(
        "那收钱不",
        "deny",
        before=("创业培训有哪些课程", "ask_question"),
        action="action_answer_question",
        reply="创业培训有SYB、GYB、IYB和网创培训。",
        slots={"item": "training"},
    )
    dispatcher = CollectingDispatcher()
    await ActionRouteCourtesy().run(dispatcher, tracker, {})
    assert "免费" in _said(dispatcher)


def test_suggestions_in_plain_words() -> None:
    plain = ("建议你们在乡镇也设个办理点", "我建议政府多办几期网创培训", "希望你们周末也派人值班", "要是县里能办就好了")
    for said in plain:
        assert suggests(said), said
    for said in ("专家建议先办执照", "建议在哪提？", "希望你们尽快把我的补贴批下来", "你们有什么建议"):
        assert not suggests(said), said


async def test_a_suggestion_is_thanked_and_filed_as_other_with_a_number(service_url: str) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event("建议你们小程序的字调大一点，老年人看着费劲", "out_of_scope")])
    events = await ActionOutOfScope().run(dispatcher, tracker, {})
    assert "感谢" in _said(dispatcher) and "其他与意见建议" in _said(dispatcher)
    assert _followups(events) == ["appeal_form"]
    chat = Chat("web:plain-suggestion")
    said = await chat.say("要是乡镇便民服务中心也能办一件事就好了", "nlu_fallback")
    assert "感谢" in said and "电话" in said and "哪里" not in said
    said = await chat.say("13712345678，就这么交吧", "inform", [entity("phone", "13712345678")])
    assert appeal_number(said) and "其他与意见建议" in said and chat.loop is None


def test_the_category_read_is_shown_back() -> None:
    assert as_understood({"elig_person_category": "returning_migrant_worker"}) == "（人员类别：返乡创业农民工）"
    assert as_understood({"elig_person_category": "other"}) == ""


async def test_the_applicants_details_in_the_check_leave_it_for_the_form(service_url: str) -> None:
    text = "身份证430102199003071234，电话13812345678，项目叫金穗种植合作社"
    entities = [entity("id_number", "430102199003071234"), entity("phone", "13812345678")]
    slots = {"requested_slot": "elig_other_category", "elig_person_category": "other"}
    tracker = make_form_tracker(text, "inform", slots, entities)
    dispatcher = CollectingDispatcher()
    events = await ValidateEligibilityForm().run(dispatcher, tracker, {})
    assert {"event": "active_loop", "name": None} in [{"event": e["event"], "name": e.get("name")} for e in events]
    assert _followups(events) == ["application_form"]
    assert "无法识别" not in _said(dispatcher) and "申请表" in _said(dispatcher)


async def test_the_category_read_is_shown_before_an_items_verdict(service_url: str) -> None:
    from actions.eligibility.eligibility_router import ActionRouteEligibility

    said = "在外头打了几年工，今年回来了，能领创业补贴吗"
    tracker = make_tracker([user_event(said, "check_eligibility", [entity("item", "startup_subsidy")])])
    dispatcher = CollectingDispatcher()
    await ActionRouteEligibility().run(dispatcher, tracker, {})
    assert "按您说的情况（人员类别：返乡创业农民工" in _said(dispatcher)


async def test_a_wish_to_register_a_cooperative_is_the_application_not_the_check(service_url: str) -> None:
    from actions.eligibility.eligibility_router import ActionRouteEligibility

    text = "我们组里几户人打算成立个农民专业合作社，我叫覃玉兰"
    tracker = make_tracker([user_event(text, "check_eligibility", [entity("business_type", "cooperative")])])
    events = await ActionRouteEligibility().run(CollectingDispatcher(), tracker, {})
    assert _followups(events) == ["action_start_application"]


async def test_a_fact_after_an_answer_about_an_item_judges_that_item(service_url: str) -> None:
    tracker = after_reply(
        "可我那个店还没开起来呢",
        "deny",
        before=("一次性创业补贴怎么领", "ask_question"),
        action="action_answer_question",
        reply="在湘易办进入个人创业“一件事”，填信息采集表并勾选创业补贴申领……",
        slots={"item": "startup_subsidy"},
    )
    dispatcher = CollectingDispatcher()
    await ActionRouteCourtesy().run(dispatcher, tracker, {})
    said = _said(dispatcher)
    assert "按您说的情况" in said and "创业补贴申领" in said and "明白了" not in said


async def test_a_request_for_a_specialist_still_hands_off(service_url: str) -> None:
    events = await ActionHandoff().run(
        CollectingDispatcher(), make_tracker([user_event("麻烦转给业务专员", "request_human")]), {}
    )
    assert any(e.get("event") == "pause" for e in events)


def test_the_menu_counts_as_a_reply_that_gave_nothing_asked_for() -> None:
    from actions.conversation.replies import MENU, OUT_OF_SCOPE, person_due

    events = [
        user_event("呜呜呜", "out_of_scope"),
        {"event": "bot", "text": OUT_OF_SCOPE[0]},
        user_event("。。。", "not_understood"),
        {"event": "bot", "text": MENU[0]},
        user_event("哦", "affirm"),
    ]
    assert person_due(make_tracker(events)) == OUT_OF_SCOPE[-1]


def test_a_verdict_is_kept_across_knowledge_answers() -> None:
    from actions.eligibility.gathered import verdict_before_answers

    answered = {"custom": {"answer_feedback": {"status": "faq"}}}
    events = [
        user_event("我当过兵，能享受哪些政策", "check_eligibility"),
        {"event": "bot", "text": "根据您说的情况，匹配结果如下：\n✅ 申请创业担保贷款：可以申请。"},
        user_event("贴息到底是咋回事", "ask_question"),
        {"event": "bot", "text": "超过LPR减150个基点的部分由财政补贴。", "data": answered},
        user_event("执照还没弄，打算开个洗车铺", "inform"),
    ]
    assert verdict_before_answers(make_tracker(events))
    events[3] = {"event": "bot", "text": "请问申请人的姓名？"}
    assert not verdict_before_answers(make_tracker(events))


async def test_a_wish_to_be_assessed_opens_the_check(service_url: str) -> None:
    from actions.eligibility.eligibility_router import ActionRouteEligibility

    tracker = make_tracker([user_event("帮她评估一下可以申请点啥", "check_eligibility")])
    events = await ActionRouteEligibility().run(CollectingDispatcher(), tracker, {})
    assert _followups(events) == ["eligibility_form"]

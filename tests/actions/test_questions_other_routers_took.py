"""A policy question the NLU gave another intent's router is answered, never that router's stock reply (issue 12).

The overview for a question about what the form asks or how a field is filled, "I am a bot" for where a site is,
the polite refusal for what a traffic light's colour means, the application form for a question about a loan an
enterprise may take, the entry points for where an application is followed, a refusal for a question asked in
English words: each is the knowledge base's.
"""

from typing import Any

from actions.conversation import context, question_shape
from actions.conversation.fallback import ActionHandleLowConfidence
from actions.conversation.replies import OUT_OF_SCOPE
from actions.conversation.routing import ActionOutOfScope, ActionRouteOverview, ActionRouteSmallTalk
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import after, followup, run


def entity(name: str, value: str, text: str, said: str) -> dict[str, Any]:
    start = text.index(said)
    return {"entity": name, "value": value, "start": start, "end": start + len(said)}


async def test_what_the_form_asks_is_no_overview(knowledge_service: str) -> None:
    for said in ("那份采集表上都要写啥", "手机号那一栏有什么要求", "办完了去哪给个好评"):
        text, _ = await run(ActionRouteOverview(), make_tracker([user_event(said, "ask_bundle_overview")]))
        assert text and "utter_bundle_overview" not in text, said


async def test_where_a_site_is_is_no_small_talk(knowledge_service: str) -> None:
    said = "用电脑的话去哪个网站能办"
    text, _ = await run(ActionRouteSmallTalk(), make_tracker([user_event(said, "bot_challenge")]))
    assert "utter_iamabot" not in text and "政务服务网" in text, text
    text, _ = await run(ActionRouteSmallTalk(), make_tracker([user_event("你是机器人吗", "bot_challenge")]))
    assert text == "utter_iamabot"


async def test_what_a_light_means_is_no_refusal(knowledge_service: str) -> None:
    said = "快超期的时候灯会变成啥颜色"
    text, _ = await run(ActionOutOfScope(), make_tracker([user_event(said, "out_of_scope")]))
    assert not text.startswith(OUT_OF_SCOPE[0][:20]) and "灯" in text, text


async def test_a_question_with_an_item_and_a_business_starts_no_form(knowledge_service: str) -> None:
    said = "我这个有限公司想贷五百万中不中"
    entities = [entity("item", "guaranteed_loan", said, "贷"), entity("business_type", "enterprise", said, "有限公司")]
    _, events = await run(ActionHandleLowConfidence(), make_tracker([user_event(said, "nlu_fallback", entities)]))
    assert followup(events) != "action_start_application"
    assert question_shape.is_question("开奶茶店的执照几多天能拿到")


def test_where_an_application_is_followed_is_no_entry_point() -> None:
    tracker = make_tracker(
        after("action_answer_question", "营业执照要几天", "ask_question", "交完以后在哪查办理进度", "ask_question")
    )
    assert context.fixed_reply(tracker, False) != context.ENTRY_POINTS
    tracker = make_tracker(
        after("action_answer_question", "营业执照要几天", "ask_question", "那去哪里办", "ask_question")
    )
    assert context.fixed_reply(tracker, False) == context.ENTRY_POINTS


async def test_a_question_asked_in_english_words_is_answered(knowledge_service: str) -> None:
    said = "business license 营业执照 how long"
    licence = entity("item", "business_registration", said, "营业执照")
    assert question_shape.is_question(said) and not question_shape.is_question("hello")
    text, _ = await run(ActionOutOfScope(), make_tracker([user_event(said, "out_of_scope", [licence])]))
    assert not text.startswith(OUT_OF_SCOPE[0][:20]) and "工作日" in text, text

"""Messages another router took for its own (issue 12, seventh sets' routing patterns, in our own words).

- A request to write a document with the document first ("替我把年终总结弄出来") is declined, never a form.
- A lost or replaced ID card ("身份证掉了去哪里补办") is no forgotten ID digits.
- Hotline staff relaying a question ("他想了解长沙那边…") whose question words were the relay's own is answered,
  never filed as a complaint.
- Right after being told where the number is, "真想不起来了" read as a stop and "翻遍了也没有" read as a complaint get
  the way on without the number (a person, the hotline's verification), never "已经停下了" or a complaint form.
- A bare application number takes one path whatever its digits (the classifiers split consecutive numbers between
  inform and check_progress, so a scenario's path depended on how many applications were filed before it).
"""

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.appeals import ActionRouteAppeal
from actions.conversation import followups
from actions.conversation.courtesy import ActionRouteCourtesy
from actions.knowledge import writing_requests
from actions.progress.progress import forgot_digits, forgot_number
from actions.progress.progress_replies import NO_NUMBER_REPLIES, WHERE_NUMBER
from nlu_components.decisive_intents import bare_application_number, decide
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import run

FILING = "我来帮您登记"  # how the complaint form opens (appeals.INTRO)


async def test_a_document_named_before_its_verb_is_declined_not_a_form() -> None:
    for said in ("替我把年终总结弄出来", "你帮我把开业的宣传文案写好"):
        dispatcher = CollectingDispatcher()
        tracker = make_tracker([user_event(said, "start_application")])
        assert await followups.before_starting(dispatcher, tracker, {}) == [], said
        assert dispatcher.messages[0]["text"] == writing_requests.DECLINED
    assert not writing_requests.asks_to_write("帮我把执照办下来")


def test_a_lost_card_is_no_forgotten_digits() -> None:
    for said in ("身份证掉了去哪里补办", "证件丢了要先挂失吗"):
        assert not forgot_digits(said) and not forgot_number(said), said
    assert forgot_digits("身份证号后六位我记不清了")
    assert forgot_digits("身份证也弄丢了，后6位想不起来")


def relayed(typed: str, blanked: str, intent: str) -> dict[str, Any]:
    """A relayed message: the user event keeps what was typed, the NLU's text has the relay blanked."""
    event = user_event(blanked, intent, channel="hotline")
    return {**event, "text": typed}


async def test_a_relayed_question_is_answered_not_filed(knowledge_service: str) -> None:
    typed = "他想了解长沙那边开奶茶店的补贴政策"
    blanked = " " * len("他想了解") + typed[len("他想了解") :]
    said, events = await run(ActionRouteAppeal(), make_tracker([relayed(typed, blanked, "complain")]))
    assert FILING not in said and not any(e.get("name") == "appeal_form" for e in events), said
    assert said  # answered


def after_where_the_number_is(said: str, intent: str) -> list[dict[str, Any]]:
    return [
        user_event("我那个编号记不得了", "check_progress"),
        {"event": "action", "name": "action_route_progress"},
        {"event": "bot", "text": WHERE_NUMBER},
        {"event": "action", "name": "action_listen"},
        user_event(said, intent),
    ]


async def test_still_without_the_number_is_never_a_stop_or_a_complaint(service_url: str) -> None:
    said, _ = await run(ActionRouteCourtesy(), make_tracker(after_where_the_number_is("真想不起来了", "cancel")))
    assert said.startswith(tuple(reply[:20] for reply in NO_NUMBER_REPLIES)), said
    said, events = await run(ActionRouteAppeal(), make_tracker(after_where_the_number_is("翻遍了也没有", "complain")))
    assert said.startswith(tuple(reply[:20] for reply in NO_NUMBER_REPLIES)), said
    assert FILING not in said and not any(e.get("name") == "appeal_form" for e in events)


def test_a_bare_application_number_takes_one_path_whatever_its_digits() -> None:
    for said in ("CY20270315000128", "CY20270315000046", "编号是cy20270315000333"):
        intent, _ = decide({"name": "inform", "confidence": 0.9}, [{"name": "inform", "confidence": 0.9}], said)
        assert intent == {"name": "check_progress", "confidence": 1.0}, said
    for said in ("CY20270315000128 身份证后六位654321", "我的申请CY20270315000128怎么样了"):
        assert not bare_application_number(said), said  # the classifier reads these whole

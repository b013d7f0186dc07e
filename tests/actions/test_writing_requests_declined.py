"""A request to write a document is declined the same way whichever router the NLU sent it to.

The form's start, the question action and the eligibility router each ask ``writing_requests.decline`` first:
the request gets the honest reply and nothing else runs (no form, no search, no check).
"""

import pytest
from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import followups
from actions.conversation.routing import ActionRouteEligibility
from actions.knowledge import writing_requests
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event


def test_decline_says_the_reply_only_for_a_writing_request() -> None:
    dispatcher = CollectingDispatcher()
    assert writing_requests.decline(dispatcher, "能不能替我弄一份开花店的可行性报告") is True
    assert [m.get("text") for m in dispatcher.messages] == [writing_requests.DECLINED]
    quiet = CollectingDispatcher()
    assert writing_requests.decline(quiet, "孵化基地要交创业计划书吗") is False
    assert quiet.messages == []


@pytest.mark.parametrize(
    ("router", "intent"),
    [(ActionAnswerQuestion(), "ask_question"), (ActionRouteEligibility(), "check_eligibility")],
)
async def test_a_writing_request_is_declined_by_every_router(router: Action, intent: str) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event("你给我写个烧烤摊的营销策划吧", intent)])
    events = await router.run(dispatcher, tracker, {})
    assert events == []  # nothing else: no follow-up action, no slot
    assert [m.get("text") for m in dispatcher.messages] == [writing_requests.DECLINED]


async def test_a_writing_request_does_not_start_the_form() -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event("帮我起草一份合伙协议", "start_application")])
    assert await followups.before_starting(dispatcher, tracker, {}) == []
    assert [m.get("text") for m in dispatcher.messages] == [writing_requests.DECLINED]


@pytest.mark.parametrize("said", ["帮我写首诗", "帮我写个请假条", "给我女朋友写段生日祝福", "翻译一下 good morning"])
def test_poems_notes_wishes_and_translations_are_declined_as_not_ours(said: str) -> None:
    dispatcher = CollectingDispatcher()
    assert writing_requests.decline(dispatcher, said) is True
    assert [m.get("text") for m in dispatcher.messages] == [writing_requests.OTHER_DECLINED]
    assert "不在我的服务范围" in writing_requests.OTHER_DECLINED


@pytest.mark.parametrize("said", ["给我写个信息采集表的样子看看", "信用不好能贷款吗", "我想写信给领导反映问题"])
def test_our_own_words_with_those_characters_are_no_writing_request(said: str) -> None:
    assert writing_requests.decline(CollectingDispatcher(), said) is False


def test_a_screen_name_is_a_name_and_every_decline_says_it_is_not_ours() -> None:
    dispatcher = CollectingDispatcher()
    assert writing_requests.decline(dispatcher, "帮我起个好听的网名") is True
    assert "不在我的服务范围" in writing_requests.NAMING_DECLINED
    assert [m.get("text") for m in dispatcher.messages] == [writing_requests.NAMING_DECLINED]


async def test_a_writing_request_read_as_a_complaint_is_declined_not_filed(service_down: None) -> None:
    from actions.appeals.appeals import ActionRouteAppeal

    dispatcher = CollectingDispatcher()
    await ActionRouteAppeal().run(dispatcher, make_tracker([user_event("帮我写一份年终总结", "complain")]), {})
    assert [m.get("text") for m in dispatcher.messages] == [writing_requests.DECLINED]

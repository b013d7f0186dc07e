"""How to follow the complaint just filed, asked right after filing (issue 12).

"以后我咋知道处理到哪一步了" names nothing: whichever way the NLU read it (unsure, a question, progress), the user is
told the status check with the number just given and what it asks, never handed to a person for a missed message.
"""

from typing import Any

import pytest
from rasa_sdk import Action, Tracker

from actions.appeals.appeals import ActionRouteAppeal
from actions.conversation.fallback import ActionHandleLowConfidence
from actions.conversation.filed_appeal import how_to_follow
from actions.conversation.handoff import ActionHandoff
from actions.conversation.routing import ActionRouteProgress
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import run

NUMBER = "SQ20260315000042"
FILED = f"您的投诉已登记，编号{NUMBER}，我们将在5个工作日内答复您。"


def after_filing(said: str, intent: str, filed_by: str = "action_submit_appeal") -> Tracker:
    events: list[dict[str, Any]] = [
        user_event("好的就这么交吧", "nlu_fallback"),  # the NLU was unsure of the confirmation too
        {"event": "action", "name": "appeal_form"},
        {"event": "action", "name": filed_by},
        {"event": "bot", "text": FILED},
        {"event": "action", "name": "action_listen"},
        user_event(said, intent),
    ]
    return make_tracker(events, slots={"last_appeal_number": NUMBER})


def test_how_to_follow_is_read_only_right_after_a_filing() -> None:
    tracker = after_filing("那以后我咋知道处理到哪一步了", "nlu_fallback")
    assert NUMBER in str(how_to_follow(tracker, "action_submit_appeal", "那以后我咋知道处理到哪一步了"))
    assert how_to_follow(tracker, "action_answer_question", "那以后我咋知道处理到哪一步了") is None
    assert how_to_follow(tracker, "action_submit_appeal", "好的谢谢") is None


async def test_how_to_follow_is_told_whatever_the_intent(knowledge_service: str) -> None:
    actions: list[tuple[Action, str]] = [
        (ActionHandleLowConfidence(), "nlu_fallback"),
        (ActionAnswerQuestion(), "ask_question"),
        (ActionRouteProgress(), "check_progress"),
    ]
    for action, intent in actions:
        said, events = await run(action, after_filing("那以后我咋知道处理到哪一步了", intent))
        assert NUMBER in said and "后4位" in said, (intent, said)
        assert "转人工客服，请稍候" not in said and not any(e.get("event") == "pause" for e in events), intent


RATED_APPLICATION = (
    "很抱歉这次没让您满意。对申请CY20261201000001的评价（1星）已记录，并已登记整改回访，编号SQ20261207000003，"
    "工作人员会核实改进并回访您。"
)
RATED_SERVICE = (
    "感谢您的评价！很抱歉没有让您满意，我们已登记整改回访（编号SQ20261207000004），工作人员会在12月14日前联系您。"
)
FILED_WITH_PHONE = (
    "您的投诉已登记，编号SQ20260315000042，我们将在5个工作日内（2026年3月22日前）答复您。\n"
    "工作人员会通过您留的电话联系您。想了解处理情况，随时说“我的投诉处理得怎么样了”，并提供编号SQ20260315000042。"
)


def after_reply(reply: str, said: str, by: str, intent: str = "ask_question", between: bool = False) -> Tracker:
    events: list[dict[str, Any]] = [
        user_event("给个差评", "give_feedback"),
        {"event": "action", "name": by},
        {"event": "bot", "text": reply},
        {"event": "action", "name": "action_listen"},
    ]
    if between:  # "好的" and the bot's reply to it in between
        events += [
            user_event("好的", "affirm"),
            {"event": "action", "name": "utter_ok"},
            {"event": "bot", "text": "好的"},
            {"event": "action", "name": "action_listen"},
        ]
    return make_tracker([*events, user_event(said, intent)])


@pytest.mark.parametrize("said", ["到时候会有人打电话给我不", "会有人联系我吗", "你们会回访吗"])
@pytest.mark.parametrize(
    ("reply", "by", "number", "when"),
    [
        (RATED_APPLICATION, "action_submit_rating", "SQ20261207000003", "答复期限内"),
        (RATED_SERVICE, "action_rate", "SQ20261207000004", "12月14日前"),
        (FILED_WITH_PHONE, "action_submit_appeal", "SQ20260315000042", "5个工作日内（3月22日前）按您留的电话"),
    ],
)
def test_whether_someone_will_call_after_a_rating_or_a_filing_is_yes_with_the_number(
    said: str, reply: str, by: str, number: str, when: str
) -> None:
    answer = str(how_to_follow(after_reply(reply, said, by), by, said))
    assert answer.startswith("会的") and number in answer and when in answer, answer


@pytest.mark.parametrize("said", ["啥时候有人联系我", "多久给我答复"])
def test_when_someone_will_call_is_told_with_the_time_limit(said: str) -> None:
    answer = str(
        how_to_follow(after_reply(FILED_WITH_PHONE, said, "action_submit_appeal"), "action_submit_appeal", said)
    )
    assert not answer.startswith("会的") and "5个工作日内（3月22日前）" in answer and "SQ20260315000042" in answer


def test_whether_someone_will_call_a_turn_later_is_still_answered() -> None:
    tracker = after_reply(RATED_SERVICE, "那会有人联系我吗", "action_rate", between=True)
    assert "SQ20261207000004" in str(how_to_follow(tracker, "utter_ok", "那会有人联系我吗"))


@pytest.mark.parametrize("said", ["好的谢谢", "我要怎么联系你们", "电话号码要填几位", "贷款要多久"])
def test_other_messages_after_a_rating_are_no_such_question(said: str) -> None:
    assert how_to_follow(after_reply(RATED_SERVICE, said, "action_rate"), "action_rate", said) is None


def test_whether_someone_will_call_with_nothing_filed_is_no_such_question() -> None:
    tracker = after_reply("感谢您的评价！对这次对话的评价（5星）已记录。", "会有人联系我吗", "action_rate")
    assert how_to_follow(tracker, "action_rate", "会有人联系我吗") is None


async def test_whether_someone_will_call_is_answered_through_the_question_action(knowledge_service: str) -> None:
    said, _ = await run(ActionAnswerQuestion(), after_reply(RATED_SERVICE, "到时候会有人打电话给我不", "action_rate"))
    assert said.startswith("会的") and "SQ20261207000004" in said and "12月14日前" in said, said


@pytest.mark.parametrize(
    ("action", "said", "intent"),
    [
        (ActionHandoff(), "到时候会有人打电话给我不", "request_human"),
        (ActionHandoff(), "会有人联系我吗", "request_human"),
        (ActionRouteAppeal(), "你们会回访吗", "complain"),
        (ActionRouteProgress(), "啥时候有人联系我", "check_progress"),
    ],
)
async def test_the_routers_answer_whether_someone_will_call_instead_of_handing_off_or_filing(
    action: Action, said: str, intent: str
) -> None:
    answer, events = await run(action, after_reply(RATED_SERVICE, said, "action_rate", intent=intent))
    assert "SQ20261207000004" in answer and "12月14日前" in answer, answer
    assert "转人工客服" not in answer and not any(e.get("event") in ("pause", "active_loop") for e in events), events


async def test_asking_for_a_person_after_a_rating_still_hands_off() -> None:
    answer, _ = await run(ActionHandoff(), after_reply(RATED_SERVICE, "转人工", "action_rate", intent="request_human"))
    assert "SQ20261207000004" not in answer and "人工" in answer, answer  # the hand-off (here the service is down)

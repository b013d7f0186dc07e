"""How to follow the complaint just filed, asked right after filing (issue 12).

"以后我咋知道处理到哪一步了" names nothing: whichever way the NLU read it (unsure, a question, progress), the user is
told the status check with the number just given and what it asks, never handed to a person for a missed message.
"""

from typing import Any

from rasa_sdk import Action, Tracker

from actions.conversation.fallback import ActionHandleLowConfidence
from actions.conversation.filed_appeal import how_to_follow
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

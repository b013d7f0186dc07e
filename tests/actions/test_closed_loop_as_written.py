"""Complaints and suggestions are heard as written (fourteenth analysis C): a colon, a voice complaint's rhetorical
question, and a bare "提交" after one the bot answered without filing.

"提个意见：小程序能不能加个…" hands a suggestion in; "我想投诉…你们不是说三天就好吗…" (no punctuation) tells a
complaint; "提交" right after either, with nothing filed, files that one, never "没有可提交的申请".
"""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.appeal_reading import tells_a_complaint
from actions.appeals.appeals import EARLIER_FILED, ActionRouteAppeal
from actions.appeals.complaint_first import files_a_complaint, told_unfiled
from actions.appeals.ratings import NO_SCORE
from actions.appeals.suggestions import suggests
from actions.conversation.closed_loop_first import rating_or_unfiled
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_appeals import entity

SUGGESTION = "提个意见：湘易办能不能加个夜间人工，记下来给我个号"
VOICE_COMPLAINT = (
    "我想投诉我上个月在开福区政务大厅交的补贴材料你们不是说二十个工作日就好吗到现在都没人理电话13912345678"
)


def _answered_then(first: str, then: str, intent: str = "affirm", filed: bool = False) -> list[dict[str, Any]]:
    """``first`` answered by the knowledge base (or filed), then ``then``."""
    events = [
        user_event(first, "ask_question", [entity("phone", "13912345678")] if "139" in first else []),
        {"event": "action", "name": "action_answer_question"},
        {"event": "bot", "text": "您可以在湘易办“我的办件”里查看申请编号。"},
    ]
    if filed:
        events += [{"event": "active_loop", "name": "appeal_form"}, {"event": "action", "name": "action_submit_appeal"}]
    return [*events, {"event": "action", "name": "action_listen"}, user_event(then, intent)]


@pytest.mark.parametrize(
    "said",
    [
        SUGGESTION,
        "提个意见:小程序能不能加个语音填表",
        "我有个建议能不能加个周末窗口",
        "有个建议，可不可以开个夜间班",
    ],
)
def test_a_suggestion_with_a_colon_or_asked_with_nengbuneng_is_handed_in(said: str) -> None:
    assert suggests(said)


@pytest.mark.parametrize("said", ["你们有什么建议吗", "建议在哪里提？", "提个意见要找谁", "我有个建议能不能提"])
def test_questions_about_suggestions_stay_questions(said: str) -> None:
    assert not suggests(said)


def test_an_unpunctuated_voice_complaint_is_told_though_it_reproaches_in_a_question() -> None:
    assert tells_a_complaint(VOICE_COMPLAINT)
    assert tells_a_complaint("我想投诉上个月在窗口办执照让我跑了三趟到底怎么回事电话13912345678")
    assert tells_a_complaint("投诉：补贴一个月没消息")
    for asked in ("投诉一般几天有答复", "投诉的话要多久", "投诉一般几天有答复我等了很久了想知道结果"):
        assert not tells_a_complaint(asked), asked


@pytest.mark.parametrize("then", ["提交", "交了吧", "好的 提交吧", "帮我登记一下", "给我个编号"])
@pytest.mark.parametrize("first", [SUGGESTION, VOICE_COMPLAINT])
def test_a_bare_submit_after_an_unfiled_complaint_files_that_one(first: str, then: str) -> None:
    tracker = make_tracker(_answered_then(first, then))
    assert told_unfiled(tracker) == {"text": first, "entities": tracker.events[0]["parse_data"]["entities"]}
    assert files_a_complaint(tracker)  # every router that asks it sends the message to action_route_appeal


@pytest.mark.parametrize(
    "events",
    [
        _answered_then("创业担保贷款能贷多少", "提交"),  # a question before: nothing to file
        _answered_then(SUGGESTION, "先别提交"),
        _answered_then(SUGGESTION, "提交了吗"),
        _answered_then(SUGGESTION, "提交", filed=True),  # filed already
        [user_event("提交", "affirm")],
    ],
)
def test_nothing_is_filed_again_or_without_a_complaint(events: list[dict[str, Any]]) -> None:
    assert told_unfiled(make_tracker(events)) is None


async def test_the_router_opens_the_complaint_form_with_the_earlier_message() -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionRouteAppeal().run(dispatcher, make_tracker(_answered_then(SUGGESTION, "提交")), {})
    said = " ".join(str(m.get("text")) for m in dispatcher.messages)
    assert said.startswith(EARLIER_FILED) and "建议" in said and "没有可提交" not in said
    assert {"event": "followup", "name": "appeal_form"} in [
        {"event": e["event"], "name": e.get("name")} for e in events
    ]
    assert {"event": "slot", "name": "appeal_category"} in [
        {"event": e["event"], "name": e.get("name")} for e in events
    ]


async def test_a_bare_submit_read_as_a_yes_or_not_understood_files_it_too() -> None:
    dispatcher = CollectingDispatcher()
    events = await rating_or_unfiled(dispatcher, make_tracker(_answered_then(VOICE_COMPLAINT, "提交")), {})
    assert events is not None and dispatcher.messages[0]["text"].startswith(EARLIER_FILED)
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["appeal_contact"] == "13912345678" and "二十个工作日" in slots["appeal_description"]


def test_a_bare_submit_takes_the_offer_to_file_an_opinion() -> None:
    opinion = "你们这个小程序字太小了老年人根本看不清"
    events = [
        user_event(opinion, "give_feedback"),
        {"event": "action", "name": "action_rate"},
        {"event": "bot", "text": NO_SCORE},
        {"event": "action", "name": "action_listen"},
        user_event("交了吧", "affirm"),
    ]
    assert told_unfiled(make_tracker(events)) == {"text": opinion, "entities": []}

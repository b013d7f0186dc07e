"""A suggestion is filed as a 诉求, and a complaint is filed at once when the user says so (issue 13, eleventh C1).

"我有个建议，…" opens the complaint form with the category 其他与意见建议, whichever router the NLU chose;
"没有办件" says no application is involved at any step; a submit word with what happened and a contact files in that
turn, and staff see the filing. Played with the driver of ``test_appeals`` against the real service.
"""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.appeal_plan import submits_now
from actions.appeals.appeal_reading import read_appeal
from actions.appeals.ratings import ActionRate
from actions.appeals.suggestions import suggests
from actions.application.application_start import ActionStartApplication
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_appeals import STAFF, Chat, _get, _post, appeal_number, entity

PHONE = [entity("phone", "13912345678")]


def _staff(service_url: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + _post(f"{service_url}/api/v1/staff/login", {}, STAFF)["token"]}


def test_suggestions_are_told_apart_from_questions_about_them() -> None:
    for said in (
        "我有个建议，希望孵化基地晚上也开放",
        "提个意见，窗口中午别休息",
        "我们有几条建议",
        "有个小建议，字太小了",
    ):
        assert suggests(said), said
    for said in ("你有什么建议吗", "建议在哪里提？", "有什么意见可以提吗", "专家建议先办执照"):
        assert not suggests(said), said


def test_no_application_involved_is_read_in_any_words() -> None:
    for said in ("没有办件", "这事不涉及办件", "跟办件无关", "不关申请的事"):
        assert read_appeal(f"上周在县大厅，{said}", []).no_application, said
    assert not read_appeal("补贴的办件一直没消息", []).no_application


def test_a_submit_word_files_now_only_when_it_closes_the_message() -> None:
    assert submits_now("appeal_description", "窗口推来推去，电话13912345678，直接交吧")
    assert submits_now("appeal_contact", "13912345678，提交吧")
    assert not submits_now("appeal_description", "材料交上去一个月没人管")
    assert not submits_now(None, "直接交")


async def test_a_suggestion_is_filed_as_other_and_staff_see_it(service_url: str) -> None:
    chat = Chat("web:suggestion-filed")
    said = await chat.say("我有个建议，希望创业孵化基地周末也能开放办事", "complain")
    assert "感谢" in said and "诉求" in said and "电话" in said and "哪里" not in said  # no place or time to ask
    said = await chat.say("上个月在岳麓区那个基地，没有办件，电话13912345678，就这么交吧", "inform", PHONE)
    number = appeal_number(said)
    assert "其他与意见建议" in said and chat.loop is None
    stored = _get(f"{service_url}/api/v1/appeals/{number}", _staff(service_url))
    assert "周末也能开放" in str(stored) and "other" in str(stored)


async def test_a_suggestion_read_as_feedback_goes_to_the_complaint_form() -> None:
    tracker = make_tracker([user_event("我有个意见，小程序上的字太小了老人看不清", "give_feedback")])
    events = await ActionRate().run(CollectingDispatcher(), tracker, {})
    assert {"event": "followup", "name": "action_route_appeal"} in [
        {"event": e["event"], "name": e.get("name")} for e in events
    ]


async def test_a_complaint_read_as_applying_never_opens_the_application_form(service_url: str) -> None:
    text = "我要投诉，创业补贴交上去两个月了还没批，窗口一直推，电话13912345678"
    tracker = make_tracker([user_event(text, "start_application", [entity("item", "startup_subsidy"), *PHONE])])
    dispatcher = CollectingDispatcher()
    events = await ActionStartApplication().run(dispatcher, tracker, {})
    assert [e.get("name") for e in events if e["event"] == "followup"] == ["action_route_appeal"]
    assert not dispatcher.messages  # no form introduction


async def test_everything_and_a_submit_word_at_the_first_step_files_at_once(service_url: str) -> None:
    chat = Chat("web:complaint-filed-now")
    said = await chat.say("我要投诉", "complain")
    assert "发生了什么" in said
    said = await chat.say("窗口让我来回跑了三趟，跟办件无关，电话13912345678，直接交", "inform", PHONE)
    number = appeal_number(said)
    assert "涉及申请：无" in said and "地点和时间：未说明" in said and chat.loop is None
    listed = _get(f"{service_url}/api/v1/appeals", _staff(service_url))
    assert number in str(listed)


async def test_a_suggestion_the_nlu_was_unsure_of_opens_the_form(service_url: str) -> None:
    chat = Chat("web:suggestion-unsure")
    said = await chat.say("我有个建议，创业服务窗口周六也开一下吧，上班族平时没空", "nlu_fallback")
    assert "诉求" in said and chat.loop == "appeal_form" and "没太明白" not in said

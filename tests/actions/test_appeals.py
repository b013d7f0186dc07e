"""The complaint form (诉求), its status and ratings in chat, played turn by turn against the real service.

A small driver plays what Rasa does around a form: the router, the form's activation, then per user message the
validation action, the step's ask action (or the submit when the form is done). Every check is on what the user
sees and on what the service stored.
"""

from __future__ import annotations

import json
import re
import urllib.request
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.appeal_filing import ActionSubmitAppeal
from actions.appeals.appeal_form import ValidateAppealForm
from actions.appeals.appeal_prompts import (
    AskAppealApplication,
    AskAppealConfirm,
    AskAppealContact,
    AskAppealDescription,
    AskAppealIdLast6,
    AskAppealPlaceTime,
    AskAppealStatusCheck,
    AskAppealStatusNumber,
    AskRatingIdLast6,
    AskRatingNumber,
)
from actions.appeals.appeal_status import ActionShowAppealStatus, ValidateAppealStatusForm
from actions.appeals.appeals import ActionRouteAppeal
from actions.appeals.ratings import ActionRate, ActionSubmitRating, ValidateRatingForm
from actions.conversation import handoff
from actions.conversation.fallback import ActionHandleLowConfidence
from actions.progress.progress import ActionShowProgress
from tests.actions.conftest import user_event
from tests.actions.test_application_form import FILLED
from tests.actions.test_progress_and_eligibility import file_one

ASK = {
    "appeal_description": AskAppealDescription(),
    "appeal_place_time": AskAppealPlaceTime(),
    "appeal_application": AskAppealApplication(),
    "appeal_id_last6": AskAppealIdLast6(),
    "appeal_contact": AskAppealContact(),
    "appeal_confirm": AskAppealConfirm(),
    "appeal_status_number": AskAppealStatusNumber(),
    "appeal_status_check": AskAppealStatusCheck(),
    "rating_number": AskRatingNumber(),
    "rating_id_last6": AskRatingIdLast6(),
}
FORMS: dict[str, tuple[Action, Action]] = {
    "appeal_form": (ValidateAppealForm(), ActionSubmitAppeal()),
    "appeal_status_form": (ValidateAppealStatusForm(), ActionShowAppealStatus()),
    "rating_form": (ValidateRatingForm(), ActionSubmitRating()),
}
LAST6 = str(FILLED["id_number"])[-6:]
STAFF = {"username": "zhangsan", "password": "staff-dev-pass"}  # bundle_service/data/staff_accounts.example.yml
DEPARTMENT_KEYS = {"market_regulation": "dev-market-regulation-key", "tax": "dev-tax-key"}


class Chat:
    """One conversation: the router for the first message, then the form that is open, as Rasa runs them."""

    def __init__(self, sender: str, channel: str = "rest") -> None:
        self.sender, self.channel = sender, channel
        self.slots: dict[str, Any] = {}
        self.events: list[dict[str, Any]] = []
        self.loop: str | None = None
        self.buttons: list[str] = []

    def _tracker(self) -> Tracker:
        latest = next((e["parse_data"] for e in reversed(self.events) if e["event"] == "user"), {})
        return Tracker(
            self.sender,
            dict(self.slots),
            latest,
            list(self.events),
            False,
            None,
            {"name": self.loop} if self.loop else {},
            "action_listen",
        )

    async def _run(self, action: Action, said: list[str]) -> list[dict[str, Any]]:
        dispatcher = CollectingDispatcher()
        events = await action.run(dispatcher, self._tracker(), {})
        self.events.append({"event": "action", "name": action.name()})
        for message in dispatcher.messages:
            said.append(str(message.get("text") or ""))
            self.events.append({"event": "bot", "text": message.get("text")})
            self.buttons = [b["title"] for b in message.get("buttons") or []] or self.buttons
        for event in events:
            if event["event"] == "slot":
                self.slots[event["name"]] = event["value"]
                self.events.append(event)
            elif event["event"] == "active_loop":
                self.loop = event.get("name")
        return events

    async def say(self, text: str, intent: str = "inform", entities: list[dict[str, Any]] | None = None) -> str:
        """The user's message; returns everything the bot said in reply."""
        self.events.append(user_event(text, intent, entities, self.channel))
        said: list[str] = []
        self.buttons = []
        if self.loop is None:
            routers = {"complain": ActionRouteAppeal(), "give_feedback": ActionRate()}
            router = routers.get(intent, ActionHandleLowConfidence())
            events = await self._run(router, said)
            followup = next((e["name"] for e in events if e["event"] == "followup"), None)
            if followup not in FORMS:
                return "\n".join(said)
            self.loop = followup
            self.slots["requested_slot"] = None
            self.events.append({"event": "active_loop", "name": followup})
        validate, finish = FORMS[self.loop]
        await self._run(validate, said)
        requested = self.slots.get("requested_slot")
        if requested:
            await self._run(ASK[requested], said)
        else:
            loop, self.loop = self.loop, None
            events = await self._run(finish, said)
            if any(e["event"] == "followup" and e["name"] == loop for e in events):
                self.loop = loop  # asked again (a wrong verification)
                await self._run(validate, said)
                await self._run(ASK[str(self.slots["requested_slot"])], said)
        return "\n".join(said)


def entity(name: str, value: str) -> dict[str, Any]:
    return {"entity": name, "value": value, "start": 0, "end": 1}


def _get(url: str, headers: dict[str, str]) -> Any:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as answer:
        return json.load(answer)


def _post(url: str, headers: dict[str, str], body: dict[str, Any] | None = None) -> Any:
    data = json.dumps(body or {}).encode()
    request = urllib.request.Request(url, data=data, headers={**headers, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)


def finish_all(service_url: str, number: str) -> None:
    """Every department of the application finishes its task (the application becomes rateable)."""
    for key in DEPARTMENT_KEYS.values():
        headers = {"X-Department-Key": key}
        tasks = _get(f"{service_url}/api/v1/department/tasks", headers)["tasks"]
        for task in (t for t in tasks if t["application_number"] == number):
            _post(f"{service_url}/api/v1/department/tasks/{task['task_id']}/accept", headers)
            _post(f"{service_url}/api/v1/department/tasks/{task['task_id']}/finish", headers)


def appeal_number(text: str) -> str:
    match = re.search(r"SQ\d{14}", text)
    assert match, text
    return match.group(0)


async def test_everything_given_up_front_is_asked_only_what_is_missing(service_url: str) -> None:
    chat = Chat("web:appeal-up-front")
    said = await chat.say(
        "我要投诉，昨天上午在开福区政务服务中心3号窗口，工作人员态度很差，一直玩手机不理人，电话13912345678",
        "complain",
        [entity("phone", "13912345678")],
    )
    assert "139****5678" in said and "请核对" in said  # nothing asked again: straight to the summary
    assert "13912345678" not in said
    assert "开福区政务服务中心" in said and "类别" in said
    said = await chat.say("确认提交", "affirm")
    number = appeal_number(said)
    assert "个工作日" in said and "编号" in said
    assert chat.loop is None and chat.slots["last_appeal_number"] == number


async def test_step_by_step_with_a_question_a_bad_answer_and_a_step_back(service_url: str) -> None:
    chat = Chat("web:appeal-steps")
    said = await chat.say("我要投诉", "complain")
    assert "发生了什么" in said
    said = await chat.say("创业补贴交上去一个多月了没人审", "complain")
    assert "哪里" in said and "什么时候" in said
    said = await chat.say("投诉一般多久能有回复？", "ask_question")
    assert "哪里" in said  # the question got an answer from the knowledge base, then the step again
    said = await chat.say("上周五下午，市民之家", "inform")
    assert "申请编号" in said  # the subsidy concerns an application
    said = await chat.say("没有", "deny")
    assert "联系电话" in said
    first = said
    said = await chat.say("12345", "inform")
    second = said
    said = await chat.say("不知道", "inform")
    assert len({first, second, said}) == 3, "no prompt three times identically"
    assert "转人工" in said and "转人工" in chat.buttons
    said = await chat.say("上一步", "inform")
    assert "刚才填的是" in said and "市民之家" in said
    said = await chat.say("12月1日下午，县政务大厅", "inform")
    said = await chat.say("0731-88889999", "inform")
    assert "0731****" not in said and "请核对" in said
    said = await chat.say("类别改为其他", "inform")
    assert "类别改为" in said
    said = await chat.say("确认提交", "affirm")
    assert appeal_number(said)


async def test_a_complaint_about_an_application_is_verified_like_progress(service_url: str) -> None:
    application = await file_one("web:appeal-owner")
    chat = Chat("web:appeal-about-application")
    said = await chat.say(f"投诉：我的申请{application}审批一直拖着没人管，前天在县政务大厅问也没结果", "complain")
    assert "后6位" in said
    said = await chat.say("000000", "inform")
    assert "没有对上" in said
    said = await chat.say(LAST6, "inform")
    assert f"已核实您的申请（尾号{application[-4:]}）" in said and "联系电话" in said
    assert application not in said  # the user's own number is not said back in full: it would read as a filing
    said = await chat.say("电话是13812345678", "inform", [entity("phone", "13812345678")])
    assert f"尾号{application[-4:]}" in said and application not in said and "138****5678" in said
    said = await chat.say("确认提交", "affirm")
    assert appeal_number(said)


async def test_status_later_with_a_wrong_then_a_right_verification(service_url: str) -> None:
    filing = Chat("web:appeal-status-filer")
    await filing.say(
        "我要投诉，今天上午在岳麓区政务服务中心排了两个小时，最后说系统维护办不了，电话13700001234",
        "complain",
        [entity("phone", "13700001234")],
    )
    number = appeal_number(await filing.say("确认提交", "affirm"))
    chat = Chat("web:appeal-status-asker")
    said = await chat.say("我的投诉处理得怎么样了", "complain")
    assert "SQ" in said  # asked for the number
    said = await chat.say(number, "inform")
    assert "后4位" in said
    said = await chat.say("9999", "inform")
    assert "没有查到" in said and number not in said.replace(f"编号{number}", "")
    said = await chat.say("1234", "inform")
    assert number in said and "待受理" in said and "个工作日" in said


async def test_rating_a_finished_application_is_stored_and_an_unfinished_one_is_not(service_url: str) -> None:
    number = await file_one("web:rating-owner")
    chat = Chat("web:rating-owner-chat")
    said = await chat.say(f"{number}办得很好，五星好评", "give_feedback", [entity("application_id", number)])
    assert "后6位" in said
    said = await chat.say(LAST6, "inform")
    assert "还没有全部办结" in said and "没有保存" in said
    finish_all(service_url, number)
    said = await chat.say(f"{number} 五星好评", "give_feedback", [entity("application_id", number)])
    said = await chat.say(LAST6, "inform")
    assert "感谢您的评价" in said and "5星" in said
    again = Chat("web:rating-owner-again")
    await again.say(f"{number} 五星", "give_feedback", [entity("application_id", number)])
    assert "已经评价过了" in await again.say(LAST6, "inform")


async def test_a_bad_rating_opens_a_follow_up_the_user_is_told_about(service_url: str) -> None:
    chat = Chat("web:rating-bad")
    said = await chat.say("给个差评，问了三遍都答非所问", "give_feedback")
    assert appeal_number(said) and "整改回访" in said and "1星" in said
    assert "处理得怎么样了" not in said  # an anonymous chat cannot verify a follow-up it left no phone for


async def test_a_rating_without_a_score_is_not_thanked_as_stored(service_url: str) -> None:
    said = await Chat("web:rating-none").say("语音输入不太灵", "give_feedback")  # "建议增加语音输入" is a suggestion
    assert "已记录" not in said and "五星" in said


async def test_outside_service_hours_a_handoff_says_when_staff_will_answer(monkeypatch: Any) -> None:
    hours = {"open_now": False, "message": "现在是非工作时间，工作人员将于12月7日（周一）9:00起回复您。"}

    async def queued(path: str, body: Any, headers: Any = None) -> dict[str, Any]:
        return {"id": 1, "status": "waiting", "service_hours": hours}

    monkeypatch.setattr(handoff, "post_json", queued)
    dispatcher = CollectingDispatcher()
    await handoff.ActionHandoff().run(dispatcher, Chat("web:after-hours")._tracker(), {})
    assert [m["text"] for m in dispatcher.messages] == [handoff.HANDED_OFF, hours["message"]]
    hours["open_now"] = True
    dispatcher = CollectingDispatcher()
    await handoff.ActionHandoff().run(dispatcher, Chat("web:in-hours")._tracker(), {})
    assert [m["text"] for m in dispatcher.messages] == [handoff.HANDED_OFF]


async def test_five_stars_right_after_a_finished_progress_rate_that_application(service_url: str) -> None:
    number = await file_one("web:rating-after-progress")
    finish_all(service_url, number)
    chat = Chat("web:rating-after-progress")
    chat.slots.update(progress_number=number, progress_id_last6=LAST6)
    chat.events.append({"event": "slot", "name": "progress_id_last6", "value": LAST6})
    said: list[str] = []
    await chat._run(ActionShowProgress(), said)
    assert "欢迎对本次服务做个评价" in said[0]  # the invitation the bot can now keep
    said_now = await chat.say("五星好评", "give_feedback")
    assert (
        f"对您的申请（尾号{number[-4:]}）的评价（5星）已记录" in said_now and number not in said_now
    )  # no digits asked again: given for the progress


async def test_without_the_service_nothing_is_said_to_be_filed(service_down: None) -> None:
    chat = Chat("web:appeal-service-down")
    said = await chat.say(
        "我要投诉，昨天上午在开福区政务服务中心，工作人员态度很差，电话13912345678",
        "complain",
        [entity("phone", "13912345678")],
    )
    assert "暂时连不上" in said and "已登记" not in said and "SQ" not in said
    assert chat.loop is None and not chat.slots.get("appeal_contact")  # the phone does not linger
    said = await Chat("web:rating-service-down").say("五星好评", "give_feedback")
    assert "没有保存" in said and "已记录" not in said


async def test_a_complaint_the_nlu_was_unsure_of_still_opens_the_form(service_down: None) -> None:
    chat = Chat("web:appeal-low-confidence")
    said = await chat.say(
        "我要投诉，我的申请CY20261201000012审批拖了一个月",
        "nlu_fallback",
        [entity("application_id", "CY20261201000012")],
    )
    assert "登记投诉" in said and "哪里" in said and chat.loop == "appeal_form"  # only what is missing is asked
    assert chat.slots["appeal_application"] == "CY20261201000012"


async def test_a_bad_rating_the_nlu_read_as_a_complaint_is_stored_as_a_rating(service_url: str) -> None:
    said = await Chat("web:rating-as-complaint").say("给个差评，问了三遍都答非所问", "complain")
    assert "1星" in said and "整改回访" in said and "登记投诉" not in said


async def test_once_closed_the_status_shows_the_result(service_url: str) -> None:
    filing = Chat("web:appeal-closed-filer")
    await filing.say(
        "我要投诉，上周一在县政务大厅排了三个小时的队，电话13600005678", "complain", [entity("phone", "13600005678")]
    )
    number = appeal_number(await filing.say("确认提交", "affirm"))
    staff = {"Authorization": "Bearer " + _post(f"{service_url}/api/v1/staff/login", {}, STAFF)["token"]}
    _post(f"{service_url}/api/v1/appeals/{number}/take", staff)
    _post(f"{service_url}/api/v1/appeals/{number}/close", staff, {"result": "已增开两个窗口，高峰期安排引导员。"})
    chat = Chat("web:appeal-closed-asker")
    await chat.say(f"{number}处理得怎么样了", "complain")
    said = await chat.say("5678", "inform")
    assert "已办结" in said and "已增开两个窗口，高峰期安排引导员。" in said
    assert said.count("已增开两个窗口") == 1  # the result once, not again as a staff reply

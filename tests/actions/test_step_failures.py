"""One count for every form: each message that answers nothing at a step counts for it (issue 12, F7).

A question the form answered, chit-chat a rule answered before the form asked again, "不知道" and an unreadable
value all count; from the second the bot says exactly what the step needs with an example, its choices and a
person, and no reply is said three times in a row. A message that sets another field is no failure.
"""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_form import ValidateApplicationForm
from actions.eligibility.eligibility import ValidateEligibilityForm
from actions.progress.progress_form import ValidateProgressForm
from actions.steps.step_failures import failures_at
from tests.actions.conftest import user_event
from tests.actions.test_application_form import FILLED


def slot(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}


def tracker_of(events: list[dict[str, Any]]) -> Tracker:
    latest = next((e["parse_data"] for e in reversed(events) if e["event"] == "user"), {})
    return Tracker("web:count", {}, latest, events, False, None, {}, "action_listen")


def test_messages_that_answer_nothing_are_counted_from_when_the_step_was_asked() -> None:
    events = [
        {"event": "active_loop", "name": "application_form"},
        slot("requested_slot", "phone"),
        user_event("13912345678", "inform"),  # answers the phone: the next step starts afresh
        slot("phone", "13912345678"),
        slot("requested_slot", "industry"),
        user_event("行业怎么填", "ask_question"),  # a question answered: counts
        slot("industry", None),
        slot("requested_slot", "industry"),
        user_event("你好", "greet"),  # chit-chat a rule answered: counts
        {"event": "action", "name": "utter_greet"},
        slot("requested_slot", "industry"),
        user_event("项目叫湘里米粉", "inform"),  # another field set: no failure
        slot("project_name", "湘里米粉"),
        slot("requested_slot", "industry"),
        user_event("不知道", "inform"),  # the latest, not answered yet
    ]
    fields = ("phone", "industry", "project_name")
    assert failures_at(tracker_of(events), "industry", fields) == 3
    assert failures_at(tracker_of(events[:5]), "industry", fields) == 0  # just asked
    # answered, then asked again ("上一步"): only what came after
    again = [*events, slot("industry", "餐饮"), slot("industry", None), slot("requested_slot", "industry")]
    assert failures_at(tracker_of([*again, user_event("嗯", "inform")]), "industry", fields) == 1


class Turns:
    """One open form played turn by turn, with the events Rasa keeps, digressions answered by a rule between."""

    def __init__(self, form: Action, loop: str, slots: dict[str, Any]) -> None:
        self.form, self.loop, self.slots = form, loop, dict(slots)
        self.events: list[dict[str, Any]] = [{"event": "active_loop", "name": loop}]

    async def _run(self, rejected: bool = False) -> list[dict[str, Any]]:
        latest = next(e["parse_data"] for e in reversed(self.events) if e["event"] == "user")
        latest = {**latest, "intent_ranking": [latest["intent"]]}  # what get_intent_of_latest_message reads
        tracker = Tracker(
            "web:step-failures", dict(self.slots), latest, list(self.events), False, None, {"name": self.loop},
            "action_listen",
        )  # fmt: skip
        dispatcher = CollectingDispatcher()
        events = await self.form.run(dispatcher, tracker, {})
        assert not rejected or events == [], events  # rejected: a rule answers
        for event in events:
            if event["event"] == "slot":
                self.slots[event["name"]] = event["value"]
                self.events.append(event)
        return dispatcher.messages

    async def say(self, text: str, intent: str = "inform") -> list[dict[str, Any]]:
        """A message the form reads itself."""
        self.events.append(user_event(text, intent))
        return await self._run()

    async def chat(self, text: str, intent: str, rule_reply: str) -> list[dict[str, Any]]:
        """Chit-chat: the form rejects it, a rule answers, then the form runs again before asking its step."""
        self.events.append(user_event(text, intent))
        assert await self._run(rejected=True) == []  # nothing said, nothing set
        self.events += [{"event": "action", "name": "utter_reply"}, {"event": "bot", "text": rule_reply}]
        return [{"text": rule_reply}, *await self._run()]


def texts_of(messages: list[dict[str, Any]]) -> str:
    return "\n".join(str(m.get("text") or "") for m in messages)


def buttons(messages: list[dict[str, Any]]) -> set[str]:
    return {str(b["title"]) for m in messages for b in m.get("buttons") or []}


def never_three_in_a_row(replies: list[str]) -> bool:
    return all(not (a == b == c) for a, b, c in zip(replies, replies[1:], replies[2:], strict=False))


async def test_application_a_question_then_chit_chat_at_a_step_get_the_example_the_choices_and_a_person(
    service_url: str,
) -> None:
    form = Turns(ValidateApplicationForm(), "application_form", {**FILLED, "business_type": None})
    form.slots["requested_slot"] = "business_type"
    first = await form.say("经营主体类型是啥意思？", "ask_question")  # how to fill the field: answered, step kept
    assert form.slots["requested_slot"] == "business_type" and "转人工" not in texts_of(first)
    second = await form.chat("天气真热啊", "out_of_scope", "这个问题我回答不了。")
    assert form.slots.get("business_type") is None and form.slots["requested_slot"] == "business_type"
    assert "个体工商户" in texts_of(second) and "转人工" in texts_of(second)
    assert {"个体工商户", "企业", "转人工"} <= buttons(second)
    third = await form.chat("天气真热啊", "out_of_scope", "这个问题我回答不了。")
    fourth = await form.say("那个那个")
    assert "转人工" in texts_of(fourth)
    replies = [texts_of(r) for r in (first, second, third, fourth)]
    assert never_three_in_a_row(replies) and replies[1] != replies[2], replies


async def test_application_a_value_for_another_field_is_no_failure(service_url: str) -> None:
    form = Turns(ValidateApplicationForm(), "application_form", {**FILLED, "industry": None, "project_name": None})
    form.slots["requested_slot"] = "project_name"
    await form.chat("你是机器人吗", "bot_challenge", "我是创业一件事的智能助手。")
    said = await form.say("行业是餐饮业")  # ahead of its question: stored, the project still asked, no help yet
    assert form.slots["industry"] and form.slots["requested_slot"] == "project_name"
    assert "转人工" not in texts_of(said)


async def test_eligibility_a_question_and_chit_chat_count_for_the_step(service_url: str) -> None:
    form = Turns(ValidateEligibilityForm(), "eligibility_form", {"requested_slot": "elig_person_category"})
    first = await form.say("匹配完要多久能办下来？", "ask_question")
    assert form.slots["requested_slot"] == "elig_person_category" and "转人工" not in texts_of(first)
    second = await form.chat("你好", "greet", "您好！")
    assert "退役军人" in texts_of(second) and "转人工" in texts_of(second) and "都不是" in buttons(second)
    third = await form.say("我也说不上来")
    fourth = await form.chat("你好", "greet", "您好！")
    replies = [texts_of(r) for r in (first, second, third, fourth)]
    assert all("转人工" in r for r in replies[1:]), replies
    assert never_three_in_a_row(replies), replies
    assert form.slots.get("elig_person_category") is None


async def test_progress_chit_chat_twice_at_the_number_gets_the_format_and_a_person(service_url: str) -> None:
    form = Turns(ValidateProgressForm(), "progress_form", {"requested_slot": "progress_number"})
    first = await form.chat("谢谢啊", "thank", "不客气。")
    assert "转人工" not in texts_of(first)
    second = await form.chat("你好", "greet", "您好！")
    assert "CY" in texts_of(second) and "转人工" in texts_of(second) and "编号忘了" in texts_of(second)
    third = await form.say("嗯那个")
    replies = [texts_of(r) for r in (first, second, third)]
    assert never_three_in_a_row(replies) and form.slots["requested_slot"] == "progress_number"

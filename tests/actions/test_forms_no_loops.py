"""Every form, answered badly again and again or out of order: never three identical replies in a row (issue 12).

The eligibility and progress forms are played turn by turn with the events Rasa would keep (the help after a
failed answer counts the failures in the tracker); the complaint form through the driver of ``test_appeals``.
Values given ahead of their step, or corrected later, land in their own field and nowhere else.
"""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.eligibility.eligibility import ValidateEligibilityForm
from actions.progress.progress_form import ValidateProgressForm
from tests.actions.conftest import user_event
from tests.actions.test_appeals import Chat, entity

UNUSABLE = ("嗯嗯那个", "这个啊", "等一下哈", "嗯", "那个那个")


class FormTurns:
    """One open form: each message goes through its validation with every earlier event kept."""

    def __init__(self, form: Action, loop: str, slots: dict[str, Any]) -> None:
        self.form, self.slots = form, dict(slots)
        self.events: list[dict[str, Any]] = [{"event": "active_loop", "name": loop}]
        self.loop = loop
        self.last_events: list[dict[str, Any]] = []  # what the validation returned for the latest message

    async def say(self, text: str, intent: str = "inform", entities: list[dict[str, Any]] | None = None) -> str:
        self.events.append(user_event(text, intent, entities))
        tracker = Tracker(
            "web:loops", dict(self.slots), self.events[-1]["parse_data"], list(self.events), False, None,
            {"name": self.loop}, "action_listen",
        )  # fmt: skip
        dispatcher = CollectingDispatcher()
        events = self.last_events = await self.form.run(dispatcher, tracker, {})
        for event in events:
            if event["event"] == "slot":
                self.slots[event["name"]] = event["value"]
                self.events.append(event)
        said = "\n".join(str(m.get("text") or "") for m in dispatcher.messages)
        self.events.append({"event": "bot", "text": said})
        return said


def never_three_in_a_row(replies: list[str]) -> bool:
    return all(not (a == b == c) for a, b, c in zip(replies, replies[1:], replies[2:], strict=False))


async def test_progress_unusable_answers_get_help_a_person_and_never_the_same_reply_thrice(service_url: str) -> None:
    form = FormTurns(ValidateProgressForm(), "progress_form", {"requested_slot": "progress_number"})
    replies = [await form.say(text) for text in UNUSABLE]
    assert form.slots["requested_slot"] == "progress_number" and form.slots.get("progress_number") is None
    assert "转人工" in replies[1] and "我的办件" in replies[1] and "12345" in replies[1]  # where the number is
    assert never_three_in_a_row(replies), replies


async def test_eligibility_unusable_answers_get_choices_and_never_the_same_reply_thrice(service_url: str) -> None:
    form = FormTurns(ValidateEligibilityForm(), "eligibility_form", {"requested_slot": "elig_person_category"})
    replies = [await form.say(text) for text in UNUSABLE]
    assert form.slots.get("elig_person_category") is None
    assert "退役军人" in replies[1] and "转人工" in replies[1]
    assert never_three_in_a_row(replies), replies


async def test_eligibility_a_question_with_an_answer_keeps_the_answer(service_url: str) -> None:
    form = FormTurns(ValidateEligibilityForm(), "eligibility_form", {"requested_slot": "elig_graduation_year"})
    form.slots["elig_person_category"] = "college_graduate"
    said = await form.say("前年毕业的，毕业证要交原件吗")
    assert form.slots["elig_graduation_year"] is not None and "年毕业" in said
    assert form.slots["requested_slot"] != "elig_graduation_year"


async def test_complaint_shuffled_early_and_corrected_answers_land_where_meant(service_url: str) -> None:
    chat = Chat("web:appeal-shuffled")
    said = await chat.say("我要投诉", "complain")
    # early: the phone while what happened is asked; the story is still asked and the phone is not the story
    said = await chat.say("我电话是13912345678", "inform", [entity("phone", "13912345678")])
    assert chat.slots.get("appeal_description") in (None, "")
    assert "13912345678" not in str(chat.slots.get("appeal_description"))
    assert "139****5678" in said and "发生了什么" in said and "没太明白" not in said
    said = await chat.say("窗口工作人员态度很差，材料来回让我补了三次", "complain")
    assert "窗口" in str(chat.slots["appeal_description"])
    # a question at the place/time step is answered, not stored as the place and time
    said = await chat.say("这个要填得很准确吗？", "ask_question")
    assert chat.slots.get("appeal_place_time") in (None, "")
    said = await chat.say("上周三上午，雨花区政务大厅", "inform")
    assert "雨花区" in str(chat.slots["appeal_place_time"])
    for _ in range(3):  # the application it concerns (none) and a phone, in whichever order they are asked
        step = chat.slots.get("requested_slot")
        if step == "appeal_application":
            said = await chat.say("没有", "deny")
        elif step == "appeal_contact":
            said = await chat.say("13912345678", "inform", [entity("phone", "13912345678")])
    assert "请核对" in said and "139****5678" in said
    # a correction of an earlier step at the summary changes that step only
    said = await chat.say("地点改成岳麓区政务大厅", "inform")
    assert "岳麓区" in str(chat.slots["appeal_place_time"]) and "窗口" in str(chat.slots["appeal_description"])


async def test_eligibility_the_opening_says_what_can_be_done_now_before_asking(service_url: str) -> None:
    form = FormTurns(ValidateEligibilityForm(), "eligibility_form", {"requested_slot": None})
    graduate = [entity("person_category", "college_graduate")]
    said = await form.say("我去年刚大学毕业，有啥政策", "check_eligibility", graduate)
    assert form.slots["elig_person_category"] == "college_graduate" and "年毕业" in said
    assert "现在就能办" in said and "申请创业担保贷款" in said and "创业补贴申领还要看" in said
    assert form.slots["requested_slot"] is not None  # then the first question that decides the rest
    # "想开个店" says the business is not registered yet: every item is decided, so nothing more is asked (the
    # verdict, with the subsidy's one year of operation, follows from action_show_eligibility)
    form = FormTurns(ValidateEligibilityForm(), "eligibility_form", {"requested_slot": None})
    said = await form.say("我去年刚大学毕业，想开个奶茶店，有啥政策", "check_eligibility", graduate)
    assert "尚未成立" in said and form.slots["requested_slot"] is None


async def test_progress_forgotten_id_digits_get_where_they_are_and_ways_out(service_url: str) -> None:
    slots = {"requested_slot": "progress_id_last6", "progress_number": "CY20261122000123"}
    form = FormTurns(ValidateProgressForm(), "progress_form", slots)
    said = await form.say("后六位我真想不起来了")
    assert "最后6位" in said and "转人工" in said and "12345" in said
    assert form.slots["requested_slot"] is None and form.slots["progress_number"] is None  # the form stops


async def test_progress_not_remembering_at_the_digits_step_is_no_cancel(service_url: str) -> None:
    slots = {"requested_slot": "progress_id_last6", "progress_number": "CY20261122000123"}
    form = FormTurns(ValidateProgressForm(), "progress_form", slots)
    said = await form.say("我真记不清了", "cancel")  # the NLU's cancel: still the digits that are missing
    assert "最后6位" in said and "转人工" in said and "已取消" not in said


async def test_an_undecided_item_question_goes_on_to_ask_what_decides_it(knowledge_service: str) -> None:
    from actions.conversation.routing import ActionRouteEligibility
    from tests.actions.conftest import make_tracker

    said = [entity("item", "startup_subsidy"), entity("person_category", "college_graduate")]
    tracker = make_tracker([user_event("我去年刚大学毕业，能领创业补贴吗", "check_eligibility", said)])
    dispatcher = CollectingDispatcher()
    events = await ActionRouteEligibility().run(dispatcher, tracker, {})
    text = "\n".join(str(m.get("text") or "") for m in dispatcher.messages)
    assert "❔ 创业补贴申领" in text and "年毕业" in text
    assert [e["name"] for e in events if e["event"] == "followup"] == ["eligibility_form"]  # the answer is read next
    seeded = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert seeded["elig_person_category"] == "college_graduate" and seeded["elig_graduation_year"] is not None


async def test_a_shops_name_said_later_never_replaces_the_applicants_name(service_url: str) -> None:
    from actions.application.application_form import ValidateApplicationForm

    slots = {
        "requested_slot": "project_name",
        "application_items": ["training"],
        "applicant_name": "刘芳",
        "person_category": "returning_migrant_worker",
    }
    form = FormTurns(ValidateApplicationForm(), "application_form", slots)
    said = await form.say("我开了个奶茶店，想好了名字叫茶小满")
    assert form.slots["applicant_name"] == "刘芳" and form.slots["project_name"] == "茶小满"
    assert "姓名改为" not in said


async def test_eligibility_the_category_answer_says_what_it_gives_now(service_url: str) -> None:
    form = FormTurns(ValidateEligibilityForm(), "eligibility_form", {"requested_slot": "elig_person_category"})
    said = await form.say("我是返乡农民工", "inform", [entity("person_category", "returning_migrant_worker")])
    assert form.slots["elig_person_category"] == "returning_migrant_worker"
    assert form.slots["requested_slot"] == "elig_business_started_on"  # the subsidy still needs the start date
    assert "现在就能办" in said and "就业创业证申领" in said and "创业补贴申领还要看" in said

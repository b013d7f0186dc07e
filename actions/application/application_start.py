"""``action_start_application``: open the one form (or resume it) with everything the user already said.

A new attempt takes every field named since the last application ended (filed, cancelled or a new session), the
latest message winning; ``inform``/``affirm`` outside any form start it only when the message carries application
data (an item, or two fields); anything else is answered without a form (facts kept for a verdict, one value shown
back with an offer, a submit word with nothing filed, a person after replies that gave nothing).
"""

import re
import uuid
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.appeals.complaint_first import files_a_complaint
from actions.application.application_actions import OFFER, OFFERED_ITEMS, reset_form
from actions.application.application_seed import APPLY_WORDS, _items_of, _wished_before, seeded_values
from actions.application.form_fields import ATTEMPT, BY_SLOT, PAUSED, display, service_form
from actions.application.form_guard import SUBMIT, is_question
from actions.application.form_labels import read_labelled
from actions.application.form_money import vague_sum
from actions.application.form_values import ROUGH_SUM
from actions.application.loan_limit import with_offer
from actions.conversation import followups
from actions.conversation.closed_loop_first import rating_or_unfiled
from actions.conversation.replies import answer_question, person_due
from actions.eligibility import item_eligibility, own_case, situation
from actions.eligibility.own_case import FACTS_KEPT
from actions.eligibility.past_places import without_past_places
from actions.knowledge import item_topic, knowledge_client
from actions.service_client import ServiceUnavailable, check_field
from contract.labels import ITEM_NAMES

# "开始吧", "好的"; not "还没开始营业" (a fact for the verdict)
ACCEPTING = re.compile(r"办吧|申请吧|填吧|开始(?:吧|填|办|申请|$)|好的|可以|行吧|那就办|就办")
# A wish to learn about something ("想问问补贴的事", "了解一下贷款", "咨询下执照"), not to apply for it.
LEARNING = re.compile(r"问问|问一下|问下|了解一下|了解下|想了解|咨询|打听")
INTRO = (
    "好的，我来帮您填写《个人创业“一件事”信息采集表》：只问还需要的信息，"
    "能通过数据共享获取的材料不用再交。填写中随时可以提问，不想办了说“取消”就行。"
)
NOTHING_FILED = (
    "目前还没有填写或提交任何申请，所以没有可提交的内容。要现在开始填写申请吗？回复“好”就开始，"
    "也可以直接说要办的事项，例如“我要办营业执照和创业担保贷款”。"
)
# Facts about the person and the business alone ("我前年毕业，店开一年多了，头一回创业"): what decides eligibility,
# no wish to apply. They never start the form; they are kept for the verdict the next question asks for.
PROFILE_FACTS = frozenset(
    {"person_category", "other_category", "graduation_year", "business_started_on", "first_time_founder"}
    | {"business_type"}
)
# A plan told with those facts ("想在衡阳开个电脑维修店", "一个人干"): still no wish to apply.
PLAN_FIELDS = frozenset({"project_name", "industry", "city", "county", "loan_borrower"})
# Three fields or more ("我叫…，身份证…，手机…，这样能直接交吗") fill the form whatever the message ends with.
FILLS_THE_FORM = 3
OFFER_TO_START = (
    "好的，记下了{heard}。要现在开始填写创业“一件事”申请吗？回复“好”就开始，已说的信息不用再说；"
    "也可以直接说要办的事项，例如“我要办营业执照”。"
)
# A reply that gives nothing right after a question the knowledge base could not answer: a person, not "还有什么".
# "这样能直接交吗" with the details: what happens next, before the form asks what is still missing.
SUBMIT_ASKED = "您问能不能直接提交：我先核对还缺哪些信息，缺的逐项问您；齐了给您看汇总，您确认后就提交。"
UNANSWERED_THEN = (
    "刚才那个问题我这里确实没有可靠的答案，不好意思。想请工作人员解答的话说“转人工”，他们会在这个对话里回复您；"
    "也可以换个说法再问，或者问我补贴、贷款、营业执照、办理进度这些。"
)


def _only_the_situation(tracker: Tracker) -> bool:
    """The latest message tells the person's situation and plan only: no item, no detail of an application.

    "我是转业军人，想在衡阳开个电脑维修店" (the NLU may read a wish to apply): kept for a verdict, no form.
    """
    text = str(tracker.latest_message.get("text") or "")
    entities = list(tracker.latest_message.get("entities", []))
    said = set(read_labelled(text, entities, third_person=True).values)
    return bool(said & PROFILE_FACTS) and not said - PROFILE_FACTS - PLAN_FIELDS and not _items_of(entities, text)


def carries_application_data(tracker: Tracker) -> bool:
    """The latest message names an item (贷15万, 办执照) or at least two fields, and is not only a question.

    One field is enough right after a wish to apply that did not start the form (the ID number typed next).
    """
    text = str(tracker.latest_message.get("text") or "")
    entities = list(tracker.latest_message.get("entities", []))
    labelled = read_labelled(text, entities, third_person=True)
    fields = len(labelled.values)
    if fields >= FILLS_THE_FORM and set(labelled.values) - PROFILE_FACTS - PLAN_FIELDS:
        return True  # "我叫…，身份证…，手机…，办执照，能直接交上去吗": the form, its summary shows what is missing
    if is_question(text) and not APPLY_WORDS.search(text):
        return False
    situation_only = not set(labelled.values) - PROFILE_FACTS - PLAN_FIELDS
    if situation_only and not APPLY_WORDS.search(text) and not _items_of(entities, text):
        return False  # the person's situation (and plan) only: kept for the verdict, no form
    return bool(_items_of(entities, text)) or fields >= 2 or (fields == 1 and _wished_before(tracker))


async def _not_for_the_form(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, offer_accepted: bool
) -> list[EventType] | None:
    """A question answered instead (:func:`followups.before_starting`), or another place's policy or another scheme.

    An item's name alone ("创业补贴", even read as inform) gets the item's summary and the offer to apply; with an
    offer pending the name accepts it (the form starts here, so the topic's own acceptance is not asked).

    "公司想申请一次性扩岗补助", "江西回乡创业补贴标准": the service's redirect, never the bundle's form.
    """
    if not offer_accepted and not tracker.get_slot(OFFER) and (topic := await item_topic.answer(dispatcher, tracker)):
        return topic  # "营业执照" alone, read as inform: the item's summary and the offer, no form yet
    if not offer_accepted and files_a_complaint(tracker):  # a complaint naming a phone and an item: filed, no form
        return [FollowupAction("action_route_appeal")]
    if not offer_accepted and (taken := await rating_or_unfiled(dispatcher, tracker, domain)) is not None:
        return taken  # "执照批下来了，想打个分", "刚才那份没交上去吧": the closed loop's, never a new form
    if (answered := await followups.before_starting(dispatcher, tracker, domain)) is not None:
        return answered
    text = str(tracker.latest_message.get("text") or "")
    # "在宁波打了八年工，回来想开个奶茶店，怎么办执照": where the person worked is their past, not the policy asked
    if not offer_accepted and (declined := await knowledge_client.named_elsewhere(without_past_places(text))):
        dispatcher.utter_message(text=declined)
        return []
    return None


async def _judged_with_amount(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> list[EventType] | None:
    """A situation told with a question about the items it names: the verdict with what each gives (5000元).

    ``None`` when the message asks nothing or names no item (the facts are kept for the next question).
    """
    text = str(tracker.latest_message.get("text") or "")
    entities = list(tracker.latest_message.get("entities", []))
    items = [item for item in _items_of(entities, text) if item in ITEM_NAMES]
    if not (is_question(text) and items):
        return None
    stated = own_case.conversation_situation(tracker, date.today())
    return await item_eligibility.answer(dispatcher, tracker, domain, items, stated) if stated.profile else None


async def _amount_not_taken(tracker: Tracker, values: dict[str, Any], items: list[str]) -> str | None:
    """Why the loan amount said before the form cannot be taken, asked as the form asks it; ``None`` when it can.

    An amount over the limit ("想贷50万") is dropped from ``values`` and answered with the service's reason (the
    limit) and the offer to take the limit; a rough sum ("想贷个二三十万") asks for a figure. Never acknowledged.
    """
    if "guaranteed_loan" not in items:
        values.pop("loan_amount", None)  # a sum beside other items only is no loan amount
        return None
    text = str(tracker.latest_message.get("text") or "")
    if "loan_amount" not in values:
        return ROUGH_SUM.format(rough=rough).strip("（）") + "。" if (rough := vague_sum(text)) else None
    try:
        _, problem = await check_field(
            BY_SLOT["loan_amount"].service_field, values["loan_amount"], service_form(values)
        )
    except ServiceUnavailable:
        return None  # the form checks it again when the service answers
    if problem is None:
        return None
    del values["loan_amount"]
    return with_offer(problem, tracker)


async def _term_refused(values: dict[str, Any]) -> set[str]:
    """The loan term said before the form when the service refuses it as said: never shown back as taken.

    The form's validation then gives the reason, or asks a company's founder who borrows (decision D1).
    """
    if "loan_term_months" not in values:
        return set()
    try:
        _, problem = await check_field(
            BY_SLOT["loan_term_months"].service_field, values["loan_term_months"], service_form(values)
        )
    except ServiceUnavailable:
        return set()
    return {"loan_term_months"} if problem else set()


def _listening(events: list[EventType]) -> list[EventType]:
    """``events`` then listening, unless they already name the action that follows (the complaint form's router)."""
    followed = any(e.get("event") == "followup" for e in events)
    return events if followed else [*events, FollowupAction("action_listen")]


class ActionStartApplication(Action):
    """Open the one form: resume a paused attempt, or start afresh with everything the user already said.

    Also runs for ``inform`` and ``affirm`` outside any form: a message carrying application data starts the form;
    a submit word with nothing filled says so honestly and offers to start; anything else gets the usual reply.
    """

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_start_application"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Seed the form from this and the earlier messages (every field they name) or the accepted offer."""
        intent = str((tracker.latest_message.get("intent") or {}).get("name") or "")
        offer_accepted = intent == "affirm" and bool(tracker.get_slot(OFFER))
        if (answered := await _not_for_the_form(dispatcher, tracker, domain, offer_accepted)) is not None:
            return _listening(answered)  # a question, not a request: no form
        text = str(tracker.latest_message.get("text") or "")
        wants = intent == "affirm" or APPLY_WORDS.search(text) or ACCEPTING.search(text)
        if LEARNING.search(text) and not wants and not offer_accepted:  # "我就想问问补贴的事": told, no form
            return [*await answer_question(dispatcher, tracker, domain), FollowupAction("action_listen")]
        judged = None if wants else await own_case.fact_after_verdict(dispatcher, tracker, domain)
        if judged is not None:  # "执照还没弄，想搞个打印店" right after a result: judged again, no form yet
            return _listening(judged)
        if tracker.get_slot(PAUSED) and tracker.get_slot(ATTEMPT):
            dispatcher.utter_message(text="好的，我们接着上次没填完的申请继续。")
            return [SlotSet(PAUSED, False), SlotSet(OFFER, False)]
        holds_nothing = intent in ("inform", "affirm") and not offer_accepted and not carries_application_data(tracker)
        # "我是转业军人，想开个维修店" read as a wish to apply: the facts are kept, no form
        if holds_nothing or (intent == "start_application" and not wants and _only_the_situation(tracker)):
            return await self._not_starting(dispatcher, tracker, domain)
        values, items = seeded_values(tracker)
        if offer_accepted and tracker.get_slot(OFFERED_ITEMS):
            items = list(tracker.get_slot(OFFERED_ITEMS) or [])
        events = [*reset_form(), SlotSet(ATTEMPT, uuid.uuid4().hex), SlotSet(OFFER, False)]
        if items:
            events.append(SlotSet("application_items", items))
        amount_note = await _amount_not_taken(tracker, values, items)
        events += [SlotSet(slot, value) for slot, value in values.items() if slot in BY_SLOT]
        intro = INTRO
        if items:  # the items understood, said back from the first turn ("贴息贷款和孵化园都要办")
            intro += f"\n要办：{display('application_items', items)}。"
        if amount_note:  # "想贷50万": the limit and a figure asked, as the form does; "二三十万": a figure asked
            intro += "\n" + amount_note
        refused = await _term_refused(values)  # "三年" for a company: the form says why (or who borrows), not shown
        if heard := [
            f"{BY_SLOT[slot].label}：{display(slot, value)}"
            for slot, value in values.items()
            if slot in BY_SLOT and slot not in refused
        ]:
            intro += "\n已记下您说的：" + "；".join(heard) + "。"
        if SUBMIT.search(text) and is_question(text):
            intro += "\n" + SUBMIT_ASKED
        dispatcher.utter_message(text=intro)
        if intent not in ("start_application", "inform", "affirm"):
            events.append(FollowupAction("application_form"))  # reached from the NLU fallback: no rule follows
        return events

    @staticmethod
    async def _not_starting(dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text = str(tracker.latest_message.get("text") or "")
        if SUBMIT.search(text):
            _, items = seeded_values(tracker)
            dispatcher.utter_message(text=NOTHING_FILED)
            return [SlotSet(OFFER, True), SlotSet(OFFERED_ITEMS, items or None), FollowupAction("action_listen")]
        said = read_labelled(text, list(tracker.latest_message.get("entities", [])), third_person=True).values
        # "我前年毕业，店开一年多了", "我是转业军人，想开个维修店": the situation (and plan), kept for a verdict
        if set(said) & PROFILE_FACTS and not set(said) - PROFILE_FACTS - PLAN_FIELDS:
            if (judged := await _judged_with_amount(dispatcher, tracker, domain)) is not None:
                return _listening(judged)  # "开了一年多，头一回创业，补贴到底多少": the verdict and 5000元
            stated = situation.read(text, list(tracker.latest_message.get("entities", [])), date.today())
            labels = [f"{BY_SLOT[slot].label}：{display(slot, value)}" for slot, value in said.items()]
            category = [label for slot, label in zip(said, labels, strict=True) if slot == "person_category"]
            # "当过兵，准备开个汽修店": the category read from the words, beside what the situation shows
            shown = [*(c for c in category if c.split("：")[-1] not in "；".join(stated.shown)), *stated.shown]
            facts = "；".join(shown) or "；".join(
                label for slot, label in zip(said, labels, strict=True) if slot in PROFILE_FACTS
            )
            dispatcher.utter_message(text=FACTS_KEPT.format(heard=facts))
            return [FollowupAction("action_listen")]
        if any(e.get("entity") == "application_id" for e in tracker.latest_message.get("entities", [])):
            return [FollowupAction("action_route_progress")]  # a bare "CY2026…": the progress check
        heard = [f"{BY_SLOT[slot].label}：{display(slot, value)}" for slot, value in said.items() if slot in BY_SLOT]
        if heard:  # one value with no request ("地址在…", "来电人叫…"): kept, and the user is asked whether to apply
            dispatcher.utter_message(text=OFFER_TO_START.format(heard="；".join(heard)))
            return [SlotSet(OFFER, True), SlotSet(OFFERED_ITEMS, None), FollowupAction("action_listen")]
        if person := person_due(tracker):  # "哦" after two replies that gave nothing: a way out, not the question
            dispatcher.utter_message(text=person)
        elif unanswered_before(tracker):  # after "没有找到可靠答案": a person offered, never "还有什么可以帮您"
            dispatcher.utter_message(text=UNANSWERED_THEN)
        else:
            dispatcher.utter_message(response="utter_how_can_help")
        return [FollowupAction("action_listen")]


def unanswered_before(tracker: Tracker) -> bool:
    """The bot's reply to the user's previous message was the knowledge base's honest "not found"."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users == 2:
                return False
        elif users == 1 and event.get("event") == "bot":
            feedback = ((event.get("data") or {}).get("custom") or {}).get("answer_feedback") or {}
            if feedback.get("status") == "not_found":
                return True
    return False

"""Item questions ("can I get X?") answered from the service's eligibility rules (``POST /api/v1/eligibility``).

The rules have one owner, the service; this module only states the person's situation as read from the message
(shown back, e.g. ``去年毕业 → 2025年毕业``), says the verdict per item, and offers the application or the full
check. It also seeds the eligibility form with whatever the message already said.
"""

import re
from datetime import date

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.conversation import context
from actions.conversation.replies import answer_question
from actions.eligibility import gathered, situation
from actions.eligibility.eligibility import SERVICE_DOWN, category_said
from actions.eligibility.eligibility_reading import NO_BUSINESS, PROFILE_SLOTS
from actions.eligibility.situation import Situation
from actions.eligibility.situation_questions import amount_after_verdict, answers_besides
from actions.eligibility.verdicts import NEEDS_MORE, for_the_service, none_listed, verdict_lines
from actions.knowledge.comparison import describe
from actions.knowledge.query_text import WHAT_ABOUT, follow_up_item, previous_user_event
from actions.service_client import ServiceError, ServiceUnavailable, check_field, get_json, post_json

OFFER_APPLY = "需要现在帮您申请吗？回复“好的”即可开始填表；想看看还能享受哪些政策，说“帮我匹配政策”。"
MAX_DESCRIBED = 2  # asked about this few items, each is described, qualifying or not
OFFER_CHECK = "想全面看看您能享受哪些政策，说“帮我匹配政策”，我一步步问您；也可以说“转人工”。"


async def answer(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    domain: DomainDict,
    items: list[str],
    stated: Situation,
    rule_of_undecided: bool = True,
) -> list[EventType]:
    """Say whether the person, as described, gets each named item, and offer the next step.

    Without any situation the question is a plain policy question: the knowledge base answers it. An undecided
    item gets what the catalogue says of it (amount, conditions), unless ``rule_of_undecided`` is false (a
    question about every item, "我这种情况能办吗": the check asks what decides). Other questions asked with it
    ("…，问补贴能不能领、要带什么材料") are answered under the verdict (:mod:`actions.eligibility.situation_questions`).
    """
    if not stated.profile:
        return await answer_question(dispatcher, tracker, domain)
    if (amount := await amount_after_verdict(tracker, items)) is not None:
        dispatcher.utter_message(text=amount)  # "等满了一年能拿多少" right after the verdict: 5000元, not the verdict
        return [SlotSet("item", items[0])]
    try:
        result = await post_json("/api/v1/eligibility", for_the_service(stated.profile))
    except ServiceUnavailable:
        dispatcher.utter_message(text=SERVICE_DOWN)
        return []
    except ServiceError:
        result = {"items": []}  # the knowledge base answers instead
    asked = none_listed([entry for entry in result["items"] if entry["code"] in items], stated.profile)
    if not asked:
        return await answer_question(dispatcher, tracker, domain)
    # the category read ("打工回来 → 返乡创业农民工") shown back with the dates, unless they already name it
    category = category_said(stated.profile.get("person_category"))
    read = [category] if category and category.split("：")[-1] not in "".join(stated.shown) else []
    heard = f"（{'；'.join([*read, *stated.shown])}）" if read or stated.shown else ""
    good = [entry["code"] for entry in asked if entry["qualifies"]]
    text = f"按您说的情况{heard}：\n" + "\n".join(verdict_lines(asked))
    besides = "".join(f"\n\n{said}" for said in await answers_besides(tracker, items))  # "…、要带什么材料"
    events: list[EventType] = []
    if any(not e["qualifies"] and str(e["reason"]).startswith(NEEDS_MORE) for e in asked):
        # undecided: what the item gives and asks, from the catalogue (a search picked look-alike FAQs: "刚办营业执照…
        # 现在还不行" for a shop open three years)
        undecided = [e["code"] for e in asked if not e["qualifies"] and str(e["reason"]).startswith(NEEDS_MORE)]
        rules = [line for code in undecided if rule_of_undecided and (line := await describe(code)) is not None]
        dispatcher.utter_message(text="\n\n".join([text, *rules]) + besides)
        if not (tracker.active_loop or {}).get("name"):  # ask what decides it: the next answer goes to the check
            seeded = await seed_form(CollectingDispatcher(), stated)  # the situation was shown back above
            return [*events, *seeded, SlotSet("item", items[0]), FollowupAction("eligibility_form")]
        dispatcher.utter_message(text=OFFER_APPLY if good else OFFER_CHECK)
    else:
        # What the item is and gives (5000元, 最高20万元): what a ruled-out one misses; for one or two items asked,
        # what a qualifying one brings too ("补助有我的份吗" asks how much as well)
        shown = [e for e in asked if not e["qualifies"] or len(asked) <= MAX_DESCRIBED]
        described = [line for e in shown if (line := await describe(e["code"])) is not None]
        about = "".join(f"\n\n{line}" for line in described)
        in_form = bool((tracker.active_loop or {}).get("name"))  # the form asks its step next, not an offer
        dispatcher.utter_message(
            text=f"{text}{about}{besides}" + ("" if in_form else f"\n{OFFER_APPLY if good else OFFER_CHECK}")
        )
    events.append(SlotSet("item", items[0]))
    if good and not (tracker.active_loop or {}).get("name"):
        events += [SlotSet("offered_items", good), SlotSet("offer_pending", True)]
    return events


async def what_about(dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType] | None:
    """The verdict on the item of "补贴呢" right after the person described themselves or was judged.

    "我是退役军人，能贷多少" → "补贴呢"; the check's result or a verdict → "行，那培训呢": the item's verdict, with
    its reason, for the situation the whole conversation stated (the check's answers included), not only the
    previous message's. ``None`` when the message is no such follow-up, or neither the previous message stated a
    situation nor the bot's last turn judged one.
    """
    if not WHAT_ABOUT.match(context.text_of(tracker)):
        return None
    item = follow_up_item(tracker)
    previous = previous_user_event(tracker)
    if not item or (previous is None and not gathered.after_result(tracker)):
        return None
    if previous is not None and not gathered.after_result(tracker):
        entities = list((previous.get("parse_data") or {}).get("entities") or [])
        if not situation.read(str(previous.get("text") or ""), entities, date.today()).profile:
            return None  # "补贴呢" after "贷款要多久": the same question about the subsidy, the knowledge base's
    stated = gathered.conversation_situation(tracker, date.today())
    return await answer(dispatcher, tracker, domain, [item], stated) if stated.profile else None


# What the bundle gives, item by item, when someone asks what support there is before saying anything about
# themselves ("想自己干点事，国家有啥扶持"): the money and help first, what each gives in the catalogue's words.
SUPPORT_ITEMS = ("startup_subsidy", "guaranteed_loan", "training", "incubator")
GIVES = re.compile(r"享受|免费|补贴|最高|元")  # the sentence of a summary that says what the item gives
SUPPORT_HEAD = "创业扶持主要有这些（营业执照、税务、养老保险登记和就业创业证也能一次办）："
SUPPORT_TAIL = "能享受哪几项要看您的情况，我问您几个问题帮您逐项匹配："


async def support_overview() -> str | None:
    """The bundle's support in short (subsidy, loan, training, incubator) from the catalogue, or ``None``."""
    try:  # the whole catalogue in one call, as the overview's follow-ups read it
        catalogue = {str(item["code"]): item for item in await get_json("/api/v1/items")}
    except ServiceError:
        return None
    if any(code not in catalogue for code in SUPPORT_ITEMS):
        return None
    lines = []
    for item in (catalogue[code] for code in SUPPORT_ITEMS):
        sentences = [part for part in str(item["summary"]).split("。") if part]
        gives = next((part for part in sentences if GIVES.search(part)), sentences[0] if sentences else "")
        lines.append(f"· {item['name']}：{gives}。")
    return "\n".join([SUPPORT_HEAD, *lines, SUPPORT_TAIL])


async def seed_form(dispatcher: CollectingDispatcher, stated: Situation) -> list[EventType]:
    """Slot events for the eligibility form from what the message already said (checked by the service).

    A value the service does not accept is left for the form to ask.
    """
    events: list[EventType] = []
    for field, slot in PROFILE_SLOTS.items():
        if field in stated.profile:
            try:
                value, problem = await check_field(field, stated.profile[field])
            except ServiceError:
                continue
            if problem is None:
                events.append(SlotSet(slot, value))
    if stated.profile.get("has_licence") is False:
        events.append(SlotSet(PROFILE_SLOTS["business_started_on"], NO_BUSINESS))
    if stated.shown:
        dispatcher.utter_message(text="好的，记下了：" + "；".join(stated.shown) + "。")
    return events

"""经营主体登记注册 offered once at the summary to someone opening a business (decision D2 of the twelfth analysis).

Someone who says they are opening a business (开个店, 开家公司, 准备开业) and never says they have a licence, and who
chose items without the registration, is offered it once; nothing is added silently. The offer is a line of the
summary, not a question of its own (the fifteenth session's decision, revising the fourteenth analysis' D2): someone
who gave everything expects the summary next and files it with "确认提交". Only a reply about the offer answers it:
"要/加上登记注册/执照也一起办" adds it (the form then asks what the registration still needs), "不用/有执照了" keeps the
items; a plain yes ("对的", "好的") or a submit word confirms the summary as it stands.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.application.form_fields import FORM_ENDS
from actions.application.form_guard import CANCEL_WORDS, is_question
from actions.application.form_money import LOAN_WORDS
from contract.labels import ITEMS_FILED_TOGETHER

REGISTRATION = "business_registration"
# The offer's own matter: the registration and the items filed with it (纳税人信息确认).
OFFERED = frozenset(code for group in ITEMS_FILED_TOGETHER if REGISTRATION in group for code in group) | {REGISTRATION}
# The offered thing named in words ("执照早有了", "注册就不用了", "工商那个要").
ABOUT_OFFER = re.compile(r"执照|注册|登记|工商|营业")
OFFER = "另外，还没有营业执照的话，可以一起办理经营主体登记注册：需要就回复“加上登记注册”。"
OFFER_KEY = "一起办理经营主体登记注册"
# A business being opened: a plan (想开, 准备在长沙开), "开个店/开家公司" (not "开个户", "开发票"), not open yet.
OPENING = re.compile(
    r"(?:想|要|准备|打算|计划|预备|筹备)(?:自己)?(?:在[\u4e00-\u9fff]{1,8})?开(?!了|过|发|心|始|车|(?:个|一个|张)?(?:户|证明|票|会))"
    r"|开(?:个|家|一家|一个|间|一间)(?!了|户|证明|发票|票|会|玩笑)"
    r"|(?:准备|打算|筹备|还没|没有|尚未|还未)(?:开业|开张|营业)"
)
# A licence already held: never offered ("有执照", "营业执照办好了", "已经注册", "店开了两年").
HAS_LICENCE = re.compile(
    r"(?<!没)(?<!未)有(?:营业)?执照|执照(?:已经|早就|早)?(?:办好|办了|办下来|下来了|拿到|有了)"
    r"|(?:已经|早就|早已|早)(?:注册|登记|办了?执照|开业|开张|营业)|(?:注册|登记)(?:过|好)了"
    r"|开了(?:有)?[一二两三四五六七八九十\d半几]+(?:年|个月)|(?:营业执照|执照)上"
)
# The items of someone who already runs a business: the subsidy is for one that has operated a year.
RUNNING_ITEMS = frozenset({"startup_subsidy"})
# A yes to the offer itself: a bare 要 (never a plain 对/好, which confirm the summary) or adding it in words.
ACCEPTS = re.compile(
    r"^(?:那?就?)(?:要|要的|要吧|需要|加上|加|一起办|都办|顺便办|那就加上)(?:吧|的|呀|啊|一起办|上|一下)?[。.！!，,]?$"
    r"|(?:加上|一起办|也办|顺便办|帮我加|都办|也要|一起弄)(?!.*不)"
    r"|(?:执照|注册|登记|工商)[^，。,！!]{0,6}(?:要|办|加)(?!.*不)"
)
# A word of submitting or holding the submission: the summary's own answer, whatever the offer.
ABOUT_SUBMITTING = re.compile(r"提交|交上|交吧|交了|别交|不交")
DECLINES = re.compile(r"不用|不要|不需要|不加|不办|没必要|(?<!没)有执照|(?<!没)有营业执照|已经(?:有|注册|办)|办好了")
DECLINED = "好的，不加登记注册，还是办这几项。"


def _user_texts(tracker: Tracker) -> list[str]:
    """The user's messages since the last application ended (filed, cancelled or a new session)."""
    texts: list[str] = []
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") in FORM_ENDS:
            break
        if event.get("event") == "user":
            texts.append(str(event.get("text") or ""))
    return texts


def offered(tracker: Tracker) -> bool:
    """The registration was offered in this application already (it is offered once)."""
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") in FORM_ENDS:
            return False
        if event.get("event") == "bot" and OFFER_KEY in str(event.get("text") or ""):
            return True
    return False


def offer_due(tracker: Tracker, slots: dict[str, Any]) -> bool:
    """Whether the summary should offer the registration now (once, to someone opening a business).

    Args:
        tracker: The conversation (the user's words since the last application ended).
        slots: The form's values (the items chosen, a start date of an existing business).
    """
    items = set(slots.get("application_items") or [])
    if not items or REGISTRATION in items or items & RUNNING_ITEMS or slots.get("business_started_on"):
        return False
    texts = _user_texts(tracker)
    opening = any(OPENING.search(text) for text in texts)
    return opening and not any(HAS_LICENCE.search(text) for text in texts) and not offered(tracker)


def just_offered(tracker: Tracker) -> bool:
    """The bot's reply to the user's previous message (the turn before the latest message) offered the registration."""
    users = [i for i, event in enumerate(tracker.events) if event.get("event") == "user"]
    said = tracker.events[users[-2] + 1 : users[-1]] if len(users) > 1 else []
    return any(event.get("event") == "bot" and OFFER_KEY in str(event.get("text") or "") for event in said)


def about_another_item(tracker: Tracker, text: str) -> bool:
    """The message names an item other than the one offered, and not the offered one ("不要培训", "贷款就不用了").

    Such a reply changes the items (the form's item reader takes it); it neither accepts nor declines the offer.
    """
    named = {str(e.get("value")) for e in tracker.latest_message.get("entities", []) if e.get("entity") == "item"}
    others = bool(named - OFFERED or LOAN_WORDS.search(text))
    return others and not (named & OFFERED or ABOUT_OFFER.search(text))


def reply_to_offer(tracker: Tracker, text: str) -> str | None:
    """The answer to the offer in the summary just shown: ``accept``, ``decline`` or ``None``.

    ``None`` leaves the message to the summary's own reading: a plain yes or a submit word confirms it ("对的",
    "不用了，直接提交"), a change, a question, a cancel or another item ("不要培训", "培训也加上") are read as such.
    """
    if not just_offered(tracker) or is_question(text) or CANCEL_WORDS.search(text):
        return None
    if about_another_item(tracker, text) or ABOUT_SUBMITTING.search(text):
        return None
    if DECLINES.search(text):
        return "decline"
    return "accept" if ACCEPTS.search(text) else None

"""The values one message names for the application form, whichever field is asked.

Every field the message names is read by the one labelled extractor (:mod:`actions.application.form_labels`): labelled
values, entities, "X改成Y" corrections, a corrected character of the name, items added or removed, and numbers plain
from
their form. :mod:`actions.application.form_extraction` decides what the message does at the step asked.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker

from actions.application.form_corrections import cleaned, labelled_correction, parts_corrected
from actions.application.form_cues import BARE_ID, BARE_PHONE, CORRECTION_SLOTS, IDENTITY
from actions.application.form_fields import BY_SLOT, CONFIRM_SLOT, display
from actions.application.form_guard import SAID_WRONG, is_question, plausible_name
from actions.application.form_items import asked_about, items_named
from actions.application.form_kept_choice import kept_choice
from actions.application.form_labels import business_type_in_words, implied_by, read_labelled, said_again_at
from actions.application.form_mistake_words import SLIP, WRONG
from actions.application.form_money import bare_term, read_sum, vague_sum, without_vague
from actions.application.form_name_cues import SELF_CUE, plain_pronouns
from actions.application.form_name_fixes import spells_a_character
from actions.application.form_names import business_named_after, name_cued
from actions.application.form_zones import zone_answer
from actions.application.loan_limit import limits_asked
from actions.eligibility.situation import asked_groups_dropped, described_category
from actions.service_client import tracker_identity
from actions.steps.came_back import category_said

LOAN = "guaranteed_loan"
# After the items chosen with a rough sum: no figure is stored, a precise one is asked for.
ROUGH_SUM = "（“{rough}”是个大概数，贷款金额请说个具体数，例如“15万”）"
# A change of mind naming the new value ("我改主意了，注册成有限公司"): a correction, never a cancel.
CHANGE_OF_MIND = r"改主意|注册成|办成|弄成"
CORRECTING = re.compile(rf"不是|{WRONG}|{SLIP}|改成|改为|换成|换为|应该是|应为|更正|纠正|{CHANGE_OF_MIND}")
# Steps where a message that is only a name means the applicant's name (said again, or corrected).
NAME_NEIGHBOURS = frozenset({"id_number", "phone", CONFIRM_SLOT})
PLACE = re.compile(r"[省市区县州镇乡村]$")
# A move through the form, never a free-text value ("返回上一步", "确认提交"); "人工智能" stays a name.
MOVE_SAID = re.compile(r"上一步|返回|转人工|确认提交|重新填|取消")
# A dialect's sentence-final particle ("开米粉店咯", "春香粉店嘛"): never part of a value.
PARTICLE_END = re.compile(r"[咯嘛啰哒噻撒]+$")
# Intents whose category or business-type entity is an answer even when another field is asked.
DATA_INTENTS = frozenset({"inform", "start_application", "affirm"})
YES_NO_RESTATED = ("first_time_founder",)
GROUP_SLOTS = ("person_category", "other_category", "business_type")
# Steps answered with digits, and the words people say before them ("就是1398765", "嗯 我的是4301…"): the digits are
# the answer (the service then says what is wrong with them, never "只能包含数字" for the words around them).
DIGIT_STEPS = frozenset({"phone", "id_number", "bank_account"})
LED_DIGITS = re.compile(
    r"^(?:嗯+|呃+|额|那个|对|好的?)?[，,\s]*(?:就是|我的是|我的号码是|号码是|我的|是|为|是这个)?[:：，,\s]*"
    r"(?P<digits>\d[\d\s-]{1,28}[\dXx])[。.！!]*$"
)
# Steps where a bare duration answers the step itself ("两年" when the business's start is asked), never the term.
NOT_A_TERM = frozenset({"loan_term_months", "graduation_year", "business_started_on", "partner_count"})


@dataclass
class Extraction:
    """Candidate values from one message.

    Attributes:
        values: Slot → raw value to validate.
        digression: The message is a question or command, not an answer.
        regions: City and county names the NLU found (read only when the address is asked).
        shown: Slot → how a normalised date is shown back (``去年毕业的 → 2025年毕业``).
        command: ``back``, ``restart``, ``cancel`` (in words the NLU missed), ``no_items`` (every item chosen was
            removed), ``items_kept`` ("就这两样" at a later step: the items chosen are all) or ``submit`` (a submit
            word while the form is not at its summary).
        problem: Why the message cannot answer the requested free-text field (the re-prompt), if so.
        not_yet_registered: The user said the business is not registered yet.
        question: The message is a question (with or without "？"): answered, then the step is asked again.
        field_help: The field whose meaning or format the message asks ("手机号要几位"): explained, then the step
            is asked again.
        removed_all: The message removes every item chosen ("贷款不要了" with only the loan): the items are
            asked again, the application is not cancelled.
        rejected: Fields of this turn the service refused (set while validating): asked again first.
        ask_borrower: A company founder's loan figure fits only a person's loan: who borrows is asked next.
    """

    values: dict[str, Any] = field(default_factory=dict)
    digression: bool = False
    regions: list[str] = field(default_factory=list)
    shown: dict[str, str] = field(default_factory=dict)
    command: str | None = None
    problem: str | None = None
    not_yet_registered: bool = False
    question: bool = False
    field_help: str | None = None
    removed_all: bool = False
    rejected: list[str] = field(default_factory=list)
    ask_borrower: bool = False


def speaks_for_a_caller(tracker: Tracker) -> bool:
    """A hotline call (the console relays staff typing for the caller): 他/她/来电人 always mean the applicant.

    In a user's own chat "他叫黄大明" names the applicant only while the name is still empty (someone filing for a
    parent answers the name step that way); once a name is filled, it changes only on the user's own cue.
    """
    return tracker_identity(tracker).call_id is not None


def entities_named(tracker: Tracker, name: str) -> list[str]:
    """The values of the latest message's entities of type ``name``."""
    return [str(e["value"]) for e in tracker.latest_message.get("entities", []) if e.get("entity") == name]


def read_values(tracker: Tracker, text: str, intent: str, slots: dict[str, Any]) -> Extraction:
    """Values the message names explicitly, for any field: labelled values, entities and "X改成Y" corrections.

    Args:
        tracker: The conversation (its latest message's entities are read).
        text: The message.
        intent: Its intent.
        slots: Current slot values (``requested_slot`` included).

    Returns:
        The values with how dates are shown back; nothing else is set.
    """
    requested = slots.get("requested_slot")
    text = plain_pronouns(text)  # "俺叫…", "咱是…": the cues with 我 read them
    labelled = read_labelled(
        text,
        list(tracker.latest_message.get("entities", [])),
        third_person=speaks_for_a_caller(tracker) or not slots.get("applicant_name"),
        bare_numbers=requested != "bank_account",
    )
    # "项目名称要写几个字": a cue followed by a question names no value; "行业要改一下" neither
    values = {
        s: v
        for s, v in labelled.values.items()
        if not (s in BY_SLOT and BY_SLOT[s].free_text and (is_question(str(v)) or SAID_WRONG.search(str(v))))
    }
    # "个体户和公司有什么区别", "什么叫就业困难人员": a choice asked about, not made
    asked_groups_dropped(text, list(tracker.latest_message.get("entities", [])), values, GROUP_SLOTS)
    if "business_type" not in values and (kind := business_type_in_words(text)):
        values["business_type"] = kind  # "开个奶茶店，准备注册个体户": the NLU took the words for the item
    correcting = bool(CORRECTING.search(text))
    said_who = bool(IDENTITY.search(text) or described_category(text))  # "我下岗后登记了失业": who the person is
    for slot in ("person_category", "business_type"):
        named = entities_named(tracker, slot)
        if slot in values and correcting and len(named) > 1:
            values[slot] = kept_choice(text, tracker, slot) or named[-1]  # "我不是退役军人，是返乡农民工"
        kept = correcting or (slot == "person_category" and said_who)
        if slot in values and requested != slot and intent not in DATA_INTENTS and len(values) < 2 and not kept:
            del values[slot]
    if requested == "project_name" and "applicant_name" in values and not SELF_CUE.search(text):
        del values["applicant_name"]  # "名字叫湘里人家" at the project's step: the project's name, answered below
    renamed = slots.get("applicant_name") and requested != "applicant_name" and values.get("applicant_name")
    # a filled name changes only when the user says so; "不是" beside a category is about the category
    said_about_name = name_cued(text) or (correcting and "person_category" not in values)
    if renamed and not said_about_name:  # "都不是的，普通老百姓一个": never a new name
        del values["applicant_name"]
    correction = labelled_correction(text)
    corrected = CORRECTION_SLOTS[correction[0]] if correction else ""
    values.update(_step_words(tracker, text, requested, values, slots))
    if (
        correction
        and (corrected not in values or correcting)
        and not (corrected == "applicant_name" and business_named_after(text[: correction[2]]))
        and not (corrected == "applicant_name" and spells_a_character(correction[1]))
    ):  # "名字是章立早章的章章明" is no correction: the name read from its spelling stays
        values[corrected] = cleaned(corrected, correction[1].strip(" 。.，,"))  # not "奶茶店，名字叫茶小满"
    if values.get("applicant_name") and values.get("applicant_name") == values.get("project_name"):
        del values["applicant_name"]  # "名字叫湘里人家": one name, the business's
    parts_corrected(text, values, {**slots, **_typed_before(tracker, slots)})
    chosen = list(slots.get("application_items") or [])
    spans = [
        (int(e["start"]), int(e["end"]), str(e["value"]))
        for e in tracker.latest_message.get("entities", [])
        if e.get("entity") == "item" and "start" in e and "end" in e
    ]
    # "拿到执照后公章要自己刻吗" in the form, "孵化基地能待多久" at the item step: a question about an item,
    # answered, never an item chosen
    by_span = bool(chosen) or requested == "application_items"
    if by_span:
        spans = [span for span in spans if not asked_about(text, span[0])]
    named = [code for _, _, code in spans] if by_span else entities_named(tracker, "item")
    if said_again := _items_said_again(text, spans):
        spans, named = said_again, [code for _, _, code in said_again]  # "办补贴，不对，是贷款": the items said again
    kind = values.get("business_type") or slots.get("business_type")
    items = items_named(text, named, chosen, requested, spans, kind)  # "先办个登记" for a known type
    if items:
        values["application_items"] = items
    elif "loan_amount" in values and chosen and LOAN not in chosen and not is_question(text):
        values["application_items"] = [*chosen, LOAN]  # "再借10万" later on: the loan is added, not only its sum
    _restated_as_wrong(text, values, slots)
    values.update(_implied(tracker, text, values, slots))
    values.update(_bare_values(text, requested, values))
    _free_text_cleaned(values)
    return Extraction(
        values=values,
        shown={**labelled.shown, **_rough_sum_shown(text, values)},
        not_yet_registered=labelled.not_yet_registered,
        removed_all=items == [],
    )


def _free_text_cleaned(values: dict[str, Any]) -> None:
    """A move is never a free-text value ("返回上一步 …"); a dialect's final particle is no part of one ("…粉店咯")."""
    for slot in [s for s, v in values.items() if s in BY_SLOT and BY_SLOT[s].free_text and isinstance(v, str)]:
        if MOVE_SAID.search(values[slot]):
            del values[slot]
        elif (plain := PARTICLE_END.sub("", values[slot])) != values[slot] and len(plain) >= 2:
            values[slot] = plain


def _typed_before(tracker: Tracker, slots: dict[str, Any]) -> dict[str, str]:
    """The ID or phone the user typed in an earlier message while its field is still empty (the service refused it).

    "身份证最后两位错了，应该是13" right after a refused ID corrects the number typed, not one on file.
    """
    typed: dict[str, str] = {}
    earlier = [e for e in tracker.events if e.get("event") == "user"][:-1]
    for event in reversed(earlier):
        said = str(event.get("text") or "")
        for slot, pattern in (("id_number", BARE_ID), ("phone", BARE_PHONE)):
            if slot not in typed and not slots.get(slot) and (match := pattern.search(said)):
                typed[slot] = match.group(0).upper()
    return typed


def _items_said_again(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The items named after a cue that takes back those named before it ("办补贴，不对，是贷款"); else none."""
    cut = said_again_at(text)
    if cut is None or not any(start < cut for start, _, _ in spans):
        return []
    return [span for span in spans if span[0] >= cut]


def _rough_sum_shown(text: str, values: dict[str, Any]) -> dict[str, str]:
    """The items shown with a request for a figure when the loan is chosen with a rough sum ("想贷个二三十万").

    No figure is guessed: the amount stays empty and is asked for, with an example.
    """
    items = values.get("application_items") or []
    if not (rough := vague_sum(text)) or "loan_amount" in values or LOAN not in items:
        return {}
    return {"application_items": display("application_items", items) + ROUGH_SUM.format(rough=rough)}


def _step_words(
    tracker: Tracker, text: str, requested: Any, values: dict[str, Any], slots: dict[str, Any]
) -> dict[str, Any]:
    """Words that answer the step asked only there: "都不是"/"我就一般人" at the category, "不清楚" at an unlisted zone.

    "都不是" (the NLU may call it a complaint) → other; "是" to the offer of 返乡创业农民工 (D2); at the county asked
    for a zone the gazetteer does not list, an answer naming no county keeps the zone as said (D1).
    """
    if requested == "person_category" and "person_category" not in values and (said := category_said(tracker, text)):
        return {"person_category": said}
    if requested == "county" and "county" not in values and (zone := zone_answer(text, slots)):
        return {"county": zone}
    return {}


def _restated_as_wrong(text: str, values: dict[str, Any], slots: dict[str, Any]) -> None:
    """A yes/no field named as wrong ("首次创业那项不对"), not its value said again: it is asked again."""
    for slot in YES_NO_RESTATED:
        if SAID_WRONG.search(text) and slot in values and values[slot] == slots.get(slot):
            del values[slot]


def _implied(tracker: Tracker, text: str, values: dict[str, Any], slots: dict[str, Any]) -> dict[str, Any]:
    """Values the message gives without their cue.

    The loan's sum: the NLU's amount at the amount step, or a sum said at any step once the loan is chosen
    ("十万吧，两年": the sum and the term, each to its field); "按最高额度来" takes the limit
    (:func:`actions.application.loan_limit.limits_asked`). What the values imply where its field is still empty
    (:func:`actions.application.form_labels.implied_by`: a graduation year makes the category 高校毕业生).
    """
    implied: dict[str, Any] = {}
    amounts = without_vague(text, list(tracker.latest_message.get("entities", [])))  # "二三十万" is no 30万
    amount = next((str(e["value"]) for e in amounts if e.get("entity") == "amount"), None)
    loan_chosen = LOAN in (values.get("application_items") or slots.get("application_items") or [])
    if "loan_amount" not in values and amount and slots.get("requested_slot") == "loan_amount":
        implied["loan_amount"] = amount
    elif "loan_amount" not in values and loan_chosen and (said := amount or read_sum(text)):
        implied["loan_amount"] = said
    implied.update(limits_asked(text, {**values, **implied}, slots.get("requested_slot"), loan_chosen))
    term_said = "loan_term_months" in values or "loan_term_months" in implied
    if loan_chosen and not term_said and slots.get("requested_slot") not in NOT_A_TERM and (term := bare_term(text)):
        implied["loan_term_months"] = term  # "两年" at another step, the loan chosen: its term
    implied.update({slot: value for slot, value in implied_by(values).items() if not slots.get(slot)})
    return implied


def _bare_values(text: str, requested: Any, named: dict[str, Any]) -> dict[str, Any]:
    """Values plain from their form alone, said while another field is asked.

    A mobile number or an ID number the NLU did not tag (never while the bank account is asked: an account may
    have 18 digits), and a message that is only a personal name while the ID, the phone or the summary is asked
    (``周杰`` while the ID is asked is the name, not an ID to refuse).
    """
    found: dict[str, Any] = {}
    if requested != "bank_account":
        if "phone" not in named and (phone := BARE_PHONE.search(text)):
            found["phone"] = phone.group(0)
        if "id_number" not in named and (id_number := BARE_ID.search(text)):
            found["id_number"] = id_number.group(0).upper()
    led = LED_DIGITS.match(text.strip()) if requested in DIGIT_STEPS and requested not in named and not found else None
    digits = re.sub(r"[\s-]", "", led.group("digits")).upper() if led else ""
    if digits and digits not in named.values():  # "13912345678" at the ID's step: the phone read, no ID refused
        found[requested] = digits  # "就是1398765": the digits alone
    bare = text.strip(" 。.，,！!～~")
    if not named and not found and requested in NAME_NEIGHBOURS and plausible_name(bare) and not PLACE.search(bare):
        found["applicant_name"] = bare
    return found

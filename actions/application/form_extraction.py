"""What the latest user message does at a step of the application form: answers, corrections, commands or a digression.

The values it names, for any field, are read by :mod:`actions.application.form_values`; a message naming none may
answer the step asked (:mod:`actions.application.form_answer`). "上一步", "重新填", a cancel in words and a submit word
while fields are missing are commands; removing the only items chosen asks for items again. A question or a command for
the dialogue (cancel, a person) is not taken as an answer, so the form rejects and the dialogue rules handle it.
"""

import re
import unicodedata
from typing import Any

from rasa_sdk import Tracker

from actions.application import registration_offer
from actions.application.form_answer import answer_to_requested, name_in_reply
from actions.application.form_cues import SHOP_NAME
from actions.application.form_field_help import field_asked, field_help, step_help, undecided
from actions.application.form_fields import BY_SLOT, CONFIRM_SLOT, display
from actions.application.form_guard import (
    BACK,
    CANCEL_WORDS,
    PAUSE,
    PROGRESS_ASKED,
    RESTART,
    SUBMIT,
    about_an_item,
    is_question,
    wants_review,
)
from actions.application.form_items import THESE_ONLY
from actions.application.form_mistakes import (
    cancel_read_wrong,
    cancels,
    corrected,
    later_choice,
    old_value_kept,
    only_wrong,
    restart_renaming,
    wrong_field,
    yes_no_asked,
)
from actions.application.form_navigation import failures
from actions.application.form_values import CHANGE_OF_MIND, CORRECTING, Extraction, entities_named, read_values
from actions.application.loan_borrower import borrower_said
from actions.conversation import context, not_understood
from actions.steps import came_back

DIGRESSION_INTENTS = frozenset(
    {
        "ask_question",
        "ask_bundle_overview",
        "check_eligibility",
        "check_progress",
        "bot_challenge",
        "out_of_scope",
        "request_human",
        "complain",
        "cancel",
        "greet",
        "thank",
        "goodbye",
    }
)
# Never an answer unless the message also names a value (e.g. "谢谢" is not a project name).
ALWAYS_DIGRESS = frozenset({"cancel", "request_human", "greet", "thank", "goodbye", "bot_challenge"})
POLITE = frozenset({"greet", "thank", "goodbye"})  # said around an answer ("谢谢，确认提交"), never the answer itself
# A person asked for in words; "来电人说他叫…" (a hotline relay the NLU may read as request_human) names none.
PERSON_WORDS = re.compile(r"人工|真人|客服|工作人员|找人")
# Another task asked for: never an answer, whichever field is asked (action_switch_form switches or answers).
OTHER_TASKS = frozenset({"check_progress", "check_eligibility"})
# Intents the form's rules answer themselves (bot/rules/forms.yml); other questions are answered by the form.
# Questions (ask_question, and the overview asked as one: "一件事总共包括哪些", actions/knowledge/overview_in_form.py)
# are answered by the form itself, searched for all its items (form_questions.py).
RULE_ANSWERED = ALWAYS_DIGRESS | {"cancel", "complain"}
# A change of a value, not a stop, when the message names the new value ("个体户不搞了，改成有限公司").
CHANGING = re.compile(rf"改成|改为|换成|换为|改办|{CHANGE_OF_MIND}|还是.{{1,8}}吧|应该是|不是.{{1,8}}是")
# At the summary, not yet ("先别交，我考虑一下", "等等我再想想"): nothing is wrong, nothing is filed.
HOLD_ON = re.compile(rf"先别|先不|别急|等等|等一下|稍等|{context.HESITATING.pattern}")
# "交上去了没有", "提交了吗", "申请提交成功没" asked while the form is still open.
SUBMITTED_ASKED = re.compile(
    r"(?:交|提交|递交)(?:上去|成功|好)?了(?:没有?|吗|么|没)|(?:交|提交)(?:上去|成功)(?:没有?|吗|没)|交没交|提交没提交"
)
# No account yet at the bank account's step ("还没开户", "现在没有，以后再补").
NO_ACCOUNT = re.compile(r"没有|还没|没开|未开|没办|以后再|之后再|回头再|晚点|后补|再补|先不填|不想填")
NO_ACCOUNT_YET = (
    "没关系，银行账户现在可以不填：创业补贴公示5个工作日后打到经营主体的银行账户上，发放前补充就行。"
    "申请照常提交，材料清单里会列出“经营主体银行账户”，开好户后在湘易办“我的办件”里补上或带到创业服务窗口。"
)
DIGITS_ATTEMPT = re.compile(r"[\d\sXx-]{3,}[。.]?")
# Off-topic at a free-text step: the NLU is sure enough, and the message does not read as a short value.
OFF_TOPIC_SURE = 0.6
ADDRESSED = re.compile(r"我|你|帮|给|请")  # a request to someone ("帮我订个奶茶店"), not a name
CHAT_WORDS = re.compile(r"我|你|帮|给|请|吃|喝|玩|订|点个|买|天气|聊|唱|讲个|笑话|渴|饿|累")
LONGEST_VALUE = 12


def _holds_on(text: str) -> bool:
    """Not yet, at the summary ("先别交"): never a cancel ("先别提交了，撤掉吧") or a question ("等一下，…要交吗")."""
    return bool(HOLD_ON.search(text)) and not CANCEL_WORDS.search(text) and not is_question(text)


def _command(
    text: str, intent: str, requested: str | None, found: Extraction, chosen: bool, yes_no_asked: bool = True
) -> str | None:
    if found.values:
        return None
    words = (
        ("not_submitted", bool(SUBMITTED_ASKED.search(text))),  # "刚刚那份交上去没有": not yet, inside the form
        ("hesitate", requested == CONFIRM_SLOT and _holds_on(text)),  # "先别交，我考虑一下"
        ("items_kept", chosen and requested != "application_items" and bool(THESE_ONLY.match(text))),  # "就这两样"
        ("fix", wrong_field(text) is not None),  # "名字写错了": that field asked again, its old value shown
        ("which_wrong", only_wrong(text, intent, requested, yes_no_asked)),  # "不对": which one?
        ("back", bool(BACK.search(text))),
        ("restart", bool(RESTART.search(text))),
        ("review", requested is not None and wants_review(text)),  # "核对下信息": shown, whatever the intent
        ("pause", requested != CONFIRM_SLOT and bool(PAUSE.search(text)) and not is_question(text)),  # "稍等我找找"
    )
    if said := next((command for command, found_here in words if found_here), None):
        return said
    changing = CHANGING.search(text)  # "个体户不搞了，改成有限公司": a change, though no value was read
    if CANCEL_WORDS.search(text) and not changing and intent not in ("cancel", "request_human"):  # those: the rules
        return "cancel"
    if requested not in (None, CONFIRM_SLOT) and SUBMIT.search(text) and not is_question(text):
        return "submit"  # not "提交完怎么知道办到哪了", a question
    return None


def extract(tracker: Tracker, slots: dict[str, Any]) -> Extraction:
    """Read the latest message for the application form.

    Args:
        tracker: The conversation; its latest message is read.
        slots: Current slot values (``requested_slot`` included).

    Returns:
        Candidate values, a command, or ``digression`` when the message should be handled outside the form.
    """
    message = tracker.latest_message
    text = unicodedata.normalize("NFKC", str(message.get("text") or "")).strip()  # full-width digits as digits
    intent = str((message.get("intent") or {}).get("name") or "")
    requested = slots.get("requested_slot")
    found = read_values(tracker, text, intent, slots)
    found.values = {slot: v for slot, v in found.values.items() if not _a_command_as_text(slot, v)}
    later_choice(tracker, text, found)
    chosen = bool(slots.get("application_items"))
    if not found.values and (kept := old_value_kept(tracker, text, requested, slots)) is not None:
        found.values[str(requested)] = kept  # "不改了，还是原来的" after "上一步": the old value back
        found.shown[str(requested)] = f"{BY_SLOT[str(requested)].label}不改，还是{display(str(requested), kept)}"
        if SUBMIT.search(text):
            found.values[CONFIRM_SLOT] = True  # "算了还是原来那个，交吧": the summary was already shown
    if not found.values and (fixed := corrected(text, intent, requested, found)):
        found.values[fixed[0]] = fixed[1]
    offer = _offer_answered(tracker, text, requested, slots, found)
    yes_no = yes_no_asked(tracker)
    found.command = restart_renaming(tracker, text, found) or (  # "重新填，这回只办执照": the items replaced
        "no_items" if found.removed_all else offer or _command(text, intent, requested, found, chosen, yes_no)
    )
    if found.command or cancel_read_wrong(found, text, intent, requested):
        return found
    # the person as the borrower (read as a person asked for) at the borrower's step: never a handoff
    said_borrower = requested == "loan_borrower" and borrower_said(text) is not None
    person_asked = intent == "request_human" and (not (found.values or said_borrower) or PERSON_WORDS.search(text))
    # "我搞不清楚，帮我转人工": a person (below), never the step's help again
    if not found.values and not person_asked and (explained := _step_explained(tracker, text, requested)):
        found.problem = explained  # a failed answer: counted, so the help changes and never repeats thrice
        return found
    if not found.values and not person_asked and (asked := field_asked(text)):
        found.field_help = asked  # how to fill a field, whatever the intent: the form explains it
        return found
    questioning = is_question(text) or (intent == "ask_question" and _is_question(text, requested))
    questioning = questioning or about_an_item(text, bool(entities_named(tracker, "item")))  # "补贴的材料"
    if intent not in RULE_ANSWERED and not found.values and questioning:
        found.question = True  # answered inside the form, whatever the intent, then the same step is asked again
        return found
    attempt = requested in BY_SLOT and bool(DIGITS_ATTEMPT.fullmatch(text))  # "4301041990" is a short ID, not chat
    # "啊你是问名字呀，郑小红" (read as bot_challenge): the name with words around it
    attempt = attempt or said_borrower or (requested == "applicant_name" and name_in_reply(text) is not None)
    # "谢谢，确认提交" at the summary (read as thanks): the submission, never small talk and the summary again
    attempt = attempt or (requested == CONFIRM_SLOT and intent in POLITE and bool(SUBMIT.search(text)))
    off_topic = intent == "out_of_scope" and not (found.values or attempt) and _off_topic_here(message, text, requested)
    # "贷款不要了" with items chosen removes that one; "先把注册办了吧，补贴先不要" chooses: neither stops the form
    removal = "application_items" in found.values
    changing = bool(found.values) and bool(CHANGING.search(text))  # "个体户不搞了，改成有限公司": a correction
    if (
        (intent == "cancel" and cancels(text, bool(found.values)) and not (removal or changing))  # "贷款不要了"
        or person_asked
        or off_topic  # "先帮我订个奶茶" at the project's step is answered as off-topic, never stored
        or (
            intent in DIGRESSION_INTENTS
            and not found.values
            and not attempt
            and (intent in ALWAYS_DIGRESS or _other_task(intent, text, requested))
        )
    ):
        return Extraction(digression=True)
    if requested == CONFIRM_SLOT and SUBMIT.search(text) and not CORRECTING.search(text):
        found.values = _restated_dropped(found.values, slots)  # "是合作社没错，提交吧": a yes, not new values
    if requested is not None:
        answer = answer_to_requested(str(requested), text, intent, found)
        if answer is not None:
            found.values[str(requested)] = answer
    found.regions = entities_named(tracker, "region") if requested in ("premises_address", "city", "county") else []
    if "premises_address" in found.values and not found.regions:
        found.regions = entities_named(tracker, "region")
    return found


def _offer_answered(
    tracker: Tracker, text: str, requested: str | None, slots: dict[str, Any], found: Extraction
) -> str | None:
    """The answer to the registration offered in the summary: "要" adds the item (a value), "不用" keeps the items.

    Returns:
        ``registration_kept`` for a decline (the form says the items are kept), else ``None``.
    """
    if requested != CONFIRM_SLOT:
        return None
    answer = registration_offer.reply_to_offer(tracker, text)
    if answer == "decline":
        found.values.pop("application_items", None)  # "不用，有执照了": the 执照 named is no item chosen
    if answer == "accept" and not found.values:
        found.values["application_items"] = [*(slots.get("application_items") or []), registration_offer.REGISTRATION]
    return "registration_kept" if answer == "decline" and not found.values else None


def _a_command_as_text(slot: str, value: Any) -> bool:
    """A free-text value that is a command ("返回上一步", "确认提交", "取消"): never stored as a name or a project."""
    if slot not in BY_SLOT or not BY_SLOT[slot].free_text:
        return False
    said = str(value)
    return any(words.search(said) for words in (BACK, RESTART, SUBMIT, CANCEL_WORDS))


def _step_explained(tracker: Tracker, text: str, requested: str | None) -> str | None:
    """The step explained for a user who did not understand it or leaves a choice to the bot; else ``None``.

    "看不懂你说的" at any step, the summary included, is never an answer or a yes: the step is said again simply.
    """
    if requested == "bank_account" and NO_ACCOUNT.search(text) and not re.search(r"\d{6,}", text):
        return NO_ACCOUNT_YET  # "还没开对公账户", "能不能以后再补": optional at filing, listed as a material
    if requested is not None and not_understood.confused(text):
        return not_understood.explain(step_help(requested), failures(tracker, requested) - 1)
    if left := undecided(requested, text):  # "随便": the choices explained, the user still picks
        return field_help(left)
    return came_back.declined(tracker, text) if requested == "person_category" else None  # "不是" to the offer


def _restated_dropped(values: dict[str, Any], slots: dict[str, Any]) -> dict[str, Any]:
    """At the summary, with a submit word: values said again as they are, or free text read from the yes, go."""
    return {
        slot: value
        for slot, value in values.items()
        if slots.get(slot) != value and not (slot in BY_SLOT and BY_SLOT[slot].free_text)
    }


def _other_task(intent: str, text: str, requested: str | None) -> bool:
    """Another task asked for (eligibility, or progress said with its words), or a question or chat, not an answer.

    "等一下我翻一翻", "创业计划书写好了，确认提交" (the NLU may read either as check_progress) ask no progress.
    """
    if intent == "check_progress":
        return bool(PROGRESS_ASKED.search(text))
    return intent in OTHER_TASKS or _is_question(text, requested)


def _free_text_step(requested: str | None) -> bool:
    return requested in BY_SLOT and BY_SLOT[str(requested)].free_text


def _off_topic_here(message: dict[str, Any], text: str, requested: str | None) -> bool:
    """The NLU is sure a message at a free-text step is off-topic, and it does not read as a short value."""
    confidence = float((message.get("intent") or {}).get("confidence") or 0.0)
    if not _free_text_step(requested) or confidence < OFF_TOPIC_SURE:
        return False
    if requested == "project_name" and SHOP_NAME.match(text) and not ADDRESSED.search(text):
        return False  # "志远小吃", "湘味小吃": a project named by its kind of shop, never chat about food
    return len(text) > LONGEST_VALUE or bool(CHAT_WORDS.search(text))


def _is_question(text: str, requested: str | None) -> bool:
    """A question or chit-chat rather than an answer to ``requested``."""
    if requested is None or requested not in BY_SLOT or not BY_SLOT[requested].free_text:
        return True
    return is_question(text)


def just_heard_user(tracker: Tracker) -> bool:
    """True when the form runs right after a user message (not when it resumes after an interruption).

    Rasa logs the form itself (its temporary tracker) and ``action_extract_slots`` after every user message;
    neither counts. Any other action since the last user message means the message was already handled.
    """
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        name = str(event.get("name") or "")
        if event.get("event") == "action" and name != "action_extract_slots" and not name.endswith("_form"):
            return name == "action_listen"
    return True

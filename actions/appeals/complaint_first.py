"""A complaint told on another path: the NLU's progress check or a question, still the complaint form's.

"投诉，补贴一个月没消息，编号也找不到了" read as a progress check, "来电人反映窗口不讲差哪样材料" read as a question:
a message that opens by complaining is filed (``action_route_appeal``), never answered with where the number is or
the knowledge base's nearest answer. So is a bare "提交" / "交了吧" right after a complaint or a suggestion the bot
answered without filing (:func:`told_unfiled`): the user wants that one filed, and no application is meant.
"""

import re
from typing import Any

from rasa_sdk import Tracker

from actions.appeals.appeal_answers import AS_IS
from actions.appeals.appeal_reading import NOT_MEANT, OPENS_COMPLAINT, read_appeal, tells_a_complaint
from actions.appeals.appeals import WANTS_TO_FILE, asks_status
from actions.appeals.ratings import NO_SCORE
from actions.appeals.suggestions import suggests
from actions.application.form_guard import SUBMIT
from actions.conversation.question_shape import is_question

# A bare request to file what was just said ("提交", "交了吧", "好的 提交吧", "帮我登记一下", "给我个编号").
FILE_IT = re.compile(
    r"^(?!.*(?:别|不要|不用|先不|暂不|没))(?:好的?|嗯|行|那|那就|可以|对)?[，,\s]*(?:直接|就这样)?(?:帮我|给我)?(?:确认)?"
    r"(?:提交|交|交了|交上去|登记|记下来|记一下|报上去)?(?:一下|下)?(?:吧|了吧|啊|呀|呗|就行)?[，,\s]*"
    r"(?:(?:给|发)我(?:一)?个(?:编号|号|单号)(?:吧)?)?[。！!~～]*$"
)
# Words of filing the bare request must have (FILE_IT's parts are all optional).
FILING_WORD = re.compile(r"提交|交|登记|记下来|记一下|报上去|编号|单号|号")


def told(text: str) -> bool:
    """Whether the message tells a complaint or hands in a suggestion to file (not one asked about or unmeant)."""
    said = tells_a_complaint(text) or bool(OPENS_COMPLAINT.search(text) and WANTS_TO_FILE.search(text))
    said = said or suggests(text)  # "我有个建议，孵化基地晚上也开放": filed as a 诉求 too
    return said and not NOT_MEANT.search(text) and not asks_status(text)


def told_unfiled(tracker: Tracker) -> dict[str, Any] | None:
    """The complaint or suggestion told one message before a bare "提交", when nothing filed it; else ``None``.

    "提个意见：…" answered from the knowledge base, then "提交": the user wants that one filed; so does "交了吧"
    after an opinion the bot thanked for with the offer to file it.

    Returns:
        That message's ``text`` and ``entities``.
    """
    if (tracker.active_loop or {}).get("name"):
        return None
    text = str(tracker.latest_message.get("text") or "").strip()
    if not (FILE_IT.match(text) and FILING_WORD.search(text)):
        return None
    users, offered = 0, False
    for event in reversed(tracker.events):
        if event.get("event") == "user" and (users := users + 1) == 2:
            said = dict(event.get("parse_data") or {})
            earlier = str(said.get("text") or event.get("text") or "")  # as normalised (头诉 → 投诉)
            filed = offered or told(earlier)
            return {"text": earlier, "entities": list(said.get("entities") or [])} if filed else None
        # "字太小了，老人看不清" thanked with the offer to file it (ratings.NO_SCORE): "交了吧" takes the offer
        offered = offered or (event.get("event") == "bot" and NO_SCORE in str(event.get("text") or ""))
        started = event.get("event") == "active_loop" and str(event.get("name") or "").startswith("appeal")
        if users and (started or (event.get("event") == "action" and event.get("name") == "action_submit_appeal")):
            return None  # the complaint was filed (or its form opened) after it
    return None


def files_a_complaint(tracker: Tracker) -> bool:
    """The latest message opens with a complaint (or a suggestion) to file, whatever path the NLU sent it on.

    A bare "提交" asking to file the one the previous message told counts too (:func:`told_unfiled`).

    Not a question about complaints ("投诉一般几天答复": its first clause asks), not "我不是要投诉", and not when
    that router already ran for this message (it answered a question through the knowledge base).
    """
    if told_unfiled(tracker) is not None:  # "提交" right after a complaint answered, not filed: that one
        return True
    text = str(tracker.latest_message.get("text") or "").strip()
    if not told(text):
        return False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") == "action_route_appeal":
            return False
    return True


def fills_the_form(tracker: Tracker) -> bool:
    """Inside ``appeal_form``, the message files it as it is or gives its values ("不用关联办件，直接交").

    The NLU may read such a message as a question, whose rule answers it before the form runs: the answer action
    says nothing then, and the form reads the message (:func:`passed_on`).
    """
    if (tracker.active_loop or {}).get("name") != "appeal_form":
        return False
    text = str(tracker.latest_message.get("text") or "").strip()
    if AS_IS.search(text) or SUBMIT.search(text):
        return True
    values = read_appeal(text, list(tracker.latest_message.get("entities") or [])).values
    return bool(values) and not is_question(text)


def passed_on(tracker: Tracker) -> bool:
    """The latest message reached the form through the question rule's answer action, which said nothing."""
    for event in reversed(tracker.events):
        if event.get("event") in ("user", "bot"):
            return event.get("event") == "user"
        name = str(event.get("name") or "")
        passing = name in ("action_answer_question", "action_extract_slots") or name.endswith("_form")
        if event.get("event") == "action" and not passing:
            return False
    return False

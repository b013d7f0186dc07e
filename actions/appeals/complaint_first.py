"""A complaint told on another path: the NLU's progress check or a question, still the complaint form's.

"投诉，补贴一个月没消息，编号也找不到了" read as a progress check, "来电人反映窗口不讲差哪样材料" read as a question:
a message that opens by complaining is filed (``action_route_appeal``), never answered with where the number is or
the knowledge base's nearest answer.
"""

from rasa_sdk import Tracker

from actions.appeals.appeal_answers import AS_IS
from actions.appeals.appeal_reading import NOT_MEANT, OPENS_COMPLAINT, read_appeal, tells_a_complaint
from actions.appeals.appeals import WANTS_TO_FILE, asks_status
from actions.appeals.suggestions import suggests
from actions.application.form_guard import SUBMIT
from actions.conversation.question_shape import is_question


def files_a_complaint(tracker: Tracker) -> bool:
    """The latest message opens with a complaint (or a suggestion) to file, whatever path the NLU sent it on.

    Not a question about complaints ("投诉一般几天答复": its first clause asks), not "我不是要投诉", and not when
    that router already ran for this message (it answered a question through the knowledge base).
    """
    text = str(tracker.latest_message.get("text") or "").strip()
    told = tells_a_complaint(text) or bool(OPENS_COMPLAINT.search(text) and WANTS_TO_FILE.search(text))
    told = told or suggests(text)  # "我有个建议，孵化基地晚上也开放": filed as a 诉求 too
    if not told or NOT_MEANT.search(text) or asks_status(text):
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

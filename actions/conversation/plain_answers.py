"""Replies the conversation gives before the knowledge base is searched, for messages a search only gets wrong.

"找谁" / "谁能办" right after the overview (:mod:`actions.knowledge.overview_followups`),
and "我这种情况能不能申请" before anything was said about the person: the knowledge base matched its words
("用手机能不能办") and answered something else; what decides is the person's situation, so the bot asks for it.
A change to an application already filed ("交上去了，电话填错一位，还能改吗") is told how such a change is made.
"""

import re
from datetime import date

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.appeals.complaint_first import files_a_complaint, fills_the_form
from actions.conversation import context, form_contents, question_shape
from actions.eligibility import own_case
from actions.knowledge.comparison import describe
from actions.knowledge.overview_followups import overview_reply
from actions.progress import own_light, progress

# "就想了解一下贷款，先不申请", "想了解下创业培训": to hear about an item, asking nothing in particular.
LEARN = re.compile(r"(?:想|要|来)?(?:了解|问问|问一下|问下|咨询|打听|知道)(?:一下|下)?")
NOT_YET = "好的，给您介绍一下："
APPLY_LATER = "想办的时候说“我要申请”，我帮您填表；想问条件、材料或时限，直接问我。"
ASK_SITUATION = (
    "能不能申请、能享受哪几项，要看您的情况。您说说：属于哪类人员（高校毕业生、返乡创业农民工、退役军人、登记失业人员、"
    "就业困难人员，或都不是），执照办了没有、经营多久了，例如“我是退役军人，店开了半年”，我逐项告诉您；"
    "也可以说“帮我匹配政策”，我一步一步问您。"
)


# "已经交上去了，电话填错一位，还能改吗": a change to an application already filed, asked outside any form.
FILED = re.compile(r"(?:交|递|提交|报|申请|填)(?:上去|上了|了|过|完|好)|(?:已经|都|早就?)(?:交|递|提交|报)")
CHANGED = re.compile(r"填错|写错|输错|打错|弄错|搞错|错了|改|更正|修正|变更|换")
NOT_YET_FILED = re.compile(r"提交前|交之前|没交|没提交|还没")
CHANGE_AFTER_FILING = (
    "已经提交的申请不能在聊天里直接修改。部门审核时发现信息有误，会把那一项的状态改为“需补正”并写明原因，按要求补正即可；"
    "想尽快更正，说“转人工”，工作人员会在这里帮您联系办理部门，也可以拨打12345政务服务便民热线或到政务服务大厅窗口办理。"
    "进度随时可以发申请编号和身份证后6位查看。"
)


def changes_a_filed_application(text: str) -> bool:
    """Whether the message asks to change an application already filed ("递上去了，电话填错了，还能改吗")."""
    filed = FILED.search(text) and not NOT_YET_FILED.search(text)
    return bool(filed and CHANGED.search(text) and question_shape.is_question(text))


def _names_item(tracker: Tracker) -> bool:
    return any(e.get("entity") == "item" for e in tracker.latest_message.get("entities") or [])


def _about_filing(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Outside a form: a complaint told, where to follow progress later, or a change to an application already filed.

    "来电人反映窗口不讲差哪样" is filed, never answered by the nearest FAQ; "交上去了，电话填错一位" is told how a
    filed application is corrected, not searched.
    """
    if fills_the_form(tracker):
        return []  # "不用关联办件，直接交" inside the complaint form: the form reads it next, nothing to answer
    if (tracker.active_loop or {}).get("name"):
        return None
    if files_a_complaint(tracker):
        return [FollowupAction("action_route_appeal")]
    if (later := progress.where_to_look_later(dispatcher, tracker)) is not None:
        return later  # "往后上哪自己看进度": the progress channels, never a menu of FAQ titles
    if changes_a_filed_application(context.text_of(tracker)):
        dispatcher.utter_message(text=CHANGE_AFTER_FILING)
        return []
    return None


async def said_plainly(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The reply for a wish to hear of an item or the form's fields, a bundle-wide follow-up, an unjudgeable own case.

    Returns:
        The events after replying, or ``None`` when the message is none of these (a search answers it).
    """
    filing = _about_filing(dispatcher, tracker)
    if filing is None and not (tracker.active_loop or {}).get("name"):
        filing = own_light.answer(dispatcher, tracker)  # "显示黄灯是啥情况": the meaning and the offer to look it up
    if filing is not None:
        return filing
    learnt = await learn_about(dispatcher, tracker)
    if learnt is None:  # "申请贷款要在表里填哪些信息": the service's fields for those items
        learnt = await form_contents.answer(dispatcher, tracker)
    if learnt is not None:
        return learnt
    named = _names_item(tracker)
    if (bundle_wide := await overview_reply(tracker, named)) is not None:
        dispatcher.utter_message(text=bundle_wide)  # "找谁" / "谁能办" right after the overview
        return []
    if (tracker.active_loop or {}).get("name") or named or not own_case.asks_own_case(context.text_of(tracker)):
        return None
    if own_case.conversation_situation(tracker, date.today()).profile:
        return None  # the verdict is own_case's
    dispatcher.utter_message(text=ASK_SITUATION)  # "我这种情况能申请吗" with nothing said about them
    return []


async def learn_about(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The named items from the catalogue when the user only wants to hear about them ("先了解一下贷款，不办").

    ``None`` when the message asks something in particular ("想了解贷款利息怎么算": the knowledge base's).
    """
    text = context.text_of(tracker)
    entities = tracker.latest_message.get("entities") or []
    items = list(dict.fromkeys(str(e["value"]) for e in entities if e.get("entity") == "item"))
    if not items or not LEARN.search(text) or question_shape.is_question(LEARN.sub("", text)):
        return None
    if (tracker.active_loop or {}).get("name"):
        return None
    described = [said for code in items if (said := await describe(code))]
    if not described:
        return None
    dispatcher.utter_message(text="\n".join([NOT_YET, *described, APPLY_LATER]))
    return []

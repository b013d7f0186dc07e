"""What the bot's last answer makes of a short follow-up, whatever intent the NLU gave it.

After the overview "在哪里办" / "要多久" are about the whole bundle; after a progress result "那什么时候能全部办完" is
about that application; after an answer about an item "要带什么材料" keeps the item and "补贴呢" asks the same
question about the subsidy (:mod:`actions.knowledge.questions`). This module only reads the conversation; the routers
and :mod:`actions.conversation.followups` act on it. The message's own shape (a question, a request, two
questions) is read by :mod:`actions.conversation.question_shape`.
"""

import re
from typing import Any

from rasa_sdk import Tracker

from actions.conversation import filed_appeal
from actions.conversation.item_words import item_aliases, item_word
from actions.conversation.odd_input import NO_CHINESE, NO_WORDS, odd_input_reply
from actions.conversation.question_shape import is_question, is_request
from actions.progress import progress_followups
from contract.labels import ITEM_NAMES, ITEM_TIME_LIMITS
from nlu_components.relay import relays_a_question

# Named by this module for its many readers; they live in their own modules.
__all__ = ["NO_CHINESE", "NO_WORDS", "item_aliases", "item_word", "odd_input_reply"]

WHERE = re.compile(r"哪里|哪儿|在哪|去哪|入口|现场|线下|窗口|网上")
# Where to do it ("在哪办", "去哪儿弄", "能去哪现场办"): the bundle's entry points, whichever item it is about.
WHERE_TO_DO = re.compile(
    r"(?:哪里|哪儿|在哪|去哪|哪个地方|什么地方|啥地方)\S{0,4}?(?:办|弄|申请|搞|提交|报名|填)|(?:现场|线下|当面)\S{0,3}?(?:办|弄|申请)"
)
# What a bare where-question is made of ("那我去哪里办", "线下在哪弄"): with these taken away nothing is left. A word
# left over is the question's own subject ("在哪儿办理入住"): not the bundle's entry points, the knowledge base's.
WHERE_FILLERS = re.compile(
    r"个人创业|创业|一件事|这件事|这些|事情|那么|那个|这个|一下|手续|那|我|要|得|能|可以|还|去|到|在|哪里|哪儿|哪|办理|办|弄|搞|申请|提交|报名|填|交|线下|现场|窗口"
    r"|网上|线上|手机|App|APP|app|小程序|电脑|网站|平台|湘易办|呢|吗|啊|呀|吧|的|了|[？?！!。，, ~～…]"
)
# Who handles it ("哪个部门办", "归哪个单位管"): asked with a where word, still the department, not the entry points.
WHO_HANDLES = re.compile(r"部门|单位|机构|谁审|谁批|归谁|谁管|哪个局|哪家")
# Where an application is followed, not filed ("在哪查办理进度", "结果去哪看").
FOLLOWED = re.compile(r"查|进度|进展|结果|状态")
HOW_LONG = re.compile(r"多久|好久|几天|几多天|多长时间|什么时候|啥时候|办完|时限|多少天|几个工作日")
# "还要等好久", "得等多久哦": a wait asked about without a question mark (not "等了好久", a complaint).
WAIT_ASKED = re.compile(r"(?:要|得|等)(?:好久|多久|几天)(?![了啦])")
ALL_DONE = re.compile(r"全部|都办完|全办完|办完|办好|办结|结束|搞定|下来")
ENTRY_POINTS = (
    "可以在这些地方办理个人创业“一件事”：\n1. 湘易办App或湘易办小程序的“个人创业一件事”专区；\n2. 湖南省政务服务网；\n"
    "3. 线下到政务服务大厅的创业服务窗口当面办理（不方便用手机的话，窗口工作人员可以帮您填）。\n"
    "也可以直接在这里说“我要申请”，我帮您填表提交。"
)
# "我还是去现场办吧", "手机上弄太麻烦了，我去大厅": the user will go in person; neither a request to fill the form here
# nor a complaint.
GO_IN_PERSON = re.compile(
    r"(?:去|到|跑)(?:现场|线下|窗口|大厅|政务服务中心|政务中心|办事大厅|政务大厅|服务中心)|(?:现场|线下|当面)去?(?:办|弄|交)"
)
# "我再考虑考虑", "我想想", "回头再说": not now. A no to what is under way, never a complaint.
HESITATING = re.compile(r"考虑|想想|想一想|琢磨|合计|商量|再说吧?$|回头再|过两天|改天|还没想好|没想好")
BOT_FILLS = re.compile(r"帮我|给我|替我|你帮|你来|你给")
IN_PERSON = (
    "可以的，到政务服务大厅的创业服务窗口就能当面办理个人创业“一件事”：窗口工作人员帮您核验身份、填好"
    "《个人创业“一件事”信息采集表》，一次提交，各部门并联审批。想少跑一趟的话，也可以在湘易办、湖南省政务服务网办，"
    "或者在这里说“我要申请”，我帮您填。"
)
# "线下呢", "网上能办吗", "手机上呢": one way in, asked about after an answer or the overview.
CHANNEL = re.compile(
    r"(?P<offline>线下|现场|窗口|大厅|当面|柜台)|网上|线上|手机|App|APP|app|小程序|电脑|湘易办|政务服务网"
)
# "想当面去办，地点在哪", "能去哪里现场办": where to go to do it in person, however long the message.
OFFLINE = re.compile(r"线下|现场|窗口|大厅|当面|面对面|柜台")
PLACE_ASKED = re.compile(r"哪里|哪儿|在哪|去哪|哪个地方|什么地方|啥地方|地点|地址|位置")
FOLLOW_UP_ONLY = re.compile(
    r"^(?:那|那么)?(?:在|去|到|用)?\S{1,6}?(?:呢|能办吗|可以办吗|能不能办|行不行|可以吗|行吗)[？?。！!~～]*$"
)
ONLINE = (
    "网上办：打开湘易办App或湘易办小程序的“个人创业一件事”专区，或登录湖南省政务服务网，身份核验后填一张"
    "《个人创业“一件事”信息采集表》提交，各部门并联审批，进度在“我的办件”里看。也可以直接在这里说“我要申请”，我帮您填。"
)
WHOLE_TIME = (
    "整件事在各部门并联审批，20个工作日内办结；各事项时限："
    + "、".join(f"{ITEM_NAMES[code]}{days}个工作日" for code, days in ITEM_TIME_LIMITS.items())
    + "。"
)
MATERIALS = re.compile(r"材料|资料|证件|带什么|带啥|准备什么|准备啥|准备哪些|交什么|交哪些|提交什么")
# How much was cut ("材料减少了多少", "精简了百分之几"): the knowledge base's figures, not the list of materials.
REDUCTION = re.compile(r"减少|少了|减了|少多少|少几|能少|省多少|精简|压缩|省了|节省|比例|百分|幅度|以前|原来|之前")
# The bundle's materials as a whole (../shared/spec/bundle.md: one form, "两个免于提交", what a few items add).
OVERVIEW_MATERIALS = (
    "办个人创业“一件事”只需填一张《个人创业“一件事”信息采集表》；营业执照、居民身份证明、学历证明等能通过数据共享"
    "或电子证照库获取的材料都免于提交。个别事项另需：创业补贴申领提供经营主体的银行账户；入驻创业孵化基地提交"
    "创业计划书；经营主体登记注册提供经营场所证明（场所已在系统登记的除外）。"
)
WHEN_ALL_DONE = (
    "各部门并联审批，整件事在20个工作日内办结；上面列出了每个部门的办理期限，最后一个部门办结，整件事就全部办完了，"
    "到时会通知您。想随时再看，发申请编号和身份证后6位即可。"
)
# What a bare how-long question is made of ("得多久", "大概要几天能办好"): with these taken away nothing is left.
HOW_LONG_FILLERS = re.compile(
    r"多长时间|多久|几天|多少天|几个工作日|什么时候|啥时候|大概|大约|一般|需要|要|得|能|办理|办|好|完|下来|批|那么|那|这|"
    r"呢|吗|啊|呀|的|了|[？?！!。，, ~～…]"
)
FORM_ITEMS_SLOT = "application_items"
# Actions whose reply answered a question (their item, if any, is the conversation's subject).
ANSWERS = frozenset(
    {
        "action_answer_question",
        "action_route_overview",
        "action_route_eligibility",
        "action_route_progress",
        "action_handle_low_confidence",
        "action_follow_up",
    }
)
FOUND = ("faq", "answer")  # a knowledge answer's statuses that found something
# What a question is about besides its item: "时间呢" after "材料减少了多少" asks the same about the time.
ASPECTS = ("材料", "时间", "时限", "费用", "金额", "额度", "利息", "期限", "条件", "部门", "流程", "地点")
SHORT = 14  # a follow-up this short leans on the previous answer


def previous_action(tracker: Tracker) -> str | None:
    """The bot's last action before the latest user message (``action_listen`` not counted)."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return None
            seen_user = True
        elif seen_user and event.get("event") == "action" and event.get("name") != "action_listen":
            return str(event.get("name"))
    return None


def text_of(tracker: Tracker) -> str:
    """The latest user message, stripped."""
    return str(tracker.latest_message.get("text") or "").strip()


def as_typed(tracker: Tracker) -> str:
    """The latest message as the user typed it: the NLU blanks a relay's opening ("来电人问") in what it passes on."""
    typed = next((e.get("text") for e in reversed(tracker.events) if e.get("event") == "user"), None)
    return str(typed or text_of(tracker)).strip()


def relayed_question(tracker: Tracker) -> bool:
    """The latest message relays someone asking ("他想打听长沙那边开店有什么补贴"): a question, whatever is left."""
    return relays_a_question(as_typed(tracker))


def last_answer(tracker: Tracker) -> str | None:
    """What the bot's previous turn was: ``overview``, ``progress`` (a result shown), ``answer``, or ``None``."""
    action = previous_action(tracker)
    if action == "action_route_overview" and tracker.get_slot("after_overview"):
        return "overview"
    if action == "action_show_progress":
        return "progress"
    if action in ANSWERS or _found_an_answer(tracker):
        return "answer"
    return None


def _found_an_answer(tracker: Tracker) -> bool:
    """The bot's previous turn carried a knowledge answer that found something, whichever router said it.

    Its 👍/👎 payload says so: "那个证怎么办" read as out of scope was answered by the out-of-scope router, and
    "要带照片吗" after it is a follow-up all the same.
    """
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return False
            seen_user = True
        elif seen_user and event.get("event") == "bot":
            custom = (event.get("data") or {}).get("custom") or {}
            if str((custom.get("answer_feedback") or {}).get("status")) in FOUND:
                return True
    return False


def is_follow_up(text: str) -> bool:
    """A short question that leans on the previous answer ("在哪里办", "补贴呢", "那要多久")."""
    asked = is_question(text) or bool(WAIT_ASKED.search(text))  # "得等好久哦": how long, said as a sigh
    return 0 < len(text) <= SHORT and asked and not is_request(text)


def in_context(tracker: Tracker) -> str | None:
    """The previous answer's kind when the latest message is a short follow-up to it, else ``None``."""
    return last_answer(tracker) if is_follow_up(text_of(tracker)) else None


def fixed_reply(tracker: Tracker, named_item: bool) -> str | None:
    """The reply the context alone gives a follow-up: entry points, time limits, materials, when it is all done.

    Right after a complaint was filed, how to follow it (:mod:`actions.conversation.filed_appeal`), however long;
    right after a loan answer, what the loan asks of one's credit (:mod:`actions.knowledge.loan_followups`).

    Args:
        tracker: The conversation.
        named_item: The message names an item (then the question is about that item, not the bundle).
    """
    from actions.knowledge.loan_followups import credit_reply  # → last_answer → here: imported when run

    kind, text = in_context(tracker), text_of(tracker)
    if (credit := credit_reply(tracker, text)) is not None:
        return credit  # "我征信不太好，以前网贷逾期过" right after a loan answer: the loan's credit conditions
    shown = _about_what_was_shown(tracker, kind, text)
    if shown is None and not named_item:  # "得多久" in the application: its items' limits
        shown = _limits_of_items_chosen(tracker, text)
    if shown is None:  # "想当面去办，地点在哪", "那去哪办"
        shown = _where_reply(tracker, kind, text, named_item)
    if shown is not None:
        return shown
    if kind == "overview" and not named_item:
        if WHERE.search(text) and not FOLLOWED.search(text):
            return ENTRY_POINTS
        if HOW_LONG.search(text) and not REDUCTION.search(text):  # "原来办这些得多长时间": before the bundle
            return WHOLE_TIME
        if MATERIALS.search(text) and not REDUCTION.search(text):  # "材料减少了多少" is the 93% answer's
            return OVERVIEW_MATERIALS
    return None


def _limits_of_items_chosen(tracker: Tracker, text: str) -> str | None:
    """The time limit of each item chosen in the application under way, for a bare "得多久" asked in it.

    "想办个体户登记" chooses the registration and its taxpayer confirmation: "得多久" then asks about those two, not
    the whole bundle's 20 days. ``None`` outside the application, with fewer than two items chosen (the search
    with the form's item answers one), or for a question with a subject of its own.
    """
    chosen = tracker.get_slot(FORM_ITEMS_SLOT)
    in_form = (tracker.active_loop or {}).get("name") == "application_form"
    if not (in_form and isinstance(chosen, list) and len(chosen) >= 2 and HOW_LONG.search(text)):
        return None
    if HOW_LONG_FILLERS.sub("", text):
        return None
    limits = "、".join(
        f"{ITEM_NAMES[code]}{ITEM_TIME_LIMITS[code]}个工作日" for code in chosen if code in ITEM_TIME_LIMITS
    )
    return (
        f"您要办的事项由各部门并联审批，各自的办理时限（从部门收到表单时起算）：{limits}；" "整件事20个工作日内办结。"
    )


def _where_reply(tracker: Tracker, kind: str | None, text: str, named_item: bool) -> str | None:
    """Where to do it: the window for "想当面去办，地点在哪", the entry points for a bare "那我去哪里办"."""
    if named_item or any(e.get("entity") == "region" for e in tracker.latest_message.get("entities") or []):
        return None  # "营业执照在哪办", "长沙在哪办": the knowledge base's
    if asks_where_in_person(text):
        return IN_PERSON  # "来电人用不来小程序，想当面去办，地点在哪": the window, not a menu of other places
    # "归哪个单位管": the department; "提交以后在哪查办理进度": where to follow it; both the knowledge base's
    whom = bool(WHO_HANDLES.search(text) or FOLLOWED.search(text))
    if not whom and WHERE_TO_DO.search(text) and (kind == "answer" or is_follow_up(text)) and bare_where(text):
        return ENTRY_POINTS  # "在哪办", "那我去哪里办": every item is filed through the same entry points
    return None


def _about_what_was_shown(tracker: Tracker, kind: str | None, text: str) -> str | None:
    """A follow-up about the progress result, the way in or the complaint just shown ("那个证呢", "线下呢")."""
    if (followed := filed_appeal.how_to_follow(tracker, previous_action(tracker), text)) is not None:
        return followed  # "以后怎么查处理结果" right after a complaint was filed
    statutory = re.search(progress_followups.STATUTORY, text)  # "登记那项规定几天办完": the rule's, not this one's
    # "那什么时候能全部办完", "还要等几天", "得等好久哦": the wait for the whole result ("税务那个要多久": one line)
    whole = ALL_DONE.search(text) or not progress_followups.asked_items(text, _entities(tracker))
    whole = whole and progress_followups.ordinal(text) is None  # "最后那个啥时候办完": that line
    after_result = kind == "progress" or (kind == "answer" and progress_followups.result_shown(tracker))
    if after_result and HOW_LONG.search(text) and whole and not statutory:  # also after "头一个呢" was answered
        return progress_followups.when_all_done(tracker, WHEN_ALL_DONE)
    if kind in ("progress", "answer") and (shown := progress_followups.reply(tracker)) is not None:
        return shown  # "那个证呢", "税务那个要多久", "剩下的呢": read from the result just shown
    if kind in ("overview", "answer") and (channel := CHANNEL.search(text)) and FOLLOW_UP_ONLY.match(text):
        return IN_PERSON if channel.group("offline") else ONLINE  # "线下呢", "网上呢": that way in
    return None


def _entities(tracker: Tracker) -> list[dict[str, Any]]:
    return list(tracker.latest_message.get("entities") or [])


def bare_where(text: str) -> bool:
    """A where-question with no subject of its own ("那我去哪里办", "线下在哪弄"; not "在哪儿办理入住")."""
    return not WHERE_FILLERS.sub("", text)


def asks_where_in_person(text: str) -> bool:
    """A question where to go to do it in person ("能去哪里现场办", "想当面去办，地点在哪"), not where to follow it."""
    asked = OFFLINE.search(text) and PLACE_ASKED.search(text) and is_question(text)
    return bool(asked and not (WHO_HANDLES.search(text) or FOLLOWED.search(text)))


def goes_in_person(text: str) -> bool:
    """The user will go to the window ("那我还是去现场办吧"): no question, and not asking me to fill the form."""
    return bool(GO_IN_PERSON.search(text)) and not is_question(text) and not BOT_FILLS.search(text)

"""Short follow-ups right after a progress result, answered from the result shown: "那个证呢", "税务那个要多久".

The result lists one line per department with its items, status, time limit and days left
(:func:`actions.conversation.messages.progress`). "剩下的呢" / "还有哪些没办完" asks for the lines not finished; a
follow-up naming an item or a department ("执照办好了没", "税务那个要多久", "那个证呢", "社保那块呢") asks for its
line. The ID digits that verified the result are forgotten once it is shown, so the answer is read from the result the
user has just seen, never looked up again; a further follow-up ("那补贴呢") reads the same result. A line may be
pointed at by its place ("头一个办到哪了", "最后那个呢"). Only a question
about a line's status or time is answered from it: "钱批下来后几天能进账户" or "公章要不要我自己弄" name an item of the
result but ask how things go on, the knowledge base's.
"""

import re
from datetime import date
from typing import Any

from rasa_sdk import Tracker

from contract.labels import ITEM_NAMES

LIGHTS = ("🟢", "🟡", "🔴", "⚪")
RESULT_HEAD = re.compile(r"^申请编号 CY\d{14}：")
LEAD = "按刚才查到的进度："
DONE = ("已办结", "不予受理")
DUE = re.compile(r"(\d{1,2})月(\d{1,2})日前办结")  # a department's time limit as the result shows it
DAYS_LEFT = re.compile(r"还剩(\d+)个工作日")  # the working days a department still has, as the result shows them
# "剩下的呢", "其他的呢", "还有哪些没办完", "没办好的呢": the departments still working.
REST = re.compile(r"剩下|剩余|其余|其他|别的|还有哪|还有几|没办完|没办好|没好的|未办结|没批|没结|还差")
# Department words and the short ways to name an item that the item gazetteer leaves to context.
WORDS = (
    (re.compile(r"税务|税务局|纳税|税"), "taxpayer_confirmation"),
    (re.compile(r"执照|营业|工商|市场监管|市监|市场监督|登记注册"), "business_registration"),
    (re.compile(r"社保|养老|参保|保险"), "pension_registration"),
    (re.compile(r"(?<!身份)(?<!许可)证(?!明)"), "employment_cert"),
    (re.compile(r"补贴|补助|领钱"), "startup_subsidy"),
    (re.compile(r"贷款|贷|银行|担保|借钱"), "guaranteed_loan"),
    (re.compile(r"孵化|基地|场地|入驻"), "incubator"),
    (re.compile(r"培训|上课|课程"), "training"),
)

# What a follow-up about a line asks: its status or its time ("执照办好了没", "税务那个要多久", "那个证呢").
STATUS_ASKED = re.compile(
    r"呢[？?。！!~～]*$|到哪|哪一步|办好|好了|好没|批了|批没|下来了?没|办完|办结|结果|状态|进度|怎么样|咋样|多久|几天|"
    r"什么时候|啥时候|完成|通过"
)
# "头一个办到哪了", "第二项呢", "最后那个咋样了": a line of the result by its place in the list.
ORDINAL = re.compile(
    r"(?:第|头)(?P<n>[一二两三四五六七八1-8])(?:个|项|行|条|家|部门|那)"
    r"|(?P<last>最后|末尾|最末|倒数第一)(?:那|一)?(?:个|项|行|条|家|部门)"
)
NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
# "怎么样了", "咋样了": how a line stands, not how to do something (PROCESS_ASKED's 怎么).
HOW_IT_STANDS = re.compile(r"怎么样|咋样|如何了")
# The limit the rules set for an item ("登记那项法定要多久", "税务那个按规定几天"): the policy's working days, the
# knowledge base's, not the due date of the line shown.
STATUTORY = r"法定|规定|按理|按说|正常(?:情况)?|一般|通常|本来|承诺|时限是"
# A question about what happens next or how to do something ("钱批下来后几天能进账户", "公章要不要我自己弄"):
# the knowledge base's, even when it names an item of the result.
PROCESS_ASKED = re.compile(
    r"(?:批|办|下来|通过|审核|登记|拿到|领到)了?(?:以后|之后|后)|怎么|如何|为什么|为啥|要不要|需不需要|用不用|"
    r"能不能|可不可以|自己|另外|材料|账户|到账|进账|哪里|哪儿|去哪|在哪|是什么|什么意思|多少(?!天|个工作日)|"
    + STATUTORY
)


def _previous_bot_text(tracker: Tracker) -> str:
    """The bot's messages of the turn before the latest user message, joined."""
    texts: list[str] = []
    seen_user = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            if seen_user:
                break
            seen_user = True
        elif kind == "bot" and seen_user and event.get("text"):
            texts.append(str(event["text"]))
    return "\n".join(reversed(texts))


def _latest_result(tracker: Tracker) -> list[str]:
    """The department lines of the progress result shown last, when the previous turn showed it or read from it."""
    previous = _previous_bot_text(tracker)
    if not (RESULT_HEAD.search(previous) or previous.startswith(LEAD)):
        return []
    for event in reversed(tracker.events):
        text = str(event.get("text") or "") if event.get("event") == "bot" else ""
        if RESULT_HEAD.search(text):
            return [line for line in text.splitlines() if line.startswith(LIGHTS)]
    return []


def result_shown(tracker: Tracker) -> bool:
    """Whether the bot's previous turn showed a progress result or answered from one ("按刚才查到的进度：…")."""
    return bool(_latest_result(tracker))


def asked_items(text: str, entities: list[dict[str, Any]]) -> list[str]:
    """The items a follow-up names: the NLU's, else the department words and short names."""
    named = [str(e["value"]) for e in entities if e.get("entity") == "item"]
    return list(dict.fromkeys(named or [code for pattern, code in WORDS if pattern.search(text)]))


def _status(line: str) -> str:
    return line.split("：", 1)[1] if "：" in line else ""


def _still_open(lines: list[str]) -> list[str]:
    """The result's lines of departments still working (neither finished nor refused)."""
    return [line for line in lines if not _status(line).startswith(DONE)]


def reply(tracker: Tracker) -> str | None:
    """The answer from the progress result just shown, or ``None`` when the message is no follow-up of one.

    Args:
        tracker: The conversation; its latest message is a short follow-up.
    """
    lines = _latest_result(tracker)
    if not lines:
        return None
    text = str(tracker.latest_message.get("text") or "")
    if REST.search(text):
        return _rest(lines)
    # "钱批下来后几天能进账户": how things go on, not the line shown
    status = STATUS_ASKED.search(text) and not PROCESS_ASKED.search(HOW_IT_STANDS.sub("", text))
    if status and (place := ordinal(text)) is not None:
        return _line_at(lines, place)  # "头一个办到哪一步了": the first line shown
    items = asked_items(text, list(tracker.latest_message.get("entities") or [])) if status else []
    if not items:
        return None
    found = [line for line in lines if any(ITEM_NAMES[code] in line for code in items)]
    if not found:
        names = "、".join(ITEM_NAMES[code] for code in items)
        return f"{LEAD}这份申请里没有“{names}”这一项。想加办的话说“我要申请”，我帮您再填一份。"
    return LEAD + "\n" + "\n".join(found)


def _rest(lines: list[str]) -> str:
    """The lines still open ("剩下的呢"), or that none is."""
    open_lines = _still_open(lines)
    if not open_lines:
        return f"{LEAD}所有部门都已办结，没有剩下的了。"
    return f"{LEAD}还没办完的有{len(open_lines)}项：\n" + "\n".join(open_lines)


def ordinal(text: str) -> int | None:
    """The place in the result a follow-up points at: 1 for "头一个", -1 for "最后那个", else ``None``."""
    found = ORDINAL.search(text)
    if found is None:
        return None
    n = found.group("n")
    return -1 if found.group("last") else int(n) if n.isdigit() else NUMBERS[n]


def _line_at(lines: list[str], place: int) -> str:
    """The result's line at ``place`` (1-based, -1 the last), or every line when the result has no such place."""
    if place > len(lines):
        return f"{LEAD}这份申请只有{len(lines)}项：\n" + "\n".join(lines)
    return f"{LEAD}\n{lines[place - 1 if place > 0 else -1]}"


def when_all_done(tracker: Tracker, general: str) -> str:
    """The latest date among the departments still working ("那什么时候能全部办完", "还要等几天"), else ``general``.

    Each open line ends with its time limit ("12月25日前办结", "还剩3个工作日"); the whole application is done when
    the last of them is.
    """
    lines = _latest_result(tracker)
    if not lines:
        return general
    open_lines = _still_open(lines)
    if not open_lines:
        return f"{LEAD}所有部门都已办结，整件事已经办完了。"
    dates = [(int(m), int(d)) for m, d in DUE.findall("\n".join(open_lines))]
    if not dates:
        return general
    month_now = date.today().month
    # A date in a month before this one is next year's (a December application due in January).
    month, day = max(dates, key=lambda md: (md[0] + 12 if md[0] < month_now else md[0], md[1]))
    left = [int(days) for days in DAYS_LEFT.findall("\n".join(open_lines))]
    most = f"，最多还要{max(left)}个工作日" if left else ""
    return (
        f"{LEAD}还有{len(open_lines)}个部门在办，按各自的办理期限，最晚{month}月{day}日前全部办完{most}"
        "（整件事在20个工作日内办结），办结时会通知您。部门提前办好的会更早。"
    )

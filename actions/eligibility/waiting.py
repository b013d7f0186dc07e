"""How long the user still has to wait ("那我还要等多久") right after a verdict that said the business is too young.

The eligibility rules (the service's) rule the subsidy out until the business has run a whole number of years and
say how many months it has run ("经营主体须正常经营满1年，目前经营了7个月"), or that it is not registered yet. A
follow-up such as "那我还要等多久" / "啥时候才能领" is about that wait, not about the item's processing time: it
gets the months still to go and the month it ends, read from the verdict the bot just gave (the rules stay the
service's; this module only does the arithmetic on what it said).
"""

import re
from datetime import date

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import context

MONTHS_PER_YEAR = 12
# Asking about a wait ("还要等多久", "什么时候才能领", "还差几个月", "要等到啥时候").
WAIT = re.compile(
    r"等多久|等多长|等几个月|等几年|等到什么时候|等到啥时候|等到哪|还要多久|还得多久|还差多久|还需要多久|还差几个月|还要几个月"
    r"|(?:什么时候|啥时候|何时|多久|几时|哪天|哪个月)(?:才|以后|之后)?(?:能|可以|够)"
    r"|还要等|还得等|得等|要等多"
)
# The verdict lines that mean a wait: "（❌ 一次性创业补贴：）经营主体须正常经营满1年，目前经营了7个月".
RUNNING = re.compile(
    r"(?:❌|❔)?\s*(?P<item>[^：:\n✅❌❔]{2,16})[：:][^\n]*?满(?P<years>\d+)年[^\n]*?目前经营了(?P<months>\d+)个月"
)
NOT_REGISTERED = re.compile(
    r"(?:❌|❔)?\s*(?P<item>[^：:\n✅❌❔]{2,16})[：:][^\n]*?(?:尚未取得营业执照|本次才登记)[^\n]*?满(?P<years>\d+)年"
)
TURNS_BACK = 2  # the verdict is in one of the bot's last two turns


def recent_bot_texts(tracker: Tracker, turns: int = TURNS_BACK) -> list[str]:
    """The bot's messages of its last ``turns`` turns before the latest user message, latest first."""
    texts: list[str] = []
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users > turns:
                break
        elif event.get("event") == "bot" and users >= 1:
            texts.append(str(event.get("text") or ""))
    return texts


def plain(name: str) -> str:
    """An item's official name without its verb ("创业补贴申领" → 创业补贴, "申请创业担保贷款" → 创业担保贷款)."""
    return re.sub(r"^申请|申领$", "", name.strip())


def months_later(start: date, months: int) -> date:
    """The first day of the month ``months`` after ``start``'s month."""
    index = start.year * MONTHS_PER_YEAR + start.month - 1 + months
    return date(index // MONTHS_PER_YEAR, index % MONTHS_PER_YEAR + 1, 1)


def wait_reply(verdict: str, today: date) -> str | None:
    """What the wait is, from the verdict's words; ``None`` when the verdict names no wait."""
    if match := RUNNING.search(verdict):
        item, years, ran = plain(match["item"]), int(match["years"]), int(match["months"])
        left = max(years * MONTHS_PER_YEAR - ran, 1)
        when = months_later(today, left)
        return (
            f"按您说的情况，经营主体已经经营了{ran}个月，还差大约{left}个月满{years}年：大约到{when.year}年{when.month}月"
            f"（以营业执照上的成立日期为准）就可以申领{item}。到时候说“我要申请”，我帮您填表；在那之前，"
            "就业创业证、创业培训等不看经营时间的事项现在就可以办，说“帮我匹配政策”看看您现在能办哪些。"
        )
    if match := NOT_REGISTERED.search(verdict):
        item, years = plain(match["item"]), int(match["years"])
        when = months_later(today, years * MONTHS_PER_YEAR)
        return (
            f"{item}要从经营主体登记注册（领营业执照）那天算起，正常经营满{years}年后才能申领。营业执照3个工作日内办结，"
            f"如果这个月办下来，大约{when.year}年{when.month}月就能申领。营业执照、就业创业证等现在就可以先办，"
            "说“我要申请”我帮您填表。"
        )
    return None


def how_long_to_wait(
    dispatcher: CollectingDispatcher, tracker: Tracker, today: date | None = None
) -> list[EventType] | None:
    """Answer "那我还要等多久" after a verdict that the business has not run long enough; ``None`` otherwise."""
    text = context.text_of(tracker)
    if not WAIT.search(text) or len(text) > 2 * context.SHORT:
        return None
    for said in recent_bot_texts(tracker):
        if (reply := wait_reply(said, today or date.today())) is not None:
            dispatcher.utter_message(text=reply)
            return []
    return None

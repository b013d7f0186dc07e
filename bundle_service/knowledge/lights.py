"""A progress light asked with the numbers that decide it: the light, worked out by the bundle's rule.

"担保贷款过去3个工作日了，时限15个工作日，现在亮啥灯" drew the loan's time limit, and the light FAQ states the rule
for every colour; neither says which light this task shows. bundle.md's rule (the one
:func:`bundle_service.progress.states.traffic_light` applies to real tasks): green while more than 1 working day is
left, yellow with 1 working day or less left, red when the limit is passed. A question stating the limit (or
naming one item, whose statutory limit is the catalogue's) and the working days gone (or left, or "今天受理") is
answered with the light and the one clause of the rule that gives it.
"""

import re

from bundle_service.applications.catalog import load_items
from bundle_service.progress.states import Light, light_for_days_left

_N = r"(\d{1,3}|[一二两三四五六七八九十]{1,3})"
_DAYS = r"\s*个?\s*(?:工作日|天)"
LIMIT = re.compile(rf"(?:时限|期限|限时|规定)(?:是|为|就|只有|才|有)?{_N}{_DAYS}|{_N}{_DAYS}的?(?:时限|期限|办结)")
LEFT = re.compile(rf"(?:还剩|剩下?|还有|只剩|仅剩|离到期还有|离时限还有){_N}{_DAYS}")
GONE = re.compile(rf"(?:过去|过了|已经|办了|受理了?|等了|用了|花了|审了|走了)\s*了?{_N}{_DAYS}|{_N}{_DAYS}了")
TODAY = re.compile(r"今天(?:刚|才)?(?:受理|提交|交|递交|收到|分发)|刚(?:刚)?受理|当天受理")
OVERDUE = re.compile(r"超期了|超时了|超过(?:了)?时限|过了时限|逾期了")
ASKS = re.compile(r"灯|颜色")
# a colour named: its meaning is asked ("黄灯是不是超期了"), no fact to judge
COLOUR = re.compile(r"[红黄绿]灯|[红黄绿]色")
ASKING = re.compile(r"(?:是不是|会不会|是否|算不算|有没有|会)[^，。？?]{0,3}$")
_DIGITS = {c: n for n, c in enumerate("零一二三四五六七八九")} | {"两": 2}
NAMES = {Light.GREEN: "绿灯", Light.YELLOW: "黄灯", Light.RED: "红灯"}
RULE = {
    Light.GREEN: "离时限还剩超过1个工作日就是绿灯",
    Light.YELLOW: "离时限只剩1个工作日或更少就是黄灯",
    Light.RED: "超过时限就是红灯",
}


def number(text: str) -> int:
    """``text`` as a number: digits or a Chinese numeral up to 99 ("十五", "二十", "两")."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _DIGITS.get(tens, 1) * 10 + _DIGITS.get(ones, 0)
    return _DIGITS.get(text, 0)


def _first(pattern: re.Pattern[str], text: str) -> tuple[int, str] | None:
    """The first number ``pattern`` finds and ``text`` with that match blanked out."""
    match = pattern.search(text)
    if match is None:
        return None
    value = next(g for g in match.groups() if g)
    return number(value), text[: match.start()] + "|" + text[match.end() :]


def judged(question: str, items: frozenset[str] = frozenset()) -> str:
    """The light the question's numbers decide, said with its rule ("" when it asks no light or lacks a number).

    Args:
        question: The normalised question.
        items: The items it names: one item's statutory limit stands in for a limit not stated.
    """
    if not ASKS.search(question):
        return ""
    overdue = OVERDUE.search(question)
    if overdue and not COLOUR.search(question) and not ASKING.search(question[: overdue.start()]):
        return f"是{NAMES[Light.RED]}：{RULE[Light.RED]}（按办理时限的工作日算）。"
    limit_found = _first(LIMIT, question)
    limit, rest = limit_found if limit_found else (0, question)
    if not limit and len(items) == 1:
        limit = load_items()[next(iter(items))].time_limit_days
    left_found = _first(LEFT, rest)
    if left_found is not None:
        left = left_found[0]
        said = f"还剩{left}个工作日"
    else:
        gone_found = _first(GONE, rest)
        gone = gone_found[0] if gone_found else (0 if TODAY.search(rest) else None)
        if gone is None or not limit:
            return ""
        left = limit - gone
        gone_said = f"已过{gone}个工作日" if gone else "今天受理"
        said = f"时限{limit}个工作日，{gone_said}，" + (f"还剩{left}个工作日" if left >= 0 else "已经超期")
    light = light_for_days_left(left)
    return f"{said}，是{NAMES[light]}：{RULE[light]}（按工作日算，周末和法定节假日不算）。"

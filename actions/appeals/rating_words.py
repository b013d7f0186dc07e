"""What a message says about rating (好差评): the score it gives, a question about rating, or a wish to rate.

Read by :mod:`actions.appeals.ratings` (which stores the rating) and by the routers that must send a rating there
before anything else: the NLU read some as a filing ("我的贷款申请办好了，想打个分" as start_application) or was
unsure of them ("两颗星 回答得牛头不对马嘴" as nlu_fallback), and the form or "没太明白" followed.
"""

from __future__ import annotations

import math
import re

from rasa_sdk import Tracker

from actions.conversation.question_shape import is_question

STARS = re.compile(r"([1-5一二两三四五])\s*(?:颗)?星")
POINTS = re.compile(r"(\d{1,2}|[零一二两三四五六七八九十])\s*分(?!钟)")
NUMERALS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
WORDS = (  # checked in this order: "不满意" before "满意"
    (re.compile(r"非常不满意|很不满意|特别不满意|极不满意|一星都不想给|一分都不想给|零分|差评|太差|垃圾"), 1),
    (re.compile(r"不太满意|不满意|不怎么样|不好用|体验不好"), 2),
    (re.compile(r"基本满意|一般|还行|凑合|还可以|及格"), 3),
    (re.compile(r"非常满意|很满意|特别满意|超级满意|好评|点赞|满分|👍|给力|太棒|真棒"), 5),
    (re.compile(r"比较满意|满意|挺好|不错|很好"), 4),
)
SCORE_WORDS = re.compile(
    r"[1-5一二两三四五]\s*(?:颗)?星|\d+\s*分|[⭐★☆👍]|给个|给|打个|打|评价|评分|好评|差评|五星|非常|很|比较|基本|"
    r"满意|不满意|一般|还行|点赞|吧|啊|了|的|[，,。！!~～\s：:]"
)

# A message meant to rate: a score's own words ("两颗星", "差评", "打8分", "⭐⭐") or a wish to rate ("想打个分",
# "想评价一下办件", "给你们评个分"). Words that only describe ("还行", "一般", "满意") rate only where a rating was
# asked for (``action_rate``), never pull a message away from its router.
RATING_MARK = re.compile(r"好评|差评|中评|打分|评分|打星|给星|[⭐★]|满分|零分|一星都不|一分都不")
WISH_TO_RATE = re.compile(
    r"(?:想|要|来|给|帮|得|让我)(?:给|对|帮|为)?[^，,。？?！!]{0,8}?(?:评价|评一下|评个价|打个?分|评个?分|打个?星)"
)
GIVEN_POINTS = re.compile(r"(?:打|给|评)(?:个|了|它|你们?)?\s*(?:\d{1,3}|[零一二两三四五六七八九十])\s*分(?!钟)")
ASK_SCORE = "好的，请直接打分：1–5星，5星最满意，例如“四星”；想说原因也可以一起说，例如“两星，等太久了”。"

# "怎么给差评", "好评在哪里打", "差评有用吗": a clause about rating that asks, which gives no score.
RATING_WORD = re.compile(r"好评|差评|评价|评分|打分|星")
ABOUT_RATING = re.compile(
    r"怎么(?!样)|怎样|如何|咋|在哪|哪里|哪儿|去哪|能不能|可不可以|(?:能|可以)(?:给|打)|可以吗|能吗|行吗|有没有用|有用吗|管用|"
    r"会怎样|会怎么样|后果|影响|区别|是什么|啥是|什么是|算不算|吗[?？]*$|么[?？]*$"
)
CLAUSES = re.compile(r"[，,。；;！!？?\s]+")


def score_of(text: str) -> int | None:
    """The 1–5 score a message gives (五星 / ⭐⭐⭐ / 打8分 / 差评 / 基本满意), or ``None``."""
    if match := STARS.search(text):
        word = match.group(1)
        return int(word) if word.isdigit() else NUMERALS[word]
    if stars := sum(text.count(s) for s in "⭐★"):
        return min(stars, 5)
    if match := POINTS.search(text):
        word = match.group(1)
        points = int(word) if word.isdigit() else NUMERALS[word]
        return max(1, min(5, points if points <= 5 else math.ceil(points / 2)))  # 10-point scale
    return next((score for pattern, score in WORDS if pattern.search(text)), None)


def asks_how_to_rate(text: str) -> bool:
    """A question about rating ("怎么给差评", "好评会有奖励吗"), which rates nothing; "一星，怎么这么慢" rates."""
    clauses = [c for c in CLAUSES.split(text) if c]
    return any(RATING_WORD.search(c) and ABOUT_RATING.search(c) and is_question(c) for c in clauses)


def comment_of(text: str) -> str | None:
    """The message as the rating's comment when it says more than the score ("差评，等了半个月")."""
    return text.strip()[:500] if len(SCORE_WORDS.sub("", text)) >= 4 else None


def wants_to_rate(text: str) -> bool:
    """Whether the message is meant to rate: a score in rating words, or a wish to rate.

    A question about rating ("怎么给差评", "评分标准是什么") is not.
    """
    if asks_how_to_rate(text):
        return False
    return any(p.search(text) for p in (STARS, RATING_MARK, WISH_TO_RATE, GIVEN_POINTS))


def wished_before(tracker: Tracker) -> str:
    """The message that wished to rate, when the bot's last reply asked it for the score (:data:`ASK_SCORE`), else "".

    "我的贷款申请办好了，想打个分" → the score is asked → "四星": the application named before is what is rated.
    """
    users, asked = 0, False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users == 2:
                return str(event.get("text") or "") if asked else ""
        elif event.get("event") == "bot" and users == 1:
            asked = asked or str(event.get("text") or "").startswith(ASK_SCORE)
    return ""

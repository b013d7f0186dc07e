"""A bare question about the money one receives is the start-up subsidy's amount.

In this bundle the one sum paid out to the founder is the one-off start-up subsidy (bundle.md: 5000 yuan; the loan is
borrowed, the training subsidy goes to the institution). "好吧，那到时候能领多少" right after a verdict naming the
subsidy and the registration, or "补贴能领多少" after the subsidy's how-to, asks that sum: searched within the item
the conversation keeps, it drew where to get a licence or the subsidy's days ("到时候" read as a time), and on its
own an out-of-scope example ("企业招应届生能领多少补贴") a hair ahead. A message saying anything besides the sum
(another scheme, an item, a time) is left to the search.
"""

import re
from typing import Any

SUBSIDY = "startup_subsidy"
# What the knowledge base is asked instead: the subsidy's amount in the words of its own FAQ.
QUERY = "创业补贴能领多少钱"
# Words a bare question about the sum is made of: fillers, pointers, the subsidy's own words, the verbs of
# receiving and the question words. With these taken away nothing may be left.
BARE = re.compile(
    r"(?:好吧|好的|好嘞|好|嗯嗯|嗯|哦|噢|行吧|行|那么|那|到时候|到时|以后|之后|然后|最后|最终|一共|总共|我们|我|俺|"
    r"大概|大约|一般|能够|能|可以|可|会|这个|那个|这笔|这些|创业补贴|一次性|补贴|补助|钱|块钱|块|元|到手|到|领取|领|"
    r"拿|发放|发|给|多少|几多|好多|呢|啊|呀|吗|嘛|了|的|[，,。？?！!~～\s])+"
)
RECEIVED = re.compile(r"领|发|补贴|补助")  # 拿 alone may be the loan's ("贷款能拿多少"): the sum needs one of these
HOW_MUCH = re.compile(r"多少|几多|好多")


def asks_subsidy_amount(text: str, named: str | None) -> bool:
    """Whether ``text`` only asks how much money one receives ("那到时候能领多少", "补贴能领多少钱").

    ``named``: the item the NLU tagged in it, if any; a message naming another item asks about that one.
    """
    said = text.strip()
    if named not in (None, SUBSIDY) or not said:
        return False
    return bool(RECEIVED.search(said) and HOW_MUCH.search(said) and BARE.fullmatch(said))


TRAINING = "training"
# The start-up subsidy named as such (or its sum): never the training's, whatever the context.
STARTUP_NAMED = re.compile(r"创业补贴|一次性|5000|五千|开店|开业|经营")
LEAD = re.compile(r"^(?:那么|那|那个|这个)")
BARE_SUBSIDY = re.compile(r"(?<!培训)(?:补贴|补助)")


def in_training(text: str, kept: str | None, named: str | None) -> str | None:
    """``text`` about the training's subsidy when it says a bare 补贴 right after a training answer, else ``None``.

    "有补贴吗" after "创业培训收费吗" asks about the training's subsidy (paid to the institution, the course free for
    certificate holders), not who may claim the one-off start-up subsidy: searched as "培训有补贴吗" ("补贴给谁" as
    "培训补贴给谁").
    ``kept``: the conversation's item; ``named``: the item the NLU tagged (补贴 alone is tagged the start-up subsidy).
    """
    if kept != TRAINING or named not in (None, SUBSIDY) or STARTUP_NAMED.search(text):
        return None
    if not BARE_SUBSIDY.search(text):
        return None
    return f"培训{LEAD.sub('', text.strip())}"


def item_before(events: list[dict[str, Any]]) -> str | None:
    """The item kept before the latest message (whose own entity has already filled the slot: 补贴 → the subsidy)."""
    users = [at for at, event in enumerate(events) if event.get("event") == "user"]
    earlier = events[: users[-1]] if users else []
    value = next(
        (e.get("value") for e in reversed(earlier) if e.get("event") == "slot" and e.get("name") == "item"), None
    )
    return str(value) if value else None

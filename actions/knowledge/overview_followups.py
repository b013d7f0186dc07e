"""Short follow-ups right after the overview that ask about the bundle as a whole: who handles it, who can apply.

The knowledge base answers such questions per item, so "找谁" or "谁能办" after the overview got one item's FAQ
(the registration's department, the employment certificate's applicants). Right after the overview they are about
the whole bundle: the departments come from the service's catalogue (their owner), who can apply is what the
eligibility check decides. Where, how long and which materials are :func:`actions.conversation.context.fixed_reply`'s.
"""

import re

from rasa_sdk import Tracker

from actions.conversation import context
from actions.service_client import ServiceError, get_json

# "找谁", "谁办", "哪个部门管": who handles it.
WHO_HANDLES = re.compile(r"找谁|谁办|谁来办|谁负责|谁管|谁审|哪个部门|哪些部门|什么部门|啥部门|哪个单位|哪家")
# "总共得跑几个单位", "要跑几趟", "得跑多少地方": how many places to go to now (once; "以前要跑几个" is the comparison).
RUNS = re.compile(r"跑(?:几|多少)|(?:几|多少)[个趟次处家]?(?:单位|部门|地方|窗口)?要?得?跑")
# "谁能办", "什么人可以申请", "我能办吗": who may apply.
WHO_CAN = re.compile(r"谁(?:能|可以)|什么人|哪些人|啥人|哪类人|(?:我|我们)(?:能|可以)(?:办|申请)|(?:条件|资格|门槛)")
ONE_ENTRY = (
    "不用一个个部门去跑：在湘易办、湖南省政务服务网或政务服务大厅的创业服务窗口提交一次，系统把信息分发给各部门并联审批。"
    "也可以在这里说“我要申请”，我帮您填表。"
)
WHO_CAN_APPLY = (
    "个人创业的都可以办“一件事”，8个事项各有各的条件，能享受哪几项要看您的情况：人员类别（高校毕业生、返乡创业农民工、"
    "退役军人、登记失业人员、就业困难人员等）、是否已经办了执照、经营了多久、是不是第一次创业。"
    "说“帮我匹配政策”，我按您的情况逐项告诉您能不能享受。"
)


async def overview_reply(tracker: Tracker, named_item: bool) -> str | None:
    """The bundle-wide answer to "找谁" / "谁能办" right after the overview, or ``None`` when it is not one.

    Args:
        tracker: The conversation.
        named_item: The message names an item (then it asks about that item).
    """
    text = context.text_of(tracker)
    if named_item or context.in_context(tracker) != "overview":
        return None
    if RUNS.search(text) and not context.REDUCTION.search(text):
        return ONE_ENTRY
    if WHO_HANDLES.search(text):
        return await departments()
    if WHO_CAN.search(text):
        return WHO_CAN_APPLY
    return None


async def departments() -> str:
    """Each item's department from the service's catalogue, and the one entry.

    No count of departments: several items share one (人社 with a partner, 人社 alone), so the catalogue's lines are
    the honest answer to "一共几个部门".
    """
    try:
        items = await get_json("/api/v1/items")
    except ServiceError:
        return ONE_ENTRY
    named = "；".join(f"{item['name']}：{item['department']}" for item in items)
    return f"{len(items)}个事项分别由这些部门办理：{named}。{ONE_ENTRY}"

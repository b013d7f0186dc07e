"""A question asked inside the eligibility check, answered for the whole bundle when it names no item.

The check is about every item at once, so a question without an item ("要多久能办好", "要交什么材料") is about the
bundle: the knowledge base would pick one item's page for it (the pension registration's time limit, the training's
materials). Such a question gets the bundle-wide answer the overview's follow-ups give (time limits, materials,
entry points), and "什么条件" gets what this check decides; "贷款要什么条件" gets each named item from the
catalogue (amount and conditions); "那贷款我也能申请吗" that item's verdict for the facts said so far
(:mod:`actions.eligibility.own_case`). Anything else goes to the knowledge base as before.
"""

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.application.form_guard import one_of
from actions.conversation import context
from actions.conversation.replies import answer_question
from actions.knowledge.comparison import describe

# "要什么条件", "谁能申请", "什么人能办": what decides whether one gets it.
CONDITIONS = re.compile(r"条件|资格|门槛|要求|什么人|哪些人|谁能|谁可以|够不够格")
# "其他是指哪些人", "其它包括什么": what the category "other" covers.
OTHER_ASKED = re.compile(
    r"(?:其他|其它)(?:人员|类)?(?:是指|指的是|指|包括|包含|是|算|有)(?:哪些|什么|啥|哪几)|(?:其他|其它)[是指]*啥意思"
)
OTHER_MEANS = (
    f"“其他”指不属于{one_of('person_category').replace('或其他', '')}的人员；其中{one_of('other_category')}"
    "可以申请创业担保贷款。请直接说您属于哪一类，例如“脱贫人口”；都不是就说“都不是”。"
)
# "就业困难人员是指什么人，残疾人算不算", "返乡创业农民工怎么界定": what a category means, the knowledge base's (the
# step's “其他” is answered above), not what the check decides.
CATEGORY = r"高校毕业生|毕业生|返乡创业农民工|农民工|退役军人|登记失业人员|失业人员|就业困难人员|困难人员|残疾人"
CATEGORY_MEANING = re.compile(
    rf"(?:{CATEGORY})[^，,。？?]{{0,4}}(?:是指|指的是|指哪|包括|包含|是什么|怎么算|怎么界定|怎么认定|哪些人|什么人)"
    rf"|(?:{CATEGORY})[^，,。？?]{{0,4}}算不算|算不算(?:是)?(?:{CATEGORY})"
)
CHECK_DECIDES = (
    "能不能享受，要看您的人员类别、执照办了多久、是不是第一次创业等情况，这正是现在这个匹配要判断的："
    "回答下面的问题，我会逐项告诉您能不能办、为什么。"
)


def bundle_wide(text: str) -> str | None:
    """The bundle-wide answer to a question that names no item, or ``None`` when it is none of these."""
    if OTHER_ASKED.search(text):  # "其他是指哪些人": the step's own choices, not who gets what
        return OTHER_MEANS
    if context.HOW_LONG.search(text):
        return context.WHOLE_TIME
    if context.MATERIALS.search(text) and not context.REDUCTION.search(text):
        return context.OVERVIEW_MATERIALS
    if context.WHERE_TO_DO.search(text):
        return context.ENTRY_POINTS
    if CONDITIONS.search(text) and not CATEGORY_MEANING.search(text):
        return CHECK_DECIDES
    return None


async def answer_in_check(dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
    """Answer the latest message, a question asked at a step of the eligibility check (the step is asked again)."""
    text = context.text_of(tracker)
    entities = tracker.latest_message.get("entities") or []
    items = list(dict.fromkeys(str(e["value"]) for e in entities if e.get("entity") == "item"))
    if not items and not tracker.get_slot("item") and (reply := bundle_wide(text)) is not None:
        dispatcher.utter_message(text=reply)
        return []
    if items and CONDITIONS.search(text):
        described = [line for code in items if (line := await describe(code)) is not None]
        if described:
            dispatcher.utter_message(text="\n".join(described) + "\n" + CHECK_DECIDES)
            return []
    from actions.eligibility import own_case  # own_case → item_eligibility → eligibility → here: imported when run

    if items and (verdict := await own_case.answer(dispatcher, tracker, domain)) is not None:
        return verdict  # "那贷款我也能申请吗": that item's verdict for what was said so far, then the step again
    return await answer_question(dispatcher, tracker, domain)

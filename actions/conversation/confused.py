"""A message that only says the user did not understand ("听不懂", "你在说啥", "没看懂") outside a form.

The NLU gives such a message the intent ``not_understood`` whatever its classifier said
(:mod:`nlu_components.decisive_intents`), and one rule sends it here, ahead of every other intent's router: never a
search, a complaint, "好的，明白了" or a handoff. The user gets what the previous answer was about in plain words
(the item from the service's catalogue) or what the assistant can do, each with an example to say next; said again,
the reply changes and offers a person. Inside a form the form explains its step
(:mod:`actions.conversation.not_understood`).
"""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import context
from actions.conversation.replies import MENU, SAY_WHAT_YOU_WANT, varied
from actions.knowledge.comparison import describe
from nlu_components.not_understood import MONEY, vague

AFTER_ITEM = (
    "不好意思，我说得太复杂了。简单地说：\n{item}\n您可以直接问一件具体的事，例如“{word}要什么材料”“{word}要多久”；"
    "想办的话说“我要申请”，我一步一步问您。",
    SAY_WHAT_YOU_WANT,
)


# "就是那个嘛", "你晓得的那个事": something pointed at, not named. Which one, with examples; then a person.
WHICH_ONE = (
    "您说的是哪件事呢？说具体一点我才能帮上忙，例如“创业补贴有多少”“我要办营业执照”“查我的申请进度”。",
    SAY_WHAT_YOU_WANT,
)
# "就是那笔钱，公家发的": money, no item named. The two the bundle has, as choices.
WHICH_MONEY = (
    "您说的是哪一笔钱：创业补贴（符合条件的领取，不用还），还是创业担保贷款（借的钱，要按期还）？点下面的选项，"
    "或者直接说“补贴”或“贷款”。",
    SAY_WHAT_YOU_WANT,
)
MONEY_CHOICES = [
    {"title": "创业补贴", "payload": "创业补贴有多少"},
    {"title": "创业担保贷款", "payload": "创业担保贷款能贷多少"},
]


class ActionHelpConfused(Action):
    """``not_understood`` outside a form: the previous answer's item said plainly, or what the assistant can do."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_help_confused"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """Say it plainly; inside a form (a form that refused the message) the form asks its step again."""
        if loop := (tracker.active_loop or {}).get("name"):
            return [FollowupAction(str(loop))]
        text = context.text_of(tracker)
        if vague(text):  # pointed at, not named: which one
            money = bool(MONEY.search(text))
            said = varied(tracker, WHICH_MONEY if money else WHICH_ONE)
            dispatcher.utter_message(text=said, buttons=MONEY_CHOICES if money and said == WHICH_MONEY[0] else [])
            return []
        dispatcher.utter_message(text=await plain_reply(tracker))
        return []


async def plain_reply(tracker: Tracker) -> str:
    """The previous answer's item in plain words with what to ask next, or the menu; another wording when repeated."""
    item = tracker.get_slot("item")
    described = await describe(str(item)) if item else None
    if described:
        word = context.item_word(str(item))
        variants = (AFTER_ITEM[0].format(item=described, word=word), AFTER_ITEM[1])
    else:
        variants = MENU
    return varied(tracker, variants)

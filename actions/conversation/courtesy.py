"""Social turns: thanks, a no, a stop or a goodbye (with a question after it), and questions about the assistant.

The NLU gives "谢谢，那补贴多久到账" or "不办了，那培训要钱吗" the intent of its first words (thank, cancel, deny,
goodbye), whose reply alone would drop the question. ``action_route_courtesy`` says the short reply to the first
words and answers the question from the knowledge base; a message with no question gets the intent's usual reply.
Stopping a form with a question after it is ``action_cancel_application``'s, which answers the rest through
:func:`answer_rest`.

``action_about_assistant`` takes ``bot_challenge``: "你是机器人吗" is told who answers; "你都会些什么" what the
assistant does; "什么破机器人" gets an apology and a person; anything else about the assistant or the world
("你是男是女", "某国首相叫什么") a polite decline saying it only answers 创业一件事 questions.
"""

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.application.form_questions import for_the_whole_form
from actions.conversation import question_shape
from actions.conversation.followups import follow_up
from actions.conversation.plain_answers import learn_about
from actions.conversation.replies import answer_question, varied
from actions.eligibility import own_case
from actions.knowledge import writing_requests
from actions.knowledge.query_text import ACKNOWLEDGED
from actions.progress import progress

# Words that stop something ("不了" but not "不了解").
STOP_WORDS = (
    r"算了|不办了|先不办了|不弄了|不干了|不搞了|不整了|不做了|不申请了|不填了|先不填了|不查了|取消(?:了|吧|掉)?|"
    r"不用了|不要了|不需要了|不了(?!解)|没事了"
)
# The words of thanks, a no or a stop a message may open with (each may repeat: "好的好的，谢谢"; two stops too:
# "不干了 取消吧，…").
STOPS = rf"(?:谢谢(?:你|您)?(?:了|啦)?|多谢|感谢|谢啦|谢了|辛苦了|麻烦了|{STOP_WORDS}|再见|拜拜)[啊呀哈吧哦]?"
OPENING = re.compile(
    rf"^(?:{ACKNOWLEDGED}[啊呀哈了吧]?[,，。.!！~～\s]*)*(?:{STOPS}[,，。.!！~～\s]*)*"
    rf"{STOPS}(?:[,，。.!！~～\s]+|(?=那|对了|另外|还有|再问|我只|我就|就想|只想))"
)
# A stop said anywhere, also as a wish ("不想弄了", "能不能先不办"); a cancel outside any flow that asks a question
# without one of them is a question.
STOPPING = re.compile(
    rf"{STOP_WORDS}|先不|不(?:想|打算|准备)?再?(?:弄|办|搞|干|做|整|申请|填|查)了|不想(?:弄|办|搞|干|做|整|申请|填|查)"
)
MIN_QUESTION = 3
# A short question the NLU took for a yes or a no ("要钱不", "收费不", "免费吗", "能退不"): it asks about the last
# answer's item, never "好的，明白了".
ASKS_ABOUT_IT = re.compile(
    r"(?:收|要|交|花|给|掏|出)(?:钱|费|费用|学费|啥钱|多少)|收费|免费|费用|多少钱|(?:能|可以|会|要|得|用)[^，,。]{0,4}"
    r"(?:不|吗|么|没|啵|不咯)[?？。!！~～]*$"
)
# The short reply to the opening words when a question follows (the question's answer is the real reply).
SAID = {"thank": "不客气。", "cancel": "好的，先不办了。", "deny": "好的。", "goodbye": "好的。"}


def question_after(text: str) -> int | None:
    """Where the question after the opening words starts ("谢谢，那补贴多久到账" → 3), or ``None``.

    Args:
        text: The user's message.

    Returns:
        The offset of the question's first character, when the opening words are followed by a question.
    """
    match = OPENING.match(text)
    if match is None:
        return None
    rest = text[match.end() :]
    if len(rest.strip()) < MIN_QUESTION or not question_shape.is_question(rest):
        return None
    return match.end()


def _asks_about_it(text: str) -> bool:
    """A question read as a yes or a no ("收费不", "那要钱不"): money, or whether one can, asked of the last answer."""
    return question_shape.is_question(text) and bool(ASKS_ABOUT_IT.search(text)) and not STOPPING.search(text)


def asking_only(tracker: Tracker, start: int) -> Tracker:
    """The conversation with its latest message cut to the question (entities moved with their words)."""
    latest: dict[str, Any] = dict(tracker.latest_message)
    entities = []
    for entity in latest.get("entities") or []:
        begin, end = entity.get("start"), entity.get("end")
        if not (isinstance(begin, int) and isinstance(end, int)):
            entities.append(entity)
        elif begin >= start:  # a word of the opening ("不办了") names nothing asked
            entities.append({**entity, "start": begin - start, "end": end - start})
    asked = tracker.copy()
    asked.latest_message = {**latest, "text": str(latest.get("text") or "")[start:], "entities": entities}
    return asked


async def answer_rest(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict, outside_forms: bool = False
) -> list[EventType]:
    """Answer the question after the opening words, if there is one (events of the answer; none otherwise).

    Args:
        dispatcher: Where the answer goes.
        tracker: The conversation.
        domain: The domain.
        outside_forms: Answer as outside any form (the form is being stopped by this very message).
    """
    text = str(tracker.latest_message.get("text") or "")
    start = question_after(text)
    if start is None:
        return []
    asked = asking_only(tracker, start)
    if outside_forms:
        asked.active_loop = {}
    elif (tracker.active_loop or {}).get("name") == "application_form":
        asked = for_the_whole_form(asked)
    return await answer_question(dispatcher, asked, domain)


def _usual(dispatcher: CollectingDispatcher, intent: str) -> None:
    """The intent's usual reply (each named here, so `make validate` sees it used)."""
    if intent == "thank":
        dispatcher.utter_message(response="utter_you_are_welcome")
    elif intent == "cancel":
        dispatcher.utter_message(response="utter_cancelled")
    elif intent == "goodbye":
        dispatcher.utter_message(response="utter_goodbye")
    else:
        dispatcher.utter_message(response="utter_anything_else")


class ActionRouteCourtesy(Action):
    """Thanks, a no, a stop or a goodbye: the usual reply, or a short one and the answer to the question after it."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_route_courtesy"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer the question after the opening words, or say the intent's usual reply."""
        if progress.still_without_number(tracker):  # "真想不起来了" (a stop?) after where the number is: a way on
            return progress.no_number_reply(dispatcher, tracker)
        if (learnt := await learn_about(dispatcher, tracker)) is not None:
            return learnt  # "就想了解一下贷款，先不申请", read as a stop: the item, not "已经停下了"
        if (judged := await own_case.fact_after_verdict(dispatcher, tracker, domain)) is not None:
            return judged  # "执照还没办呢" right after a verdict: a fact, judged again (not "好的，明白了")
        intent = str((tracker.latest_message.get("intent") or {}).get("name") or "")
        text = str(tracker.latest_message.get("text") or "")
        if question_after(text) is None:
            # "提交了的申请能撤销吗": nothing to stop; "要钱不" after the training: a question, not a no
            stops_nothing = intent == "cancel" and question_shape.is_question(text) and not STOPPING.search(text)
            if stops_nothing or (intent in ("deny", "affirm") and _asks_about_it(text)):
                return await answer_question(dispatcher, tracker, domain)
            _usual(dispatcher, intent)
            return []
        dispatcher.utter_message(text=SAID.get(intent, "好的。"))
        return await answer_rest(dispatcher, tracker, domain)


# Asking whether a person answers ("你是真人吗", "是自动回复吧", "你叫什么名字"): who answers is said.
ARE_YOU_A_BOT = re.compile(
    r"机器|真人|真的人|活人|人工|人在|是人|人吗|人嘛|人嗎|人么|人还是|人還是|是人是|AI|ai|智能|程序|自动回|模板|GPT|gpt|"
    r"大模型|siri|Siri|小度|bot|robot|human|客服|助手|你是谁|你是哪|你叫什么|你叫啥|你的?名字|你有名字|什么东西|你是个?啥|"
    r"开发|工作人员|对面|打字|🤖"
)
# Asking what the assistant does ("你都会些什么", "你能干啥", "你有么子用", "能问你哪些事"), in dialect too ("你能帮我
# 干么子", "你会搞啥子", "你都能做哪样", "这个机器人能干啥"); not which item ("你能帮我办什么补贴": the check's).
WHAT_WORD = r"(?:什么|啥子|啥|么子|么事|么个|嘛|哪些|哪样)"
CAPABILITIES = re.compile(
    r"(?:你们|你|您|这个(?:机器人|助手|小程序|系统)|机器人|小助手)(?:都|还|到底|究竟|平时|一般)?(?:会|能|可以|能够)"
    r"(?:帮(?:得到|到)?我?|帮忙|为我|给我|替我)?(?:干|做|办|弄|搞|问|查|管|答|回答)?(?:些|点|哪些)?"
    + WHAT_WORD
    + r"(?![^，,。？?！!]{0,3}?(?:补贴|补助|贷款|政策|扶持|执照|证|登记|培训|孵化))"
    r"|(?:你|您)(?:有|能有)" + WHAT_WORD + r"(?:用|作用|用处|功能|本事|本领)"
    r"|(?:你|您)的?(?:功能|作用|用处|本事|服务范围)"
    r"|(?:你|您)是(?:干|做|搞)" + WHAT_WORD + r"的"
    r"|(?:能|可以)(?:问|咨询)(?:你|您)(?:些|点)?" + WHAT_WORD + r"|有(?:什么|啥|哪些)功能"
)
# Finding fault with the assistant itself ("什么破机器人", "你真笨", "答非所问"): an apology and a person.
BOT_FAULTED = re.compile(
    r"(?:破|烂|垃圾|笨|蠢|傻|废物|没用的?|弱智|智障)(?:的)?(?:机器人|机器|AI|ai|智能|客服|助手|系统|玩意儿?|东西|程序)"
    r"|(?:机器人|AI|ai|客服|助手|你)(?:真|太|好|也太|怎么这么|这么|咋这么)?(?:笨|蠢|傻|差劲|烂|垃圾|没用|弱智|智障|不靠谱)"
    r"|答非所问|听不懂人话|牛头不对马嘴|鸡同鸭讲|人工智障"
)
# Someone else found fault with ("窗口的人答非所问"): a complaint about the service, not about the assistant.
SOMEONE_ELSE = re.compile(r"工作人员|窗口|柜台|大厅|他们|她们|经办|审批|部门|局|中心|社区|街道|银行|老师|领导")
CAPABILITIES_REPLY = (
    "我是创业一件事智能助手，可以帮您：\n"
    "1. 解答政策：创业补贴、创业担保贷款、营业执照、就业创业证、社保登记、创业培训、孵化基地的条件、材料和时限"
    "（例如“创业补贴有多少”）；\n"
    "2. 看看您能享受哪些扶持（说“帮我看看能享受什么”）；\n"
    "3. 在线申请“一件事”：营业执照、补贴、贷款等一次填表（说“我要申请”）；\n"
    "4. 查询办理进度（发申请编号，CY开头）；\n"
    "5. 登记投诉或建议，并查处理情况；\n"
    "6. 需要工作人员时说“转人工”。\n"
    "您想先办哪一件？"
)
CAPABILITY_BUTTONS = [
    {"title": "了解政策", "payload": "创业补贴有多少"},
    {"title": "我要申请", "payload": "我要申请"},
    {"title": "查询进度", "payload": "查询办理进度"},
    {"title": "转人工", "payload": "/request_human"},
]
FAULTED_REPLY = (
    "抱歉没能帮上您，给您添麻烦了。我可以马上为您转人工，工作人员会在这个对话里回复您；也可以拨打12345政务服务便民热线。"
    "想投诉我们的服务，说“我要投诉”，我来登记。"
)
FAULTED_BUTTONS = [{"title": "转人工", "payload": "/request_human"}, {"title": "我要投诉", "payload": "我要投诉"}]
# Anything else about the assistant or the world: declined in plain words (抱歉, 无法回答, 只能回答).
DECLINES = (
    "抱歉，这个问题不在我的服务范围，我无法回答。我只能回答个人创业“一件事”相关的问题：创业政策、补贴贷款、营业执照、"
    "办理进度等，欢迎问我这些。",
    "抱歉，这个不在我的服务范围，我无法回答，我只能回答创业“一件事”的问题。比如问“创业补贴有多少”，说“我要申请”办理事项，"
    "或发申请编号查进度。",
    "抱歉，这个问题不在我的服务范围，无法回答。我只能回答个人创业“一件事”相关的问题，需要的话说“转人工”，工作人员会在这里回复您，"
    "也可以拨打12345政务服务便民热线。",
)
# Words of the bundle's matters: such a question is ours, whatever the NLU took it for.
OURS = re.compile(
    r"补贴|补助|贷款|贷|执照|登记|注册|创业|社保|养老|培训|孵化|纳税|税务|发票|申请|办理|进度|材料|窗口|大厅|湘易办|一件事"
)


def about_assistant(text: str) -> str | None:
    """What a message says about the assistant: ``faulted``, ``capabilities``, ``bot`` or ``None``."""
    if BOT_FAULTED.search(text) and not SOMEONE_ELSE.search(text):
        return "faulted"
    if CAPABILITIES.search(text):
        return "capabilities"
    return "bot" if ARE_YOU_A_BOT.search(text) else None


def say_about_assistant(dispatcher: CollectingDispatcher, kind: str) -> None:
    """The reply to a message :func:`about_assistant` read as ``kind``."""
    if kind == "faulted":
        dispatcher.utter_message(text=FAULTED_REPLY, buttons=FAULTED_BUTTONS)
    elif kind == "capabilities":
        dispatcher.utter_message(text=CAPABILITIES_REPLY, buttons=CAPABILITY_BUTTONS)
    else:
        dispatcher.utter_message(response="utter_iamabot")


def answered_as_about_assistant(dispatcher: CollectingDispatcher, text: str) -> bool:
    """Reply to a message about the assistant, or to a writing/naming request, whatever intent the NLU gave it.

    The fallback and out-of-scope actions ask here first, so "你到底会干啥" or "给我的店起个名" get the same reply
    as when the NLU read them as ``bot_challenge``.

    Args:
        dispatcher: Where the reply goes.
        text: The user's message.

    Returns:
        True when a reply was sent (the caller does nothing else this turn).
    """
    # Not "who answers" (``bot``): its cues (人工, 程序, 客服…) are too broad outside a bot_challenge reading.
    if (kind := about_assistant(text)) in ("faulted", "capabilities"):
        say_about_assistant(dispatcher, str(kind))
        return True
    return writing_requests.decline(dispatcher, text)


class ActionAboutAssistant(Action):
    """``bot_challenge``: who answers, what the assistant does, an apology, or a polite decline (see the module)."""

    def name(self) -> str:
        """Action name used in the domain."""
        return "action_about_assistant"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Answer about the assistant; a question of ours the NLU took for one is answered; the rest declined."""
        text = str(tracker.latest_message.get("text") or "").strip()
        if writing_requests.decline(dispatcher, text):
            return []  # "帮我的店起个名字": not ours, said so
        if (kind := about_assistant(text)) is not None:
            say_about_assistant(dispatcher, kind)
            return []
        in_form = bool((tracker.active_loop or {}).get("name"))
        if not in_form and (answered := await follow_up(dispatcher, tracker, domain, True)) is not None:
            return answered  # "交给谁" right after an answer: a follow-up, not about the assistant
        if OURS.search(text) and question_shape.is_question(text):
            return await answer_question(dispatcher, tracker, domain)
        dispatcher.utter_message(text=varied(tracker, DECLINES))  # the third says how to reach a person
        return []

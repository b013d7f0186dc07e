"""Wordings that decide the intent whatever the classifier made of them: one step ahead of every intent's rule.

"听不懂" / "你在说啥" read as a no, a complaint, a handoff or small talk sent each router to check for it on its
own; "找个真人" / "你们客服呢" read as small talk or a question were no handoff. This component runs last in the
pipeline (after the fallback classifier) and sets, with full confidence:

- ``not_understood`` for a message that only says the user did not understand
  (:func:`nlu_components.not_understood.confused`) or only points at something unnamed ("就是那个嘛",
  :func:`nlu_components.not_understood.vague`); a message the classifier put there that is no such message
  gets the next intent of the ranking instead, so the recogniser alone decides;
- ``request_human`` for a request for a person in everyday words (:func:`asks_for_a_person`, after
  :func:`nlu_components.person_asked.asks_for_person`);
- ``ask_question`` for a question the classifier read as a value, a no or a stop ("那身份证复印件要不要带",
  "不交材料行不行"; :func:`nlu_components.question_asked.asked_instead`): answered, never stored or a cancel;
- ``check_progress`` for a bare application number (:func:`bare_application_number`), whatever its digits.

The dialogue then has one rule per decided intent (``bot/rules/service.yml``); inside a form the form itself
explains its step or hands over (``bot/rules/forms.yml``).
"""

import re
from collections.abc import Callable
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from nlu_components.not_understood import confused, vague
from nlu_components.person_asked import ABOUT_SERVICE, IS_IT, asks_for_person
from nlu_components.question_asked import asked_instead

NOT_UNDERSTOOD = "not_understood"
REQUEST_HUMAN = "request_human"
ASK_QUESTION = "ask_question"
START_APPLICATION = "start_application"
FALLBACK = "nlu_fallback"
# Someone asked to help, in words without a person noun ("有没有人能帮我弄", "来个人帮我办一下", "有人能教我吗").
SOMEONE_TO_HELP = re.compile(
    r"有没有(?:个)?人(?:能|可以|会)?(?:帮|教|弄|办|跟我|给我)|有人(?:能|可以|会)?(?:帮|教)(?:我|一下|下)|"
    r"(?:来|派|找|叫)(?:一)?个人(?:来)?(?:帮|教|弄|办|给我|跟我)"
)
# The clauses of a message: a no in one clause ("这个我整不明白，找个人帮我办下") is not a refusal of the last one
# (which is the request; "每次去都换个人，每个人要的…" tells a grievance in its first).
CLAUSES = re.compile(r"[，,。；;！!？?\s]+")


def asks_for_a_person(text: str) -> bool:
    """Whether the message asks for a person (:func:`asks_for_person`), in its last clause, or for someone to help.

    "这个我整不明白，找个人帮我办下" (the 不 of 不明白 is no refusal), "有没有人能帮我弄", "能不能叫个工作人员"; not
    "帮我看看" (the bot looks), "客服电话多少" or "你是真人吗".
    """
    if asks_for_person(text):
        return True
    if IS_IT.search(text) or ABOUT_SERVICE.search(text):
        return False
    clauses = [clause for clause in CLAUSES.split(text) if clause]
    return bool(SOMEONE_TO_HELP.search(text)) or (len(clauses) > 1 and asks_for_person(clauses[-1]))


# The intents a wording decides, in the order they are checked.
DECIDERS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    (NOT_UNDERSTOOD, lambda text: confused(text) or vague(text)),
    (REQUEST_HUMAN, asks_for_a_person),
)
DECIDED = frozenset(name for name, _ in DECIDERS)


# Who the applicant is and a wish to have something done, in one message ("…身份证…，想把执照办下来，补贴能领吗"):
# a filing (the form answers the side question), whatever a question word in it made the classifier say.
IDENTIFYING = frozenset({"id_number", "phone"})
READ_AS_ASKING = frozenset({ASK_QUESTION, "check_eligibility", "out_of_scope", FALLBACK})
WISH_TO_FILE = re.compile(
    r"(?:想|要|准备|打算)(?:把|给)?[^，,。？?！!]{0,10}?(?:办下来|办了|办一下|申请|办理|去办|弄下来)"
    r"|(?:帮我|给我|替我|麻烦你?)(?:把)?[^，,。？?！!]{0,8}?(?:办|申请|登记|填)"
)


# A message that is only an application number ("CY20261207000123", "编号是CY…"): which intent the classifiers gave
# it depended on its digits (about half inform, half check_progress over consecutive numbers), and so on how many
# applications had been filed before it: the same conversation took another path on a busier day.
BARE_NUMBER = re.compile(
    r"(?:我的)?(?:申请)?(?:编号|单号|号码)?(?:是|为)?[:：]?\s*CY\s*\d{14}\s*[。.!！]?", re.IGNORECASE
)
CHECK_PROGRESS = "check_progress"


def bare_application_number(text: str) -> bool:
    """Whether the message is an application number and nothing else (a label before it at most)."""
    return bool(BARE_NUMBER.fullmatch(text.strip()))


def files_an_application(intent: str | None, text: str, entity_names: list[str]) -> bool:
    """Whether a message read as a question gives who the applicant is (ID number or phone) and asks to file."""
    return intent in READ_AS_ASKING and bool(IDENTIFYING & set(entity_names)) and bool(WISH_TO_FILE.search(text))


def decided_intent(text: str) -> str | None:
    """The intent the wording of ``text`` decides, or ``None`` when the classifier's stands."""
    return next((name for name, decides in DECIDERS if decides(text)), None)


def decide(
    intent: dict[str, Any] | None, ranking: list[dict[str, Any]], text: str, entity_names: list[str] | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The intent and ranking after the wording's decision.

    Args:
        intent: The classifier's intent (``name``, ``confidence``).
        ranking: The classifier's ranking, best first.
        text: The normalised message.
        entity_names: The entities found in it (a message giving values is no question read as a value).

    Returns:
        The decided intent first with confidence 1.0; or, when the classifier chose an intent a wording decides
        and this wording does not, the best other intent of the ranking; else the classifier's intent unchanged.
    """
    name = (intent or {}).get(INTENT_NAME_KEY)
    decided = decided_intent(text)
    if decided is None and files_an_application(name, text, entity_names or []):
        decided = START_APPLICATION  # a long story with an ID number and "想把执照办下来" read as a question
    if decided is None and bare_application_number(text):
        decided = CHECK_PROGRESS  # the same path whatever the number's digits
    if decided is None and asked_instead(name, text, entity_names or []):
        decided = ASK_QUESTION  # "那身份证复印件要不要带" read as inform, "不交材料行不行" as cancel
    if decided is not None:
        chosen = {INTENT_NAME_KEY: decided, PREDICTED_CONFIDENCE_KEY: 1.0}
        return chosen, [chosen, *[r for r in ranking if r.get(INTENT_NAME_KEY) != decided]]
    if name == NOT_UNDERSTOOD:  # only the recogniser says a message is one
        others = [r for r in ranking if r.get(INTENT_NAME_KEY) not in (NOT_UNDERSTOOD, FALLBACK)]
        if others:
            return dict(others[0]), others
    return dict(intent or {}), ranking


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class DecisiveIntents(GraphComponent):
    """Set the intent that a message's wording decides; place it last in the pipeline."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "DecisiveIntents":
        """Create the component (it has no state)."""
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Replace each message's intent by the one its wording decides, if any."""
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str):
                continue
            names = [str(e.get("entity")) for e in message.get(ENTITIES) or []]
            intent, ranking = decide(message.get(INTENT), list(message.get(INTENT_RANKING_KEY) or []), text, names)
            if intent:
                message.set(INTENT, intent, add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

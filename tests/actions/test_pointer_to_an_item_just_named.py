""" "那个证怎么办" right after answers that named the employment certificate asks about it (issue 12).

No word of the message names the item: the pointer (那个/这个 + 证 or 登记) refers to the one item of that kind the
latest answers named, also when the answer just before was about something else; two such items name none. The
answer, whichever router gave it (the NLU read "那个证怎么办" as out of scope), is the context of the next follow-up.
"""

from typing import Any

from rasa_sdk import Tracker

from actions.conversation import context
from actions.conversation.last_answer import pointed_item, recent_turns
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import run

TRAINING_FREE = "凭就业创业证可以免费参加培训。\n来源：常见问题「创业培训收不收费？」"
COURSES = "有SYB、GYB、IYB和网创培训。\n来源：常见问题「创业培训有哪些课？」"


def after(answers: list[str], said: str, slots: dict[str, Any] | None = None) -> Tracker:
    events: list[dict[str, Any]] = []
    for number, answer in enumerate(answers):
        events += [
            user_event(f"问题{number}", "ask_question"),
            {"event": "action", "name": "action_answer_question"},
            {"event": "bot", "text": answer},
            {"event": "action", "name": "action_listen"},
        ]
    return make_tracker([*events, user_event(said, "ask_question")], slots=slots)


def test_the_turns_are_read_latest_first() -> None:
    tracker = after([TRAINING_FREE, COURSES], "这张证去哪里领")
    assert recent_turns(tracker, 2) == [[COURSES], [TRAINING_FREE]]


def test_a_pointer_names_the_certificate_an_answer_named() -> None:
    tracker = after([TRAINING_FREE, COURSES], "这张证去哪里领")
    assert pointed_item(tracker, "这张证去哪里领") == ("就业创业证去哪里领", "employment_cert")
    assert pointed_item(tracker, "这个证明要交吗") is None  # a proof, no pointer to a certificate
    both = after(["就业创业证和失业登记证都能用。"], "那个证怎么弄")
    assert pointed_item(both, "那个证怎么弄") == ("就业创业证怎么弄", "employment_cert")  # one item, two words
    nothing = after(["创业培训免费。"], "那个证怎么弄")
    assert pointed_item(nothing, "那个证怎么弄") is None


def test_a_pointer_the_nlu_tagged_is_searched_by_the_items_name() -> None:
    said = "那张证要多久"
    tagged = {"entity": "item", "value": "employment_cert", "start": 0, "end": 3}
    tracker = make_tracker([user_event(said, "out_of_scope", [tagged])])
    assert pointed_item(tracker, said) == ("就业创业证要多久", "employment_cert")


async def test_the_pointer_is_searched_as_the_certificate(knowledge_service: str) -> None:
    tracker = after([TRAINING_FREE, COURSES], "那这个证咋申请", slots={"item": "training"})
    said, events = await run(ActionAnswerQuestion(), tracker)
    assert "就业创业证" in said and "3个工作日" in said, said
    assert {"event": "slot", "name": "item", "value": "employment_cert"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]


def test_an_answer_any_router_gave_is_context_for_the_next_follow_up() -> None:
    events: list[dict[str, Any]] = [
        user_event("这个证咋申请", "out_of_scope"),
        {"event": "action", "name": "action_out_of_scope"},  # answered by the out-of-scope router
        {"event": "bot", "text": "在湘易办填信息采集表并勾选就业创业证申领。"},
        {"event": "bot", "data": {"custom": {"answer_feedback": {"question": "这个证咋申请", "status": "faq"}}}},
        {"event": "action", "name": "action_listen"},
        user_event("要交照片吗", "out_of_scope"),
    ]
    assert context.in_context(make_tracker(events)) == "answer"
    declined = [*events[:2], {"event": "bot", "text": "超出了我的服务范围"}, *events[4:]]
    assert context.in_context(make_tracker(declined)) is None

"""A question that names no item is kept on the item it is about (tenth sets' B1 and D3, our own wordings).

Right after an answer about the loan, "得多少天" asks the loan's days, not the bundle's; in "贷款归哪几家审，要多少天"
the second part asks it too. In an application for the incubator alone, any question naming no other item is the
incubator's ("里面不收钱能住几年": up to 3 years, with rent reduction, never the reception station's 14 free days).
"""

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge.kept_item import names_another
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(str(m.get("text") or "") for m in dispatcher.messages)


def item(code: str, text: str, said: str) -> list[dict[str, Any]]:
    start = text.index(said)
    return [{"entity": "item", "value": code, "start": start, "end": start + len(said)}]


async def ask(tracker: Any) -> str:
    dispatcher = CollectingDispatcher()
    await ActionAnswerQuestion().run(dispatcher, tracker, {})
    return texts(dispatcher)


def after_loan_answer(said: str) -> Any:
    first = "创业担保贷款个人能贷多少"
    events: list[dict[str, Any]] = [
        user_event(first, "ask_question", item("guaranteed_loan", first, "创业担保贷款")),
        {"event": "action", "name": "action_answer_question"},
        {"event": "bot", "text": "个人最高可贷20万元。"},
        {"event": "slot", "name": "item", "value": "guaranteed_loan"},
        {"event": "action", "name": "action_listen"},
        user_event(said, "ask_question"),
    ]
    return make_tracker(events, slots={"item": "guaranteed_loan"})


@pytest.mark.parametrize("said", ["得多少天", "那大概多久能批下来"])
async def test_an_elliptical_how_long_after_a_loan_answer_is_the_loans(knowledge_service: str, said: str) -> None:
    reply = await ask(after_loan_answer(said))
    assert "15个工作日" in reply and "20个工作日内办结" not in reply, reply


async def test_the_second_part_of_two_questions_is_asked_about_the_first_parts_item(knowledge_service: str) -> None:
    text = "贷款归哪几家审，得多少天？"
    tracker = make_tracker([user_event(text, "ask_question", item("guaranteed_loan", text, "贷款"))])
    reply = await ask(tracker)
    assert "15个工作日" in reply, reply


async def test_in_the_incubators_application_a_question_naming_no_item_is_the_incubators(
    knowledge_service: str,
) -> None:
    slots = {"form_item": "incubator", "application_items": ["incubator"], "item": None}
    tracker = make_tracker([user_event("里面不收钱能住几年", "ask_question")], slots=slots)
    tracker.active_loop = {"name": "application_form"}
    reply = await ask(tracker)
    assert "3年" in reply and "14" not in reply, reply


@pytest.mark.parametrize(
    ("text", "other"),
    [("那培训呢", True), ("办执照要几天", True), ("里面不收钱能住几年", False), ("要带身份证吗", False)],
)
def test_a_question_names_another_item(text: str, other: bool) -> None:
    assert names_another(text, "incubator") is other


def answered_by(item: str | None, text: str) -> dict[str, Any]:
    return {"status": "faq", "answer": text, "hits": [{"kind": "faq", "item": item}]}


@pytest.mark.parametrize(
    ("plain_item", "searched", "reply"),
    [
        ("pension_registration", ["那要几天"], "1个工作日"),  # the item's own source answers: kept
        (None, ["那要几天", "养老保险登记要几天"], "named"),  # a bundle-wide source: asked by its plainest name
    ],
)
async def test_an_elliptical_question_is_answered_by_one_of_the_items_sources(
    monkeypatch: pytest.MonkeyPatch, plain_item: str | None, searched: list[str], reply: str
) -> None:
    from actions.knowledge import kept_item

    asked: list[str] = []

    async def search(tracker: Any, query: str = "", item: str | None = None, **_: Any) -> dict[str, Any]:
        asked.append(query)
        return answered_by(plain_item, "1个工作日") if len(asked) == 1 else answered_by(item, "named")

    monkeypatch.setattr(kept_item, "search", search)
    found = await kept_item.about_item(
        make_tracker([user_event("那要几天", "ask_question")]), "那要几天", "pension_registration", "个体户养老保险"
    )
    assert asked == searched and found is not None and found["answer"] == reply


@pytest.mark.parametrize(
    ("item", "word", "name"),
    [
        ("startup_subsidy", "", "创业补贴申领"),
        ("startup_subsidy", "补贴", "补贴"),
        ("startup_subsidy", "一次性创业补贴", "创业补贴申领"),
        ("pension_registration", "个体户养老保险", "养老保险登记"),
        ("guaranteed_loan", "", "创业担保贷款"),
    ],
)
def test_the_plainest_name_of_an_item(item: str, word: str, name: str) -> None:
    from actions.knowledge.kept_item import plainest_name

    assert plainest_name(item, word) == name

"""A question at a form step never ends without an answer (issue 12).

What the user sees: whatever path answers a question asked inside the application (a field's help, the loan's
steps, the context's fixed replies, the overview, a verdict, the knowledge base), the reply holds a text before the
step is asked again; when no path said anything, the honest "not found" with the question, never the step's prompt
alone. A path that redirects to another action never stops the form.
"""

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.application.application_form import ValidateApplicationForm
from actions.application.form_turns import answer_in_form
from actions.application.form_values import Extraction
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.test_application_form import FILLED
from tests.actions.test_form_switch import in_form

QUESTION = "来电人想问，执照下来以后公章要另外去刻吗"
AT_INDUSTRY = {**FILLED, "industry": None, "requested_slot": "industry"}


async def silent(*_: Any, **__: Any) -> list[Any]:
    """A path that answers the turn and says nothing."""
    return []


async def redirect_only(*_: Any, **__: Any) -> list[Any]:
    """A path that only hands over to another action."""
    return [FollowupAction("action_start_application")]


async def data_only(dispatcher: CollectingDispatcher, *_: Any, **__: Any) -> list[Any]:
    """A path that sends the sources' data and no text."""
    dispatcher.utter_message(json_message={"sources": []})
    return []


async def empty_text(dispatcher: CollectingDispatcher, *_: Any, **__: Any) -> list[Any]:
    """A path that says an empty answer."""
    dispatcher.utter_message(text="")
    return []


def shown(dispatcher: CollectingDispatcher) -> list[str]:
    return [str(m.get("text") or m.get("response") or "") for m in dispatcher.messages]


async def asked_in_form(tracker: Tracker | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    tracker = tracker or in_form("application_form", QUESTION, "ask_question", dict(AT_INDUSTRY))
    events = await answer_in_form(dispatcher, tracker, {}, Extraction(question=True))
    return shown(dispatcher), events


@pytest.mark.parametrize("behaviour", [silent, redirect_only, data_only, empty_text])
async def test_whatever_the_answer_does_a_text_is_said(
    behaviour: Callable[..., Awaitable[list[Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ActionAnswerQuestion, "run", lambda self, d, t, dom: behaviour(d, t, dom))
    texts, events = await asked_in_form()
    assert any(t.strip() for t in texts), texts
    assert any("没有找到" in t and "公章" in t for t in texts), texts  # the question said back
    assert not [e for e in events if e.get("event") != "slot"], events  # the form goes on


# Every path ActionAnswerQuestion takes before the knowledge base (in the order it tries them), made silent.
IN_CONTEXT_PATHS = [
    ("actions.knowledge.overview_in_form", "answer"),
    ("actions.eligibility.item_eligibility", "what_about"),
    ("actions.conversation.plain_answers", "said_plainly"),
    ("actions.knowledge.questions", "compare"),
    ("actions.knowledge.questions", "answer_each"),
]


@pytest.mark.parametrize(("module", "name"), IN_CONTEXT_PATHS)
async def test_every_question_path_made_silent_still_ends_with_a_text(
    module: str, name: str, monkeypatch: pytest.MonkeyPatch, service_url: str
) -> None:
    import importlib

    if name == "answer_each":  # the knowledge base answers with an empty text
        replacement: Any = _empty_answer
    else:
        replacement = silent
    monkeypatch.setattr(importlib.import_module(module), name, replacement)
    _earlier_paths_pass(module, name, monkeypatch)
    texts, _ = await asked_in_form()
    assert any(t.strip() for t in texts), (name, texts)


async def _empty_answer(*_: Any, **__: Any) -> list[tuple[str, dict[str, Any]]]:
    return [(QUESTION, {"status": "faq", "answer": "", "hits": [], "sources": []})]


async def _none(*_: Any, **__: Any) -> None:
    return None


def _earlier_paths_pass(module: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The paths tried before ``name`` find nothing to say, so ``name`` is reached."""
    import importlib

    for earlier_module, earlier in IN_CONTEXT_PATHS[: IN_CONTEXT_PATHS.index((module, name))]:
        monkeypatch.setattr(importlib.import_module(earlier_module), earlier, _none)
    monkeypatch.setattr("actions.conversation.context.fixed_reply", lambda *_: None)


async def test_a_question_naming_an_item_chosen_gets_an_answer_and_the_items_stay(knowledge_service: str) -> None:
    for said in ("还要上传营业执照和身份证吗", "他问营业执照下来了，税务还要另外跑一趟吗"):
        words = "营业执照"
        start = said.index(words)
        entities = [{"entity": "item", "value": "business_registration", "start": start, "end": start + len(words)}]
        tracker = in_form("application_form", said, "ask_question", dict(AT_INDUSTRY))
        tracker.latest_message["entities"] = entities
        dispatcher = CollectingDispatcher()
        events = await ValidateApplicationForm().run(dispatcher, tracker, {})
        texts = [t for t in shown(dispatcher) if t.strip()]
        set_slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
        assert texts, said  # an answer (or the honest not-found), never only the step's prompt
        assert "application_items" not in set_slots and set_slots["requested_slot"] == "industry", set_slots

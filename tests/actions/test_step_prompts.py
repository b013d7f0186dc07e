"""A form step's question is asked once per turn: not again right after its full re-prompt (issue 12, no loops).

From the second failed answer the re-prompt says what is needed, an example, choices and a person; the plain
question used to follow it every turn, so a struggling user got the same last line turn after turn.
"""

from pathlib import Path

from rasa.shared.core.domain import Domain
from rasa_sdk.executor import CollectingDispatcher

from actions.application.form_guard import retry_help
from actions.steps.step_help import back_to_step, help_message
from actions.steps.step_prompts import ASK_ACTIONS, ASKED_STEPS
from tests.actions.conftest import make_tracker, user_event

DOMAIN = Domain.load(str(Path(__file__).resolve().parents[2] / "bot" / "domain"))
ASK_NAME = next(action for action in ASK_ACTIONS if action().slot == "applicant_name")


async def _asked(bot_texts: list[str]) -> list[str]:
    events = [user_event("嗯", "affirm"), *({"event": "bot", "text": text} for text in bot_texts)]
    dispatcher = CollectingDispatcher()
    await ASK_NAME().run(dispatcher, make_tracker(events), {})
    return [str(m.get("response")) for m in dispatcher.messages]


async def test_the_question_follows_a_short_reprompt_or_an_answer() -> None:
    assert await _asked([]) == ["utter_ask_applicant_name"]
    assert await _asked(["“不知道”不像是姓名。请告诉我与身份证一致的中文姓名，例如“王建国”。"]) == [
        "utter_ask_applicant_name"
    ]
    assert await _asked(["红灯表示这项任务已经超过法定时限。"]) == ["utter_ask_applicant_name"]


async def test_no_question_after_a_full_reprompt_of_any_form() -> None:
    for failures in (2, 3):
        assert await _asked([retry_help("applicant_name", "申请人姓名", failures)[0]]) == []
        assert await _asked([retry_help("applicant_name", "申请人姓名", failures, digressed=True)[0]]) == []
        assert await _asked([str(back_to_step("elig_person_category", failures)["text"])]) == []
        assert await _asked([str(help_message("progress_id_last6", failures)["text"])]) == []


def test_every_step_asked_by_a_response_has_its_prompt_action_in_the_domain() -> None:
    responses = {name.removeprefix("utter_ask_") for name in DOMAIN.responses if name.startswith("utter_ask_")}
    actions = {name.removeprefix("action_ask_") for name in DOMAIN.user_actions if name.startswith("action_ask_")}
    assert set(ASKED_STEPS) <= responses and set(ASKED_STEPS) <= actions
    assert {action().name() for action in ASK_ACTIONS} == {f"action_ask_{slot}" for slot in ASKED_STEPS}

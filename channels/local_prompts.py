"""A form step's question asked in Rasa's process, not by a second call to the action server.

Each answer to a form step made two calls to the action server in Rasa 3.6: the form's validation
(``validate_<form>``), then the next step's question (``FormAction._ask_for_slot`` runs ``action_ask_<slot>``).
Each call sends the whole conversation as JSON over HTTP, and the action server parses it back into a tracker
(``docs/benchmarks.md``, "Issue 16, round 8"). The questions (:mod:`actions.steps.step_prompts`) read only the
conversation's events: they say the step's ``utter_ask_<slot>`` unless a full re-prompt was said this turn. Rasa
cannot be told to skip its call to them (the form always runs the step's ask action after the validation).

:func:`install` (called by ``channels/server.py`` before Rasa starts) wraps ``EndpointConfig.request`` so that a
call to one of those question actions is answered by rasa-sdk's own executor in this process, holding those
actions only: the same call body Rasa built (tracker state and domain), the same ``Tracker.from_dict``, the same
action code and the same answer (``events`` and ``responses``), which Rasa then checks and utters exactly as an
answer from the server. Every other call goes to the action server as before. Where the actions' package is not
installed (an image of Rasa alone), nothing changes: every question is asked by the action server.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.utils.endpoints import EndpointConfig
from rasa_sdk.executor import ActionExecutor

logger = logging.getLogger(__name__)

QUESTIONS_MODULE = "actions.steps.step_prompts"  # its ``ASK_ACTIONS``: the questions that need no service
_STATE: dict[str, Any] = {"original": None, "executor": None}


def question_executor() -> ActionExecutor | None:
    """rasa-sdk's executor holding only the step questions (``None`` when the actions' package is not installed)."""
    try:
        from actions.steps.step_prompts import ASK_ACTIONS
    except ImportError as error:
        logger.info("form questions asked by the action server: %s not importable (%s)", QUESTIONS_MODULE, error)
        return None
    executor = ActionExecutor()
    for action in ASK_ACTIONS:
        executor.register_action(action)
    return executor


def is_local_call(body: Any, executor: ActionExecutor | None) -> bool:
    """Whether a request body is Rasa's call of an action this process's executor holds."""
    return (
        executor is not None
        and isinstance(body, dict)
        and isinstance(body.get("tracker"), dict)
        and body.get("next_action") in executor.actions
    )


async def request(
    endpoint: EndpointConfig,
    method: str = "post",
    subpath: str | None = None,
    content_type: str | None = "application/json",
    compress: bool = False,
    **kwargs: Any,
) -> Any:
    """``EndpointConfig.request``; a call of a step question is answered in this process, as the server would."""
    executor: ActionExecutor | None = _STATE["executor"]
    body = kwargs.get("json")
    if method.lower() == "post" and subpath is None and is_local_call(body, executor):
        assert executor is not None  # for mypy: is_local_call checked it
        return await executor.run(body)
    return await _STATE["original"](endpoint, method, subpath, content_type, compress, **kwargs)


def install() -> None:
    """Answer the step questions' calls in this process (after any other wrapper of ``EndpointConfig.request``)."""
    if EndpointConfig.request is request:
        return
    _STATE["original"] = EndpointConfig.request
    _STATE["executor"] = question_executor()
    EndpointConfig.request = request

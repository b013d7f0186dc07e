"""What a chat page needs to put 👍/👎 under a knowledge answer (issue 13): sent with the answer's custom payload.

The H5 chat and the mini program show the buttons under the bot text that precedes a payload carrying
``answer_feedback``, and store the vote with ``POST /api/v1/feedback/answers`` (question, answer, source), as
``docs/closed_loop_api.md`` describes. The hotline console reads ``sources`` from the same payload.
"""

from typing import Any

from rasa_sdk import Tracker


def answer_payload(tracker: Tracker, answer: dict[str, Any]) -> dict[str, Any]:
    """The custom payload sent after a knowledge answer: its sources and what a vote on it is about.

    Args:
        tracker: The conversation (the latest message is the question answered).
        answer: The service's answer (``status``, ``answer``, ``sources``).

    Returns:
        ``{"sources": [...], "answer_feedback": {"question", "status"}}``.
    """
    question = str(tracker.latest_message.get("text") or "").strip()[:2000]
    return {
        "sources": list(answer.get("sources") or []),
        "answer_feedback": {"question": question, "status": str(answer.get("status") or "")},
    }

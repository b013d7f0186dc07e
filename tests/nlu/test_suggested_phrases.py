"""Every phrase the bot tells users to say (说“帮我匹配政策”) is understood: never out of scope or a fallback.

The phrases are read from the replies themselves (``actions/`` and the domain's responses), so a new suggestion is
checked the day it is written. "帮我匹配政策", suggested in seven replies, was read as out of scope.
"""

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest

from bench.nlu_eval import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parents[2]
# A phrase quoted after 说, without placeholders ("改成…", "手机号改成（新号码）") or bare punctuation.
SUGGESTED = re.compile(r"说[“\"]([^”\"（()…]{2,16})[”\"]")
NOT_UNDERSTOOD = {"out_of_scope", "nlu_fallback"}
# Suggested as the answer to a form's step, where the form reads the words whatever the intent: the complaint
# form's "where did it happen" (网上办的说“湘易办”).
ANSWERS_AT_A_STEP = {"湘易办"}


def read_by_the_form(text: str) -> bool:
    """A command the forms read by its words at every step (上一步, 重新填, 取消, 确认提交, 核对一下)."""
    from actions.application.form_guard import BACK, CANCEL_WORDS, RESTART, SUBMIT, wants_review

    words = (BACK, RESTART, CANCEL_WORDS, SUBMIT)
    return text in ANSWERS_AT_A_STEP or any(w.search(text) for w in words) or wants_review(text)


def suggested_phrases() -> list[str]:
    """The phrases quoted after 说 in the replies."""
    files = [*(ROOT / "actions").rglob("*.py"), *(ROOT / "bot" / "domain").glob("*.yml")]
    found = {p for f in files for p in SUGGESTED.findall(f.read_text(encoding="utf-8"))}
    return sorted(p for p in found if re.search(r"[\u4e00-\u9fff]", p))


@pytest.fixture(scope="module")
def parsed() -> dict[str, Any]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(DEFAULT_MODEL))

    async def parse_all() -> dict[str, Any]:
        return {text: await agent.parse_message(text) for text in suggested_phrases()}

    return asyncio.run(parse_all())


def test_the_replies_suggest_phrases() -> None:
    assert "帮我匹配政策" in suggested_phrases() and len(suggested_phrases()) >= 15
    assert read_by_the_form("上一步") and not read_by_the_form("帮我匹配政策")


def test_every_suggested_phrase_is_understood(parsed: dict[str, Any]) -> None:
    lost = {
        text: p["intent"]["name"]
        for text, p in parsed.items()
        if p["intent"]["name"] in NOT_UNDERSTOOD and not read_by_the_form(text)
    }
    assert not lost, lost

"""Odd input never crashes the assistant and always gets a polite Chinese reply."""

import asyncio
import re

import pytest
from rasa.core.agent import Agent

from tests.dialogue.conftest import reply_texts

CJK = re.compile(r"[\u4e00-\u9fff]")
ODD_INPUTS = {
    "empty": "",
    "blank": "   \n\t ",
    "emoji": "😀😀🎉🔥",
    "punctuation": "？？？！！。。。",
    "long_chinese": "我想问一下创业的事情" * 1000,
    "long_noise": "a" * 10_000,
    "english": "Hello, can you tell me how to register a company?",
    "mixed_scripts": "我想apply创业loan，ok吗？😊",
    "control_chars": "\u200b\u0000你好\u0007",
}
FORM_STARTING = {"start_application", "check_progress", "check_eligibility"}
NOISE = ["asdfghjkl", "qwertyuiop", "。。。", "？？", "123", "zzz", "啊啊啊啊", "😂😂😂", "……", "h", "嗯？", "jjjjjj"]


@pytest.mark.parametrize("name", sorted(ODD_INPUTS))
def test_odd_input_gets_a_chinese_reply(agent: Agent, name: str) -> None:
    texts = reply_texts(agent, ODD_INPUTS[name], sender=f"odd-{name}")
    assert texts, f"no reply to {name}"
    assert any(CJK.search(text) for text in texts), texts


def test_noise_never_starts_a_form(agent: Agent) -> None:
    for text in NOISE:
        parsed = asyncio.run(agent.parse_message(text))
        assert parsed["intent"]["name"] not in FORM_STARTING, (text, parsed["intent"])


def test_two_misunderstood_messages_in_a_row_offer_a_person(agent: Agent) -> None:
    # "/nlu_fallback" is how Rasa injects an intent: what the fallback classifier emits.
    first = reply_texts(agent, "/nlu_fallback", sender="twice")
    second = reply_texts(agent, "/nlu_fallback", sender="twice")
    assert any("换个说法" in text for text in first), first
    assert any("转人工" in text for text in second), second

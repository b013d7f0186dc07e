"""A very long message keeps its last question when the NLU's normaliser cuts it (contract/query_length.py).

The normaliser cut a message to its first 500 characters; the actions read the cut text, so a story said over and
over lost the question at its end before anything searched it. Invented wordings.
"""

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from contract.query_length import MAX_QUERY_CHARS
from nlu_components.text_normalizer import ChineseTextNormalizer
from tests.components.conftest import MakeComponent


def test_a_repeated_story_keeps_the_question_at_its_end(make_component: MakeComponent) -> None:
    message = Message({TEXT: "我上次交材料被退回来了，" * 60 + "创业担保贷款最多能贷多少？"})
    make_component(ChineseTextNormalizer).process([message])
    assert message.get(TEXT) == "我上次交材料被退回来了,创业担保贷款最多能贷多少?"


def test_the_component_cuts_at_the_shared_limit(make_component: MakeComponent) -> None:
    message = Message({TEXT: "".join(f"第{n}回跑窗口，" for n in range(200)) + "补贴到底给多少？"})
    make_component(ChineseTextNormalizer).process([message])
    text = str(message.get(TEXT))
    assert len(text) <= MAX_QUERY_CHARS and text.endswith("补贴到底给多少?")

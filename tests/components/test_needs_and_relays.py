"""Plain-word needs read as items, and relayed speech ("来电人问…") blanked, on real Rasa messages."""

import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components.domain_entity_extractor import DomainEntityExtractor
from nlu_components.needs import find_needs
from nlu_components.relay import blank_relays
from nlu_components.text_normalizer import ChineseTextNormalizer
from tests.components.conftest import MakeComponent


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("最近店里缺钱周转", "guaranteed_loan"),
        ("资金周转不开，有啥办法", "guaranteed_loan"),
        ("想借点钱把店开起来", "guaranteed_loan"),
        ("想学点开店的本事", "training"),
        ("我想学门手艺", "training"),
        ("找个便宜的场地办公", "incubator"),
        ("刚起步没有场地", "incubator"),
        ("我想先弄个照", "business_registration"),
        ("以后要开发票吗", "taxpayer_confirmation"),
    ],
)
def test_a_need_in_plain_words_names_its_item(text: str, item: str) -> None:
    assert item in {span.value for span in find_needs(text)}


@pytest.mark.parametrize("text", ["我不缺钱", "拍照片要钱吗", "今天天气怎么样", "营业执照要几天", ""])
def test_no_need_is_read_into_other_words(text: str) -> None:
    assert find_needs(text) == []


def test_the_extractor_adds_a_need_but_an_items_own_name_wins(make_component: MakeComponent) -> None:
    extractor = make_component(DomainEntityExtractor)
    for text, expected in (
        ("开店缺钱周转", [("item", "guaranteed_loan")]),
        ("想借钱，创业担保贷款能贷多少", [("item", "guaranteed_loan"), ("item", "guaranteed_loan")]),
        ("想弄个营业执照", [("item", "business_registration")]),
    ):
        message = Message({TEXT: text})
        extractor.process([message])
        assert [(e["entity"], e["value"]) for e in message.get(ENTITIES)] == expected, text


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("来电人问能不能贷款", "能不能贷款"),
        ("他想知道补贴多久到账", "补贴多久到账"),
        ("这位大姐说她想办个营业执照", "她想办个营业执照"),
        ("来电人说他叫黄大明", "他叫黄大明"),
        ("您好，她问一下培训要钱吗", "您好，" + " " * 4 + "培训要钱吗"),
        ("客户想咨询一下:利息怎么算", "利息怎么算"),
    ],
)
def test_who_relays_becomes_spaces_and_what_is_asked_stays(text: str, rest: str) -> None:
    blanked = blank_relays(text)
    assert len(blanked) == len(text)
    assert blanked.strip() == rest.strip()


@pytest.mark.parametrize(
    "text",
    ["他说的那个补贴是什么", "来电人想办执照和培训", "客户反映窗口态度差", "我问一下贷款", "她问", "来电人叫王芳"],
)
def test_a_wish_a_complaint_or_a_name_is_no_relay(text: str) -> None:
    assert blank_relays(text) == text


def test_the_normalizer_blanks_relays_only_when_configured(make_component: MakeComponent) -> None:
    plain = make_component(ChineseTextNormalizer)
    blanking = make_component(ChineseTextNormalizer, {"blank_relays": True})
    first, second = Message({TEXT: "來電人問貸款利息"}), Message({TEXT: "來電人問貸款利息"})
    plain.process([first])
    blanking.process([second])
    assert first.get(TEXT) == "来电人问贷款利息"
    assert second.get(TEXT) == "    贷款利息"

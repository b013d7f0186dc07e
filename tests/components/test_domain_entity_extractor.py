"""DomainEntityExtractor on real Rasa messages."""

import time

import pytest
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components.domain_entity_extractor import DomainEntityExtractor
from nlu_components.text_normalizer import ChineseTextNormalizer
from tests.components.conftest import MakeComponent


@pytest.fixture
def extract(make_component: MakeComponent):
    normalizer = make_component(ChineseTextNormalizer)
    extractor = make_component(DomainEntityExtractor)

    def run(text: str) -> list[tuple[str, str, str]]:
        message = Message({TEXT: text})
        extractor.process(normalizer.process([message]))
        normalized = message.get(TEXT)
        return [(e["entity"], e["value"], normalized[e["start"] : e["end"]]) for e in message.get(ENTITIES)]

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "我想申请创业贷，大概15万",
            [
                ("item", "guaranteed_loan", "创业贷"),
                ("amount", "150000", "15万"),
            ],
        ),
        (
            "我想申請創業貸，大概１５萬",
            [
                ("item", "guaranteed_loan", "创业贷"),
                ("amount", "150000", "15万"),
            ],
        ),
        ("我在浏阳", [("region", "浏阳市", "浏阳")]),
        ("身份证43010219900307123x", [("id_number", "43010219900307123X", "43010219900307123x")]),
        ("长沙市岳麓区", [("region", "长沙市", "长沙市"), ("region", "岳麓区", "岳麓区")]),
        ("电话１３８ １２３４ ５６７８", [("phone", "13812345678", "138 1234 5678")]),
        ("我的申请CY20261122000123办到哪了", [("application_id", "CY20261122000123", "CY20261122000123")]),
        (
            "退役军人，个体户，想贷二十万",
            [
                ("person_category", "veteran", "退役军人"),
                ("business_type", "individual_business", "个体户"),
                ("amount", "200000", "二十万"),
            ],
        ),
        ("4050人员能贷多少", [("person_category", "hard_to_employ", "4050人员")]),
        ("43010213812345678X", [("id_number", "43010213812345678X", "43010213812345678X")]),
        ("2024年毕业，贷款期限3年", [("item", "guaranteed_loan", "贷款")]),
        ("通道在哪里", []),
        ("今天天气怎么样", []),
        ("😀😀", []),
        ("", []),
    ],
)
def test_entities_found(extract, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert extract(text) == expected


def test_entity_attributes_and_earlier_entities_kept(make_component: MakeComponent) -> None:
    earlier = {"entity": "name", "value": "张三", "start": 2, "end": 4, "extractor": "DIETClassifier"}
    message = Message({TEXT: "我叫张三，在浏阳", ENTITIES: [earlier]})
    make_component(DomainEntityExtractor).process([message])
    assert message.get(ENTITIES) == [
        earlier,
        {
            "entity": "region",
            "value": "浏阳市",
            "start": 6,
            "end": 8,
            "confidence_entity": 1.0,
            "extractor": "DomainEntityExtractor",
        },
    ]
    assert "entities" in message.as_dict(only_output_properties=True)


def test_entities_line_up_with_jieba_tokens(make_component: MakeComponent, jieba_tokenizer: JiebaTokenizer) -> None:
    message = Message({TEXT: "我是大学生，想在宁乡市申请创业担保贷款和SYB培训"})
    jieba_tokenizer.process([message])
    make_component(DomainEntityExtractor).process([message])
    tokens = {(t.start, t.end) for t in message.get(TOKENS_NAMES[TEXT])}
    spans = {(e["start"], e["end"]) for e in message.get(ENTITIES)}
    assert len(spans) == 4
    assert spans <= tokens


def test_a_10000_character_message(make_component: MakeComponent) -> None:
    message = Message({TEXT: "我想在浏阳申请创业贷款15万" * 800})
    start = time.perf_counter()
    make_component(DomainEntityExtractor).process(make_component(ChineseTextNormalizer).process([message]))
    assert time.perf_counter() - start < 1
    assert len(message.get(TEXT)) == 500
    assert {e["entity"] for e in message.get(ENTITIES)} == {"region", "item", "amount"}

"""EntityResolver: contract values only, rules win overlaps, no duplicates, ordered."""

from typing import Any

import pytest
from rasa.nlu.extractors.entity_synonyms import EntitySynonymMapper
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from nlu_components.domain_entity_extractor import DomainEntityExtractor
from nlu_components.entity_resolver import EntityResolver
from nlu_components.text_normalizer import ChineseTextNormalizer
from tests.components.conftest import CONTRACT_VALUES, ROOT, MakeComponent

Entity = dict[str, Any]


def diet(entity: str, text: str, sentence: str, value: str = "") -> Entity:
    """An entity as DIETClassifier reports it, for the first ``text`` in ``sentence``."""
    start = sentence.index(text)
    return {
        "entity": entity,
        "start": start,
        "end": start + len(text),
        "confidence_entity": 0.9,
        "value": value or text,
        "extractor": "DIETClassifier",
    }


def rule(entity: str, value: str, start: int, end: int) -> Entity:
    return {
        "entity": entity,
        "value": value,
        "start": start,
        "end": end,
        "confidence_entity": 1.0,
        "extractor": "DomainEntityExtractor",
    }


@pytest.fixture
def resolver(make_component: MakeComponent) -> EntityResolver:
    return make_component(EntityResolver)


def resolve(resolver: EntityResolver, text: str, entities: list[Entity]) -> list[Entity]:
    message = Message({TEXT: text, ENTITIES: entities})
    resolver.process([message])
    return message.get(ENTITIES)


@pytest.mark.parametrize(
    ("entity", "text", "sentence", "value"),
    [
        ("item", "创业贷", "我要申请创业贷", "guaranteed_loan"),
        ("item", "贷", "想贷点钱", "guaranteed_loan"),  # a context alias
        ("region", "浏阳", "我在浏阳做生意", "浏阳市"),
        ("region", "通道", "我是通道的", "通道侗族自治县"),
        ("person_category", "其他", "算其他吧", "other"),
        ("person_category", "失业", "我失业了", "registered_unemployed"),
        ("business_type", "合作", "搞合作", "cooperative"),
        ("item", "创业代款", "想办创业代款", "guaranteed_loan"),  # a typo
        ("amount", "十五万元", "贷十五万元", "150000"),
        ("amount", "20w", "贷20w", "200000"),
        ("phone", "138 1234 5678", "打138 1234 5678", "13812345678"),
        ("id_number", "43010219900307123x", "号43010219900307123x", "43010219900307123X"),
        ("application_id", "cy20261122000123", "查cy20261122000123", "CY20261122000123"),
    ],
)
def test_diet_values_are_normalised(
    resolver: EntityResolver, entity: str, text: str, sentence: str, value: str
) -> None:
    (resolved,) = resolve(resolver, sentence, [diet(entity, text, sentence)])
    assert resolved["value"] == value
    assert resolved["processors"] == ["EntityResolver"]
    assert resolved["extractor"] == "DIETClassifier"


def test_value_already_normalised_is_kept_as_is(resolver: EntityResolver) -> None:
    sentence = "我要申请创业贷"
    entity = {**diet("item", "创业贷", sentence, "guaranteed_loan"), "processors": ["EntitySynonymMapper"]}
    assert resolve(resolver, sentence, [dict(entity)]) == [entity]


def test_tagged_text_is_used_when_the_value_fails(resolver: EntityResolver) -> None:
    sentence = "我在浏阳"
    (resolved,) = resolve(resolver, sentence, [diet("region", "浏阳", sentence, "liuyang")])
    assert resolved["value"] == "浏阳市"


@pytest.mark.parametrize(
    ("entity", "text", "sentence"),
    [
        ("item", "天气", "今天天气怎么样"),
        ("region", "北京", "我在北京"),
        ("amount", "3年", "贷款期限3年"),
        ("amount", "2024", "2024毕业"),
        ("amount", "13812345678", "电话13812345678"),
        ("phone", "1381234567", "电话1381234567"),
        ("id_number", "430102", "身份证430102"),
        ("person_category", "老师", "我是老师"),
    ],
)
def test_values_that_cannot_be_normalised_are_dropped(
    resolver: EntityResolver, entity: str, text: str, sentence: str
) -> None:
    assert resolve(resolver, sentence, [diet(entity, text, sentence)]) == []


def test_other_entity_types_pass_unchanged(resolver: EntityResolver) -> None:
    sentence = "我叫张三，在浏阳"
    name = diet("name", "张三", sentence)
    region = rule("region", "浏阳市", 6, 8)
    assert resolve(resolver, sentence, [dict(name), region]) == [name, region]


def test_rule_entity_wins_an_overlap(resolver: EntityResolver) -> None:
    sentence = "我要贷15万元"
    amount = rule("amount", "150000", 3, 7)
    overlapping = diet("amount", "15万", sentence)
    overlapping_other_type = diet("item", "贷15", sentence)
    assert resolve(resolver, sentence, [overlapping, overlapping_other_type, amount]) == [amount]


def test_duplicates_are_removed_and_entities_sorted(resolver: EntityResolver) -> None:
    sentence = "岳麓区，长沙市"
    city = diet("region", "长沙市", sentence)
    district = rule("region", "岳麓区", 0, 3)
    resolved = resolve(resolver, sentence, [dict(city), dict(city), district, dict(district)])
    assert [(e["value"], e["start"]) for e in resolved] == [("岳麓区", 0), ("长沙市", 4)]


def test_no_entities(resolver: EntityResolver) -> None:
    assert resolve(resolver, "", []) == []
    message = Message({TEXT: "你好"})
    resolver.process([message])
    assert message.get(ENTITIES) == []


@pytest.fixture
def synonym_mapper(make_component: MakeComponent) -> EntitySynonymMapper:
    mapper = make_component(EntitySynonymMapper)
    mapper.train(load_data(str(ROOT / "nlu_data" / "entities")))
    return mapper


def test_pipeline_gives_contract_values_only(
    make_component: MakeComponent,
    jieba_tokenizer: JiebaTokenizer,
    synonym_mapper: EntitySynonymMapper,
) -> None:
    """Normaliser, Jieba, DIET (simulated), synonyms, rules, resolver in config order."""
    message = Message({TEXT: "我是退伍軍人，在通道，想辦執照，貸款２０萬，電話１３８１２３４５６７８"})
    make_component(ChineseTextNormalizer).process([message])
    jieba_tokenizer.process([message])
    text = message.get(TEXT)
    message.set(
        ENTITIES,
        [
            diet("person_category", "退伍军人", text),
            diet("region", "通道", text),
            diet("item", "办执照", text),
            diet("amount", "20万", text),
            diet("amount", "2", text),  # a bad DIET span inside the amount
        ],
    )
    synonym_mapper.process([message])
    make_component(DomainEntityExtractor).process([message])
    make_component(EntityResolver).process([message])

    resolved = [(e["entity"], e["value"], e["extractor"]) for e in message.get(ENTITIES)]
    assert resolved == [
        ("person_category", "veteran", "DomainEntityExtractor"),
        ("region", "通道侗族自治县", "DIETClassifier"),
        ("item", "business_registration", "DomainEntityExtractor"),
        ("item", "guaranteed_loan", "DomainEntityExtractor"),
        ("amount", "200000", "DomainEntityExtractor"),
        ("phone", "13812345678", "DomainEntityExtractor"),
    ]
    for entity, value, _ in resolved:
        if entity in CONTRACT_VALUES:
            assert value in CONTRACT_VALUES[entity]


def test_a_value_mentioned_twice_is_reported_once(resolver: EntityResolver) -> None:
    text = "当过兵，是退伍军人"
    entities = [rule("person_category", "veteran", 0, 3), rule("person_category", "veteran", 5, 9)]
    assert [(e["value"], e["start"]) for e in resolve(resolver, text, entities)] == [("veteran", 0)]


def test_a_sum_next_to_other_items_only_is_not_a_loan_amount(resolver: EntityResolver) -> None:
    text = "创业补贴的5000元要经营多久"
    entities = [rule("item", "startup_subsidy", 0, 4), rule("amount", "5000", 5, 10)]
    assert [e["entity"] for e in resolve(resolver, text, entities)] == ["item"]


def test_a_sum_with_the_loan_or_alone_stays(resolver: EntityResolver) -> None:
    with_loan = [rule("item", "guaranteed_loan", 2, 5), rule("amount", "150000", 5, 8)]
    assert [e["entity"] for e in resolve(resolver, "我要创业贷15万", with_loan)] == ["item", "amount"]
    alone = [rule("amount", "150000", 0, 3)]
    assert [e["entity"] for e in resolve(resolver, "15万", alone)] == ["amount"]

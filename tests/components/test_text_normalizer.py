"""ChineseTextNormalizer: simplified, half-width, bounded text with stable offsets."""

import time

import opencc
import pytest
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader
from rasa.shared.nlu.training_data.message import Message

from nlu_components.text_normalizer import ChineseTextNormalizer, normalize_text
from tests.components.conftest import MakeComponent

t2s = opencc.OpenCC("t2s").convert


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我想申請創業擔保貸款", "我想申请创业担保贷款"),
        ("瀏陽市", "浏阳市"),
        ("辦營業執照", "办营业执照"),
        ("１５萬", "15万"),
        ("ＳＹＢ培訓", "SYB培训"),
        ("電話：１３８　１２３４　５６７８！", "电话:138 1234 5678!"),
        ("我想贷款，可以吗？", "我想贷款,可以吗?"),
        ("", ""),
        ("😀🎉", "😀🎉"),
        ("。。。", "。。。"),
    ],
)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text, t2s, 500) == expected


def test_a_length_changing_conversion_is_undone_per_character() -> None:
    def convert(text: str) -> str:
        return text.replace("萬", "一万").replace("貸", "贷")

    assert normalize_text("貸15萬", convert, 500) == "贷15萬"


def test_long_text_is_cut() -> None:
    assert normalize_text("創" * 10_000, t2s, 500) == "创" * 500


def test_process_rewrites_messages(make_component: MakeComponent) -> None:
    normalizer = make_component(ChineseTextNormalizer)
    messages = [Message({TEXT: "我想申請創業貸，大概１５萬"}), Message({TEXT: ""}), Message({})]
    normalizer.process(messages)
    assert [m.get(TEXT) for m in messages] == ["我想申请创业贷,大概15万", "", None]


def test_max_chars_is_configurable(make_component: MakeComponent) -> None:
    normalizer = make_component(ChineseTextNormalizer, {"max_chars": 10})
    message = Message({TEXT: "我" * 10_000})
    start = time.perf_counter()
    normalizer.process([message])
    assert time.perf_counter() - start < 1
    assert message.get(TEXT) == "我" * 10


@pytest.mark.parametrize("max_chars", [0, -1, "500", None])
def test_invalid_max_chars_is_rejected(make_component: MakeComponent, max_chars: object) -> None:
    with pytest.raises(ValueError, match="max_chars"):
        make_component(ChineseTextNormalizer, {"max_chars": max_chars})


TRAINING_DATA = """
version: "3.1"
nlu:
- intent: start_application
  examples: |
    - 我想申請[創業貸]{"entity": "item", "value": "guaranteed_loan"}，大概[１５萬](amount)
    - 我在[瀏陽]{"entity": "region", "value": "浏阳市"}，電話[１３８１２３４５６７８](phone)
    - 身份證[４３０１０２１９９００３０７１２３ｘ]{"entity": "id_number", "value": "43010219900307123X"}
    - [長沙市]{"entity": "region", "value": "长沙市"}[嶽麓區]{"entity": "region", "value": "岳麓区"}
"""

EXPECTED_ENTITY_TEXTS = [
    {"创业贷", "15万"},
    {"浏阳", "13812345678"},
    {"43010219900307123x"},
    {"长沙市", "岳麓区"},
]


def test_training_data_keeps_entity_offsets_valid(
    make_component: MakeComponent, jieba_tokenizer: JiebaTokenizer
) -> None:
    training_data = RasaYAMLReader().reads(TRAINING_DATA)
    make_component(ChineseTextNormalizer).process_training_data(training_data)
    jieba_tokenizer.process_training_data(training_data)

    for example, expected in zip(training_data.training_examples, EXPECTED_ENTITY_TEXTS, strict=False):
        text = example.get(TEXT)
        entities = example.get(ENTITIES)
        assert {text[e["start"] : e["end"]] for e in entities} == expected
        tokens = example.get(TOKENS_NAMES[TEXT])
        starts = {t.start for t in tokens}
        ends = {t.end for t in tokens}
        for entity in entities:
            assert entity["start"] in starts and entity["end"] in ends, (text, entity)


def test_training_entities_beyond_a_cut_are_dropped(make_component: MakeComponent) -> None:
    training_data = RasaYAMLReader().reads(
        'version: "3.1"\nnlu:\n- intent: inform\n  examples: |\n'
        '    - [浏阳]{"entity": "region", "value": "浏阳市"}啊啊啊[宁乡]{"entity": "region", "value": "宁乡市"}\n'
    )
    make_component(ChineseTextNormalizer, {"max_chars": 6}).process_training_data(training_data)
    (example,) = training_data.training_examples
    entities: dict[str, str] = {e["value"]: example.get(TEXT)[e["start"] : e["end"]] for e in example.get(ENTITIES)}
    assert example.get(TEXT) == "浏阳啊啊啊宁"
    assert entities == {"浏阳市": "浏阳"}


def test_dialect_words_read_as_standard_words(make_component: MakeComponent) -> None:
    message = Message({TEXT: "冇得執照，補貼能拿好多"})
    make_component(ChineseTextNormalizer).process([message])
    assert message.get(TEXT) == "没有执照,补贴能拿多少"


def test_dialect_words_can_be_left_alone(make_component: MakeComponent) -> None:
    message = Message({TEXT: "补贴能拿好多"})
    make_component(ChineseTextNormalizer, {"dialect_words": False}).process([message])
    assert message.get(TEXT) == "补贴能拿好多"


def test_english_words_read_as_chinese_at_parse_time(make_component: MakeComponent) -> None:
    message = Message({TEXT: "name：李雪，ID：430102199003074512，phone：15307311234，想register一个company"})
    make_component(ChineseTextNormalizer).process([message])
    assert message.get(TEXT) == "姓名:李雪,身份证号:430102199003074512,手机号:15307311234,想注册一个公司"


def test_english_words_can_be_left_alone(make_component: MakeComponent) -> None:
    message = Message({TEXT: "name：李雪"})
    make_component(ChineseTextNormalizer, {"english_words": False}).process([message])
    assert message.get(TEXT) == "name:李雪"

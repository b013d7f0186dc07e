"""Homophone typos of the key words are corrected; real words that only sound alike are kept."""

import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components.homophones import HomophoneCorrector, domain_words, fuzzy
from nlu_components.text_normalizer import ChineseTextNormalizer
from tests.components.conftest import MakeComponent

CONFIG = {"homophone_entities": ["item", "person_category", "business_type"], "homophone_short_words": ["执照", "贷款"]}


@pytest.fixture(scope="module")
def corrector() -> HomophoneCorrector:
    return HomophoneCorrector(domain_words(CONFIG["homophone_entities"], CONFIG["homophone_short_words"]))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("办个营业直照要多久", "办个营业执照要多久"),
        ("我要办营业只照", "我要办营业执照"),
        ("创业单保代款能贷多少", "创业担保贷款能贷多少"),
        ("我想申请创业但保贷款", "我想申请创业担保贷款"),
        ("一次性创业不贴有多少", "一次性创业补贴有多少"),
        ("养老保线登记要几天", "养老保险登记要几天"),
        ("我是返相农民工", "我是返乡农民工"),
        ("返乡农名工能贷吗", "返乡农民工能贷吗"),
        ("退逸军人", "退役军人"),
        ("纳说人信息确认", "纳税人信息确认"),
        ("孵化鸡地怎么入驻", "孵化基地怎么入驻"),
        ("湘一办在哪", "湘易办在哪"),
        ("他也想代款15万", "他也想贷款15万"),
        ("直照丢了怎么办", "执照丢了怎么办"),
    ],
)
def test_a_key_word_misspelt_by_sound_is_corrected(corrector: HomophoneCorrector, typed: str, meant: str) -> None:
    assert corrector.correct(typed) == meant


@pytest.mark.parametrize(
    "text",
    [
        "就业政策有哪些",  # 就业政 sounds like 就业证, but 政 belongs to 政策
        "孵化期有多长",  # a real word (a guard word), not the alias 孵化器
        "创业者能贷多少",
        "贷款能带多少",  # 带 alone is no key word
        "我想一办就办完",  # one character in common with 湘易办 is too few
        "营业执照怎么办",
        "好的确认提交",
        "個人創業",  # not simplified yet: no reading is guessed for what the dictionary spells otherwise
        "",
        "😀 hello 123",
    ],
)
def test_real_words_are_kept(corrector: HomophoneCorrector, text: str) -> None:
    assert corrector.correct(text) == text


def test_merged_sounds_of_hunan_speakers_are_one_sound() -> None:
    assert fuzzy("zhào") == fuzzy("zao4") == "zao"
    assert fuzzy("nóng") == fuzzy("long") == "long"
    assert fuzzy("xíng") == fuzzy("xin")
    assert fuzzy("lǜ") != fuzzy("lù")  # ü keeps its dots


def test_the_normalizer_corrects_after_simplifying(make_component: MakeComponent) -> None:
    normalizer = make_component(ChineseTextNormalizer, CONFIG)
    messages = [Message({TEXT: "辦個營業直照，大概１５萬"}), Message({TEXT: "創業代款"})]
    normalizer.process(messages)
    assert [m.get(TEXT) for m in messages] == ["办个营业执照,大概15万", "创业贷款"]


def test_without_configuration_nothing_is_corrected(make_component: MakeComponent) -> None:
    message = Message({TEXT: "营业直照"})
    make_component(ChineseTextNormalizer).process([message])
    assert message.get(TEXT) == "营业直照"

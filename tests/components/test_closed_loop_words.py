"""What a voice or code-mixed complaint looks like once normalised: marks read out, homophones, English words.

"我叫周大山逗号身份证…句号" dictated by voice, "我想头诉…" typed by pinyin and "想complain下：…staff…" typed by a
returned student reach the NLU, the gazetteer and the actions as the words they mean (issue 12, fourteenth A5, C2, C3).
"""

from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components.spoken_marks import written_marks
from nlu_components.text_normalizer import ChineseTextNormalizer
from tests.components.conftest import MakeComponent

CONFIG = Path(__file__).resolve().parents[2] / "config.yml"


def _normalizer_config() -> dict[str, object]:
    pipeline = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["pipeline"]
    step = next(s for s in pipeline if s["name"].endswith("ChineseTextNormalizer"))
    return {key: value for key, value in step.items() if key != "name"}


def _parsed(make_component: MakeComponent, text: str) -> str:
    message = Message({TEXT: text})
    make_component(ChineseTextNormalizer, _normalizer_config()).process([message])
    return str(message.get(TEXT))


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        (
            "我叫周大山逗号身份证430102199001011234逗号手机13912345678句号",
            "我叫周大山,身份证430102199001011234,手机13912345678。",
        ),
        ("项目逗号大山茶馆逗号行业餐饮", "项目,大山茶馆,行业餐饮"),
        ("地址是岳麓区麓山路1号句号", "地址是岳麓区麓山路1号。"),
        ("贷款能贷多少问号", "贷款能贷多少?"),
        ("姓名冒号李雪分号电话冒号13912345678", "姓名:李雪;电话:13912345678"),
    ],
)
def test_punctuation_read_out_is_written_as_marks(said: str, meant: str) -> None:
    assert written_marks(said) == meant


@pytest.mark.parametrize(
    "said",
    ["身份证号中间要用逗号隔开吗", "这事总算画上句号", "页面上那个问号是什么意思", "句号", "填表时要不要加空格"],
)
def test_talk_about_a_mark_keeps_its_words(said: str) -> None:
    assert written_marks(said) == said


def test_the_normalizer_writes_dictated_marks_before_the_nlu(make_component: MakeComponent) -> None:
    assert _parsed(make_component, "我叫周大山逗号手机13912345678句号") == "我叫周大山,手机13912345678。"


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("我想头诉你们窗口", "我想投诉你们窗口"),
        ("我要偷诉", "我要投诉"),
        ("我要举抱", "我要举报"),
        ("投訴一下", "投诉一下"),
        ("机场接待站能免费投宿吗", "机场接待站能免费投宿吗"),  # a real word that sounds alike stays
        ("头疼得很", "头疼得很"),
    ],
)
def test_complaint_words_misspelt_by_sound_are_corrected(make_component: MakeComponent, said: str, meant: str) -> None:
    assert _parsed(make_component, said) == meant


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("想complain下：窗口staff态度差，phone 13912345678", "想投诉下:窗口工作人员态度差,手机号 13912345678"),
        ("OK submit吧", "好的 提交吧"),
        ("okay，cancel掉", "好的,取消掉"),
        ("我要make a complaint", "我要make a 投诉"),
        ("Booking一下", "Booking一下"),
    ],
)
def test_english_action_words_are_read_in_chinese(make_component: MakeComponent, said: str, meant: str) -> None:
    assert _parsed(make_component, said) == meant

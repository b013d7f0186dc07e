"""The wording decides two intents whatever the classifiers said: "听不懂" and a request for a person (issue 12).

"听不懂" read as a no, a complaint, a handoff or small talk used to be caught by each router on its own; now the NLU
gives it ``not_understood`` and one rule answers it. "找个真人", "你们客服呢" read as small talk were no handoff.
"""

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components.decisive_intents import DecisiveIntents, decide, decided_intent
from nlu_components.not_understood import confused
from nlu_components.person_asked import asks_for_person

CONFUSED = ("听不懂", "你在说啥", "没看懂", "你说的这些我都听不懂啊", "看不懂你说的", "什么乱七八糟的", "说人话")
QUESTIONS = ("红灯是什么意思", "贷款条件看不懂", "我不懂电脑，能去现场办吗", "项目名称是什么意思", "不清楚")
PERSON = (
    "找个真人",
    "我要跟工作人员说",
    "你们客服呢",
    "有没有真人",
    "能不能让真人来回答",
    "叫个人来",
    "我不想跟机器人说了，找个真人",
    "来电人说想找个工作人员",
    "客服在不在",
    "叫你们领导来",
    "我想和客服聊聊",
    "来电人说他的情况比较复杂，银行那边一直拖着不给答复，坚持要专人跟进，帮我转一下",
)
NOT_PERSON = (
    "你是真人吗",
    "我在跟真人聊吗",
    "真人？",
    "客服电话多少",
    "人工几点上班",
    "工作人员态度很差",
    "我要投诉工作人员",
    "不要转人工",
    "个人创业一件事是什么",
    "每次去都换个人，每个人要的东西都不一样",
    "之前跟工作人员说好了3天办完",
    "跟客服说了没用",
    "来电人说之前找过工作人员，也打过热线，这次想问问创业担保贷款的条件，最好说详细一点",
)


def ranking(*names: str) -> list[dict[str, object]]:
    return [{"name": name, "confidence": 0.9 - 0.1 * i} for i, name in enumerate(names)]


def test_only_saying_one_did_not_follow_is_not_understood_whatever_the_classifier_said() -> None:
    for said in CONFUSED:
        assert confused(said), said
        for guessed in ("deny", "complain", "request_human", "greet", "ask_question", "nlu_fallback"):
            classified = ranking(*dict.fromkeys((guessed, "ask_question")))
            intent, ranked = decide({"name": guessed, "confidence": 0.8}, classified, said)
            assert intent == {"name": "not_understood", "confidence": 1.0}, (said, guessed)
            assert [r["name"] for r in ranked] == ["not_understood", *(r["name"] for r in classified)]


def test_a_bare_puzzled_sound_is_not_understood_but_an_agreeing_one_is_not() -> None:
    for said in ("啊？", "啥？", "什么？？", "蛤", "？？", "嗯?", "What?"):
        assert confused(said), said
    for said in ("嗯", "啊", "好", "什么时候", "啥时候能办好？", "为什么？"):
        assert not confused(said), said


def test_a_question_about_something_keeps_the_classifiers_intent() -> None:
    for said in QUESTIONS:
        assert not confused(said), said
        intent, _ = decide({"name": "ask_question", "confidence": 0.7}, ranking("ask_question"), said)
        assert intent["name"] == "ask_question", said


def test_the_classifier_alone_never_decides_not_understood() -> None:
    intent, ranked = decide(
        {"name": "not_understood", "confidence": 0.6}, ranking("not_understood", "ask_question"), "红灯是什么意思"
    )
    assert intent["name"] == "ask_question" and [r["name"] for r in ranked] == ["ask_question"]


def test_a_person_asked_for_in_everyday_words_is_a_handoff() -> None:
    for said in PERSON:
        assert asks_for_person(said), said
        intent, _ = decide({"name": "bot_challenge", "confidence": 0.9}, ranking("bot_challenge"), said)
        assert intent["name"] == "request_human", said
    for said in NOT_PERSON:
        assert not asks_for_person(said), said
        intent, _ = decide({"name": "bot_challenge", "confidence": 0.9}, ranking("bot_challenge"), said)
        assert intent["name"] == "bot_challenge", said


def test_the_component_sets_the_decided_intent_on_the_message() -> None:
    component = DecisiveIntents()
    message = Message(data={TEXT: "你们客服呢"})
    message.set(INTENT, {"name": "greet", "confidence": 0.7})
    message.set(INTENT_RANKING_KEY, ranking("greet", "request_human"))
    untouched = Message(data={TEXT: "创业补贴有多少"})
    untouched.set(INTENT, {"name": "ask_question", "confidence": 0.9})
    component.process([message, untouched, Message(data={})])
    assert message.get(INTENT)["name"] == "request_human"
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)] == ["request_human", "greet"]
    assert untouched.get(INTENT)["name"] == "ask_question"


def test_pointing_at_nothing_named_or_not_managing_is_not_understood_too() -> None:
    for said in ("呃，就是那个嘛", "你晓得的那个事", "就是那笔钱，公家发的", "来电人讲不清楚要办什么", "我搞不来这个"):
        assert decide({"name": "deny", "confidence": 0.6}, ranking("deny"), said)[0]["name"] == "not_understood", said
    for said in ("那个补贴呢", "这个怎么办", "这个要多久", "这个是什么", "那个，我想问下贷款"):
        assert decide({"name": "ask_question", "confidence": 0.6}, ranking("ask_question"), said)[0]["name"] == (
            "ask_question"
        ), said


def test_you_know_what_i_mean_points_at_nothing_but_agreeing_that_one_understood_does_not() -> None:
    for said in ("你懂我意思吧", "你明白我的意思吧", "懂我意思不"):
        decided = decide({"name": "affirm", "confidence": 0.7}, ranking("affirm"), said)[0]["name"]
        assert decided == "not_understood", said
    for said in ("我懂你的意思", "好的我明白你的意思", "明白了"):
        assert decide({"name": "affirm", "confidence": 0.7}, ranking("affirm"), said)[0]["name"] == "affirm", said


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("这个我整不明白，找个人帮我办下", True),
        ("有没有人能帮我弄", True),
        ("能不能叫个工作人员", True),
        ("我不会弄，有人能帮我吗", True),
        ("帮我看看", False),
        ("客服电话多少，找个人问问", False),
        ("不要转人工，我自己填", False),
        ("我们几个合伙开店", False),
    ],
)
def test_a_person_or_someone_to_help_asked_for_in_everyday_words(text: str, person: bool) -> None:
    assert (decided_intent(text) == "request_human") is person

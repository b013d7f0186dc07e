"""A question the classifier read as a value, a no or a stop is a question (issue 12, C1).

"那身份证复印件要不要带" read as ``inform`` was stored as the value asked; "不交材料行不行" read as ``cancel`` stopped
the form. The NLU's last component gives such a message ``ask_question`` whatever the classifier said, so every
router and form answers it; a stop or a no in words, values given or a wish to act keep the classifier's intent.
"""

from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components.decisive_intents import DecisiveIntents, decide
from nlu_components.question_asked import asked_instead, asks

# Invented wordings: questions that come as a value, a no or a stop.
QUESTIONS = {
    "inform": ("那户口本原件要不要带", "营业场地是租的也行吗", "法人和申请人不是一个人可以吗", "合伙开的店算哪种"),
    "deny": ("不带结婚证行不行", "没交社保能不能贷", "不去窗口也能办吗？", "不是本地户口有没有影响"),
    "cancel": ("不交租房合同行不行", "培训可以不参加吗", "贷款不去银行面签可以吗", "不填银行账户会怎样？"),
}
# Not questions, or a stop / a no / values / a wish besides: the classifier's intent stands.
KEPT = {
    "inform": (
        "开了快两年了",
        "我哪类人都挨不上",
        "啥身份都没有",
        "都不是，就普通人",
        "我叫赵小川，要带户口本吗",  # a name given (the entity below): stored, then answered
        "我要办执照和贷款，大概要几天",
    ),
    "deny": ("没有，这个有影响吗", "不是不是", "不对不对", "没有没有", "哪有的事", "才不是呢", "这么办不行"),
    "cancel": ("不办了，那培训要钱吗", "算了，贷款要多久我回头再问", "取消吧，能不能下次再填", "我不想申请了行吗"),
}
ENTITIES_OF = {"我叫赵小川，要带户口本吗": ["applicant_name"]}


def ranking(*names: str) -> list[dict[str, object]]:
    return [{"name": name, "confidence": 0.9 - 0.1 * i} for i, name in enumerate(names)]


def test_a_question_read_as_a_value_a_no_or_a_stop_is_a_question() -> None:
    for guessed, wordings in QUESTIONS.items():
        for said in wordings:
            assert asks(said), said
            intent, ranked = decide({"name": guessed, "confidence": 0.8}, ranking(guessed, "ask_question"), said, [])
            assert intent == {"name": "ask_question", "confidence": 1.0}, (said, guessed)
            assert [r["name"] for r in ranked] == ["ask_question", guessed]


def test_a_stop_a_no_values_or_a_wish_keep_the_classifiers_intent() -> None:
    for guessed, wordings in KEPT.items():
        for said in wordings:
            entities = ENTITIES_OF.get(said, [])
            intent, _ = decide({"name": guessed, "confidence": 0.8}, ranking(guessed), said, entities)
            assert intent["name"] == guessed, (said, guessed)


def test_a_stop_or_a_no_may_name_the_item_it_asks_about_but_a_value_keeps_inform() -> None:
    assert asked_instead("cancel", "创业补贴可以晚点领吗", ["item"])
    assert not asked_instead("inform", "创业补贴可以晚点领吗", ["item"])  # the routers read values and items
    assert not asked_instead("ask_question", "不交租房合同行不行", [])  # already a question: nothing to decide
    assert not asked_instead("complain", "为什么还没办好", [])  # only a value, a no or a stop is re-read


def test_the_component_passes_the_entities_found() -> None:
    asked = Message(data={TEXT: "那户口本原件要不要带"})
    asked.set(INTENT, {"name": "inform", "confidence": 0.7})
    asked.set(INTENT_RANKING_KEY, ranking("inform", "ask_question"))
    named = Message(data={TEXT: "我叫赵小川，要带户口本吗"})
    named.set(INTENT, {"name": "inform", "confidence": 0.7})
    named.set(ENTITIES, [{"entity": "applicant_name", "value": "赵小川", "start": 2, "end": 5}])
    DecisiveIntents().process([asked, named])
    assert asked.get(INTENT)["name"] == "ask_question"
    assert named.get(INTENT)["name"] == "inform"

"""Knowledge answers through action_answer_question (issue 14, round 8), in our own wordings.

Two questions dictated without punctuation get both answers; a question naming one item is answered from that
item; another subsidy that scores alike with ours is declined by name, never asked again with our item's bonus.
"""

from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import question_shape
from actions.knowledge.questions import ActionAnswerQuestion
from tests.actions.conftest import make_tracker, user_event


def subsidy(text: str, word: str = "补贴") -> list[dict[str, object]]:
    start = text.index(word)
    return [{"entity": "item", "value": "startup_subsidy", "start": start, "end": start + len(word)}]


async def ask(text: str, entities: list[dict[str, object]] | None = None) -> str:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker([user_event(text, "ask_question", entities)])
    await ActionAnswerQuestion().run(dispatcher, tracker, {})
    return str(dispatcher.messages[0]["text"])


def test_a_short_second_question_dictated_after_the_first_is_its_own() -> None:
    assert question_shape.questions("补贴能拿多少要带啥") == ["补贴能拿多少", "要带啥"]
    assert question_shape.questions("孵化基地能待多久要钱吗") == ["孵化基地能待多久", "要钱吗"]
    assert question_shape.questions("贷款能贷多少，要多久") == ["贷款能贷多少", "要多久"]
    for one in ("要交多少钱是不是", "执照要几天吗好的", "创业补贴多少钱一个月", "能贷多少，是吗"):
        assert question_shape.questions(one) == [one]


async def test_two_questions_dictated_without_punctuation_get_both_answers(knowledge_service: str) -> None:
    text = await ask("补贴能拿多少要带啥", subsidy("补贴能拿多少要带啥"))
    assert "5000" in text  # the amount
    assert "银行账户" in text  # the materials: the form and the business's bank account


async def test_the_item_named_decides_whose_time_limit_is_answered(knowledge_service: str) -> None:
    question = "补贴审下来得等几个工作日"
    text = await ask(question, subsidy(question))
    assert "20个工作日" in text
    assert "15个工作日" not in text  # the loan's


async def test_another_subsidy_is_declined_by_name(knowledge_service: str) -> None:
    question = "育婴补贴能领多少钱"
    text = await ask(question, subsidy(question))
    assert "育婴补贴" in text and "没有找到" in text
    assert "5000" not in text

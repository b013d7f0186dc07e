"""A message the NLU reads as a cancel, outside any flow, that asks a question and stops nothing (issue 14).

"提交了的申请能撤销吗" (withdrawing a filed application) and "身份证号写几位数" were read as cancel and got "已经停下了"
with nothing running; they are questions and are answered. A real stop ("算了", "不想弄了可以吗", "能不能先不办")
keeps the usual reply.
"""

import pytest

from actions.conversation.courtesy import ActionRouteCourtesy
from tests.actions.conftest import make_tracker, user_event
from tests.actions.test_followups import run


@pytest.mark.parametrize("said", ["提交了的申请能撤销吗", "身份证号写几位数", "交上去了还能改吗"])
async def test_a_question_read_as_a_cancel_is_answered(said: str, knowledge_service: str) -> None:
    answer, _ = await run(ActionRouteCourtesy(), make_tracker([user_event(said, "cancel")]))
    assert answer and "utter_cancelled" not in answer and "好的，先不办了" not in answer, answer


@pytest.mark.parametrize("said", ["算了", "我不想弄了可以吗", "能不能先不办？", "不用了吧？", "取消吧"])
async def test_a_stop_keeps_the_usual_reply(said: str) -> None:
    answer, _ = await run(ActionRouteCourtesy(), make_tracker([user_event(said, "cancel")]))
    assert answer == "utter_cancelled", answer

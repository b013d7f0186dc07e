"""Another task asked for during a form, through the trained assistant and the real action server (issue 12).

What the user sees: the request is done (the form set aside is said to be kept), and "继续申请" resumes the
application at the step it was at; a request to apply during the eligibility check starts the application.
"""

from rasa.core.agent import Agent

from tests.dialogue.test_application_conversations import Conversation


def test_a_progress_check_during_the_application_keeps_it_for_later(agent: Agent) -> None:
    chat = Conversation(agent)
    assert "姓名" in chat.say("我想办营业执照")
    assert "身份证" in chat.say("赵新")
    switched = chat.say("帮我查一下我之前申请的进度")
    assert "保留" in switched and "申请编号" in switched and "先把正在办的这件事办完" not in switched
    resumed = chat.say("继续申请")
    assert "接着" in resumed and "身份证" in resumed


def test_applying_during_the_eligibility_check_starts_the_application(agent: Agent) -> None:
    chat = Conversation(agent)
    assert "哪类人员" in chat.say("帮我看看我能享受哪些扶持政策")
    started = chat.say("行，直接帮我办创业培训吧")
    assert "信息采集表" in started and "姓名" in started

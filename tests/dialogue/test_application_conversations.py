"""Whole conversations through the trained assistant, the real action server and the bundle service.

Each test types what a user would type and checks what the user would see.
"""

import re
import uuid

from rasa.core.agent import Agent

from tests.dialogue.conftest import reply_texts

NEWCOMER = "430111199601010024"  # valid check digit, unknown to the shared registry
WRONG_CHECK_DIGIT = "430111199601010023"
NUMBER = re.compile(r"CY\d{14}")


class Conversation:
    """One user talking to the assistant."""

    def __init__(self, agent: Agent) -> None:
        self.agent = agent
        self.sender = f"e2e-{uuid.uuid4().hex[:8]}"

    def say(self, text: str) -> str:
        """Send a message; return everything the assistant answered, joined."""
        return "\n".join(reply_texts(self.agent, text, self.sender))


def fill_registration(chat: Conversation) -> str:
    """Business registration for a newcomer, up to the summary; returns the summary."""
    assert "姓名" in chat.say("我想办营业执照")
    assert "身份证" in chat.say("赵新")
    assert "手机" in chat.say(NEWCOMER)
    assert "哪类人员" in chat.say("13912345678")
    assert "项目" in chat.say("返乡农民工")
    assert "行业" in chat.say("湘味米粉店")
    assert "类型" in chat.say("餐饮")
    assert "地址" in chat.say("个体户")
    return chat.say("长沙市雨花区劳动东路200号")


def test_happy_path_files_the_bundle_and_progress_shows_the_lights(agent: Agent) -> None:
    chat = Conversation(agent)
    summary = fill_registration(chat)
    assert "430111********0024" in summary and NEWCOMER not in summary
    assert "139****5678" in summary
    assert "长沙市" in summary and "雨花区" in summary
    result = chat.say("确认提交")
    number = NUMBER.search(result)
    assert number, result
    assert "市场监督管理部门" in result and "税务部门" in result
    assert "3个工作日" in result and "免提交" in result
    assert "申请编号" in chat.say("帮我查一下进度")
    assert "后6位" in chat.say(number.group(0))
    progress = chat.say("010024")
    assert "🟢 市场监督管理部门" in progress and "已受理" in progress


def test_invalid_id_number_is_explained_and_asked_again(agent: Agent) -> None:
    chat = Conversation(agent)
    chat.say("我想办营业执照")
    chat.say("赵新")
    reply = chat.say(WRONG_CHECK_DIGIT)
    assert "校验位" in reply and "身份证" in reply
    assert "手机" in chat.say(NEWCOMER)


def test_loan_over_the_limit_is_refused_with_the_limit(agent: Agent) -> None:
    chat = Conversation(agent)
    summary_before_loan = [
        ("我要申请创业担保贷款", "姓名"),
        ("赵新", "身份证"),
        (NEWCOMER, "手机"),
        ("13912345678", "哪类人员"),
        ("我是返乡农民工", "项目"),
        ("湘味米粉店", "行业"),
        ("餐饮", "类型"),
        ("个体户", "地址"),
        ("长沙市雨花区劳动东路200号", "贷款"),
    ]
    for text, expected in summary_before_loan:
        assert expected in chat.say(text), text
    reply = chat.say("50万")
    assert "20万" in reply or "200000" in reply, reply
    assert "期限" in chat.say("15万")
    assert "15万元" in chat.say("3年")


def test_correction_and_digression_then_the_form_resumes(agent: Agent) -> None:
    chat = Conversation(agent)
    chat.say("我想办营业执照")
    chat.say("赵新")
    chat.say(NEWCOMER)
    chat.say("13912345678")
    assert "项目" in chat.say("返乡农民工")
    corrected = chat.say("手机号填错了，是13812345678")
    assert "138****5678" in corrected and "项目" in corrected
    answer = chat.say("创业补贴能发多少钱？")
    assert "创业补贴" in answer and "项目" in answer  # answered, then the pending question again
    assert "行业" in chat.say("湘味米粉店")


def test_cancel_stops_the_form_and_nothing_is_filed(agent: Agent) -> None:
    chat = Conversation(agent)
    chat.say("我想办营业执照")
    chat.say("赵新")
    assert "取消" in chat.say("算了不办了")
    assert "姓名" not in chat.say("你好")  # the form is no longer asking


def test_progress_with_wrong_verification_reveals_nothing(agent: Agent) -> None:
    chat = Conversation(agent)
    fill_registration(chat)
    number = NUMBER.search(chat.say("确认提交"))
    assert number
    stranger = Conversation(agent)
    stranger.say(f"查询申请{number.group(0)}的进度")
    reply = stranger.say("123456")
    assert "没有查到" in reply and "赵" not in reply and "市场监督管理部门" not in reply


def test_eligibility_lists_reasons_and_offers_to_apply(agent: Agent) -> None:
    chat = Conversation(agent)
    assert "哪类人员" in chat.say("帮我看看我能享受哪些扶持政策")
    assert "毕业" in chat.say("我是高校毕业生")
    assert "注册" in chat.say("2022年毕业的")
    # No business yet: the subsidy is ruled out, so whether it is a first start-up no longer matters (bundle.md).
    result = chat.say("还没有")
    assert "第一次创业" not in result
    assert "✅" in result and "创业担保贷款" in result and "❌ 创业补贴申领" in result
    assert "姓名" in chat.say("好的")  # the offer starts the one form with the matched items


def test_the_whole_application_in_one_message_is_filed_after_asking_only_what_is_missing(agent: Agent) -> None:
    chat = Conversation(agent)
    first = chat.say(
        f"我叫赵新，身份证{NEWCOMER}，手机13912345678，返乡农民工，想办营业执照，"
        "项目叫湘味米粉店，餐饮业，个体户，地址长沙市雨花区劳动东路200号"
    )
    assert "信息采集表" in first and "请核对" in first, first  # nothing left to ask: the summary
    assert "赵新" in first and "430111********0024" in first and "139****5678" in first
    assert NUMBER.search(chat.say("确认提交"))


def test_submit_words_with_nothing_filled_say_so_and_offer_to_start(agent: Agent) -> None:
    chat = Conversation(agent)
    answer = chat.say("对的，确认提交")
    assert "还没有填写或提交任何申请" in answer
    assert "事项" in chat.say("好")  # the offer accepted: the form asks which items


def test_a_submit_word_at_the_name_step_is_not_a_name(agent: Agent) -> None:
    chat = Conversation(agent)
    assert "姓名" in chat.say("我想办营业执照")
    answer = chat.say("确认提交")
    assert "还不能提交" in answer and "姓名" in answer
    assert "身份证" in chat.say("赵新")

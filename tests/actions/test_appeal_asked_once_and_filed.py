"""The complaint form asks where and when once, files on a submit word, and reads what a complaint says along the way.

Issue 12 (closed loop): a reply at the where/when step that gives other fields leaves where/when open instead of
asking it again; "确认提交" there with everything else given files at once (number and time limit); a time the user
demands ("今天就要弄好") is no time it happened; a policy question inside the complaint is answered first.
Played with the driver of ``test_appeals`` against the real service.
"""

from __future__ import annotations

from datetime import date

import pytest

from actions.appeals.appeal_questions import LEAD, as_question, embedded_question
from actions.appeals.appeal_reading import read_appeal
from tests.actions.test_appeals import Chat, appeal_number, entity

TODAY = date(2026, 12, 7)


async def test_a_reply_giving_other_fields_leaves_where_and_when_open(service_url: str) -> None:
    chat = Chat("web:appeal-where-once")
    said = await chat.say("我要投诉，大厅排队两个钟头都没人叫号", "complain")
    assert "哪里" in said and "什么时候" in said
    said = await chat.say("我手机是13700004444", "inform", [entity("phone", "13700004444")])
    assert "哪里" not in said and "什么时候" not in said  # not asked a second time
    assert "请核对" in said and "地点和时间：未说明" in said
    said = await chat.say("确认提交", "affirm")
    assert appeal_number(said) and "工作日" in said


@pytest.mark.parametrize("submit", ["确认提交", "就这样提交吧", "直接提交"])
async def test_a_submit_word_at_where_and_when_files_when_all_else_is_given(service_url: str, submit: str) -> None:
    chat = Chat(f"web:appeal-submit-open-{submit}")
    said = await chat.say(
        "我要投诉，窗口的人对我大呼小叫，跟申请没关系，电话13600005555", "complain", [entity("phone", "13600005555")]
    )
    assert "哪里" in said
    said = await chat.say(submit, "affirm")
    assert appeal_number(said) and "工作日" in said  # filed: its number and the time limit, this very turn
    assert "按以下内容为您登记" in said and "未说明" in said and "136****5555" in said
    assert chat.loop is None


async def test_a_submit_word_at_the_application_step_files_without_linking_one(service_url: str) -> None:
    chat = Chat("web:appeal-submit-at-application")
    await chat.say(
        "我要投诉，创业补贴交上去一个多月没人审，电话13500006666", "complain", [entity("phone", "13500006666")]
    )
    said = await chat.say("上周五，市民之家", "inform")
    assert "申请编号" in said
    said = await chat.say("行了，提交吧", "affirm")
    assert appeal_number(said) and "涉及申请：无" in said and chat.loop is None


@pytest.mark.parametrize("said", ["投诉补贴没到账，编号我也忘了", "我要投诉，这事不涉及什么申请编号，就是大厅没人"])
def test_a_number_forgotten_or_none_is_not_asked(said: str) -> None:
    assert read_appeal(said, [], TODAY).no_application


async def test_a_submit_word_at_where_and_when_without_a_phone_asks_the_phone(service_url: str) -> None:
    chat = Chat("web:appeal-submit-no-phone")
    await chat.say("我要投诉，大厅空调坏了一个星期没人修", "complain")
    said = await chat.say("确认提交", "affirm")
    assert "联系电话" in said and "SQ" not in said


@pytest.mark.parametrize(
    ("said", "demand"),
    [
        ("我要投诉，补贴拖了两个月，今天就要给我弄好", "今天就要给我弄好"),
        ("投诉窗口推来推去，明天之前必须给我答复", "明天之前必须给我答复"),
        ("执照卡了半个月，这周内得解决", "这周内得解决"),
    ],
)
def test_a_time_demanded_is_no_time_it_happened(said: str, demand: str) -> None:
    found = read_appeal(said, [], TODAY)
    assert "appeal_place_time" not in found.values and found.demand == demand


def test_a_time_it_happened_beside_a_demand_is_kept() -> None:
    found = read_appeal("上周三在县政务大厅，窗口让我白跑一趟，今天必须给个说法", [], TODAY)
    assert found.values["appeal_place_time"] == "上周三，县政务大厅" and found.demand == "今天必须给个说法"
    assert read_appeal("我今天去大厅办执照，他们不给办", [], TODAY).demand is None


async def test_a_demanded_time_is_noted_and_where_and_when_still_asked(service_url: str) -> None:
    chat = Chat("web:appeal-demand")
    said = await chat.say("我要投诉，创业补贴拖了两个月，今天就要给我弄好", "complain")
    assert "今天就要给我弄好" in said and "写进诉求" in said
    assert chat.slots.get("appeal_place_time") is None and "哪里" in said


@pytest.mark.parametrize(
    "said",
    [
        "我要投诉，柜台讲开网店的贷款顶多给8万，他们是不是瞎说的",
        "投诉一下，窗口说创业补贴只有两千块，真的假的",
        "我要反映，工作人员说个人创业担保贷款最多贷三年，有这个规定吗",
    ],
)
def test_a_policy_question_inside_a_complaint_is_found(said: str) -> None:
    assert embedded_question(said)


@pytest.mark.parametrize(
    ("claim", "asked"),
    [
        ("窗口的人讲个人贷款最多只能贷6万，是不是乱讲", "个人贷款最多只能贷多少钱"),
        ("柜台跟我说执照要等半个月，真的假的", "执照要等多久"),
        ("工作人员告诉我创业担保贷款顶多贷两年，有这个规定吗", "创业担保贷款顶多贷几年"),
    ],
)
def test_the_claim_is_asked_as_the_question_it_raises(claim: str, asked: str) -> None:
    assert as_question(claim) == asked


@pytest.mark.parametrize(
    "said", ["我要投诉，凭什么补贴不给我发", "投诉窗口态度差，怎么还没人管", "我要投诉，排队太久了，还有没有人管"]
)
def test_a_question_asked_for_effect_is_no_policy_question(said: str) -> None:
    assert embedded_question(said) is None


async def test_the_policy_question_is_answered_before_the_complaint_steps(
    service_url: str, knowledge_ready: str
) -> None:
    chat = Chat("web:appeal-embedded-question")
    said = await chat.say("我要投诉，窗口的人讲个人创业担保贷款最多只能贷5万，是不是乱讲", "complain")
    assert said.startswith(LEAD) and "20万" in said, said
    assert said.index("20万") < said.index("我来帮您登记")
    assert "哪里" in said  # then the complaint goes on at its first missing step
    assert "窗口的人讲" in str(chat.slots["appeal_description"])


async def test_fault_found_with_the_assistant_mid_way_gets_an_apology_and_the_same_step(service_url: str) -> None:
    chat = Chat("web:appeal-faulted-mid-way")
    await chat.say("我要投诉，大厅的饮水机坏了半个月", "complain")
    said = await chat.say("这破机器人真笨", "complain")
    assert "抱歉" in said and "转人工" in said and "哪里" in said  # then where and when again
    assert chat.slots.get("appeal_place_time") is None and chat.loop == "appeal_form"


@pytest.mark.parametrize("said", ["没有", "不知道"])
async def test_nothing_to_say_at_where_and_when_leaves_it_open(service_url: str, said: str) -> None:
    chat = Chat(f"web:appeal-nothing-where-{said}")
    await chat.say("我要投诉，大厅的叫号机老出错", "complain")
    reply = await chat.say(said, "deny")
    assert chat.slots["appeal_place_time"] == "未说明" and "联系电话" in reply

"""The complaint form uses what was said (issue 12): no number asked of someone who said there is none, no
category asked of someone who left it to the bot, nothing stored as a place that is none.

Played with the driver of ``test_appeals`` against the real service.
"""

from __future__ import annotations

from tests.actions.test_appeals import Chat, appeal_number, entity

PHONE = [entity("phone", "13912345678")]


async def test_no_number_said_up_front_is_never_asked_for(service_url: str) -> None:
    chat = Chat("web:appeal-no-number")
    said = await chat.say("我没有申请编号，就是想投诉窗口态度差", "complain")
    assert "申请编号" not in said and "哪里" in said
    said = await chat.say("随便", "inform")  # not saying where or when, on purpose: the step is done
    assert "申请编号" not in said and "联系电话" in said
    said = await chat.say("13912345678", "inform", PHONE)
    assert "涉及申请：无" in said and "地点和时间：未说明" in said


async def test_no_number_said_at_a_later_step_goes_on_without_it(service_url: str) -> None:
    chat = Chat("web:appeal-no-number-later")
    await chat.say("我要投诉，创业补贴交上去一个月没人审", "complain")
    said = await chat.say("上周五下午，市民之家", "inform")
    assert "申请编号" in said  # a subsidy: the application it concerns is asked
    said = await chat.say("我也没有编号", "inform")
    assert chat.slots["appeal_application"] == "none" and "联系电话" in said


async def test_the_category_left_to_the_bot_is_not_asked_and_the_proposal_stands(service_url: str) -> None:
    chat = Chat("web:appeal-any-category")
    said = await chat.say("我要投诉办执照的时候窗口让我跑了三趟，类别随便归", "complain")
    assert "类别随便归" not in str(chat.slots["appeal_description"]) and "哪里" in said
    said = await chat.say("类别你们定吧", "inform")  # at another step: no failed answer, the step goes on
    assert "没太明白" not in said and "哪里" in said and chat.slots.get("appeal_place_time") is None
    await chat.say("昨天上午，县政务大厅", "inform")
    await chat.say("没有", "deny")
    said = await chat.say("13912345678", "inform", PHONE)
    proposed = chat.slots["appeal_category"]["label"]
    assert "请核对" in said and proposed in said
    said = await chat.say("随便", "inform")  # at the summary: the proposal stands, nothing more is asked about it
    assert f"类别就按“{proposed}”登记" in said and "请核对" not in said and "要改哪一项" not in said
    assert chat.slots.get("appeal_confirm") is not True  # and nothing is filed without a yes
    said = await chat.say("确认提交", "affirm")
    assert appeal_number(said)


async def test_what_is_no_place_or_time_is_not_stored_as_one(service_url: str) -> None:
    chat = Chat("web:appeal-no-place")
    await chat.say("我要投诉，窗口的人态度很差，说话很冲", "complain")
    said = await chat.say("他们还骂人", "inform")
    assert chat.slots.get("appeal_place_time") is None and "地点和时间" in said
    said = await chat.say("网上办的", "inform")
    assert chat.slots["appeal_place_time"]


async def test_a_category_the_user_chose_is_shown_as_theirs(service_url: str) -> None:
    chat = Chat("web:appeal-chosen-category")
    await chat.say(
        "我要投诉，昨天上午在开福区政务服务中心，窗口让我跑了三趟，电话13912345678，跟申请没关系", "complain", PHONE
    )
    said = await chat.say("改为营业执照与主体登记", "inform")  # a button's title, typed
    assert "类别改为：营业执照与主体登记" in said and "类别是按您选的" in said and "根据描述判断" not in said


async def test_a_place_said_after_the_time_completes_it(service_url: str) -> None:
    chat = Chat("web:appeal-place-later")
    await chat.say("我要投诉，窗口办事太慢了，我上个月交的材料到现在都没消息", "complain")
    assert chat.slots["appeal_place_time"] == "上个月"  # the time came with the story
    await chat.say("没有编号", "inform")
    said = await chat.say("长沙市开福区的政务大厅", "inform")  # said at the phone step: the place, not a phone
    assert chat.slots["appeal_place_time"] == "上个月，长沙市开福区的政务大厅", chat.slots
    assert "补充为" in said and "开福区" in said
    assert chat.slots["appeal_description"].startswith("窗口办事太慢了")  # the story is not replaced by the place

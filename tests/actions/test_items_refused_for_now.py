"""An item chosen with others that cannot be applied for yet is dropped with its reason; the others go on (issue 12).

"营业执照和创业补贴" from someone registering only now: the subsidy needs a year of business. The bot used to clear the
whole choice and ask for the items again at every turn, whatever the user answered.
"""

from tests.actions.test_application_form import entity, validate


async def test_the_refused_item_is_dropped_and_the_others_go_on(service_url: str) -> None:
    texts, slots = await validate(
        "我想办营业执照，顺便把创业补贴也申请了",
        "inform",
        {"requested_slot": "application_items"},
        [entity("item", "business_registration"), entity("item", "startup_subsidy")],
    )
    assert slots["application_items"] == ["business_registration", "taxpayer_confirmation"]
    assert slots["requested_slot"] != "application_items"  # the form goes on to the next field
    said = "\n".join(texts)
    assert "满1年" in said and "先不办创业补贴申领" in said
    assert said.index("创业补贴申领暂不符合") < said.index("满1年")  # the verdict in plain words before its reason
    assert "其余事项照常办理：经营主体登记注册、纳税人信息确认" in said and "。。" not in said


async def test_when_every_chosen_item_is_refused_the_choice_is_asked_again(service_url: str) -> None:
    texts, slots = await validate(
        "就申请创业补贴",
        "inform",
        {"requested_slot": "application_items", "business_started_on": "2026-08-01"},  # two months of business
        [entity("item", "startup_subsidy")],
    )
    assert slots["application_items"] is None
    assert slots["requested_slot"] == "application_items"
    said = "\n".join(texts)
    assert "目前经营了" in said and "转人工" in said
    assert "暂不符合" in said.split("目前经营了")[0]  # said first, before the reason

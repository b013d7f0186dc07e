"""The application summary names each item's department (decision D3 of the twelfth analysis).

The departments come from the service's item catalogue, their one owner; without the service the items are shown
alone and the summary still asks for the confirmation.
"""

from actions.application.application_actions import ActionAskConfirmSubmission
from tests.actions.test_application_actions import run
from tests.actions.test_application_form import FILLED

ITEMS = ["business_registration", "taxpayer_confirmation", "guaranteed_loan"]


async def test_each_item_in_the_summary_names_its_department(service_url: str) -> None:
    text, _ = await run(ActionAskConfirmSubmission(), "好了", "inform", {**FILLED, "application_items": ITEMS})
    assert "纳税人信息确认（税务部门）" in text
    assert "经营主体登记注册（市场监督管理部门）" in text
    assert "创业担保贷款（人社部门 + 担保机构 + 经办银行）" in text
    assert "确认提交" in text


async def test_without_the_service_the_summary_shows_the_items_alone(service_down: None) -> None:
    text, _ = await run(ActionAskConfirmSubmission(), "好了", "inform", {**FILLED, "application_items": ITEMS})
    assert "纳税人信息确认" in text and "（税务部门）" not in text
    assert "确认提交" in text

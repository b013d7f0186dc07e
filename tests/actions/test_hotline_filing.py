"""Hotline staff filing for a caller get the filing, not a verdict on their "own case" (issue 12).

"来电人王丽，…身份证…，想申请补贴，可以吗" says who the applicant is: the application starts with those details
(the form and the service say what qualifies). A question about a case that names nobody still gets the verdict.
"""

from __future__ import annotations

from tests.actions.test_application_form import entity
from tests.actions.test_application_natural_talk import HOTLINE, start
from tests.service.factories import make_id

VERDICT = "按您说的情况"


async def test_a_hotline_filing_with_the_callers_details_starts_the_application(service_url: str) -> None:
    id_number = make_id(sequence="821")
    text = f"来电人王丽，去年大学毕业，身份证{id_number}，想申请一次性创业补贴，可以吗"
    said = [entity("id_number", id_number), entity("item", "startup_subsidy")]
    texts, slots, _ = await start((text, "start_application", said), sender=HOTLINE, channel="hotline")
    assert not any(VERDICT in t for t in texts), texts
    assert slots["applicant_name"] == "王丽" and slots["id_number"] == id_number
    assert "startup_subsidy" in slots["application_items"]


async def test_a_user_giving_their_phone_with_a_question_files_too(service_url: str) -> None:
    text = "我叫孙强，手机13974125863，返乡农民工，想申请创业担保贷款，能办吗"
    said = [entity("phone", "13974125863"), entity("item", "guaranteed_loan")]
    texts, slots, _ = await start((text, "start_application", said))
    assert not any(VERDICT in t for t in texts), texts
    assert slots["applicant_name"] == "孙强" and slots["phone"] == "13974125863"


async def test_a_question_about_a_case_naming_nobody_still_gets_the_verdict(service_url: str) -> None:
    text = "我是返乡农民工，店开了半年，能申请创业补贴吗"
    said = [entity("person_category", "returning_migrant_worker"), entity("item", "startup_subsidy")]
    texts, slots, _ = await start((text, "start_application", said))
    assert any(VERDICT in t for t in texts), texts
    assert "application_items" not in slots

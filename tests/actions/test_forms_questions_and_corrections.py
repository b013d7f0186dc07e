"""Questions, corrections and short confirmations inside the forms (issue 12): a group asked about is no answer, a
question without an item is answered for the whole bundle, "名字错了一个字，应该是…" corrects the name, and "就这两样"
after the items is said back, never read as a name."""

from typing import Any

from actions.conversation.context import WHOLE_TIME
from actions.eligibility.check_questions import CHECK_DECIDES
from actions.eligibility.eligibility import ValidateEligibilityForm
from tests.actions.test_application_form import FILLED, validate
from tests.actions.test_forms_natural_answers import say


def span(name: str, value: str, text: str, words: str) -> dict[str, Any]:
    """An entity as the NLU gives it, over ``words`` in ``text``."""
    start = text.index(words)
    return {"entity": name, "value": value, "start": start, "end": start + len(words)}


async def test_a_group_asked_about_in_the_check_is_no_answer(service_url: str) -> None:
    form = ValidateEligibilityForm()
    for said, value, words in (
        ("什么叫就业困难人员", "hard_to_employ", "就业困难人员"),
        ("其他是指哪些人", "other", "其他"),
        ("我算不算返乡农民工", "returning_migrant_worker", "返乡农民工"),
    ):
        slots: dict[str, Any] = {"requested_slot": "elig_person_category"}
        entities = [span("person_category", value, said, words)]
        texts = await say(form, said, slots, intent="ask_question", entities=entities)
        assert slots.get("elig_person_category") is None and slots["requested_slot"] == "elig_person_category", said
        assert not any("改过来" in t for t in texts), texts


async def test_a_group_said_with_a_question_is_still_the_answer(service_url: str) -> None:
    said = "我是退役军人，能贷多少"
    slots: dict[str, Any] = {"requested_slot": "elig_person_category"}
    await say(ValidateEligibilityForm(), said, slots, entities=[span("person_category", "veteran", said, "退役军人")])
    assert slots.get("elig_person_category") == "veteran"


async def test_a_question_with_no_item_in_the_check_is_answered_for_the_whole_bundle(service_url: str) -> None:
    form = ValidateEligibilityForm()
    slots: dict[str, Any] = {"requested_slot": "elig_person_category"}
    texts = await say(form, "要多久能办好", slots, intent="ask_question")
    assert WHOLE_TIME in texts and slots["requested_slot"] == "elig_person_category", texts
    texts = await say(form, "其他是指哪些人", slots, intent="ask_question")
    assert any("脱贫人口" in t and "刑满释放" in t for t in texts) and slots.get("elig_person_category") is None
    texts = await say(
        form,
        "贷款要什么条件",
        slots,
        intent="ask_question",
        entities=[span("item", "guaranteed_loan", "贷款要什么条件", "贷款")],
    )
    assert any("创业担保贷款" in t and "20万" in t for t in texts) and CHECK_DECIDES in texts[-1], texts


async def test_not_knowing_the_group_gets_the_step_explained(service_url: str) -> None:
    slots: dict[str, Any] = {"requested_slot": "elig_person_category"}
    texts = await say(ValidateEligibilityForm(), "我不知道自己算哪一类", slots, intent="ask_question")
    assert slots.get("elig_person_category") is None and slots["requested_slot"] == "elig_person_category"
    assert any("退役军人" in t for t in texts), texts


async def test_a_name_corrected_by_one_character_is_the_name_not_the_project(service_url: str) -> None:
    slots = {**FILLED, "applicant_name": "刘海波", "project_name": None, "requested_slot": "project_name"}
    texts, set_slots = await validate("名字错了一个字，应该是刘海涛", "inform", slots)
    assert set_slots.get("applicant_name") == "刘海涛" and set_slots.get("project_name") is None, (texts, set_slots)
    assert set_slots["requested_slot"] == "project_name"


async def test_these_two_only_after_the_items_is_said_back_and_the_step_asked_again(service_url: str) -> None:
    slots = {"application_items": ["training", "employment_cert"], "requested_slot": "applicant_name"}
    texts, set_slots = await validate("就这两样", "inform", slots)
    assert set_slots.get("applicant_name") is None and set_slots["requested_slot"] == "applicant_name"
    assert any("就办这几项" in t and "创业培训" in t for t in texts), texts
    assert not any("不像是姓名" in t for t in texts), texts


async def test_a_business_type_asked_about_is_no_answer(service_url: str) -> None:
    said = "个体户和公司有什么区别"
    slots = {**FILLED, "business_type": None, "requested_slot": "business_type"}
    entities = [span("business_type", "individual_business", said, "个体户")]
    _, set_slots = await validate(said, "ask_question", slots, entities)
    assert set_slots.get("business_type") is None and set_slots.get("requested_slot") in (None, "business_type")


async def test_back_to_a_named_field_keeps_the_others(service_url: str) -> None:
    slots = {**FILLED, "requested_slot": "confirm_submission"}
    texts, set_slots = await validate("返回上一步改一下电话", "inform", slots)
    assert set_slots["requested_slot"] == "phone" and set_slots["phone"] is None, (texts, set_slots)
    assert "premises_address" not in set_slots and any("刚才填的是" in t for t in texts), texts


async def test_holding_on_at_the_summary_files_nothing_and_says_how_to_go_on(service_url: str) -> None:
    slots = {**FILLED, "requested_slot": "confirm_submission"}
    for said, intent in (("先别交，我考虑一下", "deny"), ("等等我再想想", "cancel")):
        texts, set_slots = await validate(said, intent, slots)
        assert set_slots.get("confirm_submission") is None and set_slots["requested_slot"] == "confirm_submission"
        assert any("先不提交" in t for t in texts) and not any("要改哪一项，例如" in t for t in texts), texts
    texts, set_slots = await validate("刚刚那份交上去没有", "ask_question", slots)
    assert any("还没有提交" in t for t in texts) and set_slots["requested_slot"] == "confirm_submission", texts


async def test_a_question_about_an_item_inside_the_form_chooses_nothing(service_url: str) -> None:
    said = "拿到执照后公章要我自己去刻吗"
    slots = {**FILLED, "application_items": ["training"], "industry": None, "requested_slot": "industry"}
    entities = [span("item", "business_registration", said, "执照")]
    _, set_slots = await validate(said, "ask_question", slots, entities)
    assert "application_items" not in set_slots and set_slots.get("industry") is None, set_slots
    said = "能帮我把执照也加上吗"
    _, set_slots = await validate(said, "inform", slots, [span("item", "business_registration", said, "执照")])
    assert "business_registration" in set_slots.get("application_items", []), set_slots


def test_a_negated_group_is_not_the_persons() -> None:
    from datetime import date

    from actions.eligibility import situation

    said = "我也不是困难户，大学毕业六年了，有补贴吗"
    profile = situation.read(
        said, [span("person_category", "hard_to_employ", said, "困难户")], date(2026, 12, 6)
    ).profile
    assert profile["person_category"] == "college_graduate" and profile["graduation_year"] == 2020
    said = "不算失业的，17年毕业"
    assert situation.category([span("person_category", "registered_unemployed", said, "失业")], said) is None


def test_quantities_are_no_questions_and_hotline_cues_name_the_caller() -> None:
    from actions.appeals.appeal_reading import NO_NUMBER
    from actions.application.form_guard import is_question
    from actions.application.form_labels import read_labelled

    assert not is_question("干了好几年了没请帮工") and is_question("全部弄完得花多长时间")
    found = read_labelled("这位阿姨叫王秀英，身份证430102199003041297", [], third_person=True).values
    assert found.get("applicant_name") == "王秀英"
    assert all(NO_NUMBER.search(s) for s in ("跟哪个具体办件都没关系", "没涉及任何申请", "编号我也想不起来了，不关联"))


async def test_one_part_of_the_address_corrected_at_the_summary(service_url: str) -> None:
    slots = {**FILLED, "requested_slot": "confirm_submission"}
    address = str(FILLED["premises_address"])
    district = next(part for part in ("芙蓉区", "岳麓区", "天心区", "开福区", "雨花区") if part in address)
    other = "开福区" if district != "开福区" else "天心区"
    texts, set_slots = await validate(f"区填错了，应该是{other}不是{district}", "deny", slots)
    assert set_slots.get("premises_address") == address.replace(district, other), (texts, set_slots)
    assert any("改为" in t for t in texts), texts


def test_facts_alone_never_start_the_form() -> None:
    from actions.application.application_start import carries_application_data
    from tests.actions.conftest import make_tracker, user_event

    said = "我前年毕业，店开一年多了，头一回创业"
    assert not carries_application_data(make_tracker([user_event(said, "inform")]))
    said = "我叫刘海波，身份证430102199003041297，想办执照"
    assert carries_application_data(make_tracker([user_event(said, "inform")]))


def test_items_left_for_later_are_not_filed_and_a_shop_name_keeps_its_mai() -> None:
    from actions.application.application_start import _items_of
    from actions.application.form_labels import read_labelled

    said = "等开了店再领补贴，现在只办创业证"
    entities = [span("item", "startup_subsidy", said, "补贴"), span("item", "employment_cert", said, "创业证")]
    assert _items_of(entities, said) == ["employment_cert"]
    said = "办完执照再办贷款"
    entities = [span("item", "business_registration", said, "执照"), span("item", "guaranteed_loan", said, "贷款")]
    assert _items_of(entities, said) == ["business_registration", "guaranteed_loan"]
    assert read_labelled("项目叫三丰小卖部，零售", []).values["project_name"] == "三丰小卖部"


async def test_no_bank_account_yet_is_told_it_can_be_provided_before_payment(service_url: str) -> None:
    # bundle.md lists the account under the subsidy's "Provide", not among the form's fields: never required.
    slots = {**FILLED, "application_items": ["startup_subsidy"], "bank_account": None, "requested_slot": "bank_account"}
    for said in ("还没有开对公账户", "我现在没有，能不能以后再补"):
        texts, set_slots = await validate(said, "ask_question", slots)
        assert set_slots.get("bank_account") is None, said
        assert any("可以不填" in t and "发放前补充" in t for t in texts), texts

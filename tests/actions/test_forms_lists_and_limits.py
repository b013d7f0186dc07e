"""Values in lists, non-answers, limits, changed minds, registration plans, bank accounts and dialect cues (issue 12).

A project's name said bare in a list of fields is the project's (also at its own step when other fields are named);
a choice question, an off-topic request or a bare "不对" at a free-text step is never stored; after a loan limit the
rejected field is asked again and "按最高的来" takes the limit; "是X不是Y" keeps X; an item is never a project;
registering a business type chooses the registration; a bank account keeps its digits alone; 俺/咱 name the person.
All wordings are invented.
"""

from typing import Any

import pytest

from actions.application.form_guard import is_question
from actions.application.form_items import items_in_words
from actions.application.form_labels import read_labelled
from actions.application.form_values import read_values
from tests.actions.conftest import make_form_tracker
from tests.actions.test_application_form import FILLED, validate

LOAN = {**FILLED, "application_items": ["guaranteed_loan"], "loan_amount": None, "loan_term_months": None}


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("打算开文具店，晓明文具，零售，个体户，娄底市娄星区青苔巷5号", "晓明文具"),
        ("做推拿，小梅推拿，生活服务，个体户，长沙市雨花区韶山路9号", "小梅推拿"),
        ("我叫李强，身份证430104199001011234，阿香烘焙，食品加工，个体户", "阿香烘焙"),
        ("想开个水果店，鲜果时光，零售，个体户", "鲜果时光"),  # the kind of shop gives way to its name
        ("我想开个小卖部，明明小卖部，零售，个体户", "明明小卖部"),
        ("她打算开秀秀酸菜鱼馆，餐饮，个体户", "秀秀酸菜鱼馆"),  # 开 + a name, without 个/家
        ("准备开湘妹子米粉店，餐饮业，个体工商户", "湘妹子米粉店"),
    ],
)
def test_a_project_said_bare_in_a_list_of_fields_is_the_project(text: str, project: str) -> None:
    values = read_labelled(text, []).values
    assert values.get("project_name") == project, values


@pytest.mark.parametrize(
    "text",
    [
        "王芳，430104199001011234，13912345678，退役军人",  # the name leads, no project
        "我叫张伟，身份证430104199001011234，手机13912345678，想申请创业补贴",
        "开个面馆，餐饮，个体户，普通人",
        "那还是先办个创业培训吧",  # an item is never a project's name
        "想先报个创业培训班吧",
    ],
)
def test_nothing_else_is_taken_for_the_project(text: str) -> None:
    project = read_labelled(text, []).values.get("project_name")
    assert project in (None, "面馆"), (text, project)


async def test_at_the_project_step_the_part_no_other_field_took_is_the_project(service_url: str) -> None:
    slots: dict[str, Any] = {**FILLED, "project_name": None, "industry": None, "requested_slot": "project_name"}
    for said, project in (("晓明文具，零售", "晓明文具"), ("阿香烘焙，食品加工，个体户", "阿香烘焙")):
        _, set_slots = await validate(said, "inform", dict(slots))
        assert set_slots.get("project_name") == project, (said, set_slots)
        assert set_slots.get("industry") in ("零售", "食品加工"), set_slots
    _, set_slots = await validate("面馆，名字叫老街面馆，餐饮业，个体户", "inform", dict(slots))
    assert set_slots.get("project_name") == "老街面馆", set_slots  # the name said with its cue wins


def test_a_choice_or_which_kinds_question_is_a_question() -> None:
    for text in ("证照发的是纸质版还是电子版", "补贴有哪几类", "营业执照几号能拿到", "要带身份证去吗"):
        assert is_question(text), text
    for text in ("晓明文具", "王记烧烤", "长沙市岳麓区麓山路12号", "还是原来那个"):
        assert not is_question(text), text


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("执照给的是纸质的还是电子的", "ask_question"),
        ("执照给的是纸质的还是电子的", "inform"),
        ("先帮我订个外卖 饿坏了", "out_of_scope"),
        ("你给我讲个笑话吧", "out_of_scope"),
    ],
)
async def test_a_question_or_off_topic_at_the_project_step_is_never_the_project(
    service_url: str, said: str, intent: str
) -> None:
    slots: dict[str, Any] = {**FILLED, "project_name": None, "requested_slot": "project_name"}
    _, set_slots = await validate(said, intent, slots)
    assert not set_slots.get("project_name"), set_slots


@pytest.mark.parametrize("said", ["志远小吃", "湘味小吃"])
async def test_a_snack_shop_named_at_the_project_step_is_the_project_even_when_read_as_off_topic(
    service_url: str, said: str
) -> None:
    slots: dict[str, Any] = {**FILLED, "project_name": None, "requested_slot": "project_name"}
    _, set_slots = await validate(said, "out_of_scope", slots)
    assert set_slots.get("project_name") == said, set_slots


@pytest.mark.parametrize("said", ["不对", "搞错了", "错了啊"])
async def test_a_bare_no_at_a_free_text_step_asks_which_field(service_url: str, said: str) -> None:
    slots: dict[str, Any] = {**FILLED, "project_name": None, "requested_slot": "project_name"}
    texts, set_slots = await validate(said, "deny", slots)
    assert not set_slots.get("project_name") and set_slots.get("requested_slot") == "project_name", set_slots
    reply = "\n".join(texts)
    assert "哪一项不对" in reply and "目前已记下的信息" in reply, reply


async def test_a_term_over_the_limit_said_with_other_values_is_asked_again_at_once(service_url: str) -> None:
    slots: dict[str, Any] = {**LOAN, "project_name": None, "requested_slot": "project_name"}
    texts, set_slots = await validate("贷款10万，贷5年", "inform", slots)
    assert set_slots.get("loan_amount") == 100000 and set_slots["requested_slot"] == "loan_term_months", set_slots
    assert any("最长3年" in t for t in texts), texts
    after = {**slots, "loan_amount": 100000, "requested_slot": "loan_term_months"}
    for reply in ("那就改成2年", "那就两年吧", "改成24个月"):
        _, set_slots = await validate(reply, "inform", after)
        assert set_slots.get("loan_term_months") == 24 and not set_slots.get("project_name"), (reply, set_slots)


@pytest.mark.parametrize("said", ["按最高额度来", "就按上限吧", "那就按最高的", "能贷多少就贷多少"])
async def test_the_highest_amount_asked_for_is_the_borrowers_limit(service_url: str, said: str) -> None:
    texts, set_slots = await validate(said, "inform", {**LOAN, "requested_slot": "loan_amount"})
    assert set_slots.get("loan_amount") == 200000, set_slots
    assert any("贷款金额按最高：20万元" in t for t in texts), texts  # the figure taken is said back


async def test_the_highest_amount_with_a_term_said_beside_it(service_url: str) -> None:
    _, set_slots = await validate("按最高额度来，3年", "inform", {**LOAN, "requested_slot": "loan_amount"})
    assert set_slots.get("loan_amount") == 200000 and set_slots.get("loan_term_months") == 36, set_slots
    _, set_slots = await validate("期限按最长的", "inform", {**LOAN, "requested_slot": "loan_term_months"})
    assert set_slots.get("loan_term_months") == 36, set_slots


def test_asking_the_limit_does_not_take_it() -> None:
    slots = {**LOAN, "requested_slot": "loan_amount"}
    text = "最高额度是多少？"
    found = read_values(make_form_tracker(text, "ask_question", slots), text, "ask_question", slots)
    assert "loan_amount" not in found.values, found.values


def _types(text: str) -> list[dict[str, Any]]:
    words = (("合作社", "cooperative"), ("个体户", "individual_business"), ("有限公司", "enterprise"))
    return [
        {"entity": "business_type", "value": value, "start": text.find(word), "end": text.find(word) + len(word)}
        for word, value in words
        if word in text
    ]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("弄错了，要登记的是合作社而不是个体户", "cooperative"),
        ("搞错了，是合作社不是个体户", "cooperative"),
        ("不对，不是个体户，是合作社", "cooperative"),
        ("说错了 应该是有限公司 不是个体户", "enterprise"),
        ("个体户不弄了，改成有限公司", "enterprise"),
    ],
)
def test_the_value_said_against_a_negated_one_is_kept_in_either_order(text: str, kept: str) -> None:
    slots = {**FILLED, "business_type": "individual_business", "requested_slot": "industry"}
    tracker = make_form_tracker(text, "inform", slots, _types(text))
    assert read_values(tracker, text, "inform", slots).values.get("business_type") == kept


@pytest.mark.parametrize(
    "text", ["打算注册个养蜂合作社，我叫李明", "想登记一个有限公司", "准备成立一家科技公司", "我想办个体户"]
)
def test_registering_a_business_chooses_the_registration(text: str) -> None:
    assert items_in_words(text, []) == ["business_registration"]


@pytest.mark.parametrize(
    "text", ["办个体户养老保险", "公司已经注册了", "注册个体户要什么材料", "成立了合作社三年", "开个奶茶店"]
)
def test_no_registration_without_a_plan_to_register(text: str) -> None:
    assert "business_registration" not in items_in_words(text, [])


@pytest.mark.parametrize(
    "said", ["建设银行衡阳分行 6217 0012 3456 7890 123", "建行的，6217-0012-3456-7890-123", "6217 0012 3456 7890 123"]
)
async def test_a_bank_account_keeps_its_digits_alone(service_url: str, said: str) -> None:
    slots = {**FILLED, "application_items": ["startup_subsidy"], "bank_account": None, "requested_slot": "bank_account"}
    _, set_slots = await validate(said, "inform", slots)
    assert set_slots.get("bank_account") == "6217001234567890123", set_slots


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("俺叫张大牛 身份证430104199001011234 手机13912345678", "张大牛"),
        ("俺名字叫李铁柱，身份证430104199001011234", "李铁柱"),
        ("咱叫王秀英，手机13912345678", "王秀英"),
        ("额叫刘二娃，手机13912345678", "刘二娃"),
    ],
)
def test_dialect_words_for_i_name_the_person(text: str, name: str) -> None:
    assert read_labelled(text, []).values.get("applicant_name") == name


def test_a_remark_about_oneself_is_never_the_industry() -> None:
    text = "俺是当过兵的，俺叫李铁柱，身份证430104199001011234，开个洗车铺，个体户"
    values = read_labelled(text, []).values
    assert "industry" not in values and values.get("applicant_name") == "李铁柱", values
    assert read_labelled("额度20万，贷3年", []).values == {"loan_term_months": 36, "loan_amount": "200000"}

"""The chat form's fields: order, labels, kinds and how a value is shown back to the user (masked)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ITEM_NAMES = {
    "employment_cert": "就业创业证申领",
    "pension_registration": "灵活就业人员养老保险登记",
    "startup_subsidy": "一次性创业补贴申领",
    "guaranteed_loan": "创业担保贷款",
    "incubator": "入驻创业孵化基地",
    "training": "创业培训",
    "business_registration": "经营主体登记注册",
    "taxpayer_confirmation": "纳税人信息确认",
}
ITEMS_TOGETHER = ("business_registration", "taxpayer_confirmation")
CHOICE_LABELS = {
    "person_category": {
        "college_graduate": "高校毕业生",
        "returning_migrant_worker": "返乡创业农民工",
        "veteran": "退役军人",
        "registered_unemployed": "登记失业人员",
        "hard_to_employ": "就业困难人员",
        "other": "其他",
    },
    "other_category": {
        "released_prisoner": "刑满释放人员",
        "online_merchant": "网络商户",
        "poverty_alleviated": "脱贫人口",
        "rural_self_employed": "农村自主创业农民",
    },
    "business_type": {"individual_business": "个体工商户", "enterprise": "企业", "cooperative": "农民专业合作社"},
}


@dataclass(frozen=True)
class Field:
    """One field of the chat form.

    Attributes:
        slot: Slot name in the domain.
        service_field: Field name in the bundle service's form.
        label: Chinese label shown in re-prompts and the summary.
        free_text: True when any text answers it (name, project …): questions and commands are not taken as
            answers.
    """

    slot: str
    service_field: str
    label: str
    free_text: bool = False


FIELDS = (
    Field("application_items", "items", "拟申请事项"),
    Field("applicant_name", "applicant_name", "申请人姓名", free_text=True),
    Field("id_number", "id_number", "身份证号码"),
    Field("phone", "phone", "手机号码"),
    Field("person_category", "person_category", "人员类别"),
    Field("other_category", "other_category", "其他人员类别"),
    Field("project_name", "project_name", "创业项目名称", free_text=True),
    Field("industry", "industry", "行业", free_text=True),
    Field("business_type", "business_type", "经营主体类型"),
    Field("premises_address", "premises_address", "经营场所地址", free_text=True),
    Field("city", "city", "经营场所所在市州"),
    Field("county", "county", "经营场所所在县市区"),
    Field("loan_amount", "loan_amount", "贷款金额"),
    Field("loan_term_months", "loan_term_months", "贷款期限"),
    Field("graduation_year", "graduation_year", "毕业年份"),
    Field("business_started_on", "business_started_on", "经营主体成立日期"),
    Field("first_time_founder", "first_time_founder", "是否首次创业"),
    Field("bank_account", "bank_account", "经营主体银行账户", free_text=True),
)
BY_SLOT = {f.slot: f for f in FIELDS}
BY_SERVICE_FIELD = {f.service_field: f for f in FIELDS}
FORM_SLOTS = tuple(f.slot for f in FIELDS)
CONFIRM_SLOT = "confirm_submission"
PAUSED = "application_paused"  # true while an outage keeps a half-filled form for "继续申请"


def mask_id_number(value: str) -> str:
    """``430104********123X``: the first 6 and last 4 characters stay."""
    return f"{value[:6]}{'*' * (len(value) - 10)}{value[-4:]}" if len(value) > 10 else "*" * len(value)


def mask_phone(value: str) -> str:
    """``139****5678``."""
    return f"{value[:3]}****{value[-4:]}" if len(value) == 11 else "*" * len(value)


def mask_account(value: str) -> str:
    """A bank account with only its last 4 digits."""
    return f"****{value[-4:]}" if len(value) > 4 else "*" * len(value)


def _amount(value: Any) -> str:
    amount = int(float(value))
    return f"{amount // 10000}万元" if amount % 10000 == 0 else f"{amount}元"


def _term(value: Any) -> str:
    months = int(value)
    return f"{months // 12}年" if months % 12 == 0 else f"{months}个月"


FORMATTERS: dict[str, Callable[[Any], str]] = {
    "application_items": lambda codes: "、".join(ITEM_NAMES.get(code, code) for code in codes),
    "id_number": lambda value: mask_id_number(str(value)),
    "phone": lambda value: mask_phone(str(value)),
    "bank_account": lambda value: mask_account(str(value)),
    "loan_amount": _amount,
    "loan_term_months": _term,
    "first_time_founder": lambda value: "是" if value in (True, "true", "True") else "否",
}


def _label_of(labels: dict[str, str]) -> Callable[[Any], str]:
    return lambda value: labels.get(str(value), str(value))


FORMATTERS.update({slot: _label_of(labels) for slot, labels in CHOICE_LABELS.items()})


def display(slot: str, value: Any) -> str:
    """A slot value as the user should see it in chat: labels for codes, personal data masked."""
    if value is None:
        return "（未填写）"
    formatter = FORMATTERS.get(slot)
    return formatter(value) if formatter else str(value)


def service_form(slots: dict[str, Any]) -> dict[str, Any]:
    """The filled slots as the service's form (absent fields left out)."""
    return {f.service_field: slots[f.slot] for f in FIELDS if slots.get(f.slot) not in (None, "", [])}

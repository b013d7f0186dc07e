"""Validators of the form's single fields: each normalises a value or raises a precise ``FieldProblem``.

The same validators serve the whole-form check on submit and ``POST /api/v1/validation/{field}``, so the chat
form re-prompts with the service's own reason.
"""

import re
from datetime import date
from typing import Any

from bundle_service.applications.catalog import load_items
from bundle_service.applications.field_checks import FieldContext, Validator, choice_value, text_value
from bundle_service.applications.field_problem import FieldProblem
from bundle_service.applications.id_numbers import normalise_id_number
from bundle_service.applications.loan_fields import (
    borrower_of,
    loan_amount,
    loan_borrower,
    loan_term_months,
    max_loan_amount,
    partner_count,
)
from bundle_service.applications.vocabulary import load_vocabulary
from bundle_service.eligibility.policy import load_policy
from contract.labels import FIELD_LABELS
from contract.phones import MOBILE

__all__ = ["FIELD_LABELS", "VALIDATORS", "FieldContext", "borrower_of", "max_loan_amount"]

MIN_GRADUATION_YEAR = 1950


def applicant_name(value: Any, _ctx: FieldContext) -> str:
    """2–20 Chinese characters; minority names may contain “·”."""
    text = text_value(value, FIELD_LABELS["applicant_name"], 2, 20, "name_length").replace("•", "·").replace(" ", "")
    if not re.fullmatch(r"[\u4e00-\u9fff·]{2,20}", text) or text.startswith("·") or text.endswith("·"):
        raise FieldProblem("name_format", "姓名应为身份证上的中文姓名（少数民族姓名可含“·”）。")
    return text


def id_number(value: Any, ctx: FieldContext) -> str:
    """An 18-character resident ID number with a valid birth date and GB 11643 check digit."""
    return normalise_id_number(value, ctx.today)


def phone(value: Any, _ctx: FieldContext) -> str:
    """A mainland mobile number: 11 digits starting with 1 (spaces, dashes and +86 removed)."""
    text = re.sub(r"[\s\-()（）]", "", str(value if value is not None else ""))
    if not text:
        raise FieldProblem("required", "请填写手机号码。")
    text = re.sub(r"^(\+?86)(?=1\d{10}$)", "", text)
    if not text.isdigit():
        raise FieldProblem("phone_format", "手机号码只能包含数字。")
    if len(text) != 11:
        raise FieldProblem("phone_length", f"手机号码应为11位，您填写的是{len(text)}位。")
    if not MOBILE.fullmatch(text):
        raise FieldProblem("phone_format", "请填写中国大陆手机号码（以13至19开头的11位数字）。")
    return text


def person_category(value: Any, _ctx: FieldContext) -> str:
    """One of the form's person categories (code, label or alias)."""
    return choice_value(
        value, load_vocabulary().person_categories, FIELD_LABELS["person_category"], "person_category_unknown"
    )


def other_category(value: Any, _ctx: FieldContext) -> str:
    """For category “其他”: released prisoner, online merchant, poverty-alleviated or rural self-employed."""
    return choice_value(
        value, load_vocabulary().other_categories, FIELD_LABELS["other_category"], "other_category_unknown"
    )


def project_name(value: Any, _ctx: FieldContext) -> str:
    """2–50 characters."""
    return text_value(value, FIELD_LABELS["project_name"], 2, 50, "project_name_length")


def industry(value: Any, _ctx: FieldContext) -> str:
    """2–30 characters."""
    return text_value(value, FIELD_LABELS["industry"], 2, 30, "industry_length")


def business_type(value: Any, _ctx: FieldContext) -> str:
    """Individual business, enterprise or farmers' cooperative."""
    return choice_value(value, load_vocabulary().business_types, FIELD_LABELS["business_type"], "business_type_unknown")


def premises_address(value: Any, _ctx: FieldContext) -> str:
    """5–100 characters."""
    return text_value(value, FIELD_LABELS["premises_address"], 5, 100, "address_length")


def city(value: Any, _ctx: FieldContext) -> str:
    """One of Hunan's 14 cities and prefectures (市州), short names accepted."""
    text = str(value if value is not None else "").strip()
    if not text:
        raise FieldProblem("required", "请填写经营场所所在的市州。")
    for name, aliases in load_vocabulary().cities.items():
        if text == name or text in aliases or text == f"湖南省{name}":
            return name
    raise FieldProblem("city_not_in_hunan", f"“{text}”不是湖南省的市州，本事项只受理经营场所在湖南省内的申请。")


def county(value: Any, _ctx: FieldContext) -> str:
    """A county-level name ending in 区, 县 or 市."""
    text = text_value(value, "县市区", 2, 20, "county_length")
    if not text.endswith(("区", "县", "市")):
        raise FieldProblem("county_format", "请填写县市区的全称，例如“岳麓区”“浏阳市”“宁乡县”。")
    return text


def items(value: Any, _ctx: FieldContext) -> list[str]:
    """Item codes (or names/short names); business registration and taxpayer confirmation go together."""
    if value is not None and not isinstance(value, str | list | tuple):
        raise FieldProblem("items_format", "拟申请事项应为事项名称或列表。")
    raw = re.split(r"[,，、;；\s]+", value) if isinstance(value, str) else list(value or [])
    catalogue = load_items()
    aliases = load_vocabulary().item_aliases
    chosen: list[str] = []
    for entry in (str(v).strip() for v in raw):
        if not entry:
            continue
        code = next(
            (c for c, item in catalogue.items() if entry in (c, item.name, *aliases.get(c, []))),
            None,
        )
        if code is None:
            raise FieldProblem("item_unknown", f"“{entry}”不是本事项包含的办理事项。")
        if code not in chosen:
            chosen.append(code)
    if not chosen:
        raise FieldProblem("required", "请至少选择一个拟申请事项。")
    for group in load_policy().items_together:
        if any(c in chosen for c in group) and not all(c in chosen for c in group):
            names = "和".join(catalogue[c].name for c in group)
            raise FieldProblem("items_together", f"{names}须一并申请。")
    return [c for c in catalogue if c in chosen]


def graduation_year(value: Any, ctx: FieldContext) -> int:
    """A four-digit year, not after this year."""
    text = str(value if value is not None else "").strip().removesuffix("年")
    if not text.isdigit() or len(text) != 4:
        raise FieldProblem("graduation_year_format", "毕业年份请填写4位年份，例如“2023”。")
    year = int(text)
    if not MIN_GRADUATION_YEAR <= year <= ctx.today.year:
        raise FieldProblem("graduation_year_range", f"毕业年份应在{MIN_GRADUATION_YEAR}年到{ctx.today.year}年之间。")
    return year


def parse_date(value: Any) -> date:
    """A date from ``2025-03-01``, ``2025/3/1``, ``2025.3.1`` or ``2025年3月1日``.

    Raises:
        FieldProblem: ``date_format`` when the text is not a real date.
    """
    if isinstance(value, date):
        return value
    match = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", str(value or "").strip())
    try:
        if match is None:
            raise ValueError
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise FieldProblem("date_format", "日期请按“2025-03-01”或“2025年3月1日”填写。") from None


def business_started_on(value: Any, ctx: FieldContext) -> date:
    """Date the business was registered; not in the future."""
    day = parse_date(value)
    if day > ctx.today:
        raise FieldProblem("date_in_future", "经营主体成立日期不能晚于今天。")
    return day


def first_time_founder(value: Any, _ctx: FieldContext) -> bool:
    """Yes/no: ``true``/``false`` or 是/否, 首次/不是首次."""
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().lower()
    if text in {"true", "1", "yes", "是", "是的", "首次", "第一次", "对"}:
        return True
    if text in {"false", "0", "no", "否", "不是", "不是首次", "非首次", "不是第一次"}:
        return False
    raise FieldProblem("boolean_format", "请回答“是”或“否”。")


def bank_account(value: Any, _ctx: FieldContext) -> str:
    """8–30 digits, spaces removed."""
    text = re.sub(r"[\s-]", "", str(value if value is not None else ""))
    if not text:
        raise FieldProblem("required", "请填写经营主体的银行账户（用于发放创业补贴）。")
    if not re.fullmatch(r"\d{8,30}", text):
        raise FieldProblem("bank_account_format", "银行账户应为8到30位数字。")
    return text


def id_last6(value: Any, _ctx: FieldContext) -> str:
    """The last 6 characters of an ID number (digits, the last may be X)."""
    text = str(value if value is not None else "").strip().upper()
    if not re.fullmatch(r"\d{5}[\dX]", text):
        raise FieldProblem("id_last6_format", "请填写身份证号码的后6位（最后一位可能是X）。")
    return text


VALIDATORS: dict[str, Validator] = {
    "applicant_name": applicant_name,
    "id_number": id_number,
    "phone": phone,
    "person_category": person_category,
    "other_category": other_category,
    "project_name": project_name,
    "industry": industry,
    "business_type": business_type,
    "premises_address": premises_address,
    "city": city,
    "county": county,
    "items": items,
    "loan_amount": loan_amount,
    "loan_term_months": loan_term_months,
    "loan_borrower": loan_borrower,
    "partner_count": partner_count,
    "graduation_year": graduation_year,
    "business_started_on": business_started_on,
    "first_time_founder": first_time_founder,
    "bank_account": bank_account,
    "id_last6": id_last6,
}

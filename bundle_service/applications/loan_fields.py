"""Validators of the loan fields: borrower type, partners, amount and term within the policy limits."""

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from bundle_service.applications.field_checks import FieldContext, choice_value
from bundle_service.applications.field_problem import FieldProblem
from bundle_service.applications.vocabulary import load_vocabulary
from bundle_service.eligibility.policy import load_policy
from contract.labels import FIELD_LABELS

MAX_AMOUNT_DIGITS = 15  # digits and decimal point of an amount: beyond any loan, and no float overflow
MAX_TERM_DIGITS = 4


def loan_borrower(value: Any, _ctx: FieldContext) -> str:
    """Individual, partnership or small/micro enterprise."""
    return choice_value(value, load_vocabulary().loan_borrowers, FIELD_LABELS["loan_borrower"], "loan_borrower_unknown")


def borrower_of(ctx: FieldContext) -> str:
    """Borrower type from the context: given explicitly, else enterprise for enterprises and individual otherwise."""
    given = ctx.values.get("loan_borrower")
    if given:
        return loan_borrower(given, ctx)
    business = ctx.values.get("business_type")
    if not business:
        return "individual"
    types = load_vocabulary().business_types
    return (
        "enterprise"
        if choice_value(business, types, FIELD_LABELS["business_type"], "business_type_unknown") == "enterprise"
        else ("individual")
    )


def partner_count(value: Any, _ctx: FieldContext) -> int:
    """Number of partners of a partnership loan (2–50)."""
    limit = load_policy().loan_limit("partnership")
    try:
        count = int(str(value).strip())
    except ValueError:
        raise FieldProblem("partner_count_format", "合伙人数请填写整数。") from None
    if not limit.min_partners <= count <= limit.max_partners:
        raise FieldProblem("partner_count_range", f"合伙创业人数应在{limit.min_partners}到{limit.max_partners}人之间。")
    return count


def _yuan(amount: int) -> str:
    return f"{amount / 10000:g}万元（{amount}元）"


def max_loan_amount(borrower: str, partners: int | None) -> int:
    """Highest loan for a borrower type; partnerships get 10% more per person, in total."""
    limit = load_policy().loan_limit(borrower)
    if borrower == "partnership":
        return int(limit.max_amount_yuan * (1 + limit.uplift) * (partners or limit.min_partners))
    return limit.max_amount_yuan


def loan_amount(value: Any, ctx: FieldContext) -> int:
    """Yuan, as a number or text like “15万”, “200000元”; within the borrower's limit."""
    text = str(value if value is not None else "").strip().replace(",", "").replace("，", "")
    if not text:
        raise FieldProblem("required", "请填写贷款金额。")
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(万)?\s*元?", text)
    if not match:
        raise FieldProblem("loan_amount_format", "贷款金额请用数字填写，例如“150000”或“15万”。")
    if len(match.group(1)) > MAX_AMOUNT_DIGITS:
        raise FieldProblem("loan_amount_format", "贷款金额数字过长，请填写实际金额，例如“150000”或“15万”。")
    try:
        amount = Decimal(match.group(1)) * (10000 if match.group(2) else 1)
    except InvalidOperation:
        raise FieldProblem("loan_amount_format", "贷款金额请用数字填写。") from None
    if amount <= 0 or amount != amount.to_integral_value():
        raise FieldProblem("loan_amount_not_positive", "贷款金额应为大于0的整数元。")
    borrower = borrower_of(ctx)
    partners = partner_count(ctx.values["partner_count"], ctx) if ctx.values.get("partner_count") else None
    highest = max_loan_amount(borrower, partners)
    if amount > highest:
        who = load_vocabulary().loan_borrowers[borrower].label
        extra = f"（{partners or 2}人合伙，人均上浮10%）" if borrower == "partnership" else ""
        raise FieldProblem(
            "loan_amount_over_limit", f"{who}创业担保贷款最高{_yuan(highest)}{extra}，您填写的是{_yuan(int(amount))}。"
        )
    return int(amount)


_CN_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}


def loan_term_months(value: Any, ctx: FieldContext) -> int:
    """Months, from a number (months) or text like “3年”, “24个月”, “两年”; within the borrower's limit."""
    text = str(value if value is not None else "").strip()
    if not text:
        raise FieldProblem("required", "请填写贷款期限。")
    match = re.fullmatch(r"(\d+|[一二两三四五])\s*(年|个月|月)?", text)
    if not match:
        raise FieldProblem("loan_term_format", "贷款期限请填写月数或年数，例如“36个月”或“3年”。")
    if len(match.group(1)) > MAX_TERM_DIGITS:
        raise FieldProblem("loan_term_format", "贷款期限数字过长，请填写月数或年数，例如“36个月”或“3年”。")
    number = _CN_NUMBERS.get(match.group(1)) or int(match.group(1))
    months = number * 12 if match.group(2) == "年" else number
    if months <= 0:
        raise FieldProblem("loan_term_format", "贷款期限应至少1个月。")
    borrower = borrower_of(ctx)
    limit = load_policy().loan_limit(borrower)
    if months > limit.max_term_months:
        who = load_vocabulary().loan_borrowers[borrower].label
        raise FieldProblem(
            "loan_term_over_limit",
            f"{who}创业担保贷款期限最长{limit.max_term_months // 12}年（{limit.max_term_months}个月），"
            f"您填写的是{months}个月。",
        )
    return months

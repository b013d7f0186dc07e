"""Whole-form validation of 《个人创业"一件事"信息采集表》: fields, shared data, required fields, eligibility.

Held data (免提交) is never required from an identified applicant: their shared records fill it and, being
authoritative, override what the form says for graduation year, business start date and first-time founding. The
records come only through ``person`` (``RecordsAccess.person``: the caller's own records, once identified); without
it nothing is looked up, every field is required from the form and no rule compares the form with any record.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bundle_service.adapters.data_sharing import PersonRecords, SharedData
from bundle_service.applications import fields as f
from bundle_service.applications.catalog import load_items
from bundle_service.applications.field_problem import FieldProblem
from bundle_service.core.errors import FieldError, InvalidInput
from bundle_service.eligibility.profile import build_profile
from bundle_service.eligibility.rules import RULES
from contract.labels import ITEM_NAMES

REQUIRED = (
    "applicant_name",
    "id_number",
    "phone",
    "person_category",
    "project_name",
    "industry",
    "business_type",
    "premises_address",
    "city",
    "county",
    "items",
)
LOAN_DEPENDENT = ("loan_amount", "loan_term_months")
# The form's fields the eligibility rules read (with the ID number's birth date and the records' licence).
FORM_FACTS = (
    "person_category",
    "other_category",
    "graduation_year",
    "business_started_on",
    "first_time_founder",
    "business_type",
)
LICENCE_SOURCE = "市场监管登记注册数据库（电子营业执照）"
GRADUATION_SOURCE = "学历信息共享（电子证照库）"
CATEGORY_SOURCES = {
    "registered_unemployed": "城镇登记失业人员信息库",
    "hard_to_employ": "就业困难群体信息库",
    "veteran": "电子证照库（退役军人证件）",
}
STATED_FIRST = frozenset({"person_category", "business_type"})  # held, but what the form states is kept
PersonLookup = Callable[[str], PersonRecords | None]


def no_records(_id_number: str) -> None:
    """The lookup of a caller who is not identified: nothing, and nothing is asked."""
    return None


@dataclass
class ValidForm:
    """A validated, normalised form.

    Attributes:
        values: Normalised field values (absent fields are missing).
        shared_fields: Fields filled from shared data, with their source.
        holdings: Record kinds held for the applicant (for the material checklist).
        records: The applicant's shared records, if found.
    """

    values: dict[str, Any]
    shared_fields: dict[str, str] = field(default_factory=dict)
    holdings: frozenset[str] = frozenset({"identity"})
    records: PersonRecords | None = None


def held_fields(records: PersonRecords, items: list[str]) -> dict[str, str]:
    """The fields a person's records hold (免提交: never asked), with their source, in the form's order.

    A business registered in this very bundle has no licence yet: its date and type are not held then.
    """
    held: dict[str, str] = {}
    if records.proven_category:
        held["person_category"] = CATEGORY_SOURCES[records.proven_category]
    if records.graduation_year is not None:
        held["graduation_year"] = GRADUATION_SOURCE
    if records.first_licence is not None and "business_registration" not in items:
        held["business_started_on"] = LICENCE_SOURCE
        held["business_type"] = LICENCE_SOURCE
    held["first_time_founder"] = LICENCE_SOURCE
    return held


def _record_values(records: PersonRecords) -> dict[str, Any]:
    licence = records.first_licence
    return {
        "graduation_year": records.graduation_year,
        "person_category": records.proven_category,
        "business_started_on": licence.registered_on if licence else None,
        "business_type": licence.business_type if licence else None,
        "first_time_founder": len(records.licences) <= 1,
    }


def _fill_from_records(form: ValidForm, records: PersonRecords, errors: list[FieldError]) -> None:
    """Put the held fields' values into the form; the records win, but a stated category or business type stays."""
    values = form.values
    name = values.get("applicant_name")
    if name is not None and name != records.name:
        errors.append(FieldError("applicant_name", "name_mismatch", "姓名与身份证号码登记的姓名不一致，请核对。"))
    held = held_fields(records, values.get("items", []))
    for field_name, value in _record_values(records).items():
        if field_name not in held or (field_name in STATED_FIRST and values.get(field_name) is not None):
            continue
        values[field_name] = value
        form.shared_fields[field_name] = held[field_name]


def _check_loan(values: dict[str, Any], raw: dict[str, Any], ctx: f.FieldContext, errors: list[FieldError]) -> None:
    if "guaranteed_loan" not in values.get("items", []):
        for name in (*LOAN_DEPENDENT, "loan_borrower", "partner_count"):
            values.pop(name, None)
        return
    borrower = values.setdefault("loan_borrower", f.borrower_of(ctx))
    if borrower == "enterprise" and values.get("business_type") not in (None, "enterprise"):
        errors.append(
            FieldError("loan_borrower", "loan_borrower_mismatch", "小微企业贷款须由企业申请，请核对经营主体类型。")
        )
        return
    if borrower == "partnership" and "partner_count" not in values and "partner_count" not in raw:
        errors.append(FieldError("partner_count", "required", "合伙创业申请贷款，请填写合伙人数。"))
        return
    loan_ctx = f.FieldContext(ctx.today, values)
    for name in LOAN_DEPENDENT:
        if raw.get(name) is None:
            errors.append(
                FieldError(name, "required", f"{ITEM_NAMES['guaranteed_loan']}，请填写{f.FIELD_LABELS[name]}。")
            )
            continue
        try:
            values[name] = f.VALIDATORS[name](raw[name], loan_ctx)
        except FieldProblem as problem:
            errors.append(FieldError(name, problem.code, problem.message))


def _check_eligibility(form: ValidForm, today: date, errors: list[FieldError]) -> None:
    values = form.values
    chosen = values.get("items", [])
    records = form.records
    facts = {
        **{name: values.get(name) for name in FORM_FACTS},
        "has_licence": bool(records.licences) if records else None,
        "holds_employment_cert": bool(records and records.employment_cert),
    }
    profile = build_profile(today, facts, id_number=values.get("id_number"), applying_items=chosen)
    flagged = {e.field for e in errors}
    catalogue = load_items()
    for code in chosen:
        assessment = RULES[code](profile)
        if assessment.qualifies:
            continue
        if assessment.failed:
            errors.append(
                FieldError("items", "not_eligible", f"{catalogue[code].name}：{assessment.reason}", item=code)
            )
            continue
        for name in assessment.missing:
            if name not in flagged:
                item = catalogue[code].name
                # Several official names already begin with 申请 (申请参加创业培训): never "申请申请…".
                message = f"{item if item.startswith('申请') else '申请' + item}，请填写{f.FIELD_LABELS[name]}。"
                errors.append(FieldError(name, "required_for_item", message))
                flagged.add(name)


def validate_form(
    raw: dict[str, Any],
    shared: SharedData,
    today: date,
    required: tuple[str, ...] = REQUIRED,
    person: PersonLookup = no_records,
) -> ValidForm:
    """Validate a submitted form completely and normalise it.

    Args:
        raw: Field values as submitted (absent or None = not given).
        shared: The data-sharing adapter (registered premises: not about a person).
        today: Today in the service's time zone.
        required: Fields that must be present (after shared data filled what it holds).
        person: The applicant's shared records by ID number; only the records of the person the caller is
            identified as (default: none).

    Returns:
        The valid form with shared data filled in.

    Raises:
        InvalidInput: every problem found, each with field, code and Chinese message.
    """
    given = {k: v for k, v in raw.items() if v is not None and v not in ("", [])}
    ctx = f.FieldContext(today, given)
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    for name, value in given.items():
        if name in LOAN_DEPENDENT or name not in f.VALIDATORS or name == "id_last6":
            continue
        try:
            values[name] = f.VALIDATORS[name](value, ctx)
        except FieldProblem as problem:
            errors.append(FieldError(name, problem.code, problem.message))
    form = ValidForm(values=values)
    if "id_number" in values:
        form.records = person(values["id_number"])
        if form.records is not None:
            _fill_from_records(form, form.records, errors)
            form.holdings = form.records.holdings
    if "premises_address" in values and shared.premises(values["premises_address"]) is not None:
        form.holdings = form.holdings | {"premises"}
    invalid = {e.field for e in errors}
    for name in required:
        if name not in values and name not in invalid:
            errors.append(FieldError(name, "required", f"请填写{f.FIELD_LABELS[name]}。"))
    _check_loan(values, given, f.FieldContext(today, values), errors)
    if "items" in values:
        _check_eligibility(form, today, errors)
    if errors:
        raise InvalidInput(errors)
    return form

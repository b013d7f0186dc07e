"""The chat form's fields: order, kinds and how a value is shown back to the user (masked).

Item names, field labels and choice labels come from their one source, :mod:`contract.labels` (the service shows
the same names); masking follows :mod:`contract.masking`.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from contract.labels import CHOICE_LABELS, FIELD_LABELS, ITEM_NAMES
from contract.masking import mask_bank_account, mask_id_number, mask_phone


@dataclass(frozen=True)
class Field:
    """One field of the chat form.

    Attributes:
        slot: Slot name in the domain.
        service_field: Field name in the bundle service's form.
        free_text: True when any text answers it (name, project …): questions and commands are not taken as
            answers.
    """

    slot: str
    service_field: str
    free_text: bool = False

    @property
    def label(self) -> str:
        """Chinese label shown in re-prompts and the summary (the service's label of the field)."""
        return FIELD_LABELS[self.service_field]


FIELDS = (
    Field("application_items", "items"),
    Field("applicant_name", "applicant_name", free_text=True),
    Field("id_number", "id_number"),
    Field("phone", "phone"),
    Field("person_category", "person_category"),
    Field("other_category", "other_category"),
    Field("project_name", "project_name", free_text=True),
    Field("industry", "industry", free_text=True),
    Field("business_type", "business_type"),
    Field("premises_address", "premises_address", free_text=True),
    Field("city", "city"),
    Field("county", "county"),
    Field("loan_borrower", "loan_borrower"),  # set from words ("三个人合伙"); the service decides it otherwise
    Field("partner_count", "partner_count"),  # asked only for a partnership's loan
    Field("loan_amount", "loan_amount"),
    Field("loan_term_months", "loan_term_months"),
    Field("graduation_year", "graduation_year"),
    Field("business_started_on", "business_started_on"),
    Field("first_time_founder", "first_time_founder"),
    Field("bank_account", "bank_account", free_text=True),
)
BY_SLOT = {f.slot: f for f in FIELDS}
BY_SERVICE_FIELD = {f.service_field: f for f in FIELDS}
FORM_SLOTS = tuple(f.slot for f in FIELDS)
CONFIRM_SLOT = "confirm_submission"
PAUSED = "application_paused"  # true while an outage or another task keeps a half-filled form for "继续申请"
ATTEMPT = "application_attempt"  # one id per started application (the idempotency of its filing)
# The actions after which earlier messages no longer belong to the next application.
CANCEL_ACTION = "action_cancel_application"
FORM_ENDS = frozenset({"action_submit_application", CANCEL_ACTION, "action_session_start"})


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
    "bank_account": lambda value: mask_bank_account(str(value)),
    "loan_amount": _amount,
    "loan_term_months": _term,
    "first_time_founder": lambda value: "是" if value in (True, "true", "True") else "否",
    "partner_count": lambda value: f"{value}人",
    "graduation_year": lambda value: f"{value}年",
    "business_started_on": lambda value: _day(str(value)),
}


def _day(iso: str) -> str:
    """``2025-06-01`` → ``2025年6月1日`` (anything else as it is)."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.year}年{day.month}月{day.day}日"


def _label_of(labels: Mapping[str, str]) -> Callable[[Any], str]:
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

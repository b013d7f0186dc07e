"""What leaves the service for a provider: only its kind's fields, read from the application, and how it is recorded."""

from collections.abc import Callable
from dataclasses import dataclass

from bundle_service.bookings.kinds import BookingKind
from bundle_service.core.masking import mask_details
from bundle_service.models import Application
from contract.labels import CHOICE_LABELS


@dataclass(frozen=True)
class PassedField:
    """A field a provider may receive.

    Attributes:
        label: Its Chinese name (shown to the user before they choose).
        value: Reads it from the application.
    """

    label: str
    value: Callable[[Application], str]


def _business_type(application: Application) -> str:
    code = application.business_type or ""
    return CHOICE_LABELS["business_type"].get(code, code)


FIELDS: dict[str, PassedField] = {
    "business_name": PassedField("经营主体名称", lambda a: a.project_name or ""),
    "business_type": PassedField("经营主体类型", _business_type),
    "operator_name": PassedField("经营者（法定代表人）姓名", lambda a: a.applicant_name),
    "id_number": PassedField("经营者身份证号码", lambda a: a.applicant.id_number),
    "phone": PassedField("联系电话", lambda a: a.phone),
    "premises_address": PassedField("经营场所地址", lambda a: a.premises_address or ""),
    "application_number": PassedField("一件事申请编号（供核验营业执照）", lambda a: a.number),
}


def labels(kind: BookingKind) -> list[str]:
    """The Chinese names of what a provider of ``kind`` receives."""
    return [FIELDS[name].label for name in kind.fields]


def payload(application: Application, kind: BookingKind) -> dict[str, str]:
    """Exactly the fields of ``kind``, from the application (the provider receives this and nothing else)."""
    return {name: FIELDS[name].value(application) for name in kind.fields}


def record_of(passed: dict[str, str]) -> dict[str, str]:
    """What was passed, as stored with the booking: the same keys, ID and phone numbers masked."""
    return {name: str(value) for name, value in mask_details(dict(passed)).items()}

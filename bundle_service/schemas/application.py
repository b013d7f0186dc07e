"""The one form as submitted, and the application as answered."""

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict


class ApplicationIn(BaseModel):
    """《个人创业"一件事"信息采集表》 as submitted.

    Values are checked by the service's own validators (precise 422 reasons); choice fields take codes or Chinese
    labels. Fields held by data sharing may be omitted (免提交).
    """

    model_config = ConfigDict(extra="forbid")

    applicant_name: str | None = None
    id_number: str | None = None
    phone: str | int | None = None
    person_category: str | None = None
    other_category: str | None = None
    project_name: str | None = None
    industry: str | None = None
    business_type: str | None = None
    premises_address: str | None = None
    city: str | None = None
    county: str | None = None
    items: list[str] | str | None = None
    loan_amount: int | float | str | None = None
    loan_term_months: int | str | None = None
    loan_borrower: str | None = None
    partner_count: int | str | None = None
    graduation_year: int | str | None = None
    business_started_on: date | str | None = None
    first_time_founder: bool | str | None = None
    bank_account: str | None = None


class ItemRef(BaseModel):
    """An item by code and name."""

    code: str
    name: str


class MaterialOut(BaseModel):
    """One entry of the material checklist."""

    code: str
    name: str
    items: list[str]
    exempt: bool
    status: str
    source: str | None


class DepartmentProgress(BaseModel):
    """A department's task as the applicant sees it."""

    task_id: int
    department_code: str
    department: str
    items: list[ItemRef]
    status: str
    status_label: str
    reason: str | None
    received_at: datetime
    time_limit_days: int
    due_date: date
    due_date_estimated: bool
    due_date_note: str | None
    working_days_left: int | None
    light: str | None


class ApplicantOut(BaseModel):
    """The applicant, masked unless the reader may see the full data."""

    name: str
    id_number: str
    phone: str


class ApplicationOut(BaseModel):
    """An application: number, overall state, checklist and departments."""

    number: str
    state: str
    state_label: str
    submitted_at: datetime
    filed_by: str
    one_click: bool
    applicant: ApplicantOut
    items: list[ItemRef]
    materials: list[MaterialOut]
    shared_fields: dict[str, str]
    departments: list[DepartmentProgress]
    finished: bool
    rated: bool

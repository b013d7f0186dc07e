"""Admin settings of the hotline: 诉求 categories with their time limits, and the service hours."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class CategorySettingIn(BaseModel):
    """One 诉求 category (the fields of ``data/appeal_categories.yml``; another field is refused, as for providers)."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(max_length=40, description="Stable machine code (a-z, digits, _); never rename one in use.")
    label: str = Field(max_length=30)
    time_limit_days: int = Field(description="Working days to answer, 1–60 (the receipt day not counted).")
    keywords: list[str] = Field(default=[], max_length=60)
    reason: str = Field(default="", max_length=300)
    selectable: bool = True


class CategorySettingsIn(BaseModel):
    """The whole category list, in the order users see it (and ties of the classification rule are broken)."""

    categories: list[CategorySettingIn] = Field(max_length=40)


class CategorySettingsOut(CategorySettingsIn):
    """The categories in force; ``updated_by``/``updated_at`` are empty while the default file is in force."""

    updated_by: str | None
    updated_at: datetime | None


class ServicePeriodIn(BaseModel):
    """Staff answer from ``start`` to ``end`` (local time, ``HH:MM``) on every working day."""

    model_config = ConfigDict(extra="forbid")

    start: str = Field(max_length=5, description="HH:MM")
    end: str = Field(max_length=5, description="HH:MM")


class ServiceHoursSettingIn(BaseModel):
    """The periods of a working day."""

    periods: list[ServicePeriodIn] = Field(max_length=6)


class ServiceHoursSettingOut(ServiceHoursSettingIn):
    """The service hours in force; ``updated_by``/``updated_at`` are empty while the default file is in force."""

    updated_by: str | None
    updated_at: datetime | None

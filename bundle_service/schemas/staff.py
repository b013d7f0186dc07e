"""Bodies of staff login and account management."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class LoginIn(BaseModel):
    """Login name and password."""

    username: str = Field(min_length=1, max_length=40)
    password: str = Field(min_length=1, max_length=200)


class StaffOut(BaseModel):
    """A staff account without its password hash."""

    id: str
    display_name: str
    role: Literal["staff", "admin"]
    active: bool


class LoginOut(BaseModel):
    """A session token (``Authorization: Bearer``) and who it belongs to."""

    token: str
    expires_at: datetime
    staff: StaffOut


class StaffIn(BaseModel):
    """A new account (admin only)."""

    id: str = Field(min_length=2, max_length=40, pattern=r"^[a-zA-Z0-9_.-]+$")
    display_name: str = Field(min_length=1, max_length=80)
    role: Literal["staff", "admin"] = "staff"
    password: str = Field(min_length=8, max_length=200)

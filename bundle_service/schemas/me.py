"""The logged-in user's own applications."""

from pydantic import BaseModel

from bundle_service.schemas.application import ApplicationOut


class MyApplicationsOut(BaseModel):
    """Every application the user filed while logged in (newest first), with state and department lights."""

    applications: list[ApplicationOut]

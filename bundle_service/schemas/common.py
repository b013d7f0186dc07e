"""Error answers shared by every endpoint."""

from pydantic import BaseModel


class FieldErrorOut(BaseModel):
    """One wrong field: name, machine code and Chinese message; ``item``: the chosen item that cannot be applied for."""

    field: str
    code: str
    message: str
    item: str | None = None


class ErrorOut(BaseModel):
    """Body of every error answer (4xx/5xx)."""

    code: str
    message: str
    errors: list[FieldErrorOut] = []

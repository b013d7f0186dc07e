"""Shared pieces of the field validators: the context they read and the text and choice checks."""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bundle_service.applications.field_problem import FieldProblem
from bundle_service.applications.vocabulary import Choice


@dataclass(frozen=True)
class FieldContext:
    """What a validator may consult besides the value.

    Attributes:
        today: Today in the service's time zone.
        values: Other fields of the form (raw or normalised), e.g. the borrower type for the loan amount.
    """

    today: date
    values: Mapping[str, Any] = field(default_factory=dict)


Validator = Callable[[Any, FieldContext], Any]


def text_value(value: Any, label: str, lo: int, hi: int, code: str) -> str:
    """Free text with collapsed whitespace, ``lo``–``hi`` characters long.

    Raises:
        FieldProblem: ``required`` when empty, ``code`` when the length is wrong.
    """
    text = re.sub(r"\s+", " ", str(value if value is not None else "")).strip()
    if not text:
        raise FieldProblem("required", f"请填写{label}。")
    if not lo <= len(text) <= hi:
        raise FieldProblem(code, f"{label}应为{lo}到{hi}个字，您填写了{len(text)}个字。")
    return text


def choice_value(value: Any, choices: Mapping[str, Choice], label: str, code: str) -> str:
    """The code of the choice whose code, label or alias equals the value.

    Raises:
        FieldProblem: ``required`` when empty, ``code`` listing the options when nothing matches.
    """
    text = str(value if value is not None else "").strip()
    if not text:
        raise FieldProblem("required", f"请填写{label}。")
    for choice in choices.values():
        if text in (choice.code, choice.label, *choice.aliases):
            return choice.code
    options = "、".join(c.label for c in choices.values())
    raise FieldProblem(code, f"{label}“{text}”无法识别，请从{options}中选择。")

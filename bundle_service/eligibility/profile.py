"""The one builder of a :class:`~bundle_service.eligibility.rules.Profile`, and what a stated profile may say.

Three callers match a person against the rules: the eligibility API (a profile the person states, overridden by
their records once identified), the whole-form check (the filled-in form) and 免申即享 (the records alone). Each
gathers its facts its own way; all build the profile here, so a fact reaches the rules the same way from each.
"""

from collections.abc import Iterable, Mapping
from dataclasses import fields
from datetime import date
from typing import Any

from bundle_service.adapters.data_sharing import PersonRecords
from bundle_service.applications import fields as f
from bundle_service.applications.catalog import load_items
from bundle_service.applications.field_problem import FieldProblem
from bundle_service.applications.id_numbers import birth_date
from bundle_service.core.errors import FieldError, InvalidInput
from bundle_service.eligibility.rules import Profile, facts_from_records

PROFILE_FACTS = frozenset(field_.name for field_ in fields(Profile)) - {"today", "birth_date", "applying_items"}
# The fields of a stated profile that go through the form's own validators.
STATED_FIELDS = (
    "person_category",
    "other_category",
    "graduation_year",
    "business_started_on",
    "first_time_founder",
    "business_type",
    "id_number",
)


def build_profile(
    today: date, facts: Mapping[str, Any], id_number: str | None = None, applying_items: Iterable[str] = ()
) -> Profile:
    """The profile of a person: ``facts`` (only the profile's own fields count), the birth date from the ID number.

    Args:
        today: Today in the service's time zone.
        facts: Known facts by profile field (``person_category``, ``has_licence``…); others are ignored.
        id_number: The person's normalised ID number, if known.
        applying_items: Items applied for together.
    """
    known = {name: value for name, value in facts.items() if name in PROFILE_FACTS}
    return Profile(
        today=today,
        birth_date=birth_date(id_number) if id_number else None,
        applying_items=frozenset(applying_items),
        **known,
    )


def normalise_stated(stated: Mapping[str, Any], items: Iterable[str], today: date) -> dict[str, Any]:
    """A stated profile's fields normalised by the form's validators (blank ones dropped).

    Raises:
        InvalidInput: every wrongly filled field, and the unknown item codes.
    """
    context = f.FieldContext(today)
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name in STATED_FIELDS:
        raw = stated.get(name)
        if raw is None or raw == "":
            continue
        try:
            values[name] = f.VALIDATORS[name](raw, context)
        except FieldProblem as problem:
            errors.append(FieldError(name, problem.code, problem.message))
    unknown = [code for code in items if code not in load_items()]
    if unknown:
        errors.append(FieldError("items", "item_unknown", f"不认识的事项：{'、'.join(unknown)}。"))
    if errors:
        raise InvalidInput(errors)
    return values


def stated_profile(
    today: date,
    values: Mapping[str, Any],
    records: PersonRecords | None,
    *,
    has_licence: bool | None,
    holds_employment_cert: bool | None,
    business_age_months: int | None,
    items: Iterable[str],
) -> Profile:
    """The profile of what a person states (``values``, normalised), their records overriding it when given.

    ``has_licence`` counts only when the records do not say; a stated employment certificate counts as held.
    """
    facts = dict(values)
    if records is not None:
        facts.update(facts_from_records(records))
    if has_licence is not None and "has_licence" not in facts:
        facts["has_licence"] = has_licence
    if holds_employment_cert and not facts.get("holds_employment_cert"):
        facts["holds_employment_cert"] = True
    facts["business_age_months"] = business_age_months
    return build_profile(today, facts, id_number=facts.get("id_number"), applying_items=items)

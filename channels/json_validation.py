"""One prepared JSON-schema validator per schema, for Rasa's check of every action server response.

Rasa 3.6 checks each response of the action server with ``jsonschema.validate(result, spec)``
(``RemoteAction._validate_action_result``). That function validates the schema itself against its meta-schema and
builds a new validator on every call: on this project's machine 60.7 ms per response against 0.75 ms with a
validator built once (``docs/benchmarks.md``, "Where a turn's time goes"), and a turn with a custom action pays
it at least once. :func:`install` (called by ``channels/server.py`` before Rasa starts) makes ``jsonschema.validate``
keep one checked validator per distinct schema; what it accepts and the error it raises are unchanged.

Rasa's schema checks each returned event against a ``oneOf`` of some twenty event schemas, each pinning ``event``
to its own constant: jsonschema evaluates every alternative and builds an error for each that fails, about 0.5 ms
per event (``docs/benchmarks.md``, "Issue 16, round 4"). For a schema of that shape (:func:`_by_event`) a response
is first checked against the schema without the ``oneOf`` and each event against the one alternative its
``event`` names: when the event is an object with a string ``event`` (which the rest of the schema requires),
every other alternative fails on its constant, so "exactly one alternative holds" is "the named one holds". A
response that passes is valid; anything else is checked by the full schema, which raises the same error as before.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import jsonschema

ORIGINAL = jsonschema.validate


@functools.lru_cache(maxsize=32)
def _validator(schema_json: str, validator_class: Any) -> Any:
    """The validator of a schema (given as canonical JSON), its schema checked once."""
    schema = json.loads(schema_json)
    cls = validator_class or jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@functools.lru_cache(maxsize=32)
def _by_event(schema_json: str, validator_class: Any) -> tuple[Any, dict[str, Any]] | None:
    """For a schema whose ``events`` items are a ``oneOf`` by ``event`` constant: the rest, and each alternative.

    None for any other schema (or constants that are not distinct strings).
    """
    schema = json.loads(schema_json)
    events = schema.get("properties", {}).get("events", {})
    items = events.get("items", {}) if isinstance(events, dict) else {}
    alternatives = items.get("oneOf") if isinstance(items, dict) else None
    if not alternatives or "event" not in items.get("required", []):
        return None
    constants = [alternative.get("properties", {}).get("event", {}).get("const") for alternative in alternatives]
    if not all(isinstance(constant, str) for constant in constants) or len(set(constants)) != len(constants):
        return None
    rest = {**schema, "properties": {**schema["properties"], "events": {**events, "items": {**items}}}}
    del rest["properties"]["events"]["items"]["oneOf"]
    cls = validator_class or jsonschema.validators.validator_for(schema)
    return cls(rest), {
        constant: cls(alternative) for constant, alternative in zip(constants, alternatives, strict=True)
    }


def _surely_valid(instance: Any, key: str, validator_class: Any) -> bool:
    """Whether the event-by-event check shows ``instance`` valid (False: the full schema has to say)."""
    split = _by_event(key, validator_class)
    if split is None or not isinstance(instance, dict) or not isinstance(instance.get("events"), list):
        return False
    rest, by_event = split
    if not rest.is_valid(instance):
        return False
    for event in instance["events"]:
        alternative = by_event.get(event["event"])  # an object with a string "event": the rest checked that
        if alternative is None or not alternative.is_valid(event):
            return False
    return True


def validate(instance: Any, schema: Any, cls: Any = None, *args: Any, **kwargs: Any) -> None:
    """``jsonschema.validate`` with the validator of ``schema`` built once.

    Raises:
        jsonschema.ValidationError: ``instance`` does not match (the best match, as ``jsonschema.validate``).
        jsonschema.SchemaError: ``schema`` itself is invalid.
    """
    if args or kwargs:
        ORIGINAL(instance, schema, cls, *args, **kwargs)
        return
    try:
        key = json.dumps(schema, sort_keys=True)
    except (TypeError, ValueError):  # not plain JSON: no cache key
        ORIGINAL(instance, schema, cls)
        return
    validator = _validator(key, cls)  # the schema itself checked first, as jsonschema.validate does
    if _surely_valid(instance, key, cls):
        return
    error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
    if error is not None:
        raise error


def install() -> None:
    """Make ``jsonschema.validate`` (which Rasa imports when it checks a response) the cached one."""
    jsonschema.validate = validate

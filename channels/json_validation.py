"""One prepared JSON-schema validator per schema, for Rasa's check of every action server response.

Rasa 3.6 checks each response of the action server with ``jsonschema.validate(result, spec)``
(``RemoteAction._validate_action_result``). That function validates the schema itself against its meta-schema and
builds a new validator on every call: on this project's machine 60.7 ms per response against 0.75 ms with a
validator built once (``docs/benchmarks.md``, "Where a turn's time goes"), and a turn with a custom action pays
it at least once. :func:`install` (called by ``channels/server.py`` before Rasa starts) makes ``jsonschema.validate``
keep one checked validator per distinct schema; what it accepts and the error it raises are unchanged.
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
    error = jsonschema.exceptions.best_match(_validator(key, cls).iter_errors(instance))
    if error is not None:
        raise error


def install() -> None:
    """Make ``jsonschema.validate`` (which Rasa imports when it checks a response) the cached one."""
    jsonschema.validate = validate

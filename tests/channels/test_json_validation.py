"""The cached schema validation accepts and refuses exactly what Rasa's check of action responses did."""

import json
from collections.abc import Iterator

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from channels import json_validation

GOOD = {
    "events": [{"event": "slot", "name": "item", "value": "guaranteed_loan", "timestamp": None}],
    "responses": [{"text": "个人最高20万元。"}],
}
BAD = [
    {"events": [{"event": "no_such_event"}], "responses": []},
    {"events": "not a list", "responses": []},
    {"events": [], "responses": [["not an object"]]},
]


@pytest.fixture
def installed() -> Iterator[None]:
    json_validation._validator.cache_clear()
    json_validation.install()
    yield
    jsonschema.validate = json_validation.ORIGINAL


def action() -> RemoteAction:
    return RemoteAction("action_answer_question", EndpointConfig("http://127.0.0.1:1/webhook"))


def test_rasa_checks_responses_through_the_cached_validator(installed: None) -> None:
    assert jsonschema.validate is json_validation.validate
    assert action()._validate_action_result(GOOD)
    for _ in range(3):
        action()._validate_action_result(GOOD)
    assert json_validation._validator.cache_info().currsize == 1  # one schema, one validator


@pytest.mark.parametrize("response", BAD)
def test_the_same_responses_are_refused_with_the_same_error(installed: None, response: dict[str, object]) -> None:
    with pytest.raises(jsonschema.ValidationError) as cached:
        action()._validate_action_result(response)
    with pytest.raises(jsonschema.ValidationError) as original:
        json_validation.ORIGINAL(response, RemoteAction.action_response_format_spec())
    assert cached.value.message.startswith(original.value.message)  # Rasa appends its advice to the message


def test_an_invalid_schema_is_still_refused(installed: None) -> None:
    with pytest.raises(jsonschema.SchemaError):
        jsonschema.validate({}, {"type": "no such type"})


EVENTS = [
    {"event": "slot", "name": "item", "value": None},
    {"event": "slot", "name": "item"},  # no value: refused
    {"event": "slot", "name": 3, "value": 1},
    {"event": "user", "text": "你好", "parse_data": {"intent": {"name": "greet", "confidence": 0.9}, "entities": []}},
    {"event": "user", "text": 5},
    {"event": "user", "parse_data": {"entities": [{"entity": "item"}]}},  # an entity without value
    {"event": "action", "name": "action_listen", "policy": None, "confidence": 1.0},
    {"event": "action", "hide_rule_turn": "yes"},
    {"event": "bot", "text": "好的", "data": {}, "metadata": {}},
    {"event": "bot", "metadata": "not an object"},
    {"event": "active_loop", "name": None},
    {"event": "followup", "name": "action_x", "timestamp": 1.5},
    {"event": "followup", "timestamp": "now"},
    {"event": "entities", "entities": []},
    {"event": "entities"},
    {"event": "no_such_event"},
    {"event": 7},
    {"name": "no event key"},
    "not an object",
]


@pytest.mark.parametrize("size", [1, 2, 3])
def test_every_response_is_accepted_or_refused_as_the_full_schema_does(installed: None, size: int) -> None:
    spec = RemoteAction.action_response_format_spec()
    for start in range(len(EVENTS)):
        response = {"events": [EVENTS[(start + n * 5) % len(EVENTS)] for n in range(size)], "responses": []}
        try:
            json_validation.ORIGINAL(response, spec)
            expected = None
        except jsonschema.ValidationError as error:
            expected = error.message
        try:
            jsonschema.validate(response, spec)
            got = None
        except jsonschema.ValidationError as error:
            got = error.message
        assert got == expected, response


def test_only_an_events_schema_by_constant_is_checked_event_by_event(installed: None) -> None:
    key = json.dumps(RemoteAction.action_response_format_spec(), sort_keys=True)
    split = json_validation._by_event(key, None)
    assert split is not None and {"slot", "user", "action", "bot"} <= split[1].keys()
    assert json_validation._by_event(json.dumps({"type": "object"}), None) is None
    twice = {"properties": {"events": {"items": {"required": ["event"], "oneOf": [
        {"properties": {"event": {"const": "a"}}}, {"properties": {"event": {"const": "a"}}}]}}}}  # fmt: skip
    assert json_validation._by_event(json.dumps(twice), None) is None
    with pytest.raises(jsonschema.ValidationError):  # both alternatives hold: refused by the full schema
        jsonschema.validate({"events": [{"event": "a"}]}, twice)

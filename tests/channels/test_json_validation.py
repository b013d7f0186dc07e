"""The cached schema validation accepts and refuses exactly what Rasa's check of action responses did."""

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

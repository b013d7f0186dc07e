"""``python -m channels.prepared_rasa``: Rasa's commands (``make test-e2e``'s) on the server's code path."""

import sys

import pytest

from channels import prepared_rasa


def test_the_command_is_rasas_own() -> None:
    given = ["test", "core", "--stories", "tests/e2e", "--fail-on-prediction-errors"]
    assert prepared_rasa.rasa_argv(given) == ["rasa", *given]


@pytest.mark.parametrize("given", [[], ["run", "--enable-api"]])
def test_no_command_and_the_server_are_refused(given: list[str]) -> None:
    with pytest.raises(ValueError):
        prepared_rasa.rasa_argv(given)


def test_rasa_runs_after_the_servers_preparation(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    monkeypatch.setattr(prepared_rasa, "prepare_rasa", lambda: calls.append("prepared"))
    monkeypatch.setattr("rasa.__main__.main", lambda: calls.append(list(sys.argv)))
    monkeypatch.setattr(sys, "argv", ["prepared_rasa", "test", "core", "--stories", "tests/e2e"])
    assert prepared_rasa.main() == 0
    assert calls == ["prepared", ["rasa", "test", "core", "--stories", "tests/e2e"]]


def test_a_refused_command_starts_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prepared_rasa, "prepare_rasa", lambda: pytest.fail("prepared for a refused command"))
    monkeypatch.setattr(sys, "argv", ["prepared_rasa", "run"])
    assert prepared_rasa.main() == 2

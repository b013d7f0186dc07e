"""A model load ends with what it loaded frozen out of later garbage collections."""

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from rasa.core.agent import Agent

from channels import gc_freeze


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    loaded: list[Any] = []
    monkeypatch.setattr(gc_freeze, "ORIGINAL", lambda agent, *args, **kwargs: loaded.append([{"weights": args}]))
    monkeypatch.setattr(Agent, "load_model", Agent.load_model)  # restored afterwards
    gc_freeze.install()
    thresholds = gc.get_threshold()
    yield loaded
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_loading_a_model_freezes_what_exists_after_it(installed: list[Any]) -> None:
    gc.unfreeze()
    Agent.load_model(Agent(), "models/assistant.tar.gz")
    assert installed == [[{"weights": ("models/assistant.tar.gz",)}]]  # the real load ran, with its arguments
    assert gc.get_freeze_count() > 0
    assert not any(obj is installed[0] for obj in gc.get_objects(generation=2))  # not walked by full collections


def test_the_youngest_generation_is_collected_less_often_after_a_load(installed: list[Any]) -> None:
    older = gc.get_threshold()[1:]
    Agent.load_model(Agent(), "models/assistant.tar.gz")
    assert gc.get_threshold() == (gc_freeze.YOUNG_THRESHOLD, *older)  # the older generations' counts unchanged

"""The ordered graph run gives what Rasa's dask run gives: outputs, missing inputs, errors."""

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.exceptions import GraphComponentException, GraphRunError
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

from channels import graph_runner


class Adder(GraphComponent):
    """Adds its inputs and its ``base``; calls for a message list append to it (order of side effects)."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.base = config["base"]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "Adder":
        return cls(config)

    def add(self, **values: Any) -> Any:
        if "messages" in values:
            values["messages"].append(self.base)
            return values["messages"]
        if self.base < 0:
            raise RuntimeError("broken component")
        return self.base + sum(values.values())


def node(base: int, **needs: str) -> SchemaNode:
    return SchemaNode(needs=needs, uses=Adder, constructor_name="create", fn="add", config={"base": base})


SCHEMA = GraphSchema(
    {
        "a": node(1, x="__x__"),
        "b": node(10, a="a"),
        "c": node(100, a="a", b="b"),
        "d": node(1000, b="b"),
        "first": node(1, messages="__messages__"),
        "second": node(2, messages="first"),
        "third": node(3, messages="second"),
        "orphan": node(0, y="no_such_node"),
        "broken": node(-1, a="a"),
    }
)


@pytest.fixture
def runner(tmp_path: Path) -> DaskGraphRunner:
    return DaskGraphRunner(SCHEMA, LocalModelStorage(tmp_path), ExecutionContext(GraphSchema({}), "test"))


@pytest.mark.parametrize("targets", [["c"], ["c", "d"], ["d", "a"], ["__x__", "b"]])
def test_the_outputs_are_those_of_rasas_dask_run(runner: DaskGraphRunner, targets: list[str]) -> None:
    expected = graph_runner.ORIGINAL(runner, {"__x__": 5}, targets)
    assert graph_runner.run(runner, {"__x__": 5}, targets) == expected
    assert graph_runner.run(runner, {"__x__": 7}, targets) == graph_runner.ORIGINAL(runner, {"__x__": 7}, targets)


def test_a_chain_runs_in_its_order(runner: DaskGraphRunner) -> None:
    assert graph_runner.run(runner, {"__messages__": []}, ["third"]) == {"third": [1, 2, 3]}


def test_an_input_replaces_the_node_of_its_name(runner: DaskGraphRunner) -> None:
    inputs = {"__x__": 5, "b": 0}
    assert graph_runner.run(runner, inputs, ["c"]) == graph_runner.ORIGINAL(runner, inputs, ["c"]) == {"c": 106}


@pytest.mark.parametrize(("inputs", "targets"), [({}, ["orphan"]), ({"__x__": 5}, ["broken"]), ({"__x__": "a"}, ["c"])])
def test_failures_are_rasas(runner: DaskGraphRunner, inputs: dict[str, Any], targets: list[str]) -> None:
    with pytest.raises(Exception) as rasas:
        graph_runner.ORIGINAL(runner, inputs, targets)
    assert isinstance(rasas.value, GraphRunError | GraphComponentException)
    with pytest.raises(type(rasas.value)):
        graph_runner.run(runner, inputs, targets)
